"""Vietnamese is enough: a report's notes need Vietnamese only; maintainers add the English apart, and the site says which is which."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from test_reports_fixture import GOOD_REPORT, make_plan, write

from partracker.domain import progress
from partracker.outputs import registry
from partracker.outputs.context import BuildContext, BuildOptions
from partracker.outputs.feeds import entry_summary
from partracker.reading.dataset import load_dataset

AS_OF = dt.date(2017, 6, 1)
VI_ONLY = GOOD_REPORT.replace('note: {vi: "Đã ban hành kế hoạch", en: "The plan was issued"}', 'note: {vi: "Đang soạn kế hoạch năm 2017"}')
TRANSLATION = """\
# yaml-language-server: $schema=../../../partracker/schemas/translation.schema.json
agency: "so-noi-vu"
filing: "2017-q1"
notes:
  - entry: "e1"
    en: "The 2017 plan is being drafted"
"""


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    data = make_plan(tmp_path)
    write(data, "progress/so-noi-vu/2017-q1.yaml", VI_ONLY)
    return data


def problems(data: Path) -> list[str]:
    return [p.format("en") for p in load_dataset(data, as_of=AS_OF).problems]


def generated(data: Path, lang: str) -> dict[str, str | bytes]:
    return registry.generate(BuildContext.load(BuildOptions(data_dir=data, as_of=AS_OF)), lang)  # type: ignore[arg-type]


def test_a_note_in_vietnamese_only_is_a_valid_report(data: Path) -> None:
    assert problems(data) == []
    ((_, entry), _) = progress.effective_entries(load_dataset(data, as_of=AS_OF).reports)
    assert entry.note is not None and (entry.note.vi, entry.note.en) == ("Đang soạn kế hoạch năm 2017", "")
    # English alone is not a note: the Vietnamese is the agency's record.
    write(data, "progress/so-noi-vu/2017-q1.yaml", VI_ONLY.replace('note: {vi: "Đang soạn kế hoạch năm 2017"}', 'note: {en: "Drafting"}'))
    assert problems(data) == ["plan-data/progress/so-noi-vu/2017-q1.yaml:13:11: entry e1 (task A-I-1), note: required field 'vi' is missing — fix: add 'vi:' here"]


def test_the_english_site_marks_an_untranslated_note_and_the_coverage_page_counts_it(data: Path) -> None:
    en = generated(data, "en")
    task = str(en["tasks/a-i-1.md"])
    assert '<span lang="vi">Đang soạn kế hoạch năm 2017</span> <span class="pt-untranslated">(not yet translated)</span>' in task
    coverage = str(en["coverage.md"])
    notes = coverage[coverage.index("## Notes in progress reports") :]
    assert "| 1 | 0 (0%) |" in notes
    assert '`progress/so-noi-vu/2017-q1.yaml`, `e1`: <span lang="vi">Đang soạn kế hoạch năm 2017</span>' in notes
    # The Vietnamese site shows the note as it is, with no mark.
    vi_task = str(generated(data, "vi")["tasks/a-i-1.md"])
    assert "Đang soạn kế hoạch năm 2017 |" in vi_task and "pt-untranslated" not in vi_task
    rows = json.loads(en["data/progress.json"])
    assert [(r["entry"], r["note_vi"], r["note_en"]) for r in rows if r["task"] == "A-I-1"] == [("e1", "Đang soạn kế hoạch năm 2017", None)]


def test_a_translation_filed_apart_gives_the_english_without_touching_the_report(data: Path) -> None:
    report = (data / "progress/so-noi-vu/2017-q1.yaml").read_bytes()
    write(data, "translations/so-noi-vu/2017-q1.yaml", TRANSLATION)
    assert problems(data) == []
    en = generated(data, "en")
    task = str(en["tasks/a-i-1.md"])
    assert "The 2017 plan is being drafted |" in task and "pt-untranslated" not in task
    assert "| 1 | 1 (100%) |" in str(en["coverage.md"])
    rows = json.loads(en["data/progress.json"])
    assert [r["note_en"] for r in rows if r["task"] == "A-I-1"] == ["The 2017 plan is being drafted"]
    assert (data / "progress/so-noi-vu/2017-q1.yaml").read_bytes() == report


def test_the_feed_says_a_note_is_not_yet_translated(data: Path) -> None:
    ctx = BuildContext.load(BuildOptions(data_dir=data, as_of=AS_OF))
    ((report, entry),) = [f for f in ctx.entries if f[1].task == "A-I-1"]
    assert "Note: Đang soạn kế hoạch năm 2017 (not yet translated)" in entry_summary(ctx.plan, report, entry, lang="en")
    assert "Ghi chú: Đang soạn kế hoạch năm 2017\n" in entry_summary(ctx.plan, report, entry, lang="vi") + "\n"


def test_a_translation_is_checked_against_the_report_it_translates(data: Path) -> None:
    write(data, "progress/so-noi-vu/2017-q2.yaml", GOOD_REPORT.replace("2017-q1", "2017-q2").replace("2017-03-04", "2017-04-04").replace("2017-02-28", "2017-04-02"))
    write(
        data,
        "translations/so-noi-vu/2017-q1.yaml",
        TRANSLATION.replace('filing: "2017-q1"', 'filing: "2017-q1-2"')
        + '  - entry: "e2"\n    en: "Done"\n  - entry: "e9"\n    en: "?!"\n  - entry: "e1"\n    en: "Again"\n',
    )
    write(data, "translations/so-noi-vu/2017-q2.yaml", TRANSLATION.replace("2017-q1", "2017-q2"))
    write(data, "translations/so-tu-phap/2017-q1.yaml", TRANSLATION)
    write(data, "translations/so-noi-vu/notes.yaml", TRANSLATION)
    assert problems(data) == [
        "plan-data/translations/so-noi-vu/2017-q1.yaml:3:9: filing: report '2017-q1-2' differs from the file name (2017-q1) — fix: change it to '2017-q1', or rename the file to match",
        "plan-data/translations/so-noi-vu/2017-q1.yaml:7:12: notes[1].entry: entry 'e2' of the report plan-data/progress/so-noi-vu/2017-q1.yaml has no note to translate — fix: delete this part of the translation",
        "plan-data/translations/so-noi-vu/2017-q1.yaml:9:12: notes[2].entry: the report plan-data/progress/so-noi-vu/2017-q1.yaml has no entry 'e9' — fix: use the id of one of its entries: e1, e2",
        "plan-data/translations/so-noi-vu/2017-q1.yaml:11:12: notes[3].entry: id 'e1' is already used at plan-data/translations/so-noi-vu/2017-q1.yaml:5:12 — fix: choose another id that is not used yet",
        "plan-data/translations/so-noi-vu/2017-q2.yaml:5:12: notes[0].entry: the note of entry 'e1' already has its English in the report plan-data/progress/so-noi-vu/2017-q2.yaml — fix: delete this part: the English the agency wrote in the report is the one shown",
        "plan-data/translations/so-noi-vu/notes.yaml:1:1: (file): file name 'notes.yaml' is not <period>.yaml or <period>-<n>.yaml — fix: name a translation exactly as the report it translates, e.g. translations/so-noi-vu/2017-q1.yaml for progress/so-noi-vu/2017-q1.yaml",
        "plan-data/translations/so-tu-phap/2017-q1.yaml:2:9: agency: agency 'so-noi-vu' differs from the file's folder (so-tu-phap) — fix: change it to 'so-tu-phap', or put the file in plan-data/translations/so-noi-vu/",
        "plan-data/translations/so-tu-phap/2017-q1.yaml:3:9: filing: there is no report plan-data/progress/so-tu-phap/2017-q1.yaml to translate — fix: give the translation the agency and the name of a filed report",
    ]
