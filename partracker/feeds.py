"""Atom 1.0 feeds of progress updates (Nguồn tin cập nhật tiến độ), one per site language.

One feed entry per report entry, newest first. Every date in the feed comes from the reports
(an entry's ``reported`` date, at midnight in Asia/Ho_Chi_Minh), never from the clock, so the
same reports give the same bytes. Ids are ``tag:`` URIs built from the site's host name and the
entry's place in plan-data/progress/, so they stay put when an entry's text changes.
The XML is built with ElementTree, which escapes every text; characters XML cannot carry at
all (control characters) are removed first.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from urllib.parse import urlsplit

from partracker.charts import INVALID_XML, format_value
from partracker.i18n import format_date, format_number, ui
from partracker.model import Entry, Lang, Plan, Report
from partracker.schedule import STATUS_LABELS

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TAG_DATE = "2026"
"""Date part of the ``tag:`` ids: the year this id scheme was minted; never change it."""
UTC_OFFSET = "+07:00"
"""Asia/Ho_Chi_Minh has no daylight saving time, so every timestamp carries this offset."""

ET.register_namespace("", ATOM)


def _clean(text: str) -> str:
    return INVALID_XML.sub("", text)


def _timestamp(iso_date: str) -> str:
    return f"{dt.date.fromisoformat(iso_date).isoformat()}T00:00:00{UTC_OFFSET}"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def _authority(base_url: str) -> str:
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"Expected an http(s) base URL with a host name, e.g. 'https://example.org/', but received: {base_url!r}")
    return parts.hostname


def _agency_name(plan: Plan, agency_id: str, lang: Lang) -> str:
    try:
        return plan.agency(agency_id).name.get(lang)
    except KeyError:
        return agency_id  # a report from an unknown agency is flagged by the validator; the feed still names it


def entry_summary(plan: Plan, report: Report, entry: Entry, *, lang: Lang) -> str:
    """The entry as plain text lines: status, completion, dates, targets, evidence, note, source report."""
    lines = [ui("entry_status", lang, status=STATUS_LABELS[entry.status].get(lang))]
    if entry.percent is not None:
        lines.append(ui("entry_percent", lang, percent=f"{format_number(entry.percent, lang)}%"))
    lines.append(ui("entry_reported", lang, date=format_date(entry.reported, lang)))
    if entry.completed:
        lines.append(ui("entry_completed", lang, date=format_date(entry.completed, lang)))
    targets = {t.id: t for t in _task_targets(plan, entry.task)}
    for target_id, value in entry.target_values:
        unit = targets[target_id].unit if target_id in targets else ""
        shown = format_value(value, unit, lang) if unit else format_number(value, lang)
        lines.append(ui("entry_target", lang, id=target_id, value=shown))
    if entry.evidence:
        items = "; ".join(
            " ".join(p for p in (e.document, format_date(e.date, lang) if e.date else "", e.url or "") if p) for e in entry.evidence
        )
        lines.append(ui("entry_evidence", lang, items=items))
    if entry.note is not None:
        lines.append(ui("entry_note", lang, note=entry.note.get(lang)))
    if entry.corrects:
        lines.append(ui("entry_corrects", lang, ref=entry.corrects))
    lines.append(ui("entry_report", lang, period=report.period, agency=_agency_name(plan, report.agency, lang), date=format_date(report.submitted, lang)))
    return "\n".join(lines)


def _task_targets(plan: Plan, task_id: str) -> tuple:
    try:
        return plan.task(task_id).targets
    except KeyError:
        return ()


def _entry_title(plan: Plan, report: Report, entry: Entry, lang: Lang) -> str:
    try:
        agency = plan.agency(report.agency).short.get(lang)
    except KeyError:
        agency = report.agency
    title = f"{entry.task} — {STATUS_LABELS[entry.status].get(lang)} — {agency}"
    return f"{ui('sample_prefix', lang)} {title}" if report.demo else title


def ordered_entries(reports: Iterable[Report]) -> list[tuple[Report, Entry]]:
    """Every (report, entry), newest reported first; ties by submission (newest first), then file and entry id."""
    pairs = [(r, e) for r in reports for e in r.entries]
    pairs.sort(key=lambda p: (p[0].file, p[1].id))
    pairs.sort(key=lambda p: (p[1].reported, p[0].submitted), reverse=True)
    return pairs


def atom_feed(plan: Plan, reports: Iterable[Report], *, lang: Lang, base_url: str, feed_path: str = "feed.xml") -> str:
    """The Atom feed of progress updates in ``lang``; ``base_url`` is the root URL of that language's site."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    authority = _authority(base)
    pairs = ordered_entries(reports)
    if pairs:
        updated = _timestamp(pairs[0][1].reported)
    else:
        # Without reports the feed's date is the decision's (or the plan's first day): fixed, not "now".
        updated = _timestamp(plan.meta.date or f"{plan.meta.start_year}-01-01")

    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: lang})
    _sub(feed, "id", f"tag:{authority},{TAG_DATE}:progress:{lang}")
    _sub(feed, "title", ui("feed_title", lang, number=plan.meta.number))
    _sub(feed, "subtitle", ui("feed_subtitle", lang))
    _sub(feed, "updated", updated)
    _sub(feed, "link", rel="self", type="application/atom+xml", href=base + feed_path)
    _sub(feed, "link", rel="alternate", type="text/html", href=base + "progress/")
    author = _sub(feed, "author")
    _sub(author, "name", ui("feed_author", lang))
    for report, entry in pairs:
        item = _sub(feed, "entry")
        _sub(item, "id", f"tag:{authority},{TAG_DATE}:progress:{lang}:{report.agency}:{report.period}:{entry.id}")
        _sub(item, "title", _entry_title(plan, report, entry, lang))
        _sub(item, "updated", _timestamp(entry.reported))
        _sub(item, "link", rel="alternate", type="text/html", href=f"{base}tasks/{entry.task.lower()}/")
        entry_author = _sub(item, "author")
        _sub(entry_author, "name", _agency_name(plan, report.agency, lang))
        _sub(item, "category", term=entry.status, label=STATUS_LABELS[entry.status].get(lang))
        if report.demo:
            _sub(item, "category", term="sample-data", label=ui("sample_prefix", lang))
        _sub(item, "summary", entry_summary(plan, report, entry, lang=lang), type="text")
    ET.indent(feed, space="  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
