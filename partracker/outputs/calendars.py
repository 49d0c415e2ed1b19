"""Calendar files (Lịch iCalendar, RFC 5545) of the obligations: one for the plan, one per agency.

Each dated, applicable obligation is an all-day event (``VALUE=DATE``) on its due date — the last
day to be on time, see :mod:`partracker.domain.schedule`. Obligations without a date of their own and
those that do not apply are left out: a calendar cannot show them truthfully. An obligation that may
not apply (the decision's day is lost) is kept, its summary prefixed "(?)" and its description saying
why; one that a damaged cell only probably assigns is prefixed "(có thể / probably)". An agency's calendar
holds what it owes (:func:`partracker.domain.duties.obligations_of`: each duty once); an agency with
no dated duty gets no calendar. Summaries and descriptions are in Vietnamese and English; the link
goes to the task's page when the site's address is known.

Files are reproducible: events are sorted by due date and id, UIDs are the obligation ids
(``2017/A-I-1/plan/so-noi-vu@partracker``), and DTSTAMP is the as-of date at 00:00 in the plan's
time zone (written in UTC) — the wall clock is never read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from icalendar import Calendar

from partracker.domain.duties import obligations_of
from partracker.domain.model import Plan
from partracker.domain.schedule import Assessment
from partracker.language.labels import bilingual, labels
from partracker.language.text import Lang, Text
from partracker.outputs import wording
from partracker.outputs.context import BuildContext
from partracker.outputs.items import DataFile
from partracker.outputs.urls import Urls

PRODID = "-//partracker//Obligation calendar 934/QD-UBND//VI"
UID_DOMAIN = "partracker"


def dtstamp(as_of: dt.date, timezone: str) -> dt.datetime:
    """The fixed DTSTAMP: midnight of the as-of date in the plan's time zone, in UTC."""
    return dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=ZoneInfo(timezone)).astimezone(dt.timezone.utc)


def summary(plan: Plan, a: Assessment) -> str:
    """``[A-I-1] Ban hành kế hoạch năm 2017 — Sở Nội vụ / Issue the 2017 plan — Dept. of Home Affairs``.

    Doubts come first, where a calendar shows them: "(?)" when the obligation may not apply,
    "(có thể / probably)" when only a probable reading of a damaged cell assigns it.
    """
    ob = a.obligation
    title = wording.both(wording.obligation_title, plan, ob)
    who = plan.agency(ob.agency).short if ob.agency else bilingual("unknown_agency")
    doubts = ("(?) " if ob.date_dependent else "") + (f"({bilingual('probably').vi} / {bilingual('probably').en}) " if ob.assignment == "probable" else "")
    return f"{doubts}[{ob.task}] {title.vi} — {who.vi} / {title.en} — {who.en}"


def description(plan: Plan, a: Assessment, *, urls: Urls, as_of: dt.date) -> str:
    """The event's text: task, agency and role, the clause as printed, status, link — in vi, then en."""
    ob = a.obligation
    task = plan.task(ob.task)
    who = plan.agency(ob.agency).name if ob.agency else bilingual("unknown_agency")
    due = f"{ob.due:%d/%m/%Y}" if ob.due else ""

    def lines(lang: Lang) -> list[str]:
        words = labels(lang)
        out = [
            words.format("event_task", id=task.id, content=task.content.get(lang)),
            words.format("event_agency", agency=who.get(lang), role=wording.role_text(ob, lang)),
            words.format("event_source", text=ob.source.get(lang)),
            words.format("event_due", date=due),
            words.format("event_status", date=f"{as_of:%d/%m/%Y}", status=words.status_name(a.status)),
        ]
        if ob.date_dependent and ob.reason is not None:
            out.append(words.format("event_reason", text=wording.reason_text(plan, ob.reason, lang)))
        address = urls.public(lang, urls.task(task))
        return out + ([address] if address else [])

    return "\n".join(lines("vi") + [""] + lines("en"))


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


def _event(plan: Plan, a: Assessment, *, urls: Urls, as_of: dt.date) -> str:
    # Written line by line: building an icalendar Event object per obligation cost a third of a
    # site build, for the same bytes. icalendar still writes the calendar's own properties.
    ob = a.obligation
    assert ob.due is not None
    address = urls.public("vi", urls.task(ob.task))
    lines = [
        f"SUMMARY:{escape_text(summary(plan, a))}",
        f"DTSTART;VALUE=DATE:{ob.due:%Y%m%d}",
        f"DTEND;VALUE=DATE:{ob.due + dt.timedelta(days=1):%Y%m%d}",
        f"DTSTAMP:{dtstamp(as_of, plan.meta.timezone):%Y%m%dT%H%M%SZ}",
        f"UID:{escape_text(f'{ob.id}@{UID_DOMAIN}')}",
        f"CATEGORIES:{escape_text(ob.kind)}",
        f"DESCRIPTION:{escape_text(description(plan, a, urls=urls, as_of=as_of))}",
        "TRANSP:TRANSPARENT",
    ]
    if address:
        lines.append(f"URL:{address}")
    return "BEGIN:VEVENT\r\n" + "".join(fold_line(line) + "\r\n" for line in lines) + "END:VEVENT\r\n"


def _calendar(events: list[str], name: Text, timezone: str) -> str:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    # A calendar name is one line: a line break in an agency's name must not end the property.
    cal.add("x-wr-calname", " ".join(f"{name.vi} / {name.en}".split()))
    cal.add("x-wr-timezone", timezone)
    head, end = cal.to_ical().decode("utf-8").rsplit("END:VCALENDAR", 1)
    return head + "".join(events) + "END:VCALENDAR" + end


def calendars(ctx: BuildContext) -> dict[str, str]:
    """The plan's calendar (key ``plan``) and the calendar of every agency that owes a dated obligation (key: agency id).

    An event appears in several calendars (the plan's, its agency's, the members' of a collective);
    it is serialized once, which is what keeps large plans fast.
    """

    def compute() -> dict[str, str]:
        plan, timezone = ctx.plan, ctx.timezone
        dated = [a for a in ctx.assessments if a.obligation.due is not None and a.obligation.applicable]
        events = {a.obligation.id: _event(plan, a, urls=ctx.urls, as_of=ctx.as_of) for a in dated}
        out = {"plan": _calendar(list(events.values()), bilingual("calendar_plan", number=plan.meta.number), timezone)}
        for agency in plan.agencies:
            mine = obligations_of(plan, dated, agency.id)
            if mine:
                name = Text(*(labels(lang).format("calendar_agency", agency=agency.short.get(lang)) for lang in ("vi", "en")))
                out[agency.id] = _calendar([events[a.obligation.id] for a in mine], name, timezone)
        return out

    return ctx.shared("calendars", compute)


def calendar_names(ctx: BuildContext) -> list[str]:
    """The calendars published: ``plan`` first, then agency ids."""
    return list(calendars(ctx))


def calendar_files(ctx: BuildContext, lang: Lang) -> Iterator[DataFile]:
    """The calendars, the same bytes in both languages."""
    for name, text in calendars(ctx).items():
        yield DataFile(ctx.urls.calendar(name), text)
