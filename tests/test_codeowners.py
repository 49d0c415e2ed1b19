"""CODEOWNERS is generated from the agencies registry, in sync and well-formed."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from partracker.reading.dataset import load_dataset
from partracker.tools import codeowners as co
from partracker.tools.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_codeowners_is_in_sync_with_the_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    plan = load_dataset(Path("plan-data")).plan
    assert plan is not None
    saved = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert saved == co.render(plan), "run `partracker codeowners` and commit .github/CODEOWNERS"
    result = CliRunner().invoke(main, ["codeowners", "--check"])
    assert (result.exit_code, result.stdout) == (0, ".github/CODEOWNERS: khớp danh mục đơn vị / matches the agencies registry.\n")


def test_codeowners_is_well_formed_and_covers_every_agency() -> None:
    text = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert co.malformed_lines(text) == []
    rules = [line for line in text.splitlines() if line and not line.startswith("#")]
    # The catch-all comes first: in CODEOWNERS the last matching line wins.
    assert rules[0] == "* @gialai-par-index/maintainers"
    plan = load_dataset(ROOT / "plan-data").plan
    assert plan is not None
    assert rules[1:] == [f"/plan-data/progress/{a.id}/ @gialai-par-index/{a.id}" for a in sorted(plan.agencies, key=lambda a: a.id)]
    assert co.malformed_lines("docs/ maintainers\n# ok\n* @org/team\n") == [(1, "docs/ maintainers")]


def test_codeowners_command_writes_and_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "CODEOWNERS"
    result = CliRunner().invoke(main, ["codeowners", "--org", "example-org", "--output", str(out)])
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "* @example-org/maintainers\n/plan-data/progress/bao-gia-lai/ @example-org/bao-gia-lai\n" in text
    out.write_text(text + "* @someone/else\n", encoding="utf-8")
    stale = CliRunner().invoke(main, ["codeowners", "--org", "example-org", "--output", str(out), "--check"])
    assert stale.exit_code == 1
    assert stale.stderr == f"{out}: lỗi thời, chạy `partracker codeowners` / out of date, run `partracker codeowners`.\n"
