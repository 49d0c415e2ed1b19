"""Calendar files: read back with icalendar and compared event by event."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest
from test_schedule import entry, fixture_plan, report

from partracker.domain import schedule as sc
from partracker.domain.model import Plan, Report
from partracker.outputs import calendars as ics
from partracker.outputs.context import BuildContext, BuildOptions

D = dt.date
BASE = "https://par.example.org"


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    return fixture_plan(tmp_path)


def calendars(plan: Plan, reports: tuple[Report, ...] = (), *, as_of: dt.date = D(2017, 1, 1), base: str | None = BASE, lang: str = "vi") -> dict[str, str]:
    """The calendars a build of ``plan`` publishes in ``lang``: ``plan`` and one per agency that owes a dated obligation."""
    ctx = BuildContext(BuildOptions(data_dir=Path("plan-data"), base_url=base), plan, reports, as_of)
    return ics.calendars(ctx, lang)


def events(text: str) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(text)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_plan_calendar_holds_every_dated_applicable_obligation(plan: Plan) -> None:
    items = sc.obligations(plan)
    text = calendars(plan)["plan"]
    cal = icalendar.Calendar.from_ical(text)
    assert str(cal["X-WR-TIMEZONE"]) == "Asia/Ho_Chi_Minh"
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["X-WR-CALNAME"]) == "Lịch nghĩa vụ — Kế hoạch 934/QĐ-UBND"
    assert str(icalendar.Calendar.from_ical(calendars(plan, lang="en")["plan"])["X-WR-CALNAME"]) == "Obligations — Plan 934/QĐ-UBND"
    # Subscribed calendars ask for a fresh copy daily.
    assert "REFRESH-INTERVAL;VALUE=DURATION:P1D\r\n" in text and "X-PUBLISHED-TTL:P1D\r\n" in text
    found = events(text)
    expected = {f"{o.id}@partracker" for o in items if o.due is not None and o.applicable}
    assert set(found) == expected
    # Not applicable (due before the plan period) and undated obligations are left out.
    assert "2016/A-I-1/plan/so-noi-vu@partracker" not in found
    assert "2017/A-II-2/per-regulation/unassigned@partracker" not in found


def test_an_event_in_each_language(plan: Plan) -> None:
    published = {lang: calendars(plan, base=BASE + "/", lang=lang)["plan"] for lang in ("vi", "en")}
    text = published["vi"]
    event = events(text)["2018/A-I-1/plan/so-noi-vu@partracker"]
    assert event.decoded("DTSTART") == D(2017, 12, 31)
    assert event.decoded("DTEND") == D(2018, 1, 1)
    assert "DTSTART;VALUE=DATE:20171231\r\nDTEND;VALUE=DATE:20180101\r\n" in text
    assert event.decoded("DTSTAMP") == dt.datetime(2016, 12, 31, 17, 0, tzinfo=dt.timezone.utc)
    # A short title in the calendar's language: code, the task's short title, agency.
    assert str(event["SUMMARY"]) == "A-I-1 · Nội dung A-I-1 — Sở Nội vụ"
    assert str(event["URL"]) == "https://par.example.org/vi/tasks/a-i-1/"
    assert str(event["DESCRIPTION"]) == "\n".join(
        [
            "Nhiệm vụ A-I-1: Nội dung A-I-1",
            "Nghĩa vụ: Ban hành kế hoạch năm 2018",
            "Đơn vị: Sở Nội vụ (Chủ trì)",
            "Nguyên văn: Kế hoạch ban hành trong quý IV của năm trước liền kề năm thực hiện kế hoạch",
            "Hạn: 31/12/2017",
            "Trạng thái ngày 01/01/2017: Chưa đến hạn",
            "https://par.example.org/vi/tasks/a-i-1/",
        ]
    )
    english = events(published["en"])["2018/A-I-1/plan/so-noi-vu@partracker"]
    assert str(english["SUMMARY"]) == "A-I-1 · Content A-I-1 — Dept. of Home Affairs"
    assert str(english["URL"]) == "https://par.example.org/en/tasks/a-i-1/"
    assert str(english["DESCRIPTION"]) == "\n".join(
        [
            "Task A-I-1: Content A-I-1",
            "Obligation: Issue the 2018 plan",
            "Agency: Dept. of Home Affairs (Lead)",
            "As printed: Plan issued in Q4 of the year before",
            "Due: 31/12/2017",
            "Status on 01/01/2017: Upcoming",
            "https://par.example.org/en/tasks/a-i-1/",
        ]
    )
    # The same events (UIDs, dates) in both languages: a calendar subscribed to in either keeps its events.
    assert set(events(published["en"])) == set(events(text))


def test_titles_are_short(plan: Plan) -> None:
    shipped = BuildContext.load(BuildOptions(data_dir=Path(__file__).resolve().parent.parent / "plan-data", base_url=BASE, as_of=D(2017, 6, 1)))
    for lang in ("vi", "en"):
        titles = [str(e["SUMMARY"]) for e in events(ics.calendars(shipped, lang)["plan"]).values()]
        assert len(titles) > 1000
        # Were 88–174 characters, in both languages at once. An agency's own: doubts, code and a task title of at most ~80.
        assert max(len(t) for t in titles) <= 140, max(titles, key=len)
        assert sorted(len(t) for t in titles)[len(titles) // 2] <= 110
        mine = [str(e["SUMMARY"]) for e in events(ics.calendars(shipped, lang)["so-noi-vu"]).values()]
        assert max(len(t) for t in mine) <= 105 and sorted(len(t) for t in mine)[len(mine) // 2] <= 80, max(mine, key=len)


def test_periodic_report_event_and_status(plan: Plan) -> None:
    filed = (report("ubnd-cap-huyen", "2017-h1", "2017-06-06"),)
    event = events(calendars(plan, filed, as_of=D(2017, 7, 1))["plan"])["2017/A-I-2/tier-1-six-month-h1/ubnd-cap-huyen@partracker"]
    assert event.decoded("DTSTART") == D(2017, 6, 4)
    # A periodic report is named by its report: every report of the task shares the task's title.
    assert str(event["SUMMARY"]) == "A-I-2 · Báo cáo 6 tháng đầu năm 2017 gửi Sở Nội vụ — UBND cấp huyện"
    description = str(event["DESCRIPTION"])
    assert "Trạng thái ngày 01/07/2017: Hoàn thành trễ hạn" in description
    assert "Đơn vị: UBND cấp huyện (Báo cáo cấp 1)" in description
    english = events(calendars(plan, filed, as_of=D(2017, 7, 1), lang="en")["plan"])["2017/A-I-2/tier-1-six-month-h1/ubnd-cap-huyen@partracker"]
    assert str(english["SUMMARY"]) == "A-I-2 · Six-month report (first half of 2017) to Dept. of Home Affairs — District People's Committees"
    assert "Status on 01/07/2017: Done late" in str(english["DESCRIPTION"])


def test_agency_calendar_holds_each_duty_once(plan: Plan) -> None:
    published = calendars(plan)
    mine = events(published["so-tu-phap"])
    # A department owes its own periodic reports: its own event, not the group's for the same report.
    assert "2017/A-I-2/tier-1-quarterly-q1/so-tu-phap@partracker" in mine
    assert "2017/A-I-2/tier-1-quarterly-q1/so-ban-nganh-tinh@partracker" not in mine
    # … but one event per duty: named itself and through the collective, it keeps its own.
    whats = [uid.split("@")[0].rsplit("/", 1)[0] for uid in mine]
    assert len(whats) == len(set(whats))
    # The same obligation has the same event in every calendar; the plan's adds the agency to the title.
    plan_events = events(published["plan"])
    for uid, event in mine.items():
        assert {k: v for k, v in event.items() if k != "SUMMARY"} == {k: v for k, v in plan_events[uid].items() if k != "SUMMARY"}
        assert str(plan_events[uid]["SUMMARY"]).startswith(str(event["SUMMARY"]) + " — ")
    assert str(mine["2017/A-I-2/tier-1-quarterly-q1/so-tu-phap@partracker"]["SUMMARY"]) == "A-I-2 · Báo cáo quý I/2017 gửi Sở Nội vụ"


def test_no_calendar_for_an_agency_without_dated_duties(plan: Plan) -> None:
    published = calendars(plan)
    assert "bao-gia-lai" not in published
    assert all(events(text) for text in published.values())
    assert str(icalendar.Calendar.from_ical(published["so-tu-phap"])["X-WR-CALNAME"]) == "Lịch nghĩa vụ — Sở Tư pháp"
    assert str(icalendar.Calendar.from_ical(calendars(plan, lang="en")["so-tu-phap"])["X-WR-CALNAME"]) == "Obligations — Dept. of Justice"


def test_without_the_site_address_events_have_no_link(plan: Plan) -> None:
    for lang in ("vi", "en"):
        text = calendars(plan, base=None, lang=lang)["plan"]
        assert "URL:" not in text and "https://" not in text


def test_byte_identical_on_rebuild(tmp_path: Path) -> None:
    def build(root: Path) -> str:
        p = fixture_plan(root)
        reports = (report("so-noi-vu", "2017-q1", "2017-03-08", entry("A-I-1", "done", "2017-03-08")),)
        return calendars(p, reports, as_of=D(2018, 1, 1))["plan"]

    first, second = build(tmp_path / "a"), build(tmp_path / "b")
    assert first == second
    assert first.startswith("BEGIN:VCALENDAR\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in first.split("\r\n"))


def test_events_are_sorted_by_due_date_then_id(plan: Plan) -> None:
    cal = icalendar.Calendar.from_ical(calendars(plan)["plan"])
    keys = [(e.decoded("DTSTART"), str(e["UID"])) for e in cal.walk("VEVENT")]
    assert keys == sorted(keys)


def test_folding_keeps_lines_short_and_characters_whole() -> None:
    from partracker.outputs.calendars import escape_text
    from partracker.outputs.calendars import fold_line as fold

    line = "DESCRIPTION:" + escape_text("Nhiệm vụ; phối hợp, báo cáo\\n " * 12 + "\r\nEND:VEVENT")
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces) and all(p.startswith(" ") for p in pieces[1:])
    assert "".join([pieces[0], *(p[1:] for p in pieces[1:])]) == line
    assert "\r\nEND:VEVENT" not in folded.replace("\r\n ", "")  # the injected line break stayed an escape


def test_doubts_come_first_in_the_summary_and_are_explained() -> None:
    shipped = BuildContext.load(BuildOptions(data_dir=Path(__file__).resolve().parent.parent / "plan-data", base_url=BASE, as_of=D(2016, 12, 10)))
    by_uid = events(ics.calendars(shipped, "vi")["plan"])
    q4 = by_uid["2016/A-I-2/tier-2-quarterly-q4/so-noi-vu@partracker"]  # due 09/12/2016: depends on the decision's lost day
    assert str(q4["SUMMARY"]).startswith("(?) A-I-2 · Báo cáo quý IV/2016")
    assert "Lưu ý: Áp dụng hay không tùy ngày ban hành Quyết định, bị mất trong bản gốc (02, 12 hoặc 22/12/2016)" in str(q4["DESCRIPTION"])
    english = events(ics.calendars(shipped, "en")["plan"])
    assert "Status on 10/12/2016: Uncertain: depends on the decision's date" in str(english[str(q4["UID"])]["DESCRIPTION"])
    assert str(events(ics.calendars(shipped, "vi")["ubnd-cap-xa"])["2017/A-VII-2/recurring-annual/ubnd-cap-xa@partracker"]["SUMMARY"]).startswith("(có thể) A-VII-2 · ")
    commune = events(ics.calendars(shipped, "en")["ubnd-cap-xa"])["2017/A-VII-2/recurring-annual/ubnd-cap-xa@partracker"]
    assert str(commune["SUMMARY"]).startswith("(probably) A-VII-2 · ")
    assert "Agency: Commune-level People's Committees (probably: Lead)" in str(commune["DESCRIPTION"])
    a32 = english["2017/A-III-2/target-t1/so-tu-phap@partracker"]
    assert "Agency: Department of Justice (probably: Lead or coordinating)" in str(a32["DESCRIPTION"])
