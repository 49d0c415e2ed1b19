"""The benchmark cannot rot: the synthetic plan validates, and a tiny `bench --json` run carries every figure (not timed)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner

from partracker.reading.dataset import load_dataset
from partracker.tools import bench as bench
from partracker.tools import synthetic
from partracker.tools.cli import main


def test_synthetic_plan_validates_with_the_real_validator(tmp_path: Path) -> None:
    summary = synthetic.generate(tmp_path / "plan", tasks=80)
    done = subprocess.run(
        [sys.executable, "-m", "partracker", "validate", "--data", str(summary.root), "--as-of", bench.AS_OF, "--lang", "en"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == f"{summary.root}: valid — 80 tasks, 47 agencies, {summary.report_files} report files.\n"
    # Five years of quarterly reports, one entry per task from its lead agency.
    assert summary.entries == 80 * 20
    loaded = load_dataset(summary.root)
    assert loaded.plan is not None
    assert [s.id for s in loaded.plan.sections] == ["A-I", "A-II", "B-I", "B-II", "C-I", "C-II"]
    assert len(loaded.plan.tasks) == 80
    assert sorted({r.split("/")[2] for r in loaded.report_files})[:3] == ["2016-q1.yaml", "2016-q2.yaml", "2016-q3.yaml"]


def test_synthetic_plan_is_reproducible(tmp_path: Path) -> None:
    a = synthetic.generate(tmp_path / "a", tasks=12)
    b = synthetic.generate(tmp_path / "b", tasks=12)
    files_a = sorted(p.relative_to(a.root).as_posix() for p in a.root.rglob("*.yaml"))
    files_b = sorted(p.relative_to(b.root).as_posix() for p in b.root.rglob("*.yaml"))
    assert files_a == files_b
    assert all((a.root / f).read_bytes() == (b.root / f).read_bytes() for f in files_a)
    c = synthetic.generate(tmp_path / "c", tasks=12, seed=1)
    assert (c.root / "tasks" / "A-I.yaml").read_bytes() != (a.root / "tasks" / "A-I.yaml").read_bytes()


def test_layout_keeps_sections_within_what_the_loader_numbers() -> None:
    assert synthetic.layout(10_000)[-1][:2] == ("C", "XII")
    assert len(synthetic.layout(10_000)) == 36
    assert sum(n for _, _, n in synthetic.layout(10_000)) == 10_000
    assert synthetic.layout(20) == [("A", "I", 7), ("B", "I", 7), ("C", "I", 6)]


class _FunctionNames(yaml.SafeLoader):
    """Reads a plain config, keeping a !!python/name: tag as the name it gives."""


_FunctionNames.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: suffix)


def test_plain_dump_has_the_generated_pages_and_the_same_navigation(tmp_path: Path) -> None:
    from partracker.outputs.mkdocs_site import nav
    from partracker.outputs.urls import Urls

    summary = synthetic.generate(tmp_path / "plan", tasks=6)
    configs = bench.dump_plain(summary.root, tmp_path / "plain")
    assert [c.name for c in configs] == ["mkdocs.vi.yml", "mkdocs.en.yml"]
    config = yaml.load(configs[0].read_text(encoding="utf-8"), Loader=_FunctionNames)  # noqa: S506 - names stay text
    assert "hooks" not in config and config["plugins"] == [{"search": {"lang": "vi"}}]
    # The same Markdown as the real build, heading slugs included.
    assert {"toc": {"permalink": True, "slugify": "partracker.language.folding.slugify"}} in config["markdown_extensions"]
    plan = load_dataset(summary.root).plan
    docs = tmp_path / "plain" / "docs" / "vi"
    assert config["nav"] == nav("vi", plan, Urls(None), {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()})
    assert (docs / "tasks" / "a-i-1.md").is_file()
    assert (docs / "agencies" / "so-noi-vu.md").is_file()


def test_bench_quick_json_has_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(main, ["bench", "--quick", "--json", "--parts", "validation", "--entries", "400", "--out", str(out), "--work-dir", str(tmp_path / "work")])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(data["figures"]) == sorted(bench.TARGETS)
    for key, fig in data["figures"].items():
        assert set(fig) == {"label", "value", "target", "comparator", "unit", "met"}, key
    assert data["figures"]["validation_entries_per_s"]["value"] > 0
    assert data["figures"]["validation_entries_per_s"]["met"] in (True, False)
    assert data["results"]["validation"]["entries"] == 400
    # Beside validate: the floor, the peer (pinned in the test extra) and the cache, each measured.
    for figure in ("validation_floor_ratio", "validation_peer_ratio", "cache_warm_s", "cache_one_new_s"):
        assert data["figures"][figure]["value"] is not None and data["figures"][figure]["value"] >= 0, figure
    validation = data["results"]["validation"]
    assert validation["run"]["cpu_seconds"] > 0 and validation["floor"]["cpu_seconds"] > 0 and validation["peer"]["cpu_seconds"] > 0
    assert validation["cache_warm"]["returncode"] == validation["cache_one_new"]["returncode"] == 0
    assert set(data["machine"]) >= {"nproc", "memory_gb", "python", "mkdocs", "material"}


def test_bench_rejects_unknown_parts() -> None:
    result = CliRunner().invoke(main, ["bench", "--parts", "validation,speed"])
    assert result.exit_code == 2
    assert "unknown part(s) speed; expected some of real, compare, scaling, validation, serve, pages" in result.output


def test_table_lists_figure_target_and_met() -> None:
    result = {"figures": bench.figures({"validation": {"entries_per_s": 150_000.0}})}
    lines = bench.table(result).splitlines()
    assert lines[0] == "| Figure | Value | Target | Met |"
    assert "| validation throughput | 150,000 entries/s | ≥ 100,000 entries/s | yes |" in lines
    assert "| largest HTML page (real plan) | — | ≤ 150 KB | — |" in lines
