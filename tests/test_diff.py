"""`partracker diff`: what a pull request changes, in Markdown, Vietnamese and English."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_reports_cli import git
from test_reports_fixture import GOOD_REPORT, make_plan, write

from partracker.outputs.render import md_code, md_escape
from partracker.tools import diff as df
from partracker.tools.cli import main

AS_OF = dt.date(2017, 12, 31)

CORRECTION = '''\
agency: "so-noi-vu"
period: "2017-q1"
submitted: "2017-04-12"
entries:
  - id: "e1"
    task: "A-I-1"
    status: "done"
    targets: {t1: 100}
    reported: "2017-04-12"
    completed: "2017-04-10"
    corrects: "2017-q1#e1"
'''

OTHER = '''\
agency: "so-tu-phap"
period: "2017-q2"
submitted: "2017-06-02"
entries:
  - id: "e1"
    task: "A-I-2"
    status: "in_progress"
    percent: 30
    note: {vi: "Chờ | ý kiến *Sở*", en: "Waiting | for *comments*"}
    reported: "2017-06-02"
'''


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    data = make_plan(tmp_path)
    write(data, "progress/so-noi-vu/2017-q1.yaml", GOOD_REPORT)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "base")
    write(data, "progress/so-noi-vu/2017-q1-2.yaml", CORRECTION)
    write(data, "progress/so-tu-phap/2017-q2.yaml", OTHER)
    return data


def test_compare_finds_added_reports_status_and_target_changes(repo: Path) -> None:
    result = df.compare(df.load_side(repo, "main"), df.load_side(repo, None), as_of=AS_OF)
    assert [r.file for r in result.added] == ["progress/so-noi-vu/2017-q1-2.yaml", "progress/so-tu-phap/2017-q2.yaml"]
    assert result.rewritten == ()
    assert [(c.agency, c.task, c.old, c.new, c.ref, c.corrected) for c in result.status_changes] == [
        ("so-noi-vu", "A-I-1", "in_progress", "done", "2017-q1-2#e1", True),
        ("so-tu-phap", "A-I-2", None, "in_progress", "2017-q2#e1", False),
    ]
    assert [(c.task, c.target, c.old, c.new) for c in result.target_changes] == [("A-I-1", "t1", 60.0, 100.0)]
    # Obligation statuses come from partracker.domain.schedule at the as-of date.
    assert result.obligations is not None
    assert [(c.id, c.agency, c.due, c.old, c.new, c.title["en"]) for c in result.obligations] == [
        # Sở Tư pháp's new Q2 report is its own quarterly report to the Department of Home Affairs.
        ("2017/A-I-1/tier-1-quarterly-q2/so-tu-phap", "so-tu-phap", "2017-06-04", "not_assessed", "done_on_time", "Quarterly report Q2 2017 to DOHA"),
        ("2017/A-I-1/recurring-annual/so-noi-vu", "so-noi-vu", "2017-12-31", "due_soon", "done_on_time", "Carry out during 2017"),
        ("2017/A-I-1/target-t1/so-noi-vu", "so-noi-vu", "2017-12-31", "due_soon", "done_on_time", "Target for 2017: Share at least 100%"),
    ]


def test_a_rewritten_report_is_flagged(repo: Path) -> None:
    (repo / "progress/so-noi-vu/2017-q1.yaml").write_text(GOOD_REPORT.replace("percent: 40", "percent: 45"), encoding="utf-8")
    result = df.compare(df.load_side(repo, "main"), df.load_side(repo, None), as_of=AS_OF)
    assert result.rewritten == ("progress/so-noi-vu/2017-q1.yaml",)
    assert "### ⚠️ Filed report files changed or deleted (not allowed; validation fails)\n\n- `progress/so-noi-vu/2017-q1.yaml`\n" in df.render(result, base="main", head="working tree")


def test_markdown_is_bilingual_and_escapes_markdown(repo: Path) -> None:
    result = df.compare(df.load_side(repo, "main"), df.load_side(repo, None), as_of=AS_OF)
    text = df.render(result, base="main", head="HEAD")
    vi, en = text.split("## Summary of changes")
    assert vi.startswith("## Tóm tắt thay đổi\n\nSo sánh `main` với `HEAD`.\n\n### Báo cáo mới\n\n| Đơn vị | Kỳ | Tệp | Ngày nộp | Số mục |\n|---|---|---|---|---|\n")
    assert "| so-noi-vu | 2017-q1 | `progress/so-noi-vu/2017-q1-2.yaml` | 2017-04-12 | 1 |\n" in vi
    assert "| so-noi-vu | A-I-1 | Đang thực hiện (in\\_progress) | Đã hoàn thành (done) (đính chính) | `2017-q1-2#e1` |\n" in vi
    assert "| so-tu-phap | A-I-2 | — | In progress (in\\_progress) | `2017-q2#e1` |\n" in en
    assert "### Target values that change\n\n| Agency | Task | Target | Before | After | Report entry |\n|---|---|---|---|---|---|\n| so-noi-vu | A-I-1 | t1 | 60 | 100 | `2017-q1-2#e1` |\n" in en
    assert "### Obligation statuses that change\n\n| Obligation | Agency | Due | Before | After |\n" in en
    assert text.endswith("|\n") and "\n\n\n" not in text
    assert str(md_escape("a | *b* <i>x</i>\n[l](u)")) == "a \\| \\*b\\* &lt;i&gt;x&lt;/i&gt; \\[l\\](u)"
    assert str(md_code("a|b`c")) == "``a\\|b`c``"


def test_diff_command_prints_the_summary(repo: Path) -> None:
    git(repo.parent, "add", "-A")
    git(repo.parent, "commit", "-q", "-m", "head")
    result = CliRunner().invoke(main, ["diff", "main~1", "main", "--as-of", "2017-12-31"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("## Tóm tắt thay đổi\n\nSo sánh `main~1` với `main`.\n")
    assert "| so-tu-phap | 2017-q2 | `progress/so-tu-phap/2017-q2.yaml` | 2017-06-02 | 1 |" in result.stdout
    nothing = CliRunner().invoke(main, ["diff", "main", "--as-of", "2017-12-31"])
    assert nothing.exit_code == 0
    assert "### New reports\n\nNone.\n" in nothing.stdout
    bad = CliRunner().invoke(main, ["diff", "no-such-ref"])
    assert bad.exit_code == 2
    assert bad.stderr.splitlines()[0].startswith("không tìm thấy nhánh hoặc commit 'no-such-ref' — cách sửa: ")
    assert bad.stderr.splitlines()[1].startswith("no branch or commit 'no-such-ref' was found — fix: ")


@pytest.mark.parametrize("ref", ["--output=victim.txt", "-o", "--remote=x", "--exec=touch pwned"])
def test_a_ref_that_looks_like_an_option_never_reaches_git(repo: Path, ref: str) -> None:
    victim = repo.parent / "victim.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    for args in (["diff", "--", ref], ["diff", "main", "--", ref], ["validate", "--base", ref]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code in (1, 2) and f"'{ref}'" in result.stderr, (args, result.stderr)
    assert victim.read_text(encoding="utf-8") == "keep me\n" and not (repo.parent / "pwned").exists()
