"""Calendar files (Lịch iCalendar, RFC 5545) of the obligations: one for the plan, one per agency, in each language.

Each dated, applicable obligation is an all-day event (``VALUE=DATE``) on its due date — the last
day to be on time, see :mod:`partracker.domain.schedule`. Obligations without a date of their own and
those that do not apply are left out: a calendar cannot show them truthfully. An obligation that may
not apply (the decision's day is lost) is kept, its summary prefixed "(?)" and its description saying
why; one that a damaged cell only probably assigns is prefixed "(có thể)" / "(probably)". An agency's
calendar holds what it owes (:func:`partracker.domain.duties.obligations_of`: each duty once); an agency
with no dated duty gets no calendar (its page says so in a sentence).

Calendars are made to be subscribed to (``webcal:`` links on the downloads and agency pages), so an
event's title is short and in one language: the task's code and a short title (the report's name for a
periodic report, the task's short title otherwise), then the agency in the plan's calendar. Each language's site publishes its
calendars in its language at the addresses the bilingual calendars had (``vi/ics/…``, ``en/ics/…``), with
the same event UIDs: a calendar subscribed to before keeps working and keeps its events. The link goes
to the task's page when the site's address is known.

Files are reproducible: events are sorted by due date and id, UIDs are the obligation ids
(``2017/A-I-1/plan/so-noi-vu@partracker``), and DTSTAMP is the as-of date at 00:00 in the plan's
time zone (written in UTC) — the wall clock is never read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from icalendar import Calendar, vDuration

from partracker.domain.duties import obligations_of
from partracker.domain.model import Plan
from partracker.domain.schedule import Assessment
from partracker.language.labels import labels
from partracker.language.text import Lang
from partracker.outputs import wording
from partracker.outputs.context import BuildContext
from partracker.outputs.items import DataFile
from partracker.outputs.urls import Urls

PRODID = "-//partracker//Obligation calendar 934/QD-UBND//VI"
UID_DOMAIN = "partracker"


def dtstamp(as_of: dt.date, timezone: str) -> dt.datetime:
    """The fixed DTSTAMP: midnight of the as-of date in the plan's time zone, in UTC."""
    return dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=ZoneInfo(timezone)).astimezone(dt.timezone.utc)


def summary(plan: Plan, a: Assessment, lang: Lang, *, with_agency: bool) -> str:
    """``A-I-1 · Ban hành, triển khai kết quả thực hiện Kế hoạch CCHC hằng năm của tỉnh``, and `` — Sở Nội vụ`` in the plan's calendar.

    A periodic report is named by its report ("A-I-2 · Báo cáo quý I/2017 gửi Sở Nội vụ"): every report of a task
    shares the task's title. An agency's own calendar does not repeat its name. Doubts come first, where a calendar
    shows them: "(?)" when the obligation may not apply, "(có thể)" when only a probable reading of a damaged cell
    assigns it.
    """
    ob = a.obligation
    words = labels(lang)
    title = wording.obligation_title(plan, ob, lang) if ob.kind == "periodic_report" else wording.task_title(plan.task(ob.task), lang)
    who = plan.agency(ob.agency).short.get(lang) if ob.agency else words.unknown_agency
    doubts = ("(?) " if ob.date_dependent else "") + (f"({words.probably}) " if ob.assignment == "probable" else "")
    text = words.format("event_summary", doubts=doubts, task=ob.task, title=title)
    return words.format("event_summary_agency", summary=text, agency=who) if with_agency else text


def description(plan: Plan, a: Assessment, lang: Lang, *, urls: Urls, as_of: dt.date) -> str:
    """The event's text: task, what is due (the obligation's own title), agency and role, the clause as printed, status, link."""
    ob = a.obligation
    task = plan.task(ob.task)
    who = plan.agency(ob.agency).name.get(lang) if ob.agency else labels(lang).unknown_agency
    due = f"{ob.due:%d/%m/%Y}" if ob.due else ""
    words = labels(lang)
    out = [
        words.format("event_task", id=task.id, content=task.content.get(lang)),
        words.format("event_what", title=wording.obligation_title(plan, ob, lang)),
        words.format("event_agency", agency=who, role=wording.role_text(ob, lang)),
        words.format("event_source", text=ob.source.get(lang)),
        words.format("event_due", date=due),
        words.format("event_status", date=f"{as_of:%d/%m/%Y}", status=words.status_name(a.status)),
    ]
    if ob.date_dependent and ob.reason is not None:
        out.append(words.format("event_reason", text=wording.reason_text(plan, ob.reason, lang)))
    address = urls.public(lang, urls.task(task))
    return "\n".join(out + ([address] if address else []))


def escape_text(text: str) -> str:
    """RFC 5545 TEXT escaping (section 3.3.11): backslash, semicolon, comma; every line break becomes ``\\n``."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold_line(line: str) -> str:
    """An RFC 5545 content line folded (section 3.1): pieces under 75 octets, never inside a UTF-8 character or a backslash escape."""
    pieces: list[str] = []
    current = ""
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if current and size + width >= 75:
            if len(current) > 1 and current[-1] == "\\":  # keep "\\," and "\\n" whole for older readers
                pieces.append(current[:-1])
                current, size = "\\", 1
            else:
                pieces.append(current)
                current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def _event(plan: Plan, a: Assessment, lang: Lang, *, urls: Urls, as_of: dt.date, with_agency: bool) -> str:
    # Written line by line: building an icalendar Event object per obligation cost a third of a
    # site build, for the same bytes. icalendar still writes the calendar's own properties.
    ob = a.obligation
    assert ob.due is not None
    address = urls.public(lang, urls.task(ob.task))
    lines = [
        f"SUMMARY:{escape_text(summary(plan, a, lang, with_agency=with_agency))}",
        f"DTSTART;VALUE=DATE:{ob.due:%Y%m%d}",
        f"DTEND;VALUE=DATE:{ob.due + dt.timedelta(days=1):%Y%m%d}",
        f"DTSTAMP:{dtstamp(as_of, plan.meta.timezone):%Y%m%dT%H%M%SZ}",
        f"UID:{escape_text(f'{ob.id}@{UID_DOMAIN}')}",
        f"CATEGORIES:{escape_text(ob.kind)}",
        f"DESCRIPTION:{escape_text(description(plan, a, lang, urls=urls, as_of=as_of))}",
        "TRANSP:TRANSPARENT",
    ]
    if address:
        lines.append(f"URL:{address}")
    return "BEGIN:VEVENT\r\n" + "".join(fold_line(line) + "\r\n" for line in lines) + "END:VEVENT\r\n"


REFRESH = dt.timedelta(days=1)
"""How often a subscribed calendar asks for a new copy (the site is rebuilt when data changes, at most daily)."""


def _calendar(events: list[str], name: str, timezone: str) -> str:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    # A calendar name is one line: a line break in an agency's name must not end the property.
    cal.add("x-wr-calname", " ".join(name.split()))
    cal.add("x-wr-timezone", timezone)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH))  # the same, for Outlook
    head, end = cal.to_ical().decode("utf-8").rsplit("END:VCALENDAR", 1)
    return head + "".join(events) + "END:VCALENDAR" + end


def calendars(ctx: BuildContext, lang: Lang) -> dict[str, str]:
    """The plan's calendar (key ``plan``) and the calendar of every agency that owes a dated obligation (key: agency id), in ``lang``.

    An event appears in several calendars (its agency's, the members' of a collective): it is serialized once per
    language for the agencies' calendars, and once with its agency's name for the plan's, which keeps large plans fast.
    """

    def compute() -> dict[str, str]:
        plan, timezone, words = ctx.plan, ctx.timezone, labels(lang)
        dated = dated_obligations(ctx)
        everyone = [_event(plan, a, lang, urls=ctx.urls, as_of=ctx.as_of, with_agency=True) for a in dated]
        out = {"plan": _calendar(everyone, words.format("calendar_plan", number=plan.meta.number), timezone)}
        events = {a.obligation.id: _event(plan, a, lang, urls=ctx.urls, as_of=ctx.as_of, with_agency=False) for a in dated}
        for agency, mine in agency_obligations(ctx).items():
            out[agency] = _calendar([events[a.obligation.id] for a in mine], words.format("calendar_agency", agency=plan.agency(agency).short.get(lang)), timezone)
        return out

    return ctx.shared(f"calendars:{lang}", compute)


def dated_obligations(ctx: BuildContext) -> list[Assessment]:
    """What a calendar can show: the applicable obligations with a date of their own."""
    return ctx.shared("calendars:dated", lambda: [a for a in ctx.assessments if a.obligation.due is not None and a.obligation.applicable])


def agency_obligations(ctx: BuildContext) -> dict[str, tuple[Assessment, ...]]:
    """The calendar of each agency that has one: agency id → its dated obligations (each duty once), in plan order."""

    def compute() -> dict[str, tuple[Assessment, ...]]:
        dated = dated_obligations(ctx)
        out = {}
        for agency in ctx.plan.agencies:
            mine = tuple(obligations_of(ctx.plan, dated, agency.id))
            if mine:
                out[agency.id] = mine
        return out

    return ctx.shared("calendars:agencies", compute)


def calendar_names(ctx: BuildContext) -> list[str]:
    """The calendars published: ``plan`` first, then the ids of agencies with a dated obligation."""
    return ["plan", *agency_obligations(ctx)]


def has_calendar(ctx: BuildContext, agency_id: str) -> bool:
    """Whether an agency has a calendar (a dated obligation to put in it)."""
    return agency_id in agency_obligations(ctx)


def calendar_files(ctx: BuildContext, lang: Lang) -> Iterator[DataFile]:
    """The calendars of a language's site, in its language."""
    for name, text in calendars(ctx, lang).items():
        yield DataFile(ctx.urls.calendar(name), text)
