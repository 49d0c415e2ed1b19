"""Progress report files: format, every check with its exact message, corrections, the sample data."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_reports_fixture import GOOD_REPORT, make_plan, write

from partracker.domain import periods, progress
from partracker.outputs.context import BuildContext, BuildOptions
from partracker.reading import reportfiles
from partracker.reading import schemas as schemas
from partracker.reading.dataset import load_dataset
from partracker.reading.errors import DataInvalid

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2017, 12, 31)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make_plan(tmp_path)


def messages(data: Path, *, lang: str = "en", as_of: dt.date | None = AS_OF) -> list[str]:
    return [p.format(lang) for p in load_dataset(data, as_of=as_of).problems]  # type: ignore[arg-type]


def test_a_valid_report_loads_as_the_model(data: Path) -> None:
    write(data, "progress/so-noi-vu/2017-q1.yaml", GOOD_REPORT)
    dataset = load_dataset(data, as_of=AS_OF)
    assert dataset.problems == []
    (report,) = dataset.reports
    assert (report.agency, report.period, report.file, report.filing, report.submitted, report.demo) == (
        "so-noi-vu", "2017-q1", "progress/so-noi-vu/2017-q1.yaml", "2017-q1", "2017-03-04", False)
    e1, e2 = report.entries
    assert (e1.id, e1.task, e1.status, e1.percent, e1.target_values, e1.reported, e1.completed, e1.corrects) == (
        "e1", "A-I-1", "in_progress", 40.0, (("t1", 60.0),), "2017-03-04", None, None)
    assert e1.evidence[0].document == "12/KH-SNV" and e1.evidence[0].url == "https://example.org/kh-12.pdf"
    assert e1.note is not None and e1.note.en == "The plan was issued"
    # so-noi-vu reports A-I-3 through the collective so-ban-nganh-tinh it belongs to.
    assert (e2.task, e2.status, e2.completed) == ("A-I-3", "done", "2017-02-28")


def test_a_collective_may_report_for_itself(data: Path) -> None:
    write(data, "progress/so-ban-nganh-tinh/2017-h1.yaml", GOOD_REPORT.replace('"so-noi-vu"', '"so-ban-nganh-tinh"').replace('"2017-q1"', '"2017-h1"'))
    assert messages(data) == []


def test_vietnamese_status_words_get_the_code_as_hint(data: Path) -> None:
    write(data, "progress/so-noi-vu/2017-q1.yaml", GOOD_REPORT.replace('status: "done"', 'status: "Hoàn thành"').replace('status: "in_progress"', 'status: "đang thực hiện"'))
    assert messages(data) == [
        "plan-data/progress/so-noi-vu/2017-q1.yaml:8:13: entry e1 (task A-I-1), status: expected one of 'not_started', 'in_progress', 'done', 'not_applicable'; got 'đang thực hiện' — fix: use 'in_progress'",
        "plan-data/progress/so-noi-vu/2017-q1.yaml:17:13: entry e2 (task A-I-3), status: expected one of 'not_started', 'in_progress', 'done', 'not_applicable'; got 'Hoàn thành' — fix: use 'done'",
    ]
    assert messages(data, lang="vi")[1] == (
        "plan-data/progress/so-noi-vu/2017-q1.yaml:17:13: mục e2 (nhiệm vụ A-I-3), trạng thái (status): cần một trong các giá trị 'not_started', 'in_progress', 'done', 'not_applicable'; nhận được 'Hoàn thành' — cách sửa: dùng 'done'"
    )


def test_path_agency_and_period_must_match_the_file(data: Path) -> None:
    write(data, "progress/so-tu-phap/2017-q2.yaml", GOOD_REPORT)
    assert messages(data) == [
        "plan-data/progress/so-tu-phap/2017-q2.yaml:2:9: agency: agency 'so-noi-vu' differs from the file's folder (so-tu-phap) — fix: change it to 'so-tu-phap', or put the file in plan-data/progress/so-noi-vu/",
        "plan-data/progress/so-tu-phap/2017-q2.yaml:3:9: period: period '2017-q1' differs from the file name (2017-q2) — fix: change it to '2017-q2', or rename the file to match",
    ]
    assert messages(data, lang="vi")[0] == (
        "plan-data/progress/so-tu-phap/2017-q2.yaml:2:9: đơn vị (agency): đơn vị 'so-noi-vu' khác với thư mục của tệp (so-tu-phap) — cách sửa: đổi thành 'so-tu-phap', hoặc đặt tệp trong thư mục plan-data/progress/so-noi-vu/"
    )


@pytest.mark.parametrize("name", ["2017-Q1.yaml", "2017-q5.yaml", "2017-q1-1.yaml", "q1-2017.yaml", "2017-q1.yml", "notes.txt"])
def test_bad_file_names_are_refused(data: Path, name: str) -> None:
    write(data, f"progress/so-noi-vu/{name}", GOOD_REPORT)
    assert messages(data) == [
        f"plan-data/progress/so-noi-vu/{name}:1:1: (file): file name '{name}' is not <period>.yaml or <period>-<n>.yaml — fix: "
        "name it like 2017-q1.yaml (quarter), 2017-h1.yaml (six months), 2017-year.yaml (year), 2017-q1-2.yaml (supplementary report)"
    ]


def test_period_must_lie_in_the_plan_years(data: Path) -> None:
    write(data, "progress/so-noi-vu/2021-q1.yaml", GOOD_REPORT.replace('"2017-q1"', '"2021-q1"'))
    assert messages(data, as_of=None) == [
        "plan-data/progress/so-noi-vu/2021-q1.yaml:3:9: period: period '2021-q1' is outside the plan years (2016–2020) — fix: choose a period in the years 2016–2020"
    ]


def test_an_agency_reports_only_on_its_own_tasks(data: Path) -> None:
    write(data, "progress/so-noi-vu/2017-q1.yaml", GOOD_REPORT.replace('task: "A-I-3"', 'task: "A-I-4"'))
    assert messages(data) == [
        "plan-data/progress/so-noi-vu/2017-q1.yaml:16:11: entry e2 (task A-I-4), task: agency 'so-noi-vu' is neither lead nor coordinating agency of task A-I-4 — fix: "
        "delete this entry; an agency reports only on tasks assigned to it (see `partracker new-report --agency so-noi-vu`)"
    ]


def test_unknown_task_and_agency(data: Path) -> None:
    body = GOOD_REPORT.replace('task: "A-I-3"', 'task: "A-I-9"').replace('"so-noi-vu"', '"so-noi-vuu"')
    write(data, "progress/so-noi-vuu/2017-q1.yaml", body)
    assert messages(data) == [
        "plan-data/progress/so-noi-vuu/2017-q1.yaml:2:9: agency: agency 'so-noi-vuu' is not in the agencies registry — fix: did you mean 'so-noi-vu'?",
        "plan-data/progress/so-noi-vuu/2017-q1.yaml:16:11: entry e2 (task A-I-9), task: task 'A-I-9' is not in the plan — fix: use a task id from plan-data/tasks/",
    ]


def test_duplicates_targets_completion_and_links(data: Path) -> None:
    body = GOOD_REPORT.replace('task: "A-I-3"', 'task: "A-I-1"').replace('id: "e2"', 'id: "e1"')
    body = body.replace("targets: {t1: 60}", "targets: {t1: 60, t9: 1}").replace("https://example.org", "http://example.org")
    body = body.replace('    reported: "2017-03-04"\n    completed: "2017-02-28"\n', '    reported: "2017-03-04"\n')
    body = body.replace('    note:', '    completed: "2017-03-01"\n    note:')
    write(data, "progress/so-noi-vu/2017-q1.yaml", body)
    assert messages(data) == [
        "plan-data/progress/so-noi-vu/2017-q1.yaml:10:23: entry e1 (task A-I-1), targets.t9: task A-I-1 has no target 't9' — fix: use one of: t1, t2",
        "plan-data/progress/so-noi-vu/2017-q1.yaml:12:58: entry e1 (task A-I-1), evidence item 1 (evidence[0].url): link 'http://example.org/kh-12.pdf' does not start with https:// — fix: use an https:// link to the published document, or delete the `url` line",
        "plan-data/progress/so-noi-vu/2017-q1.yaml:13:16: entry e1 (task A-I-1), completed: a completion date belongs only to status 'done' (status is 'in_progress') — fix: delete the `completed` line, or set `status: \"done\"`",
        "plan-data/progress/so-noi-vu/2017-q1.yaml:16:5: entry e1 (task A-I-1): status 'done' needs the completion date — fix: add the line `completed: \"YYYY-MM-DD\"` (the date the work was finished)",
        "plan-data/progress/so-noi-vu/2017-q1.yaml:16:9: entry e1 (task A-I-1), id: id 'e1' is already used at plan-data/progress/so-noi-vu/2017-q1.yaml:6:9 — fix: choose another id that is not used yet",
        "plan-data/progress/so-noi-vu/2017-q1.yaml:17:11: entry e1 (task A-I-1), task: task A-I-1 is already reported in this file at plan-data/progress/so-noi-vu/2017-q1.yaml:7:11 — fix: merge the two entries; to correct an entry already filed, use `corrects`",
    ]


def test_dates_must_exist_and_not_be_in_the_future(data: Path) -> None:
    body = GOOD_REPORT.replace('submitted: "2017-03-04"', "submitted: 2017-02-30").replace('completed: "2017-02-28"', 'completed: "2018-01-02"')
    write(data, "progress/so-noi-vu/2017-q1.yaml", body)
    assert messages(data) == [
        "plan-data/progress/so-noi-vu/2017-q1.yaml:4:12: submitted: date '2017-02-30' does not exist — fix: write a real date as \"YYYY-MM-DD\", e.g. \"2017-03-05\"",
        "plan-data/progress/so-noi-vu/2017-q1.yaml:19:16: entry e2 (task A-I-3), completed: date '2018-01-02' is after the as-of date 2017-12-31 — fix: check the year and month; report only what has already happened",
    ]
    # Without an as-of date (the site build) only real dates are checked.
    assert len(messages(data, as_of=None)) == 1


def test_percent_range_and_schema_shape(data: Path) -> None:
    body = GOOD_REPORT.replace("percent: 40", "percent: 140").replace('id: "e2"', 'id: "e2"\n    reportd: "2017-03-04"')
    write(data, "progress/so-noi-vu/2017-q1.yaml", body)
    assert messages(data) == [
        "plan-data/progress/so-noi-vu/2017-q1.yaml:9:14: entry e1 (task A-I-1), percent: value 140 is outside 0–100 — fix: use a number from 0 to 100",
        "plan-data/progress/so-noi-vu/2017-q1.yaml:16:5: entry e2 (task A-I-3), reportd: unknown field 'reportd' — fix: did you mean 'reported'? Rename the key",
    ]


SUPPLEMENT = '''\
agency: "so-noi-vu"
period: "2017-q1"
submitted: "2017-04-12"
entries:
  - id: "e1"
    task: "A-I-1"
    status: "in_progress"
    targets: {t1: 95}
    reported: "2017-04-12"
    corrects: "2017-q1#e1"
  - id: "e2"
    task: "A-I-1"
    status: "in_progress"
    reported: "2017-04-12"
'''


def test_a_supplementary_report_corrects_an_earlier_entry(data: Path) -> None:
    write(data, "progress/so-noi-vu/2017-q1.yaml", GOOD_REPORT)
    write(data, "progress/so-noi-vu/2017-q1-2.yaml", SUPPLEMENT)
    dataset = load_dataset(data, as_of=AS_OF)
    assert dataset.problems == []
    first, second = dataset.reports
    assert (first.filing, second.filing, second.period) == ("2017-q1", "2017-q1-2", "2017-q1")
    assert [(r.filing, e.id) for r, e in progress.effective_entries([second, first])] == [("2017-q1", "e2"), ("2017-q1-2", "e1"), ("2017-q1-2", "e2")]
    (correction,) = progress.corrections([first, second])
    assert (progress.entry_ref(*correction.old), progress.entry_ref(*correction.new)) == ("2017-q1#e1", "2017-q1-2#e1")
    latest = progress.latest_entries([first, second])
    assert list(latest) == [("so-noi-vu", "A-I-1"), ("so-noi-vu", "A-I-3")]
    assert progress.entry_ref(*latest[("so-noi-vu", "A-I-1")]) == "2017-q1-2#e2"
    # Before the supplement was submitted, the first filing's entry still counts.
    before = progress.effective_entries([first, second], as_of=dt.date.fromisoformat(first.submitted))
    assert [(r.filing, e.id) for r, e in before] == [("2017-q1", "e1"), ("2017-q1", "e2")]


def test_corrects_must_name_an_existing_earlier_entry_of_the_same_agency(data: Path) -> None:
    write(data, "progress/so-noi-vu/2017-q1.yaml", GOOD_REPORT)
    write(data, "progress/so-noi-vu/2017-q1-2.yaml", SUPPLEMENT.replace('"2017-q1#e1"', '"2017-q1#e7"'))
    # so-noi-vu has an entry 2017-q1#e2; another agency may not correct it.
    other = SUPPLEMENT.replace('"so-noi-vu"', '"so-tu-phap"').replace('"2017-q1"', '"2017-q2"').replace('task: "A-I-1"', 'task: "A-I-2"')
    write(data, "progress/so-tu-phap/2017-q2.yaml", other.replace('    targets: {t1: 95}\n', '').replace('"2017-q1#e1"', '"2017-q1#e2"'))
    write(data, "progress/so-noi-vu/2017-year.yaml", SUPPLEMENT.replace('"2017-q1"', '"2017-year"').replace('"2017-q1#e1"', '"2017-year#e2"'))
    assert messages(data) == [
        "plan-data/progress/so-noi-vu/2017-q1-2.yaml:10:15: entry e1 (task A-I-1), corrects: there is no entry '2017-q1#e7' in the reports of agency so-noi-vu — fix: write <period>#<entry id> of an entry already filed, e.g. 2017-q1#e1 or 2017-q1-2#e3",
        "plan-data/progress/so-noi-vu/2017-year.yaml:10:15: entry e1 (task A-I-1), corrects: entry '2017-year#e2' is not in a report filed before this one — fix: correct only entries of an earlier report; a supplementary report 2017-year-2.yaml can correct 2017-year#e2",
        "plan-data/progress/so-tu-phap/2017-q2.yaml:9:15: entry e1 (task A-I-2), corrects: there is no entry '2017-q1#e2' in the reports of agency so-tu-phap — fix: write <period>#<entry id> of an entry already filed, e.g. 2017-q1#e1 or 2017-q1-2#e3",
    ]


def test_a_build_refuses_invalid_reports(data: Path) -> None:
    write(data, "progress/so-noi-vu/2017-q1.yaml", GOOD_REPORT.replace("percent: 40", "percent: -1"))
    with pytest.raises(DataInvalid):
        BuildContext.load(BuildOptions(data_dir=data, as_of=AS_OF))


def test_filing_order_and_period_bounds() -> None:
    names = ["2017-year", "2017-q1-2", "2017-h1", "2017-q2", "2016-q4", "2017-q1", "2017-q1-10", "2017-q1-3"]
    assert sorted(names, key=periods.filing_key) == ["2016-q4", "2017-q1", "2017-q1-2", "2017-q1-3", "2017-q1-10", "2017-q2", "2017-h1", "2017-year"]
    assert periods.period_bounds("2017-q4") == (dt.date(2017, 10, 1), dt.date(2017, 12, 31))
    assert periods.period_bounds("2016-q1") == (dt.date(2016, 1, 1), dt.date(2016, 3, 31))
    assert periods.period_bounds("2017-h1") == (dt.date(2017, 1, 1), dt.date(2017, 6, 30))


def test_report_schema_is_registered_saved_and_bilingual() -> None:
    saved = (schemas.SCHEMA_DIR / "report.schema.json").read_text(encoding="utf-8")
    assert saved == schemas.rendered("report"), "run `partracker schemas`"
    schema = json.loads(saved)
    entry = schema["properties"]["entries"]["items"]
    assert entry["properties"]["status"]["enum"] == ["not_started", "in_progress", "done", "not_applicable"]
    aliases = entry["properties"]["status"]["x-aliases"]
    assert (aliases["xong"], aliases["hoàn thành"], aliases["đang thực hiện"], aliases["chưa thực hiện"]) == ("done", "done", "in_progress", "not_started")
    for name, prop in entry["properties"].items():
        assert prop["x-description"]["vi"] and prop["x-description"]["en"], name


def test_the_sample_reports_are_valid_fictional_and_show_a_correction_and_a_late_filing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    plan = load_dataset(ROOT / "plan-data").plan
    assert plan is not None
    sample = reportfiles.load_demo_reports(plan, ROOT / "demo", as_of=dt.date(2019, 12, 31))
    assert all(r.demo for r in sample)
    assert sorted({r.agency for r in sample}) == ["so-noi-vu", "so-thong-tin-truyen-thong", "so-tu-phap"]
    assert sorted({r.period[:4] for r in sample}) == ["2017", "2018", "2019"]
    assert [progress.entry_ref(*c.old) + " → " + progress.entry_ref(*c.new) for c in progress.corrections(sample)] == ["2017-q1#e2 → 2017-q1-2#e1"]
    late = [r for r in sample if r.agency == "so-tu-phap" and r.period == "2018-q2"]
    assert late and late[0].submitted > "2018-06-04"
    for path in sorted((ROOT / "demo" / "progress").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert text.startswith(schemas.REPORT_SCHEMA_COMMENT + "\n# DỮ LIỆU MẪU HƯ CẤU"), path
    # Invented progress never sits among the real reports.
    assert not list((ROOT / "plan-data" / "progress").rglob("*.yaml")) or all("HƯ CẤU" not in p.read_text(encoding="utf-8") for p in (ROOT / "plan-data" / "progress").rglob("*.yaml"))


# --- the dates of a report: within its period's reporting window, never after the as-of date ----------


@pytest.mark.parametrize(
    "filing, first, last",
    [
        ("2017-q1", "2017-01-01", "2017-06-30"),
        ("2017-q4", "2017-10-01", "2018-03-31"),
        ("2017-h1", "2017-01-01", "2017-09-30"),
        ("2017-year", "2017-01-01", "2018-03-31"),
        ("2017-q2-2", "2017-04-01", None),
    ],
)
def test_a_filing_is_dated_from_its_period_to_the_end_of_the_next_quarter(filing: str, first: str, last: str | None) -> None:
    start, end = reportfiles.filing_window(filing)
    assert (start.isoformat(), end.isoformat() if end else None) == (first, last)


def test_a_report_dated_before_its_period_is_refused(data: Path) -> None:
    body = GOOD_REPORT.replace('"2017-q1"', '"2017-q2"').replace('submitted: "2017-03-04"', 'submitted: "2015-06-01"')
    write(data, "progress/so-noi-vu/2017-q2.yaml", body)
    found = messages(data)
    assert found[0] == (
        "plan-data/progress/so-noi-vu/2017-q2.yaml:4:12: submitted: date '2015-06-01' is before the reporting period 2017-q2 (which begins on 2017-04-01)"
        " — fix: a report on 2017-q2 is dated from 2017-04-01 to 2017-09-30; check the year, or file it under the right period"
    )
    # Each entry's reported date too, named by its entry id and task.
    assert messages(data, lang="vi")[1] == (
        "plan-data/progress/so-noi-vu/2017-q2.yaml:14:15: mục e1 (nhiệm vụ A-I-1), ngày ghi nhận (reported): ngày '2017-03-04' có trước kỳ báo cáo 2017-q2 (kỳ bắt đầu ngày 2017-04-01)"
        " — cách sửa: báo cáo kỳ 2017-q2 ghi ngày từ 2017-04-01 đến 2017-09-30; kiểm tra lại năm, hoặc đặt tệp vào đúng kỳ"
    )
    assert len(found) == 3


def test_a_late_report_is_a_supplement(data: Path) -> None:
    late = GOOD_REPORT.replace('"2017-03-04"', '"2017-09-12"')
    write(data, "progress/so-noi-vu/2017-q1.yaml", late)
    assert messages(data)[0] == (
        "plan-data/progress/so-noi-vu/2017-q1.yaml:4:12: submitted: date '2017-09-12' is too late for a report on 2017-q1: such a report is dated from 2017-01-01 to 2017-06-30"
        " — fix: check the year; to correct or complete this period's report after that, file the supplementary report 2017-q1-2.yaml"
    )
    (data / "progress/so-noi-vu/2017-q1.yaml").unlink()
    write(data, "progress/so-noi-vu/2017-q1-2.yaml", late)
    assert messages(data) == []


def test_the_build_refuses_a_report_dated_after_its_as_of_date(data: Path) -> None:
    # The build resolves its as-of date by the one policy (here SOURCE_DATE_EPOCH = 2017-06-01) and checks reports with it.
    write(data, "progress/so-noi-vu/2017-q2.yaml", GOOD_REPORT.replace('"2017-q1"', '"2017-q2"').replace('"2017-03-04"', '"2017-06-20"'))
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1496275200", "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-m", "partracker", "build", "--lang", "en", "--config", str(ROOT / "mkdocs.yml"), "--site-dir", "site"],
                         capture_output=True, text=True, cwd=data.parent, env=env)
    assert run.returncode == 1
    assert "plan-data/progress/so-noi-vu/2017-q2.yaml:4:12: submitted: date '2017-06-20' is after the as-of date 2017-06-01" in run.stderr
    assert not (data.parent / "site").exists()
