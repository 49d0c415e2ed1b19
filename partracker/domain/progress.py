"""What the filed reports say (Tiến độ đã báo cáo): corrections applied, the latest word on each task.

Filed reports are append-only; an entry is corrected by a later entry whose ``corrects`` names it
as ``<filing>#<entry id>`` (``2017-q1#e2``, ``2017-q1-2#e1``). These functions are the one place
that decides which entries count: every page, feed, download, the command line and the scheduler
call them. The as-of date is a parameter: a report counts from the day it was submitted, and a
correction replaces the entry it corrects from the day the correction was submitted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from partracker.domain.model import Entry, Report
from partracker.domain.periods import filing_key, period_year
from partracker.language.text import Text

Filed = tuple[Report, Entry]
"""One entry of one filed report."""


def entry_ref(report: Report, entry: Entry) -> str:
    """How another entry names this one in ``corrects``: ``<filing>#<entry id>``."""
    return f"{report.filing}#{entry.id}"


def report_sort_key(report: Report) -> tuple[str, tuple[dt.date, int, int], str]:
    """Reports sort by agency, then filing order (period, then supplement), then file."""
    return (report.agency, filing_key(report.filing), report.file)


def latest_key(filed: Filed) -> tuple[str, str, tuple[dt.date, int, int], str]:
    """Which of two entries is an agency's later word: reported date, then submission date, then filing order, then entry id."""
    report, entry = filed
    return (entry.reported, report.submitted, filing_key(report.filing), entry.id)


PUBLISHED_LATE_DAYS = 30
"""A report that reached the public record more than this many days after its ``submitted`` date is "published late"."""


def published_late(report: Report) -> bool | None:
    """Công bố muộn: the report's file reached the main branch more than :data:`PUBLISHED_LATE_DAYS` days after the date
    the agency says it sent the report; None when the date it became public is unknown.

    Statuses (on time, late) keep using ``submitted``: this only tells readers how long the public waited.
    """
    if report.published is None:
        return None
    return (dt.date.fromisoformat(report.published) - dt.date.fromisoformat(report.submitted)).days > PUBLISHED_LATE_DAYS


NoteKey = tuple[str, str, str]
"""A report entry's note, by (agency, filing, entry id)."""


def with_translations(reports: Iterable[Report], translations: Mapping[NoteKey, str]) -> tuple[Report, ...]:
    """The reports with the English of their notes: the report's own when it gives one, else a translation filed apart.

    A report's note needs Vietnamese only; maintainers add the English later in a file of its own, so the filed
    report is never edited. A note with no English either way keeps ``en == ''`` (shown as not yet translated).
    """
    out = []
    for r in reports:
        entries = []
        for e in r.entries:
            english = translations.get((r.agency, r.filing, e.id))
            if e.note is not None and not e.note.en and english:
                e = replace(e, note=Text(e.note.vi, english))
            entries.append(e)
        out.append(replace(r, entries=tuple(entries)))
    return tuple(out)


def known_reports(reports: Iterable[Report], as_of: dt.date | None = None) -> tuple[Report, ...]:
    """The reports submitted on or before ``as_of`` (all of them when None), in report order."""
    return tuple(sorted((r for r in reports if as_of is None or dt.date.fromisoformat(r.submitted) <= as_of), key=report_sort_key))


@dataclass(frozen=True)
class Correction:
    """Đính chính — an entry of an earlier filing replaced by an entry of a later one."""

    old: Filed
    """The entry corrected."""
    new: Filed
    """The entry that corrects it."""


def corrections(reports: Iterable[Report], *, as_of: dt.date | None = None) -> tuple[Correction, ...]:
    """Every correction known at ``as_of``, in the correcting reports' order."""
    known = known_reports(reports, as_of)
    index = {(r.agency, entry_ref(r, e)): (r, e) for r in known for e in r.entries}
    out = []
    for r in known:
        for e in r.entries:
            if e.corrects and (r.agency, e.corrects) in index:
                out.append(Correction(index[(r.agency, e.corrects)], (r, e)))
    return tuple(out)


def effective_entries(reports: Iterable[Report], *, as_of: dt.date | None = None) -> tuple[Filed, ...]:
    """The entries that count at ``as_of``: filed by then and not corrected by an entry filed by then, in report order."""
    known = known_reports(reports, as_of)
    corrected = {(c.old[0].agency, entry_ref(*c.old)) for c in corrections(known)}
    return tuple((r, e) for r in known for e in r.entries if (r.agency, entry_ref(r, e)) not in corrected)


def by_agency_task(entries: Iterable[Filed]) -> dict[tuple[str, str], tuple[Filed, ...]]:
    """Entries grouped by (agency, task), each group in the order given."""
    out: dict[tuple[str, str], list[Filed]] = {}
    for r, e in entries:
        out.setdefault((r.agency, e.task), []).append((r, e))
    return {k: tuple(v) for k, v in sorted(out.items())}


def latest_entries(reports: Iterable[Report], *, as_of: dt.date | None = None) -> dict[tuple[str, str], Filed]:
    """The latest effective entry per (agency, task): the agency's word on each task."""
    return {key: max(group, key=latest_key) for key, group in by_agency_task(effective_entries(reports, as_of=as_of)).items()}


def target_values(entries: Iterable[Filed]) -> dict[tuple[str, str], dict[int, float]]:
    """(task, target id) → plan year → the value of the latest entry reporting it, whichever agency reported it."""
    latest: dict[tuple[str, str, int], tuple[tuple[str, str, tuple[dt.date, int, int], str], float]] = {}
    for r, e in entries:
        year = period_year(r.period)
        for target_id, value in e.target_values:
            key, rank = (e.task, target_id, year), latest_key((r, e))
            if key not in latest or rank > latest[key][0]:
                latest[key] = (rank, value)
    out: dict[tuple[str, str], dict[int, float]] = {}
    for (task, target_id, year), (_, value) in sorted(latest.items()):
        out.setdefault((task, target_id), {})[year] = value
    return out
