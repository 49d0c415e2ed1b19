"""CODEOWNERS is generated from the agencies registry and the deployment setting, in sync and well-formed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from partracker.reading.dataset import load_dataset
from partracker.reading.deployment import load_deployment
from partracker.tools import codeowners as co
from partracker.tools.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_codeowners_is_in_sync_with_the_registry_and_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    plan = load_dataset(Path("plan-data")).plan
    assert plan is not None
    saved = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert saved == co.render(plan, org=load_deployment(ROOT).organisation), "run `partracker codeowners` and commit .github/CODEOWNERS"
    result = CliRunner().invoke(main, ["codeowners", "--check"])
    assert result.exit_code == 0
    assert result.stdout == ".github/CODEOWNERS: khớp danh mục đơn vị / matches the agencies registry.\n"


def test_without_an_organisation_no_team_is_invented() -> None:
    # The shipped setting names no organisation: the file owns nothing and says why; the command says so too.
    assert load_deployment(ROOT).organisation is None
    text = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if line and not line.startswith("#")] == []
    assert "deployment.yaml names no GitHub organisation (organisation:)" in text
    result = CliRunner().invoke(main, ["codeowners", "--check"], catch_exceptions=False)
    assert "Note: deployment.yaml names no GitHub organisation (organisation) and no --org was given, so CODEOWNERS gives no folder to any team." in result.stderr


def test_codeowners_is_well_formed_and_covers_every_agency() -> None:
    plan = load_dataset(ROOT / "plan-data").plan
    assert plan is not None
    text = co.render(plan, org="Gialai-PAR")
    assert co.malformed_lines(text) == []
    rules = [line for line in text.splitlines() if line and not line.startswith("#")]
    # The catch-all comes first: in CODEOWNERS the last matching line wins.
    assert rules[0] == "* @Gialai-PAR/maintainers"
    assert rules[1:] == [f"/plan-data/progress/{a.id}/ @Gialai-PAR/{a.id}" for a in sorted(plan.agencies, key=lambda a: a.id)]
    assert co.malformed_lines("docs/ maintainers\n# ok\n* @org/team\n") == [(1, "docs/ maintainers")]


def test_the_organisation_comes_from_the_option_then_the_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(ROOT / "plan-data", project / "plan-data")
    monkeypatch.chdir(project)
    (project / "deployment.yaml").write_text('organisation: "setting-org"\n', encoding="utf-8")
    out = tmp_path / "CODEOWNERS"
    result = CliRunner().invoke(main, ["codeowners", "--output", str(out)])
    assert (result.exit_code, result.stderr) == (0, "")
    assert "* @setting-org/maintainers\n/plan-data/progress/bao-gia-lai/ @setting-org/bao-gia-lai\n" in out.read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["codeowners", "--org", "option-org", "--output", str(out)])
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "* @option-org/maintainers\n" in text and "setting-org" not in text
    out.write_text(text + "* @someone/else\n", encoding="utf-8")
    stale = CliRunner().invoke(main, ["codeowners", "--org", "option-org", "--output", str(out), "--check"])
    assert stale.exit_code == 1
    assert stale.stderr == f"{out}: lỗi thời, chạy `partracker codeowners` / out of date, run `partracker codeowners`.\n"
    # A setting that does not read as an organisation name is refused where it is written.
    (project / "deployment.yaml").write_text('organisation: "my org"\n', encoding="utf-8")
    bad = CliRunner().invoke(main, ["codeowners", "--output", str(out)])
    assert bad.exit_code == 1
    assert "deployment.yaml:1:15: organisation: giá trị 'my org' không đúng dạng tên tổ chức GitHub — cách sửa: viết theo dạng \"<org>\"" in bad.stderr
