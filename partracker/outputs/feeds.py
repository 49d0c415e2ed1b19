"""Atom 1.0 feeds of progress updates (Nguồn tin cập nhật tiến độ), one per site language.

One feed entry per report entry that counts (corrections applied), newest first. Every date in
the feed comes from the reports (an entry's ``reported`` date, at midnight in the plan's time
zone), never from the clock, so the same reports give the same bytes. Ids are ``urn:uuid:``
names derived from the decision, the language, and the filed entry (its file and entry id), so
an entry and its correction never share an id, and ids survive a move to another address.
Links are absolute when the site's address is known, else relative to the feed.
The XML is built with ElementTree, which escapes every text; characters XML cannot carry at
all (control characters) are removed first.
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from zoneinfo import ZoneInfo

from partracker.domain.model import Entry, Plan, Report
from partracker.domain.progress import Filed
from partracker.language.formats import format_date, format_number
from partracker.language.labels import labels
from partracker.language.text import Lang
from partracker.outputs.context import BuildContext
from partracker.outputs.items import DataFile
from partracker.outputs.render import INVALID_XML
from partracker.outputs.urls import Urls
from partracker.outputs.wording import format_value, note_plain

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:partracker:progress-feed")
"""Namespace of the feed's ``urn:uuid:`` ids; fixed forever, so ids never change."""

ET.register_namespace("", ATOM)


def _clean(text: str) -> str:
    return INVALID_XML.sub("", text)


def _timestamp(iso_date: str, timezone: str) -> str:
    day = dt.date.fromisoformat(iso_date)
    return dt.datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(timezone)).isoformat()


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def entry_id(plan: Plan, lang: Lang, report: Report | None = None, entry: Entry | None = None) -> str:
    """The feed's id (no report) or a filed entry's: stable, unique per language, file and entry."""
    name = f"{plan.meta.number}:progress:{lang}"
    if report is not None and entry is not None:
        name += f":{report.file}#{entry.id}"
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, name)}"


def _agency_name(plan: Plan, agency_id: str, lang: Lang) -> str:
    try:
        return plan.agency(agency_id).name.get(lang)
    except KeyError:
        return agency_id  # a report from an unknown agency is flagged by the validator; the feed still names it


def entry_summary(plan: Plan, report: Report, entry: Entry, *, lang: Lang) -> str:
    """The entry as plain text lines: status, completion, dates, targets, evidence, note, source report."""
    words = labels(lang)
    lines = [words.format("entry_status", status=words.status_name(entry.status))]
    if entry.percent is not None:
        lines.append(words.format("entry_percent", percent=f"{format_number(entry.percent, lang)}%"))
    lines.append(words.format("entry_reported", date=format_date(entry.reported, lang)))
    if entry.completed:
        lines.append(words.format("entry_completed", date=format_date(entry.completed, lang)))
    targets = {t.id: t for t in _task_targets(plan, entry.task)}
    for target_id, value in entry.target_values:
        unit = targets[target_id].unit if target_id in targets else ""
        shown = format_value(value, unit, lang) if unit else format_number(value, lang)
        lines.append(words.format("entry_target", id=target_id, value=shown))
    if entry.evidence:
        items = "; ".join(" ".join(p for p in (e.document, format_date(e.date, lang) if e.date else "", e.url or "") if p) for e in entry.evidence)
        lines.append(words.format("entry_evidence", items=items))
    if entry.note is not None:
        lines.append(words.format("entry_note", note=note_plain(entry.note, lang)))
    if entry.corrects:
        lines.append(words.format("entry_corrects", ref=entry.corrects))
    lines.append(words.format("entry_report", period=report.period, agency=_agency_name(plan, report.agency, lang), date=format_date(report.submitted, lang)))
    return "\n".join(lines)


def _task_targets(plan: Plan, task_id: str) -> tuple:
    try:
        return plan.task(task_id).targets
    except KeyError:
        return ()


def _entry_title(plan: Plan, report: Report, entry: Entry, lang: Lang) -> str:
    words = labels(lang)
    try:
        agency = plan.agency(report.agency).short.get(lang)
    except KeyError:
        agency = report.agency
    title = f"{entry.task} — {words.status_name(entry.status)} — {agency}"
    return f"{words.sample_prefix} {title}" if report.demo else title


def ordered_entries(entries: Iterable[Filed]) -> list[Filed]:
    """Entries newest reported first; ties by submission (newest first), then file and entry id."""
    pairs = list(entries)
    pairs.sort(key=lambda p: (p[0].file, p[1].id))
    pairs.sort(key=lambda p: (p[1].reported, p[0].submitted), reverse=True)
    return pairs


def atom_feed(plan: Plan, entries: Iterable[Filed], *, lang: Lang, urls: Urls) -> str:
    """The Atom feed of progress updates in ``lang``: one item per entry given (pass the entries that count)."""
    words = labels(lang)
    timezone = plan.meta.timezone
    feed_page = urls.feed

    def href(docs_path: str) -> str:
        return urls.public(lang, docs_path) or urls.site_path(urls.relative(feed_page, docs_path))

    pairs = ordered_entries(entries)
    # Without reports the feed's date is the decision's (or the plan's first day): fixed, not "now".
    updated = _timestamp(pairs[0][1].reported if pairs else plan.meta.date or f"{plan.meta.start_year}-01-01", timezone)
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: lang})
    _sub(feed, "id", entry_id(plan, lang))
    _sub(feed, "title", words.format("feed_title", number=plan.meta.number))
    _sub(feed, "subtitle", words.feed_subtitle)
    _sub(feed, "updated", updated)
    _sub(feed, "link", rel="self", type="application/atom+xml", href=href(feed_page))
    _sub(feed, "link", rel="alternate", type="text/html", href=href(urls.progress))
    author = _sub(feed, "author")
    _sub(author, "name", words.feed_author)
    for report, entry in pairs:
        item = _sub(feed, "entry")
        _sub(item, "id", entry_id(plan, lang, report, entry))
        _sub(item, "title", _entry_title(plan, report, entry, lang))
        _sub(item, "updated", _timestamp(entry.reported, timezone))
        _sub(item, "link", rel="alternate", type="text/html", href=href(urls.task(entry.task)))
        entry_author = _sub(item, "author")
        _sub(entry_author, "name", _agency_name(plan, report.agency, lang))
        _sub(item, "category", term=entry.status, label=words.status_name(entry.status))
        if report.demo:
            _sub(item, "category", term="sample-data", label=words.sample_prefix)
        _sub(item, "summary", entry_summary(plan, report, entry, lang=lang), type="text")
    ET.indent(feed, space="  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def feed_file(ctx: BuildContext, lang: Lang) -> Iterator[DataFile]:
    """``feed.xml`` of one language."""
    yield DataFile(ctx.urls.feed, atom_feed(ctx.plan, ctx.entries, lang=lang, urls=ctx.urls))
