"""When a report became public: the date its file first reached the main branch, read from git, shown beside `submitted`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_reports_fixture import GOOD_REPORT, make_plan, write

from partracker.domain import progress
from partracker.domain.model import Report
from partracker.outputs import compiled, mkdocs_site, opendata, pages
from partracker.outputs.context import BuildContext, BuildOptions
from partracker.reading.dataset import load_dataset
from partracker.reading.history import publication_dates
from partracker.tools import cli

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2017, 12, 31)
REPORT = "progress/so-noi-vu/2017-q1.yaml"  # GOOD_REPORT: submitted "2017-03-04"


def git(repo: Path, *args: str, when: str = "2017-01-01T00:00:00+00:00") -> str:
    """Run git in ``repo`` as a scratch author, every commit dated ``when``."""
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def commit(repo: Path, message: str, when: str) -> None:
    git(repo, "add", "-A", when=when)
    git(repo, "commit", "-q", "-m", message, when=when)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A scratch repository holding the small test plan under plan-data/, first committed on 2017-01-01, branch main."""
    make_plan(tmp_path)
    write(tmp_path / "plan-data", "progress/.gitkeep", "")
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, "plan", "2017-01-01T00:00:00+00:00")
    return tmp_path


def entry_pages(ctx: BuildContext, lang: str) -> dict[str, str]:
    """The task, agency and period-report pages of one language, rendered as the registry renders them."""
    out = {}
    for output in (pages.task_pages, pages.agency_pages, compiled.compiled_pages):
        for item in output(ctx, lang):  # type: ignore[arg-type]
            if isinstance(item, pages.Page):
                out[item.path] = ctx.render(item.template, lang=lang, page=item.path, **item.values)  # type: ignore[arg-type]
    return out


def open_data(ctx: BuildContext) -> dict[str, str]:
    return {f.path: f.content for f in opendata.data_files(ctx, "en") if f.path.startswith("data/progress.")}  # type: ignore[misc]


def test_a_file_is_dated_by_its_first_commit_on_the_branch_in_the_plans_time_zone(repo: Path) -> None:
    data = repo / "plan-data"
    write(data, REPORT, GOOD_REPORT)
    # 20:00 UTC on 4 March is already 5 March in Asia/Ho_Chi_Minh.
    commit(repo, "Q1 report", "2017-03-04T20:00:00+00:00")
    # A later edit does not move the date the report first became public.
    write(data, REPORT, GOOD_REPORT + "# edited\n")
    commit(repo, "edit", "2017-08-01T00:00:00+00:00")
    # A report reaching main through a merge is dated by the merge, not by the clerk's own commit.
    git(repo, "checkout", "-q", "-b", "clerk")
    write(data, "progress/so-noi-vu/2017-q2.yaml", GOOD_REPORT.replace('"2017-q1"', '"2017-q2"').replace('"2017-03-04"', '"2017-04-10"'))
    commit(repo, "Q2 report", "2017-04-10T02:00:00+00:00")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "merge Q2", "clerk", when="2017-04-20T02:00:00+00:00")
    # A file not yet committed has no date.
    write(data, "progress/so-tu-phap/2017-q1.yaml", GOOD_REPORT.replace('"so-noi-vu"', '"so-tu-phap"'))

    found = publication_dates(data, "Asia/Ho_Chi_Minh")
    assert found.unknown is None
    assert dict(found.dates) == {REPORT: dt.date(2017, 3, 5), "progress/so-noi-vu/2017-q2.yaml": dt.date(2017, 4, 20)}
    loaded = load_dataset(data, as_of=AS_OF)
    assert loaded.problems == []
    assert {r.file: r.published for r in loaded.reports} == {
        REPORT: "2017-03-05", "progress/so-noi-vu/2017-q2.yaml": "2017-04-20", "progress/so-tu-phap/2017-q1.yaml": None}


def test_a_backdated_report_committed_later_is_shown_as_published_late(repo: Path) -> None:
    # Submitted 4 March, on the main branch only on 10 May: 67 days later. (The Department of Justice owes the Department
    # of Home Affairs a quarterly report, so the period's consolidated report lists it.)
    write(repo / "plan-data", "progress/so-tu-phap/2017-q1.yaml", GOOD_REPORT.replace('"so-noi-vu"', '"so-tu-phap"'))
    commit(repo, "Q1 report, filed late", "2017-05-10T03:00:00+00:00")
    ctx = BuildContext.load(BuildOptions(data_dir=repo / "plan-data", as_of=AS_OF))
    (report,) = ctx.reports
    assert (report.submitted, report.published, progress.published_late(report)) == ("2017-03-04", "2017-05-10", True)
    # Statuses still use the date submitted: the Q1 report, due 4 March, was sent on time.
    (q1,) = [a for a in ctx.agency_assessments("so-tu-phap") if a.report is report and a.entry is None]
    assert (q1.obligation.due, q1.on, q1.status) == (dt.date(2017, 3, 4), dt.date(2017, 3, 4), "done_on_time")

    vi, en = entry_pages(ctx, "vi"), entry_pages(ctx, "en")
    late_en = '<time datetime="2017-05-10">10 May 2017</time> <span class="pt-published-late">(published late)</span>'
    assert f"Submitted: <time datetime=\"2017-03-04\">4 March 2017</time><br>Published: {late_en}" in en["tasks/a-i-1.md"]
    assert f"| 4 March 2017 | {late_en} | 2 |" in en["agencies/so-tu-phap.md"]
    assert "(công bố muộn)" in vi["agencies/so-tu-phap.md"] and "Ngày công bố" in vi["agencies/so-tu-phap.md"]
    # The period's consolidated report: the agency's Q1 report to the province, dated both ways.
    assert f"| 4 March 2017 | {late_en} |" in en["progress/compiled/2017-q1.md"]

    rows = json.loads(open_data(ctx)["data/progress.json"])
    assert {(r["submitted"], r["published"], r["published_late"]) for r in rows} == {("2017-03-04", "2017-05-10", True)}
    header, first = open_data(ctx)["data/progress.csv"].removeprefix("\ufeff").splitlines()[:2]  # the byte order mark Excel needs
    assert header.startswith("agency,period,file,submitted,published,published_late,demo,")
    assert first.startswith("so-tu-phap,2017-q1,progress/so-tu-phap/2017-q1.yaml,2017-03-04,2017-05-10,True,False,")


def test_thirty_days_after_submission_is_not_yet_late() -> None:
    report = Report("so-noi-vu", "2017-q1", REPORT, "2017-03-04", ())
    assert progress.published_late(report) is None  # unknown, never guessed
    assert progress.published_late(dataclasses.replace(report, published="2017-04-03")) is False  # 30 days
    assert progress.published_late(dataclasses.replace(report, published="2017-04-04")) is True  # 31 days


def test_a_report_sent_after_its_own_first_commit_is_refused_where_it_says_so(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(repo / "plan-data", REPORT, GOOD_REPORT)
    commit(repo, "Q1 report", "2017-03-02T03:00:00+00:00")
    monkeypatch.chdir(repo)
    assert [p.format("en") for p in load_dataset(repo / "plan-data", as_of=AS_OF).problems] == [
        (
            "plan-data/progress/so-noi-vu/2017-q1.yaml:4:12: submitted: date '2017-03-04' is after the day the report file reached the main branch"
            " (2017-03-02); a report cannot be sent after it was made public — fix: write the day the agency actually sent the report, no later than 2017-03-02"
        )
    ]
    run = CliRunner().invoke(cli.main, ["validate", "--as-of", "2017-12-31"])
    assert run.exit_code == 1
    assert (
        "plan-data/progress/so-noi-vu/2017-q1.yaml:4:12: ngày gửi (submitted): ngày '2017-03-04' muộn hơn ngày tệp báo cáo được đưa lên nhánh chính (2017-03-02);"
        " báo cáo không thể gửi sau khi đã công bố — cách sửa: ghi đúng ngày đơn vị gửi báo cáo, không muộn hơn 2017-03-02"
    ) in run.output


def test_a_report_clean_before_its_commit_is_checked_again_once_committed(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    # The validation cache keys a file by the day it reached the branch too: a clean result from before the commit is not reused.
    from partracker.reading import cache

    write(repo / "plan-data", REPORT, GOOD_REPORT)
    cache_dir = tmp_path_factory.mktemp("cache")
    assert cache.validate(repo / "plan-data", as_of=AS_OF, cache_dir=cache_dir).problems == []
    commit(repo, "Q1 report", "2017-03-02T03:00:00+00:00")
    (problem,) = cache.validate(repo / "plan-data", as_of=AS_OF, cache_dir=cache_dir).problems
    assert (problem.code, problem.line, problem.column) == ("report.submitted_after_published", 4, 12)


def test_without_git_the_dates_are_unknown_and_the_build_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = make_plan(tmp_path)  # not in a git checkout
    write(data, REPORT, GOOD_REPORT)
    ctx = BuildContext.load(BuildOptions(data_dir=data, as_of=AS_OF))
    assert ctx.publication.unknown == "no_git"
    (report,) = ctx.reports
    assert (report.published, progress.published_late(report)) == (None, None)
    assert "| 4 March 2017 | unknown | 2 |" in entry_pages(ctx, "en")["agencies/so-noi-vu.md"]
    assert json.loads(open_data(ctx)["data/progress.json"])[0]["published"] is None

    # `partracker build` says plainly why (the site itself is not built here: other tests build sites).
    monkeypatch.setattr(mkdocs_site, "build_site", lambda *args, **kwargs: None)
    monkeypatch.chdir(tmp_path)
    run = CliRunner().invoke(cli.main, ["build", "--lang", "en", "--as-of", "2017-12-31", "--config", str(ROOT / "mkdocs.yml"), "--site-dir", "site"])
    assert run.exit_code == 0, run.output
    assert "git could not read the history of plan-data/ (not in a git checkout, or no commit yet), so the date each report became public is unknown" in run.output


def test_a_shallow_clone_gives_no_dates_rather_than_wrong_ones(repo: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    write(repo / "plan-data", REPORT, GOOD_REPORT)
    commit(repo, "Q1 report", "2017-03-05T03:00:00+00:00")
    write(repo / "plan-data", "progress/so-noi-vu/2017-q2.yaml", GOOD_REPORT.replace('"2017-q1"', '"2017-q2"').replace('"2017-03-04"', '"2017-04-10"'))
    commit(repo, "Q2 report", "2017-04-11T03:00:00+00:00")
    clone = tmp_path_factory.mktemp("shallow") / "clone"
    git(repo, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    found = publication_dates(clone / "plan-data", "Asia/Ho_Chi_Minh")
    assert (found.unknown, dict(found.dates)) == ("shallow", {})
    monkeypatch.setattr(mkdocs_site, "build_site", lambda *args, **kwargs: None)
    monkeypatch.chdir(clone)
    run = CliRunner().invoke(cli.main, ["build", "--lang", "en", "--as-of", "2017-12-31", "--config", str(ROOT / "mkdocs.yml"), "--site-dir", "site"])
    assert run.exit_code == 0, run.output
    assert "this git checkout is shallow (older commits are missing), so the date each report became public is unknown" in run.output
