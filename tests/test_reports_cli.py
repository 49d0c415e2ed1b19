"""`partracker new-report` (the scaffold) and `partracker validate --base` (append-only history)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_reports_fixture import GOOD_REPORT, make_plan, write

from partracker.domain.duties import duties
from partracker.reading.dataset import load_dataset
from partracker.reading.history import history_problems
from partracker.reading.schemas import REPORT_SCHEMA_COMMENT
from partracker.reading.yamlload import load_file
from partracker.tools.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make_plan(tmp_path)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def fill(text: str) -> str:
    """What a clerk does: set statuses (one done, with its date), leave the rest."""
    text = text.replace('status: "not_started"', 'status: "in_progress"', 1)
    text = text.replace('status: "not_started"', 'status: "done"', 1)
    head, sep, tail = text.partition('status: "done"')
    tail = tail.replace('    # completed: "2017-03-31"', '    completed: "2017-03-20"', 1)
    return head + sep + tail


def test_new_report_lists_exactly_the_owed_tasks_and_validates_once_filled(data: Path) -> None:
    code, out, err = run("new-report", "--agency", "so-noi-vu", "--period", "2017-q1", "--data", "plan-data", "--date", "2017-03-31")
    assert (code, err) == (0, "")
    assert out == "plan-data/progress/so-noi-vu/2017-q1.yaml: đã tạo — 2 mục / created — 2 entries.\n"
    path = data / "progress" / "so-noi-vu" / "2017-q1.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(REPORT_SCHEMA_COMMENT + "\n# Báo cáo tiến độ — Sở Nội vụ — Quý I năm 2017\n# Progress report — Department of Home Affairs — Quarter 1 2017\n")
    doc = load_file(path)
    # A-I-1 directly (lead); A-I-3 through the collective so-ban-nganh-tinh; never A-I-2 or A-I-4.
    assert [(e["id"], e["task"], e["status"]) for e in doc.data["entries"]] == [("e1", "A-I-1", "not_started"), ("e2", "A-I-3", "not_started")]
    assert "  # A-I-3 (chủ trì / lead — qua nhóm so-ban-nganh-tinh / through so-ban-nganh-tinh)\n" in text
    assert "    #   t1: 100  # Tỷ lệ / Share\n" in text
    assert load_dataset(data, as_of=dt.date(2017, 4, 1)).problems == []
    path.write_text(fill(text), encoding="utf-8")
    assert [e["status"] for e in load_file(path).data["entries"]] == ["in_progress", "done"]
    assert load_dataset(data, as_of=dt.date(2017, 4, 1)).problems == []


def test_new_report_for_the_real_plan_validates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "plan-data", tmp_path / "plan-data")
    monkeypatch.chdir(tmp_path)
    code, _, err = run("new-report", "--agency", "so-noi-vu", "--period", "2017-q1", "--date", "2017-03-31")
    assert (code, err) == (0, "")
    path = tmp_path / "plan-data" / "progress" / "so-noi-vu" / "2017-q1.yaml"
    path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    dataset = load_dataset(tmp_path / "plan-data", as_of=dt.date(2017, 4, 1))
    assert [p.format("en") for p in dataset.problems] == []
    (report,) = dataset.reports
    assert [e.task for e in report.entries] == [d.task.id for d in duties(dataset.plan, "so-noi-vu")]  # type: ignore[arg-type]


def test_new_report_never_overwrites(data: Path) -> None:
    write(data, "progress/so-noi-vu/2017-q1.yaml", GOOD_REPORT)
    write(data, "progress/so-noi-vu/2017-q1-2.yaml", GOOD_REPORT)
    code, out, err = run("new-report", "--agency", "so-noi-vu", "--period", "2017-q1", "--data", "plan-data")
    assert (code, out) == (1, "")
    assert err == (
        "plan-data/progress/so-noi-vu/2017-q1.yaml:1:1: (file): tệp plan-data/progress/so-noi-vu/2017-q1.yaml đã có; báo cáo đã nộp không được ghi đè"
        " — cách sửa: để sửa hay bổ sung, tạo báo cáo bổ sung 2017-q1-3.yaml với mục có `corrects`\n"
        "plan-data/progress/so-noi-vu/2017-q1.yaml:1:1: (file): plan-data/progress/so-noi-vu/2017-q1.yaml already exists; a filed report is never overwritten"
        " — fix: to correct or add to it, create the supplementary report 2017-q1-3.yaml with entries that `corrects` the old ones\n"
    )
    assert (data / "progress/so-noi-vu/2017-q1.yaml").read_text(encoding="utf-8") == GOOD_REPORT


def test_new_report_refuses_unknown_agencies_and_periods(data: Path) -> None:
    code, _, err = run("new-report", "--agency", "so-noi-vuu", "--period", "2017-q1", "--data", "plan-data")
    assert code == 1
    assert err.splitlines()[1] == "plan-data/progress/so-noi-vuu/2017-q1.yaml:1:1: --agency: agency 'so-noi-vuu' is not in the agencies registry — fix: did you mean 'so-noi-vu'?"
    code, _, err = run("new-report", "--agency", "ubnd-tinh", "--period", "2017-q1", "--data", "plan-data")
    assert code == 1
    assert err.splitlines()[1].endswith("--agency: agency 'ubnd-tinh' is not lead or coordinating agency of any task in the plan — fix: check the agency id; a member of a collective (e.g. so-ban-nganh-tinh) reports under its own id")
    code, _, err = run("new-report", "--agency", "so-noi-vu", "--period", "2017-Q1", "--data", "plan-data")
    assert code == 2 and "'2017-Q1' không phải một kỳ báo cáo — cách sửa: viết dạng 2017-q1" in err and "'2017-Q1' is not a reporting period — fix: write it like 2017-q1" in err
    code, _, err = run("new-report", "--agency", "so-noi-vu", "--period", "2017-q1", "--data", "plan-data", "--date", "31/03/2017")
    assert code == 2 and "--date: '31/03/2017' không phải ngày hợp lệ" in err and "--date: '31/03/2017' is not a valid date" in err
    assert not (data / "progress" / "so-noi-vuu").exists() and not (data / "progress" / "ubnd-tinh").exists()


# --- append-only history --------------------------------------------------------------------


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": "2017-04-01T00:00:00+07:00", "GIT_COMMITTER_DATE": "2017-04-01T00:00:00+07:00"}
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env).stdout


@pytest.fixture
def repo(data: Path) -> Path:
    write(data, "progress/so-noi-vu/2017-q1.yaml", GOOD_REPORT)
    root = data.parent
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    return data


def history(data: Path, lang: str = "en") -> list[str]:
    return [p.format(lang) for p in history_problems(data, "main")]  # type: ignore[arg-type]


def test_unchanged_history_and_new_files_pass(repo: Path) -> None:
    write(repo, "progress/so-noi-vu/2017-q1-2.yaml", GOOD_REPORT)
    assert history(repo) == []


def test_editing_a_filed_report_is_refused_at_the_first_changed_line(repo: Path) -> None:
    path = repo / "progress/so-noi-vu/2017-q1.yaml"
    path.write_text(GOOD_REPORT.replace("percent: 40", "percent: 45"), encoding="utf-8")
    assert history(repo) == [
        "plan-data/progress/so-noi-vu/2017-q1.yaml:9:1: (file): a report file that exists at main was changed (differs from line 9); report history is append-only"
        " — fix: restore the file as it is at main, then file a new supplementary report 2017-q1-2.yaml with an entry that `corrects` the old one"
    ]
    assert history(repo, "vi") == [
        "plan-data/progress/so-noi-vu/2017-q1.yaml:9:1: (file): tệp báo cáo đã có ở main bị sửa (khác từ dòng 9); lịch sử báo cáo chỉ được thêm, không được sửa"
        " — cách sửa: khôi phục tệp như ở main, rồi nộp báo cáo bổ sung 2017-q1-2.yaml với một mục `corrects` trỏ tới mục cũ"
    ]


def test_deleting_or_linking_a_filed_report_is_refused(repo: Path) -> None:
    path = repo / "progress/so-noi-vu/2017-q1.yaml"
    path.unlink()
    assert history(repo) == [
        "plan-data/progress/so-noi-vu/2017-q1.yaml:1:1: (file): a report file that exists at main was deleted; report history is append-only"
        " — fix: restore the file as it is at main, then file a new supplementary report 2017-q1-2.yaml with an entry that `corrects` the old one"
    ]
    write(repo, "progress/so-noi-vu/other.txt", GOOD_REPORT)
    path.symlink_to("other.txt")
    assert history(repo) == [
        "plan-data/progress/so-noi-vu/2017-q1.yaml:1:1: (file): a report file that exists at main was replaced by a symbolic link"
        " — fix: restore the file as it is at main, then file a new supplementary report 2017-q1-2.yaml with an entry that `corrects` the old one"
    ]


def test_an_unknown_base_is_a_located_problem(repo: Path) -> None:
    (problem,) = history_problems(repo, "origin/nope")
    assert (problem.file, problem.code, problem.params["ref"]) == ("plan-data/progress", "git.ref_unknown", "origin/nope")
    assert problem.format("vi") == (
        "plan-data/progress:1:1: (file): không tìm thấy nhánh hoặc commit 'origin/nope' — cách sửa: kiểm tra tên (ví dụ origin/main hoặc mã commit); "
        "nhánh trên máy chủ cần `git fetch` trước; trong GitHub Actions dùng actions/checkout với fetch-depth: 0"
    )
    assert problem.format("en").endswith("— fix: check the name (e.g. origin/main or a commit id); a branch on the server needs `git fetch` first; in GitHub Actions use actions/checkout with fetch-depth: 0")


def test_validate_base_option(repo: Path) -> None:
    code, out, _ = run("validate", "--lang", "en", "--base", "main", "--as-of", "2017-12-31")
    assert (code, out) == (0, "plan-data: valid — 4 tasks, 7 agencies, 1 report file.\n")
    (repo / "progress/so-noi-vu/2017-q1.yaml").write_text(GOOD_REPORT.replace("percent: 40", "percent: 45"), encoding="utf-8")
    code, out, err = run("validate", "--format", "github", "--lang", "en", "--base", "main", "--as-of", "2017-12-31")
    assert code == 1
    assert out.startswith("::error file=plan-data/progress/so-noi-vu/2017-q1.yaml,line=9,col=1::(file): a report file that exists at main was changed")
    # Without --base the edited file is just a valid file.
    assert run("validate", "--base", "main", "--as-of", "2017-12-31")[0] == 1
    assert run("validate", "--as-of", "2017-12-31")[0] == 0
    # The as-of date applies: a report dated after it fails.
    assert run("validate", "--as-of", "2017-03-01")[0] == 1


def test_new_report_refuses_a_period_outside_the_plan_before_writing(data: Path) -> None:
    code, out, err = run("new-report", "--agency", "so-noi-vu", "--period", "2031-q1", "--data", "plan-data", "--date", "2017-03-31")
    assert (code, out) == (1, "")
    assert err.splitlines()[1] == (
        "plan-data/progress/so-noi-vu/2031-q1.yaml:1:1: --period: period '2031-q1' is outside the plan years (2016–2020) — fix: choose a period in the years 2016–2020"
    )
    assert not (data / "progress" / "so-noi-vu").exists()


def test_new_report_dates_its_file_by_the_validator_rule(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Without --date the file is dated on the as-of date (here SOURCE_DATE_EPOCH, 2019-06-01): too late for a 2017-q1 report.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1559347200")
    code, out, err = run("new-report", "--agency", "so-noi-vu", "--period", "2017-q1", "--data", "plan-data")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "plan-data/progress/so-noi-vu/2017-q1.yaml:1:1: --date: ngày '2019-06-01' quá muộn cho báo cáo kỳ 2017-q1: báo cáo kỳ này ghi ngày từ 2017-01-01 đến 2017-06-30"
        " — cách sửa: kiểm tra lại năm; để sửa hay bổ sung báo cáo kỳ này sau thời hạn đó, nộp báo cáo bổ sung 2017-q1-2.yaml",
        "plan-data/progress/so-noi-vu/2017-q1.yaml:1:1: --date: date '2019-06-01' is too late for a report on 2017-q1: such a report is dated from 2017-01-01 to 2017-06-30"
        " — fix: check the year; to correct or complete this period's report after that, file the supplementary report 2017-q1-2.yaml",
    ]
    # Before the period, or after the as-of date, the same rule refuses; nothing is written.
    assert run("new-report", "--agency", "so-noi-vu", "--period", "2017-q1", "--data", "plan-data", "--date", "2016-12-31")[0] == 1
    assert run("new-report", "--agency", "so-noi-vu", "--period", "2019-q3", "--data", "plan-data", "--date", "2019-07-02")[0] == 1
    assert not (data / "progress" / "so-noi-vu").exists()
    # A date in the window writes a file the validator accepts.
    assert run("new-report", "--agency", "so-noi-vu", "--period", "2017-q1", "--data", "plan-data", "--date", "2017-05-20")[0] == 0
    assert load_dataset(data, as_of=dt.date(2019, 6, 1)).problems == []


def test_build_refuses_a_history_change_as_the_pull_request_check_does(repo: Path) -> None:
    (repo / "progress/so-noi-vu/2017-q1.yaml").write_text(GOOD_REPORT.replace("percent: 40", "percent: 45"), encoding="utf-8")
    code, out, err = run("build", "--lang", "en", "--as-of", "2017-12-31", "--base", "main", "--config", str(ROOT / "mkdocs.yml"), "--site-dir", "site")
    assert code == 1
    assert err.startswith("plan-data/progress/so-noi-vu/2017-q1.yaml:9:1: (file): a report file that exists at main was changed (differs from line 9)")
    assert not (repo.parent / "site").exists()
    (repo / "progress/so-noi-vu/2017-q1.yaml").unlink()
    code, _, err = run("build", "--lang", "en", "--as-of", "2017-12-31", "--base", "main", "--config", str(ROOT / "mkdocs.yml"), "--site-dir", "site")
    assert code == 1 and "was deleted; report history is append-only" in err
    assert not (repo.parent / "site").exists()
