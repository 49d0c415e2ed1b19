"""Calendar files (Lịch iCalendar, RFC 5545) of the obligations: one for the plan, one per agency.

Each dated, applicable obligation is an all-day event (``VALUE=DATE``) on its due date — the last
day to be on time, see :mod:`partracker.schedule`. Obligations without a date of their own and
those that do not apply are left out: a calendar cannot show them truthfully. Summaries and
descriptions are in Vietnamese and English; the link goes to the task's page.

Files are reproducible: events are sorted by due date and id, UIDs are the obligation ids
(``2017/A-I-1/plan/so-noi-vu@partracker``), and DTSTAMP is the as-of date at 00:00 in
Asia/Ho_Chi_Minh (written in UTC) — the wall clock is never read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from icalendar import Calendar

from partracker import schedule as sc
from partracker.model import Plan, Text

TIMEZONE = "Asia/Ho_Chi_Minh"
PRODID = "-//partracker//Obligation calendar 934/QD-UBND//VI"
UID_DOMAIN = "partracker"

UNKNOWN_AGENCY = Text("đơn vị chưa rõ", "agency unknown")


def task_url(base_url: str, lang: str, slug: str) -> str:
    """The task page: ``{base_url}/{lang}/tasks/{slug}/``."""
    return f"{base_url.rstrip('/')}/{lang}/tasks/{slug}/"


def dtstamp(as_of: dt.date) -> dt.datetime:
    """The fixed DTSTAMP: midnight of the as-of date in Asia/Ho_Chi_Minh, in UTC."""
    return dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=ZoneInfo(TIMEZONE)).astimezone(dt.timezone.utc)


def _assessed(items: Iterable[sc.Assessment | sc.Obligation]) -> list[tuple[sc.Obligation, sc.Assessment | None]]:
    out = []
    for item in items:
        if isinstance(item, sc.Assessment):
            out.append((item.obligation, item))
        else:
            out.append((item, None))
    return sorted(out, key=lambda p: sc.sort_key(p[0]))


def summary(plan: Plan, ob: sc.Obligation) -> str:
    """``[A-I-1] Ban hành kế hoạch năm 2017 — Sở Nội vụ / Issue the 2017 plan — Dept. of Home Affairs``."""
    title = sc.title(plan, ob)
    who = plan.agency(ob.agency).short if ob.agency else UNKNOWN_AGENCY
    return f"[{ob.task}] {title.vi} — {who.vi} / {title.en} — {who.en}"


def description(plan: Plan, ob: sc.Obligation, assessment: sc.Assessment | None, *, base_url: str, as_of: dt.date) -> str:
    """The event's text: task, agency and role, the clause as printed, status, link — in vi, then en."""
    task = plan.task(ob.task)
    who = plan.agency(ob.agency).name if ob.agency else UNKNOWN_AGENCY
    role = sc.role_label(ob.role)
    due = f"{ob.due:%d/%m/%Y}" if ob.due else ""
    vi = [
        f"Nhiệm vụ {task.id}: {task.content.vi}",
        f"Đơn vị: {who.vi} ({role.vi})",
        f"Nguyên văn: {ob.source.vi}",
        f"Hạn: {due}",
    ]
    en = [
        f"Task {task.id}: {task.content.en}",
        f"Agency: {who.en} ({role.en})",
        f"As printed: {ob.source.en}",
        f"Due: {due}",
    ]
    if assessment is not None:
        label = sc.STATUS_LABELS[assessment.status]
        vi.append(f"Trạng thái ngày {as_of:%d/%m/%Y}: {label.vi}")
        en.append(f"Status on {as_of:%d/%m/%Y}: {label.en}")
    vi.append(task_url(base_url, "vi", task.slug))
    en.append(task_url(base_url, "en", task.slug))
    return "\n".join(vi + [""] + en)


def escape_text(text: str) -> str:
    """RFC 5545 TEXT escaping (section 3.3.11): backslash, semicolon, comma; every line break becomes ``\\n``."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
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


def _event(plan: Plan, ob: sc.Obligation, assessment: sc.Assessment | None, *, base_url: str, as_of: dt.date) -> bytes:
    # Written line by line with icalendar's own escaping and folding: building an icalendar Event
    # object per obligation cost a third of a site build, for the same bytes.
    assert ob.due is not None
    url = task_url(base_url, "vi", plan.task(ob.task).slug)
    lines = [
        f"SUMMARY:{escape_text(summary(plan, ob))}",
        f"DTSTART;VALUE=DATE:{ob.due:%Y%m%d}",
        f"DTEND;VALUE=DATE:{ob.due + dt.timedelta(days=1):%Y%m%d}",
        f"DTSTAMP:{dtstamp(as_of):%Y%m%dT%H%M%SZ}",
        f"UID:{escape_text(f'{ob.id}@{UID_DOMAIN}')}",
        f"CATEGORIES:{escape_text(ob.kind)}",
        f"DESCRIPTION:{escape_text(description(plan, ob, assessment, base_url=base_url, as_of=as_of))}",
        "TRANSP:TRANSPARENT",
        f"URL:{url}",
    ]
    return ("BEGIN:VEVENT\r\n" + "".join(fold(line) + "\r\n" for line in lines) + "END:VEVENT\r\n").encode("utf-8")


def _calendar(events: list[bytes], name: Text) -> str:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    # A calendar name is one line: a line break in an agency's name must not end the property.
    cal.add("x-wr-calname", " ".join(f"{name.vi} / {name.en}".split()))
    cal.add("x-wr-timezone", TIMEZONE)
    head, end = cal.to_ical().rsplit(b"END:VCALENDAR", 1)
    return (head + b"".join(events) + b"END:VCALENDAR" + end).decode("utf-8")


def plan_name(plan: Plan) -> Text:
    """The plan calendar's name."""
    return Text(f"Lịch nghĩa vụ — Kế hoạch {plan.meta.number}", f"Obligations — Plan {plan.meta.number}")


def agency_name(plan: Plan, agency_id: str) -> Text:
    """An agency calendar's name."""
    agency = plan.agency(agency_id)
    return Text(f"Lịch nghĩa vụ — {agency.short.vi}", f"Obligations — {agency.short.en}")


def calendars(plan: Plan, items: Iterable[sc.Assessment | sc.Obligation], *, base_url: str, as_of: dt.date) -> dict[str, str]:
    """The plan's calendar (key ``plan``) and every agency's (key: agency id), each event serialized once.

    An event appears in several calendars (the plan's, its agency's, the members' of a collective);
    serializing it once instead of once per calendar is what keeps large plans fast.
    """
    dated = [(ob, a) for ob, a in _assessed(items) if ob.due is not None and ob.applicable]
    events = [(ob, _event(plan, ob, a, base_url=base_url, as_of=as_of)) for ob, a in dated]
    out = {"plan": _calendar([e for _, e in events], plan_name(plan))}
    for agency in plan.agencies:
        mine = [e for ob, e in events if sc.concerns(plan, ob, agency.id)]
        out[agency.id] = _calendar(mine, agency_name(plan, agency.id))
    return out


def plan_calendar(plan: Plan, items: Iterable[sc.Assessment | sc.Obligation], *, base_url: str, as_of: dt.date) -> str:
    """The calendar of every dated obligation of the plan."""
    events = [_event(plan, ob, a, base_url=base_url, as_of=as_of) for ob, a in _assessed(items) if ob.due is not None and ob.applicable]
    return _calendar(events, plan_name(plan))


def agency_calendar(plan: Plan, items: Iterable[sc.Assessment | sc.Obligation], agency_id: str, *, base_url: str, as_of: dt.date, with_collectives: bool = True) -> str:
    """The calendar of one agency: its own obligations and (by default) those of its collectives (:func:`partracker.schedule.concerns`)."""
    chosen = [(ob, a) for ob, a in _assessed(items) if ob.due is not None and ob.applicable and sc.concerns(plan, ob, agency_id, with_collectives=with_collectives)]
    return _calendar([_event(plan, ob, a, base_url=base_url, as_of=as_of) for ob, a in chosen], agency_name(plan, agency_id))
