"""The validator: the broken-file corpus, cross-file rules, output formats and exit codes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from partracker.reading.dataset import check_document, load_dataset
from partracker.tools.cli import main

CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.yaml"))


def test_corpus_has_at_least_twenty_kinds() -> None:
    codes = {path.read_bytes().split(b"\n", 1)[0].split()[-1] for path in CORPUS}
    assert len(CORPUS) >= 20 and len(codes) >= 20


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_corpus_file_fails_at_the_expected_place(path: Path) -> None:
    header = path.read_bytes().split(b"\n", 1)[0].decode()
    _, _, kind, position, code = header.split()
    line, col = (int(x) for x in position.split(":"))
    problems = check_document(path.read_bytes(), path.name, kind)
    assert (line, col, code) in {(p.line, p.column, p.code) for p in problems}
    for p in problems:  # every message renders in both languages without a leftover placeholder
        for lang in ("vi", "en"):
            text = p.format(lang)
            assert text.startswith(f"{path.name}:{p.line}:{p.column}: ") and "{" not in text.split(": ", 1)[1].replace("{vi", "").replace("{…}", "")


def test_exact_messages_for_common_clerk_mistakes() -> None:
    texts = {p.name: [q.format("en") for q in check_document(p.read_bytes(), p.name, p.read_text("utf-8", "replace").split()[2])] for p in CORPUS}
    assert "09-octal.yaml:9:13: tasks[0].number: expected a whole number; got '0123' (text) — fix: write 123 (drop the leading zero)" in texts["09-octal.yaml"]
    assert "11-unknown-key-typo.yaml:10:5: tasks[0].conten: unknown field 'conten' — fix: did you mean 'content'? Rename the key" in texts["11-unknown-key-typo.yaml"]
    assert "14-missing-english.yaml:5:8: title: required field 'en' is missing — fix: add 'en:' here" in texts["14-missing-english.yaml"]
    assert (
        "26-bad-rule-kind.yaml:23:22: tasks[0].completion[1].rule.kind: expected one of 'plan_in_previous_q4', 'periodic_reports', 'in_quarter', "
        "'recurring_annual', 'per_plan', 'annual_report', 'per_regulation', 'per_roadmap', 'lost_in_source'; got 'every_quarter' — fix: use 'in_quarter'"
    ) in texts["26-bad-rule-kind.yaml"]


def test_vietnamese_message_text() -> None:
    path = next(p for p in CORPUS if p.name.startswith("14-"))
    (problem,) = check_document(path.read_bytes(), path.name, "section")
    assert problem.format("vi") == "14-missing-english.yaml:5:8: title: thiếu trường bắt buộc 'en' — cách sửa: thêm 'en:' vào đây"


def test_shipped_plan_data_is_valid() -> None:
    dataset = load_dataset(Path(__file__).parent.parent / "plan-data")
    assert [p.format("en") for p in dataset.problems] == []
    assert dataset.plan is not None


def test_mini_plan_is_valid(mini_plan: Path) -> None:
    dataset = load_dataset(mini_plan)
    assert dataset.problems == [] and dataset.plan is not None
    assert [t.id for t in dataset.plan.tasks] == ["A-I-1", "A-I-2"]


def messages(root: Path) -> list[str]:
    return [p.format("en").replace(str(root) + "/", "") for p in load_dataset(root).problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_unknown_agency_suggests_the_close_id(mini_plan: Path) -> None:
    edit(mini_plan / "tasks/A-I.yaml", "agencies: [so-tu-phap]", "agencies: [so-tu-phapp]")
    assert messages(mini_plan) == [
        "tasks/A-I.yaml:16:18: tasks[0].coordinating.agencies[0]: agency 'so-tu-phapp' is not in the agencies registry — fix: did you mean 'so-tu-phap'?"
    ]


def test_task_number_and_id_must_agree(mini_plan: Path) -> None:
    edit(mini_plan / "tasks/A-I.yaml", "  - id: A-I-2\n    number: 2", "  - id: A-I-3\n    number: 3")
    assert any("tasks[1].number: number 3 is out of sequence (expected 2)" in m for m in messages(mini_plan))


def test_section_id_must_match_file_name(mini_plan: Path) -> None:
    (mini_plan / "tasks/A-I.yaml").rename(mini_plan / "tasks/A-II.yaml")
    assert messages(mini_plan) == [
        "reporting.yaml:2:14: source_task: task 'A-I-2' is not in the plan — fix: use a task id from plan-data/tasks/",
        "tasks/A-II.yaml:2:5: id: id 'A-I' does not match the file name tasks/A-II.yaml — fix: change it to 'A-II'",
    ]


def test_duplicate_agency_id(mini_plan: Path) -> None:
    edit(mini_plan / "agencies.yaml", "  - id: so-tu-phap", "  - id: so-noi-vu")
    assert any(m.startswith("agencies.yaml:7:9: agencies[1].id: id 'so-noi-vu' is already used at ") for m in messages(mini_plan))


@pytest.mark.parametrize(
    "written",
    [
        "Sở Nội vụ".replace("ộ", "o\u0323\u0302").replace("ở", "o\u031b\u0309"),  # decomposed accents
        "sở nội vụ",  # another letter case
        "Sở\u00a0Nội  vụ",  # a no-break space and two spaces
        "Sở Nội\u00ad vụ ",  # a soft hyphen (invisible) and a trailing space
    ],
    ids=["decomposed", "case", "spaces", "soft-hyphen"],
)
def test_two_agencies_cannot_read_as_the_same_name(mini_plan: Path, written: str) -> None:
    extra = f'  - id: so-noi-vu-2\n    kind: provincial_department\n    name: {{vi: "{written}", en: "Department of Home Affairs 2"}}\n    short: {{vi: "Nội vụ 2", en: "DOHA 2"}}\n'
    path = mini_plan / "agencies.yaml"
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    (problem,) = load_dataset(mini_plan).problems
    assert (problem.code, problem.line, problem.field) == ("agency.name_taken", 29, "agencies[5].name.vi")
    assert problem.format("vi").replace(str(mini_plan) + "/", "").endswith(
        "trùng với tên của đơn vị 'so-noi-vu' (agencies.yaml:5:16), khi không tính chữ hoa/thường và dấu cách — "
        "cách sửa: đặt một tên khác; nếu đây là cùng một đơn vị, xóa mục này và dùng mã 'so-noi-vu'"
    )


def test_unexpected_file_is_never_skipped(mini_plan: Path) -> None:
    (mini_plan / "notes.txt").write_text("hello", encoding="utf-8")
    (mini_plan / "tasks" / "a-ii.yaml").write_text("id: A-II\n", encoding="utf-8")
    found = messages(mini_plan)
    assert any(m.startswith("notes.txt:1:1: (file): this file is not of any kind that plan-data/ holds") for m in found)
    assert any(m.startswith("tasks/a-ii.yaml:1:1: (file): this file is not of any kind") for m in found)


def test_symlink_is_refused_and_not_also_called_missing(mini_plan: Path) -> None:
    (mini_plan / "glossary.yaml").unlink()
    os.symlink("/etc/hostname", mini_plan / "glossary.yaml")
    assert messages(mini_plan) == [
        "glossary.yaml:1:1: (file): this file is a symbolic link to another file, which is not accepted — "
        "fix: replace the link with a real file inside the project (the site is built only from the project's own files)"
    ]


def test_a_linked_folder_in_the_data_is_refused(mini_plan: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (outside / "so-noi-vu").mkdir(parents=True)
    (mini_plan / "progress").mkdir()
    (mini_plan / "progress" / "so-noi-vu").symlink_to(outside / "so-noi-vu")
    assert messages(mini_plan) == [
        "progress/so-noi-vu:1:1: (file): this folder is a symbolic link to another folder, which is not accepted — "
        "fix: replace the link with a real folder inside the project (the site is built only from the project's own files)"
    ]
    linked = tmp_path / "linked-data"
    linked.symlink_to(mini_plan)
    assert [p.code for p in load_dataset(linked).problems] == ["dir.symlink"]


def test_missing_required_file(mini_plan: Path) -> None:
    (mini_plan / "groups.yaml").unlink()
    assert messages(mini_plan) == ["groups.yaml:1:1: (file): a required file is missing — fix: create groups.yaml"]


def test_impossible_decision_date(mini_plan: Path) -> None:
    edit(mini_plan / "plan.yaml", 'date: "2016-12-02"', 'date: "2016-02-30"')
    assert messages(mini_plan) == ['plan.yaml:5:9: decision.date: date 2016-02-30 does not exist — fix: write a real date as "YYYY-MM-DD", e.g. "2017-03-05"']


def test_source_line_outside_the_seed(mini_plan: Path) -> None:
    edit(mini_plan / "tasks/A-I.yaml", "source_ranges: [[12, 18]]", "source_ranges: [[12, 180]]")
    assert messages(mini_plan) == ["tasks/A-I.yaml:31:26: tasks[0].source_ranges[0][1]: source line 180 is outside the source file (1–100) — fix: fix the line number using `cat -n` on the source file"]


def test_percent_target_over_100(mini_plan: Path) -> None:
    edit(mini_plan / "tasks/A-I.yaml", "value: 100", "value: 120")
    assert messages(mini_plan) == ["tasks/A-I.yaml:28:16: tasks[0].targets[0].value: value 120 is outside 0–100 — fix: use a number from 0 to 100"]


def test_reporting_regime_names_a_real_task(mini_plan: Path) -> None:
    edit(mini_plan / "reporting.yaml", "source_task: A-I-2", "source_task: A-I-9")
    assert messages(mini_plan) == ["reporting.yaml:2:14: source_task: task 'A-I-9' is not in the plan — fix: use a task id from plan-data/tasks/"]


def test_all_problems_are_reported_in_one_run(mini_plan: Path) -> None:
    edit(mini_plan / "glossary.yaml", '"CCHC"', "&a CCHC")
    edit(mini_plan / "groups.yaml", "id: A", "id: Z")
    found = messages(mini_plan)
    assert any(m.startswith("glossary.yaml:") for m in found) and any(m.startswith("groups.yaml:") for m in found)


def test_cli_exit_codes_and_formats(mini_plan: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["validate", "--data", str(mini_plan), "--lang", "en"])
    assert ok.exit_code == 0 and "valid — 2 tasks, 5 agencies, 0 report files." in ok.output
    edit(mini_plan / "tasks/A-I.yaml", "confidence: high", "confidence: xong")
    bad = runner.invoke(main, ["validate", "--data", str(mini_plan), "--lang", "vi"])
    assert bad.exit_code == 1
    assert "tasks[0].confidence: cần một trong các giá trị 'high', 'medium', 'low'; nhận được 'xong'" in bad.output
    assert "1 lỗi, không có gì được xuất bản." in bad.output
    gh = runner.invoke(main, ["validate", "--data", str(mini_plan), "--format", "github", "--lang", "en"])
    assert gh.exit_code == 1 and "::error file=" in gh.output and ",line=32,col=17::tasks[0].confidence: expected one of" in gh.output
    js = runner.invoke(main, ["validate", "--data", str(mini_plan), "--format", "json"])
    data = json.loads(js.output)
    assert js.exit_code == 1 and data[0]["line"] == 32 and data[0]["message"]["vi"].startswith("cần một trong")
    usage = runner.invoke(main, ["validate", "--format", "xml"])
    assert usage.exit_code == 2


def test_export_json_and_csv(mini_plan: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["export", "--data", str(mini_plan), "--format", "json"])
    data = json.loads(out.output)
    assert out.exit_code == 0 and data["groups"][0]["sections"][0]["tasks"][1]["id"] == "A-I-2"
    assert data["agencies"][0]["id"] == "so-ban-nganh-tinh"
    csv_out = runner.invoke(main, ["export", "--data", str(mini_plan), "--format", "csv"])
    # The bytes of the published data/tasks.csv: a UTF-8 byte order mark first, for Excel.
    assert csv_out.stdout_bytes.startswith(b"\xef\xbb\xbf") and csv_out.stdout_bytes.decode("utf-8-sig").startswith("id,group,section,number,content_vi")
    assert csv_out.stdout_bytes.count(b"\r\n") == 3


# --- what the source leaves uncertain ------------------------------------------------------------

PROBABLE = """
      probable:
        - reading: {vi: "Sở Tư pháp", en: "Department of Justice"}
          agencies: [so-tu-phap]
          certainty: medium
          fragments: [{line: 14, ocr: "T"}, {line: 40, ocr: ""}]
          reasoning: {vi: "Chữ T ở vị trí cột 3 …", en: "The T in the column-3 position."}
      column_uncertain:
        agencies: [so-noi-vu]
        reasoning: {vi: "Không rõ cột.", en: "The column cannot be told."}"""


def test_possible_dates_of_issue(mini_plan: Path) -> None:
    edit(mini_plan / "plan.yaml", '  date: "2016-12-02"\n', '  date: "2016-12-02"\n  possible_dates: ["2016-12-22", "2016-11-12"]\n')
    assert messages(mini_plan) == [
        "plan.yaml:6:19: decision.possible_dates: the dates ['2016-12-22', '2016-11-12'] are not in ascending order — fix: sort them from earliest to latest: ['2016-11-12', '2016-12-22']",
        "plan.yaml:6:19: decision.possible_dates: the date of issue is known (2016-12-02); 'possible_dates' belongs only with 'date: null' — fix: delete 'possible_dates', or set 'date: null' if the source lost part of the day",
    ]
    edit(mini_plan / "plan.yaml", '  date: "2016-12-02"\n', '  date: null\n  month: "2016-12"\n')
    edit(mini_plan / "plan.yaml", '["2016-12-22", "2016-11-12"]', '["2016-11-12", "2016-12-32"]')
    assert messages(mini_plan) == [
        "plan.yaml:7:20: decision.possible_dates[0]: date 2016-11-12 is not in the month of issue 2016-12 — fix: use a date within 2016-12, or correct 'month'",
        'plan.yaml:7:34: decision.possible_dates[1]: date 2016-12-32 does not exist — fix: write a real date as "YYYY-MM-DD", e.g. "2017-03-05"',
    ]


def test_collective_members_by_id(mini_plan: Path) -> None:
    edit(mini_plan / "agencies.yaml", "      kinds: [district_committee]", "      ids: [so-ban-nganh-tinh, so-noi-vuu]\n      kinds: [district_committee]")
    assert messages(mini_plan) == [
        "agencies.yaml:26:13: agencies[4].members.ids[0]: 'so-ban-nganh-tinh' is a collective; members must be registered agencies, not collectives — fix: remove 'so-ban-nganh-tinh' from members.ids",
        "agencies.yaml:26:32: agencies[4].members.ids[1]: agency 'so-noi-vuu' is not in the agencies registry — fix: did you mean 'so-noi-vu'?",
    ]


def test_members_by_id_make_an_agency_a_member_whatever_its_kind(mini_plan: Path) -> None:
    edit(mini_plan / "agencies.yaml", "      kinds: [district_committee]", "      ids: [ubnd-tinh]\n      kinds: [district_committee]")
    plan = load_dataset(mini_plan).plan
    assert plan is not None and [a.id for a in plan.members_of("ubnd-cap-huyen")] == ["ubnd-tinh"]
    assert [c.id for c in plan.collectives_of("ubnd-tinh")] == ["ubnd-cap-huyen"]
    edit(mini_plan / "agencies.yaml", "      ids: [ubnd-tinh]\n", "")
    edit(mini_plan / "agencies.yaml", "      kinds: [district_committee]", "      {}")
    assert messages(mini_plan) == ["agencies.yaml:26:7: agencies[4].members: invalid value: {} should be non-empty — fix: make it fit the field's description: For a collective: its members are the agencies listed in ids plus every registered agency whose kind is in kinds."]


def test_probable_readings_are_checked(mini_plan: Path) -> None:
    edit(mini_plan / "tasks/A-I.yaml", "      agencies: [so-tu-phap]", "      agencies: [so-tu-phap]" + PROBABLE)
    assert messages(mini_plan) == [
        "tasks/A-I.yaml:15:18: tasks[0].coordinating.text.vi: the cell has probable readings but text.vi has no […] — fix: write […] where the words are lost; legible words belong in 'agencies', not in 'probable'",
        "tasks/A-I.yaml:15:36: tasks[0].coordinating.text.en: the cell has probable readings but text.en has no […] — fix: write […] where the words are lost; legible words belong in 'agencies', not in 'probable'",
        "tasks/A-I.yaml:19:22: tasks[0].coordinating.probable[0].agencies[0]: agency 'so-tu-phap' is already in coordinating.agencies of task A-I-1; a probable reading names only agencies that cannot be read — fix: remove 'so-tu-phap' from 'probable', or from coordinating.agencies if the words are not legible",
        "tasks/A-I.yaml:21:52: tasks[0].coordinating.probable[0].fragments[1].line: line 40 is outside the task's source ranges (12–18) — fix: use a line within the task's source_ranges, or extend source_ranges",
        "tasks/A-I.yaml:22:27: tasks[0].coordinating.probable[0].reasoning.vi: the text has '…' outside '[…]': a reading and its reasoning must be written out in full — fix: write it out in full, quoting OCR fragments whole; '[…]' marks only text lost in the source",
        "tasks/A-I.yaml:24:20: tasks[0].coordinating.column_uncertain.agencies[0]: agency 'so-noi-vu' is in neither 'agencies' nor 'probable' of this cell — fix: list only this cell's agencies: so-tu-phap",
    ]
    text = (mini_plan / "tasks/A-I.yaml").read_text(encoding="utf-8")
    text = text.replace('text: {vi: "Sở Tư pháp", en: "Department of Justice"}\n      agencies: [so-tu-phap]', 'text: {vi: "[…]", en: "[…]"}\n      agencies: []', 1)
    text = text.replace("{line: 40, ", "{line: 18, ").replace("cột 3 …", "cột 3.").replace("        agencies: [so-noi-vu]", "        agencies: [so-tu-phap]")
    (mini_plan / "tasks/A-I.yaml").write_text(text, encoding="utf-8")
    assert messages(mini_plan) == []
    plan = load_dataset(mini_plan).plan
    assert plan is not None
    cell = plan.task("A-I-1").coordinating
    assert (cell.agencies, cell.probable_agencies, cell.probable[0].fragments) == ((), ("so-tu-phap",), ((14, "T"), (18, "")))
    assert cell.column_certain("so-tu-phap") is False


def test_a_target_whose_figure_is_lost(mini_plan: Path) -> None:
    edit(mini_plan / "tasks/A-I.yaml", "value: 100", "value: null")
    assert messages(mini_plan) == ["tasks/A-I.yaml:25:9: tasks[0].targets[0]: 'value' and 'comparator' must both be 'null' (figure lost) or both be set — fix: set both to 'null', or fill in both"]
    edit(mini_plan / "tasks/A-I.yaml", "comparator: eq", "comparator: null")
    assert messages(mini_plan) == ["tasks/A-I.yaml:28:16: tasks[0].targets[0].value: the target's figure is lost but the task has no note explaining it — fix: add to the task's 'notes' the source line and what is still visible"]
    edit(mini_plan / "tasks/A-I.yaml", "    confidence: high\n", '    confidence: high\n    notes:\n      - {vi: "Dòng 14: con số bị mất.", en: "Line 14: the figure is lost."}\n')
    assert messages(mini_plan) == []
