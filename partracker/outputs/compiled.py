"""The consolidated periodic report (Báo cáo tổng hợp định kỳ): what Sở Nội vụ sends to the Provincial People's Committee.

The reporting regime has two tiers: agencies report to the Department of Home Affairs (tier 1),
which compiles their reports and reports to the Provincial People's Committee (tier 2). For each
reporting period — a quarter, the first six months, a year — :func:`compile_period` gathers,
from the build context and nothing else:

- who owed a tier-1 report for the period and the status of each (the site's own statuses: filed
  on time, late with the date, or not filed);
- per section and task, the entries of the reports filed for the period (corrections applied),
  with status, percent, notes, evidence and what each corrects;
- the numeric targets of the period's year, reported value against the plan's level;
- obligations that fell due in the period and have no report, by agency;
- the PAR-style measures of the year (completion band, reports on time).

The same :class:`CompiledReport` feeds the page (Markdown template), the JSON and the Word
document (:mod:`partracker.outputs.admin_document`), so every figure agrees between them. The
document is a draft for the clerk to check, complete, number, date and sign: it says so at the
top, and in a DEMO build its header and watermark say that the figures are samples.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from partracker.domain import schedule
from partracker.domain.model import Agency, ReportingTier, Section, Task
from partracker.domain.periods import period_bounds, period_kind, period_year
from partracker.domain.progress import Filed, entry_ref, published_late
from partracker.domain.schedule import Assessment, ParMeasures
from partracker.language.formats import format_date, format_number, format_percent
from partracker.language.labels import labels
from partracker.language.text import Lang
from partracker.outputs import admin_document as doc
from partracker.outputs import wording
from partracker.outputs.context import BuildContext
from partracker.outputs.items import DataFile, Page
from partracker.outputs.opendata import target_rows

REPORT_KINDS_OF_PERIOD = {"q": ("quarterly",), "h1": ("six_month",), "year": ("annual",)}
"""The kinds of periodic report a period's compiled report accounts for (thematic reports are made on request)."""

OUTSTANDING = ("not_assessed", "overdue")
"""Statuses of an obligation that fell due without a report saying it was done."""


@dataclass(frozen=True)
class SenderRecord:
    """One agency's tier-1 report for the period, as the site assesses it."""

    agency: Agency
    """Who owed it."""
    assessment: Assessment
    """The obligation and its status; ``assessment.on`` is the filing date when filed."""


@dataclass(frozen=True)
class TaskRecord:
    """A task and the entries reported on it for the period."""

    task: Task
    """The task."""
    entries: tuple[Filed, ...]
    """Entries that count (corrections applied), by agency then entry."""


@dataclass(frozen=True)
class SectionRecord:
    """A section and its tasks that have entries for the period."""

    section: Section
    """The section."""
    tasks: tuple[TaskRecord, ...]
    """Tasks with at least one entry, in plan order."""


@dataclass(frozen=True)
class CompiledReport:
    """Everything one period's consolidated report says."""

    period: str
    """``2017-q1``, ``2017-h1`` or ``2017-year``."""
    year: int
    """The plan year."""
    kind: str
    """``quarterly``, ``six_month`` or ``annual``."""
    first_day: dt.date
    """First day of the period."""
    last_day: dt.date
    """Last day of the period."""
    tier1_due: dt.date
    """Last day for the agencies' reports."""
    tier2: Assessment | None
    """The Department of Home Affairs' own report for the period, with its status."""
    senders: tuple[SenderRecord, ...]
    """Who owed a tier-1 report, with status."""
    sections: tuple[SectionRecord, ...]
    """What was reported, by section."""
    targets: tuple[dict[str, Any], ...]
    """The year's numeric targets (rows of data/targets.json)."""
    outstanding: tuple[tuple[Agency | None, tuple[Assessment, ...]], ...]
    """Obligations due within the period without a report, by agency (None: the source lost the cell)."""
    measures: ParMeasures
    """The year's PAR-style measures."""
    as_of: dt.date
    """The date every status is computed for."""
    demo: bool
    """True when the figures include sample reports."""

    @property
    def entry_count(self) -> int:
        """Entries reported for the period."""
        return sum(len(t.entries) for s in self.sections for t in s.tasks)


def _tier(ctx: BuildContext, tier_id: str) -> ReportingTier:
    return next(t for t in ctx.plan.reporting if t.id == tier_id)


def periods(ctx: BuildContext) -> tuple[str, ...]:
    """Every period whose tier-1 reports are certainly owed, in time order.

    A period whose reports fell due before the decision may have existed (the lost day) is left out:
    nobody can say it was owed, so there is nothing to compile.
    """
    found: dict[str, dt.date] = {}
    for a in ctx.assessments:
        ob = a.obligation
        if ob.kind == "periodic_report" and ob.role == "tier-1" and ob.applicable and not ob.date_dependent and ob.report_kind in ("quarterly", "six_month", "annual") and ob.period and ob.due:
            found.setdefault(ob.period, ob.due)
    return tuple(sorted(found, key=lambda p: (period_bounds(p)[1], found[p], p)))


def compile_period(ctx: BuildContext, period: str) -> CompiledReport:
    """The consolidated report of one period, from the build context."""
    kind_key = period_kind(period)
    kinds = REPORT_KINDS_OF_PERIOD["q" if kind_key.startswith("q") else kind_key]
    first, last = period_bounds(period)
    year = period_year(period)
    owed = [a for a in ctx.assessments if a.obligation.kind == "periodic_report" and a.obligation.period == period and a.obligation.report_kind in kinds]
    tier1 = sorted((a for a in owed if a.obligation.role == "tier-1"), key=lambda a: a.obligation.id)
    tier2 = next((a for a in owed if a.obligation.role == "tier-2"), None)
    if not tier1:
        raise ValueError(f"Expected a period with tier-1 reports, one of {periods(ctx)}, but received: {period!r}")
    plan = ctx.plan
    entries = [f for f in ctx.entries if f[0].period == period]
    sections = []
    for section in plan.sections:
        tasks = []
        for task in section.tasks:
            mine = tuple(sorted((f for f in entries if f[1].task == task.id), key=lambda f: (f[0].agency, entry_ref(*f))))
            if mine:
                tasks.append(TaskRecord(task, mine))
        if tasks:
            sections.append(SectionRecord(section, tuple(tasks)))
    late = {}
    for a in ctx.assessments:
        ob = a.obligation
        if ob.due and first <= ob.due <= last and a.status in OUTSTANDING and ob.kind != "periodic_report":
            late.setdefault(ob.agency, []).append(a)
    outstanding = tuple(
        (plan.agency(agency) if agency else None, tuple(sorted(items, key=lambda a: (a.obligation.due, a.obligation.id))))
        for agency, items in sorted(late.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))
    )
    return CompiledReport(
        period=period,
        year=year,
        kind=kinds[0],
        first_day=first,
        last_day=last,
        tier1_due=tier1[0].obligation.due,  # type: ignore[arg-type]
        tier2=tier2,
        senders=tuple(SenderRecord(plan.agency(a.obligation.agency), a) for a in tier1 if a.obligation.agency),
        sections=tuple(sections),
        targets=tuple(r for r in target_rows(ctx) if r["year"] == year),
        outstanding=outstanding,
        measures=schedule.par_measures(plan, ctx.assessments, year),
        as_of=ctx.as_of,
        demo=any(r.demo for r, _ in entries) or ctx.demo,
    )


# --- words ----------------------------------------------------------------------------------------


def period_name(period: str, lang: Lang) -> str:
    """ "quý I năm 2017", "6 tháng đầu năm 2017", "năm 2017" (vi); "Q1 2017", "first half of 2017", "2017" (en)."""
    kind = period_kind(period)
    year = period_year(period)
    words = labels(lang)
    if kind.startswith("q"):
        quarter = int(kind[1])
        return words.format("compiled.period_quarter", roman=("I", "II", "III", "IV")[quarter - 1], quarter=quarter, year=year)
    return words.format("compiled.period_h1" if kind == "h1" else "compiled.period_year", year=year)


def sender_status(record: SenderRecord, lang: Lang) -> str:
    """The status of a sender's report, with its filing date when filed."""
    words = labels(lang)
    a = record.assessment
    text = words.status_name(a.status)
    return f"{text} ({format_date(a.on, lang)})" if a.on else text


def entry_cells(filed: Filed, plan: Any, lang: Lang) -> dict[str, str]:
    """An entry's agency, status, percent, targets, evidence and note, as text."""
    report, entry = filed
    words = labels(lang)
    task = plan.task(entry.task)
    targets = {t.id: t for t in task.targets}
    values = "; ".join(
        f"{target_id}: {wording.format_value(value, targets[target_id].unit, lang) if target_id in targets else format_number(value, lang)}" for target_id, value in entry.target_values
    )
    evidence = "; ".join(" ".join(p for p in (ev.document, format_date(ev.date, lang) if ev.date else "") if p) for ev in entry.evidence)
    note = wording.note_plain(entry.note, lang) if entry.note else ""
    if entry.corrects:
        note = (f"{words.correction} ({words.corrects} {entry.corrects}). " + note).strip()
    return {
        "agency": plan.agency(report.agency).short.get(lang),
        "status": words.status_name(entry.status),
        "percent": "—" if entry.percent is None else f"{format_number(entry.percent, lang)}%",
        "targets": values or "—",
        "evidence": evidence or "—",
        "note": note or "—",
        "reported": format_date(entry.reported, lang),
        "demo": words.demo_report if report.demo else "",
    }


def to_dict(report: CompiledReport, plan: Any) -> dict[str, Any]:
    """The report as JSON-ready data: codes and dates, no wording (words are for the page and the document)."""

    def assessment(a: Assessment) -> dict[str, Any]:
        ob = a.obligation
        return {"id": ob.id, "agency": ob.agency, "task": ob.task, "due": ob.due.isoformat() if ob.due else None, "status": a.status, "on": a.on.isoformat() if a.on else None}

    m = report.measures
    return {
        "period": report.period,
        "year": report.year,
        "kind": report.kind,
        "first_day": report.first_day.isoformat(),
        "last_day": report.last_day.isoformat(),
        "tier1_due": report.tier1_due.isoformat(),
        "as_of": report.as_of.isoformat(),
        "demo": report.demo,
        "tier2": assessment(report.tier2) if report.tier2 else None,
        "senders": [assessment(s.assessment) for s in report.senders],
        "sections": [
            {
                "section": s.section.id,
                "tasks": [
                    {
                        "task": t.task.id,
                        "entries": [
                            {
                                "ref": entry_ref(r, e), "file": r.file, "agency": r.agency, "submitted": r.submitted, "published": r.published,
                                "published_late": published_late(r), "demo": r.demo, "status": e.status, "percent": e.percent, "targets": dict(e.target_values), "reported": e.reported,
                                "completed": e.completed, "corrects": e.corrects,
                                "evidence": [{"document": ev.document, "date": ev.date, "url": ev.url} for ev in e.evidence],
                                "note": {"vi": e.note.vi, "en": e.note.en} if e.note else None,
                            }
                            for r, e in t.entries
                        ],
                    }
                    for t in s.tasks
                ],
            }
            for s in report.sections
        ],
        "targets": list(report.targets),
        "outstanding": [{"agency": agency.id if agency else None, "obligations": [assessment(a) for a in items]} for agency, items in report.outstanding],
        "measures": {
            "tasks_total": m.tasks_total, "tasks_done": m.tasks_done, "tasks_unknown": m.tasks_unknown, "share": m.share, "band": m.band,
            "band_settled": m.band_settled, "reports_total": m.reports_total, "reports_on_time": m.reports_on_time, "all_reports_on_time": m.all_reports_on_time,
        },
    }


def counts(report: CompiledReport) -> dict[str, int]:
    """How many senders filed on time, late, not at all, or were not yet due: the figures the text states."""
    out = {"owed": len(report.senders), "on_time": 0, "late": 0, "missing": 0, "open": 0}
    for s in report.senders:
        status = s.assessment.status
        out["on_time" if status == "done_on_time" else "late" if status == "done_late" else "missing" if status in OUTSTANDING else "open"] += 1
    return out


# --- the Word document ----------------------------------------------------------------------------


def document(report: CompiledReport, ctx: BuildContext, lang: Lang) -> doc.AdminDocument:
    """The draft as an administrative document (Decree 30/2020/NĐ-CP layout), in ``lang``."""
    words = labels(lang)
    plan = ctx.plan
    name = period_name(report.period, lang)
    c = counts(report)
    blocks: list[doc.Block] = [
        doc.Paragraph(words.format("compiled.opening", number=plan.meta.number, period=name)),
        doc.Paragraph(words.format("compiled.as_of", date=format_date(report.as_of, lang)), italic=True),
        doc.Heading(1, "I. " + words["compiled.h_senders"].upper()),
        doc.Paragraph(words.format("compiled.senders_summary", owed=c["owed"], on_time=c["on_time"], late=c["late"], missing=c["missing"], open=c["open"], due=format_date(report.tier1_due, lang))),
        doc.Table(
            headers=(words.number, words.agency, words.due, words.status),
            rows=tuple((str(i), s.agency.name.get(lang), format_date(s.assessment.obligation.due, lang), sender_status(s, lang)) for i, s in enumerate(report.senders, start=1)),
            column_widths_mm=(12, 78, 28, 47),
            column_align=("center", "left", "center", "left"),
        ),
        doc.Heading(1, "II. " + words["compiled.h_tasks"].upper()),
    ]
    if not report.sections:
        blocks.append(doc.Paragraph(words["compiled.no_entries"]))
    for number, section in enumerate(report.sections, start=1):
        blocks.append(doc.Heading(2, f"{number}. {section.section.id} · {section.section.title.get(lang)}"))
        rows = []
        for t in section.tasks:
            for filed in t.entries:
                cells = entry_cells(filed, plan, lang)
                status = cells["status"] if cells["percent"] == "—" else f"{cells['status']}, {cells['percent']}"
                details = [part for part in (cells["note"], cells["targets"] if cells["targets"] != "—" else "", f"{words.evidence}: {cells['evidence']}" if cells["evidence"] != "—" else "") if part and part != "—"]
                rows.append((t.task.id, cells["agency"] + (f" ({cells['demo']})" if cells["demo"] else ""), status, "\n".join(details) or "—"))
        blocks.append(doc.Table(headers=(words.task, words.agency, words.status, words.note), rows=tuple(rows), column_widths_mm=(22, 38, 35, 70)))
    blocks.append(doc.Heading(1, "III. " + words["compiled.h_targets"].upper()))
    if report.targets:
        blocks.append(doc.Table(
            headers=(words.task, words.target, words.target_value, words.reported_value, words.met),
            rows=tuple(_target_cells(row, lang) for row in report.targets),
            column_widths_mm=(22, 63, 28, 28, 24),
            column_align=("left", "left", "center", "center", "center"),
        ))
    else:
        blocks.append(doc.Paragraph(words.nothing))
    blocks.append(doc.Heading(1, "IV. " + words["compiled.h_outstanding"].upper()))
    if report.outstanding:
        for agency, items in report.outstanding:
            who = agency.name.get(lang) if agency else wording.agency_short(plan, None, lang)
            blocks.append(doc.Paragraph(f"{who}:", bold=True))
            blocks.append(doc.BulletList(tuple(f"{a.obligation.task} — {wording.obligation_title(plan, a.obligation, lang)} ({words.due} {format_date(a.obligation.due, lang)}): {words.status_name(a.status)}" for a in items)))
    else:
        blocks.append(doc.Paragraph(words["compiled.none_outstanding"]))
    blocks.append(doc.Heading(1, "V. " + words["compiled.h_measures"].upper()))
    blocks.append(doc.BulletList(measure_lines(report, lang)))
    demo = report.demo
    return doc.AdminDocument(
        parent_body=words["compiled.parent_body"],
        issuing_body=words["compiled.issuing_body"],
        number_field=words["compiled.number_field"],
        place_date_field=words.format("compiled.place_date", year=report.year),
        title=words["compiled.doc_title"],
        subtitle=words.format("compiled.subtitle", period=name),
        blocks=tuple(blocks),
        recipients=(words["compiled.recipient_ppc"], words["compiled.recipient_agencies"], words["compiled.recipient_filed"]),
        signature_authority=words["compiled.signature_authority"],
        signature_title="",
        signer_name="",
        draft_notice=words["compiled.draft_notice"],
        created=dt.datetime(report.as_of.year, report.as_of.month, report.as_of.day),
        watermark=words["compiled.demo_watermark"] if demo else None,
        header_text=words.demo_banner if demo else None,
        national_title=words["compiled.national_title"],
        motto=words["compiled.motto"],
        recipients_label=words["compiled.recipients"],
        language="vi-VN" if lang == "vi" else "en-GB",
    )


def _target_cells(row: dict[str, Any], lang: Lang) -> tuple[str, str, str, str, str]:
    words = labels(lang)
    level = "—" if row["level"] is None else wording.format_value(row["level"], row["unit"], lang)
    value = "—" if row["reported"] is None else wording.format_value(row["reported"], row["unit"], lang)
    met = "—" if row["met"] is None else (words.yes if row["met"] else words.no)
    return (row["task"], row[f"metric_{lang}"], level, value, met)


def measure_lines(report: CompiledReport, lang: Lang) -> tuple[str, ...]:
    """The year's measures in words (the page and the document say the same)."""
    words = labels(lang)
    m = report.measures
    share = format_percent(m.share, lang)
    band = words.code("band", m.band) if m.band_settled else words.format("band_unsettled", n=m.tasks_unknown)
    on_time = "—" if m.all_reports_on_time is None else (words.yes if m.all_reports_on_time else words.no)
    return (
        words.format("compiled.measure_tasks", year=report.year, done=m.tasks_done, total=m.tasks_total, share=share, band=band),
        words.format("compiled.measure_reports", on_time=m.reports_on_time, total=m.reports_total, all=on_time),
    )


def docx_bytes(report: CompiledReport, ctx: BuildContext, lang: Lang = "vi") -> bytes:
    """The draft .docx."""
    return doc.render_docx(document(report, ctx, lang))


# --- the site -------------------------------------------------------------------------------------


def compiled_reports(ctx: BuildContext) -> dict[str, CompiledReport]:
    """The consolidated report of every period, computed once per build."""
    return ctx.shared("compiled", lambda: {p: compile_period(ctx, p) for p in periods(ctx)})


def docx_files(ctx: BuildContext, lang: Lang) -> Iterator[DataFile]:
    """The draft .docx of each period: Vietnamese, the same bytes in both languages, made once per build."""
    for period, report in compiled_reports(ctx).items():
        yield DataFile(ctx.urls.compiled_docx(period), ctx.shared(f"compiled-docx:{period}", lambda r=report: docx_bytes(r, ctx, "vi")))


def compiled_pages(ctx: BuildContext, lang: Lang) -> Iterator[Page | DataFile]:
    """An index of the consolidated reports and one page per period."""
    reports = compiled_reports(ctx)
    common = {"no_reports": not ctx.reports, "statuses": ()}
    for period, report in reports.items():
        yield Page(
            ctx.urls.compiled(period),
            "site/progress/compiled.md.j2",
            {
                **common,
                "report": report,
                "counts": counts(report),
                "measures": measure_lines(report, lang),
                "period_name": period_name(period, lang),
                "entry_cells": lambda filed: entry_cells(filed, ctx.plan, lang),
                "target_cells": [_target_cells(row, lang) for row in report.targets],
            },
            description=wording.description(labels(lang).format("compiled.page_title", period=period_name(period, lang)) + ".", labels(lang)["compiled.intro"]),
        )
    yield Page(
        ctx.urls.compiled_index,
        "site/progress/compiled-index.md.j2",
        {**common, "reports": list(reports.values()), "counts": {p: counts(r) for p, r in reports.items()}, "period_name": lambda p: period_name(p, lang)},
        description=wording.description(labels(lang)["compiled.index_intro"]),
    )
