"""`partracker obligations`: as-of handling, filters, the table and the JSON."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_schedule import write_plan_data

from partracker.tools.cli import main


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return write_plan_data(tmp_path / "plan-data")


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    result = runner.invoke(main, ["obligations", *args], env={"SOURCE_DATE_EPOCH": "", **(env or {})}, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_as_of_defaults_to_today_in_the_plans_time_zone(data: Path) -> None:
    from zoneinfo import ZoneInfo

    code, out, _ = run("--data", str(data), "--lang", "en")
    assert code == 0
    today = dt.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    assert out.rstrip().endswith(f"status as of {today:%d/%m/%Y}.")


def test_as_of_from_source_date_epoch(data: Path) -> None:
    # 2017-05-31T17:00:00Z is midnight of 01/06/2017 in Asia/Ho_Chi_Minh.
    code, out, _ = run("--data", str(data), "--lang", "en", "--from", "2017-06-01", "--to", "2017-06-01", env={"SOURCE_DATE_EPOCH": "1496250000"})
    assert code == 0
    assert out.endswith("0 obligations, status as of 01/06/2017.\n")
    code, _, err = run("--data", str(data), "--lang", "en", env={"SOURCE_DATE_EPOCH": "soon"})
    assert code == 2
    assert "Error: SOURCE_DATE_EPOCH='soon' is not a number of Unix seconds" in err
    # --as-of wins over the environment.
    code, out, _ = run("--data", str(data), "--lang", "en", "--as-of", "2017-01-02", "--from", "2017-06-01", "--to", "2017-06-01", env={"SOURCE_DATE_EPOCH": "1496250000"})
    assert out.endswith("status as of 02/01/2017.\n")


def test_table_in_english(data: Path) -> None:
    code, out, _ = run("--data", str(data), "--lang", "en", "--as-of", "2017-06-01", "--agency", "so-noi-vu", "--from", "2017-05-01", "--to", "2017-09-30")
    assert code == 0
    assert out == (
        "Due         Status    Task   Agency                 Role              Obligation                                                              Id\n"
        "----------  --------  -----  ---------------------  ----------------  ----------------------------------------------------------------------  ----------------------------------------\n"
        "09/06/2017  Due soon  A-I-2  Dept. of Home Affairs  Reporting tier 2  Quarterly report Q2 2017 to Provincial People's Committee               2017/A-I-2/tier-2-quarterly-q2/so-noi-vu\n"
        "09/06/2017  Due soon  A-I-2  Dept. of Home Affairs  Reporting tier 2  Six-month report (first half of 2017) to Provincial People's Committee  2017/A-I-2/tier-2-six-month-h1/so-noi-vu\n"
        "09/09/2017  Upcoming  A-I-2  Dept. of Home Affairs  Reporting tier 2  Quarterly report Q3 2017 to Provincial People's Committee               2017/A-I-2/tier-2-quarterly-q3/so-noi-vu\n"
        "30/09/2017  Upcoming  A-I-3  Dept. of Home Affairs  Lead              Complete in Q3 2017                                                     2017/A-I-3/q3/so-noi-vu\n"
        "\n"
        "4 obligations, status as of 01/06/2017.\n"
    )


def test_table_in_vietnamese(data: Path) -> None:
    code, out, _ = run("--data", str(data), "--as-of", "2017-10-01", "--agency", "so-noi-vu", "--from", "2017-09-30", "--to", "2017-09-30")
    assert code == 0
    assert out == (
        "Hạn         Trạng thái       Nhiệm vụ  Đơn vị     Vai trò  Nghĩa vụ                       Mã\n"
        "----------  ---------------  --------  ---------  -------  -----------------------------  -----------------------\n"
        "30/09/2017  Chưa có báo cáo  A-I-3     Sở Nội vụ  Chủ trì  Hoàn thành trong quý III/2017  2017/A-I-3/q3/so-noi-vu\n"
        "\n"
        "1 nghĩa vụ, trạng thái tính đến ngày 01/10/2017.\n"
    )


def test_agency_with_no_obligations(data: Path) -> None:
    code, out, _ = run("--data", str(data), "--lang", "en", "--as-of", "2017-06-01", "--agency", "bao-gia-lai")
    assert code == 0
    assert out.splitlines()[2:] == ["", "0 obligations, status as of 01/06/2017."]


def test_undated_obligations_are_listed_without_a_date_filter(data: Path) -> None:
    code, out, _ = run("--data", str(data), "--lang", "en", "--as-of", "2017-06-01", "--format", "json")
    assert code == 0
    listed = json.loads(out)["obligations"]
    undated = [o for o in listed if o["due"] is None]
    assert undated and listed[-len(undated):] == undated
    regulation = next(o for o in undated if o["id"] == "2017/A-II-2/per-regulation/unassigned")
    assert regulation["citation"] == {"vi": "Điều 15, Nghị định số 48/2013/NĐ-CP của Chính phủ", "en": "Article 15, Decree No. 48/2013/ND-CP of the Government"}
    assert regulation["status"] == "not_assessed"


def test_json_with_a_report_filed_after_its_due_date(data: Path) -> None:
    (data / "progress/so-noi-vu").mkdir(parents=True)
    (data / "progress/so-noi-vu/2017-q2.yaml").write_text(
        'agency: "so-noi-vu"\nperiod: "2017-q2"\nsubmitted: "2017-06-12"\nentries:\n'
        '  - id: "e1"\n    task: "A-I-3"\n    status: "done"\n    reported: "2017-06-12"\n    completed: "2017-06-10"\n',
        encoding="utf-8",
    )
    code, out, _ = run("--data", str(data), "--as-of", "2017-07-01", "--agency", "so-noi-vu", "--from", "2017-06-09", "--to", "2017-09-30", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert (doc["as_of"], doc["agency"]) == ("2017-07-01", "so-noi-vu")
    got = {o["id"]: (o["status"], o["decided_by"]) for o in doc["obligations"]}
    assert got == {
        "2017/A-I-2/tier-2-quarterly-q2/so-noi-vu": ("done_late", {"report": "progress/so-noi-vu/2017-q2.yaml", "entry": None, "on": "2017-06-12"}),
        "2017/A-I-2/tier-2-six-month-h1/so-noi-vu": ("not_assessed", None),
        "2017/A-I-2/tier-2-quarterly-q3/so-noi-vu": ("upcoming", None),
        "2017/A-I-3/q3/so-noi-vu": ("done_on_time", {"report": "progress/so-noi-vu/2017-q2.yaml", "entry": "e1", "on": "2017-06-10"}),
    }
    first = doc["obligations"][0]
    assert list(first) == [
        "id", "year", "task", "section", "group", "agency", "role", "kind", "title", "due", "source", "citation",
        "period", "report_kind", "recipient", "target", "applicable", "date_dependent", "assignment", "role_certain", "reason", "status",
        "status_label", "decided_by",
    ]
    assert first["status_label"] == {"vi": "Hoàn thành trễ hạn", "en": "Done late"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--as-of", "2017-02-30"), "Error: --as-of: '2017-02-30' is not a valid date — fix: write a real date as YYYY-MM-DD, e.g. 2017-03-05"),
        (("--as-of", "2017-06-01", "--from", "1/6/2017"), "Error: --from: '1/6/2017' is not a valid date"),
        (("--as-of", "2017-06-01", "--to", "2017-6-1"), "Error: --to: '2017-6-1' is not a valid date"),
        (("--as-of", "2017-06-01", "--agency", "so-noi"), "Error: there is no agency 'so-noi' in plan-data/agencies.yaml — fix: use an existing id: bao-gia-lai, so-ban-nganh-tinh,"),
    ],
)
def test_usage_errors(data: Path, args: tuple[str, ...], message: str) -> None:
    code, out, err = run("--data", str(data), "--lang", "en", *args)
    assert code == 2
    assert out == ""
    assert message in err


def test_leap_day_as_of(data: Path) -> None:
    code, out, _ = run("--data", str(data), "--lang", "en", "--as-of", "2020-02-29", "--agency", "ubnd-cap-huyen", "--from", "2020-03-01", "--to", "2020-03-31")
    assert code == 0
    assert "04/03/2020  Due soon  A-I-2  District People's Committees  Reporting tier 1  Quarterly report Q1 2020 to Dept. of Home Affairs" in out
    assert out.endswith("2 obligations, status as of 29/02/2020.\n")


def test_data_errors_exit_1(tmp_path: Path) -> None:
    code, _, err = run("--data", str(tmp_path / "missing"), "--lang", "en", "--as-of", "2017-06-01")
    assert code == 1
    assert "nothing was published" in err


def test_the_role_column_says_what_the_source_leaves_uncertain() -> None:
    shipped = str(Path(__file__).resolve().parent.parent / "plan-data")
    code, out, _ = run("--data", shipped, "--lang", "en", "--as-of", "2017-06-01", "--agency", "ubnd-cap-xa", "--from", "2017-12-31", "--to", "2017-12-31")
    assert code == 0
    rows = {line.split()[-1]: line for line in out.splitlines()[2:-2]}
    assert "  probably: Lead  " in rows["2017/A-VII-2/recurring-annual/ubnd-cap-xa"]
    assert "  Coordinating  " in rows["2017/A-VIII-1/recurring-annual/ubnd-cap-xa"] and "probably" not in rows["2017/A-VIII-1/recurring-annual/ubnd-cap-xa"]
    code, out, _ = run("--data", shipped, "--as-of", "2017-06-01", "--agency", "so-tu-phap", "--from", "2017-12-31", "--to", "2017-12-31", "--format", "json")
    found = {o["id"]: o for o in json.loads(out)["obligations"]}
    a32 = found["2017/A-III-2/target-t1/so-tu-phap"]
    assert (a32["assignment"], a32["role_certain"], a32["role"], a32["date_dependent"]) == ("probable", False, "lead", False)
    code, out, _ = run("--data", shipped, "--lang", "vi", "--as-of", "2017-06-01", "--agency", "so-tu-phap", "--from", "2017-12-31", "--to", "2017-12-31")
    assert "có thể: Chủ trì hoặc phối hợp" in next(line for line in out.splitlines() if "2017/A-III-2/target-t1/so-tu-phap" in line)
