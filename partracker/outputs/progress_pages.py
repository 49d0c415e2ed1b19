"""Progress pages of the public site (Trang tiến độ): timeline, overview, by period, section and agency, targets.

Statuses come from :mod:`partracker.domain.schedule`; this module only groups and counts them.
Without a filed report nothing is claimed as done or late: the pages say so at the top, and the
completion measures read "not yet assessed". The timeline has a page per year, and targets a page
of their own: one page for five years of deadlines weighed over 300 KB of HTML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from partracker.domain import schedule
from partracker.domain.model import Plan, Target, Task
from partracker.domain.periods import quarter_of
from partracker.domain.schedule import Assessment
from partracker.language.formats import sort_texts
from partracker.language.labels import labels
from partracker.language.text import Lang
from partracker.outputs import wording
from partracker.outputs.charts import BarRow, Chart, status_bar, target_chart
from partracker.outputs.context import BuildContext
from partracker.outputs.items import Page
from partracker.outputs.opendata import target_rows

ROLE_ORDER = {"lead": 0, "coordinating": 1}
"""Agencies in a timeline row: lead agencies first, then coordinating ones, then reporting tiers."""


@dataclass(frozen=True)
class Party:
    """One agency's share of a timeline row, with its status."""

    agency: str | None
    """Agency id, None when the source cell is lost."""
    role: str
    """The role in words, with the source's doubts (:func:`partracker.outputs.wording.role_text`)."""
    status: str
    """Assessment status."""


@dataclass(frozen=True)
class TimelineRow:
    """One deliverable or report deadline on one date, with every agency that owes it."""

    due: dt.date | None
    """Due date; None when the source gives none."""
    task: str
    """Task id."""
    title: str
    """Short title of the obligation in the page's language."""
    is_report: bool
    """True for a periodic report of the regime."""
    parties: tuple[Party, ...]
    """Agencies and their statuses."""

    @property
    def by_status(self) -> tuple[tuple[str, tuple[Party, ...]], ...]:
        """The parties grouped by status, in the order of :data:`~partracker.domain.schedule.STATUSES`."""
        return tuple((s, tuple(p for p in self.parties if p.status == s)) for s in schedule.STATUSES if any(p.status == s for p in self.parties))


@dataclass(frozen=True)
class TimelineBlock:
    """The rows of one quarter (or of "no fixed date") of one year."""

    heading: str
    """Quarter label."""
    deliverables: tuple[TimelineRow, ...]
    """Task obligations."""
    reports: tuple[TimelineRow, ...]
    """Periodic report deadlines."""


def timeline(plan: Plan, assessments: Sequence[Assessment], *, lang: Lang) -> list[tuple[int, list[TimelineBlock]]]:
    """Obligations grouped by year and quarter of their due date; undated ones by plan year, after the quarters."""
    order = {t.id: i for i, t in enumerate(plan.tasks)}
    groups: dict[tuple[int, int, dt.date | None, int, str, str], list[Assessment]] = {}
    for a in assessments:
        ob = a.obligation
        title = wording.obligation_title(plan, ob, lang)
        year, quarter = (ob.due.year, quarter_of(ob.due)) if ob.due else (ob.year, 5)
        key = (year, quarter, ob.due, order.get(ob.task, len(order)), ob.task, title)
        groups.setdefault(key, []).append(a)
    years: dict[int, dict[int, tuple[list[TimelineRow], list[TimelineRow]]]] = {}
    for key in sorted(groups, key=lambda k: (k[0], k[1], k[2] or dt.date.max, k[3], k[4], k[5])):
        year, quarter, due, _, task, title = key
        items = sorted(groups[key], key=lambda a: (ROLE_ORDER.get(a.obligation.role, 2), a.obligation.role, a.obligation.agency or "", a.obligation.id))
        is_report = items[0].obligation.kind == "periodic_report"
        row = TimelineRow(due, task, title, is_report, tuple(Party(a.obligation.agency, wording.role_text(a.obligation, lang), a.status) for a in items))
        deliverables, report_rows = years.setdefault(year, {}).setdefault(quarter, ([], []))
        (report_rows if is_report else deliverables).append(row)
    out = []
    for year in sorted(years):
        blocks = []
        for quarter in sorted(years[year]):
            heading = wording.quarter_label(year, quarter, lang) if quarter <= 4 else labels(lang).no_due
            deliverables, report_rows = years[year][quarter]
            blocks.append(TimelineBlock(heading, tuple(deliverables), tuple(report_rows)))
        out.append((year, blocks))
    return out


@dataclass(frozen=True)
class MeasureRow:
    """A year's PAR-style measures as the page shows them."""

    year: int
    """Plan year."""
    assessed: bool
    """False when no filed report speaks for any task obligation of the year."""
    measures: schedule.ParMeasures
    """The numbers from :func:`partracker.domain.schedule.par_measures`."""


def measure_rows(plan: Plan, assessments: Sequence[Assessment]) -> list[MeasureRow]:
    """PAR measures per plan year, marked unassessed when no report covers the year's task obligations."""
    rows = []
    for year in plan.meta.years:
        m = schedule.par_measures(plan, assessments, year)
        assessed = any(a.report is not None for a in assessments if a.obligation.year == year and a.obligation.kind not in ("periodic_report", "target"))
        rows.append(MeasureRow(year, assessed, m))
    return rows


def _counts_rows(rolled: dict[str, dict[str, int]], keys: Sequence[str], label: Callable[[str], str], full: Callable[[str], str | None] = lambda k: None) -> list[BarRow]:
    return [BarRow(label(k), {s: n for s, n in rolled.get(k, {}).items() if n}, full(k)) for k in keys]


def _common(ctx: BuildContext) -> dict[str, Any]:
    """What every progress page shows at the top, and the statuses its tables list."""
    return {
        "no_reports": not ctx.reports,
        "statuses": [s for s in schedule.STATUSES if any(a.status == s for a in ctx.assessments)],
    }


def _year_chart(ctx: BuildContext, lang: Lang) -> Chart:
    by_year = schedule.rollup(ctx.assessments, schedule.by_year)
    words = labels(lang)
    return status_bar(_counts_rows(by_year, sorted(by_year, key=int), str), lang=lang, title=words.status_by_year, row_header=words.year, templates=ctx.templates)


def timeline_pages(ctx: BuildContext, lang: Lang) -> Iterator[Page]:
    """The timeline: an index, and one page per year by quarter."""
    years = timeline(ctx.plan, ctx.assessments, lang=lang)
    common = _common(ctx)
    summary = []
    for year, blocks in years:
        page = ctx.urls.timeline_year(year)
        yield Page(page, "site/progress/timeline-year.md.j2", {**common, "year": year, "blocks": blocks, "years": [y for y, _ in years]})
        summary.append((year, page, sum(len(b.deliverables) + len(b.reports) for b in blocks), sum(len(b.deliverables) for b in blocks), sum(len(b.reports) for b in blocks)))
    yield Page(ctx.urls.timeline, "site/progress/timeline.md.j2", {**common, "summary": summary})


def progress_pages(ctx: BuildContext, lang: Lang) -> Iterator[Page]:
    """The progress overview, targets, and status by period, section and agency."""
    plan, assessments, urls, words = ctx.plan, ctx.assessments, ctx.urls, labels(lang)
    common = _common(ctx)
    year_chart = _year_chart(ctx, lang)
    yield Page(urls.progress_page("index"), "site/progress/index.md.j2", {**common, "measures": measure_rows(plan, assessments), "year_chart": year_chart})

    by_target: dict[tuple[str, str], dict[int, float | None]] = {}
    for row in target_rows(ctx):  # the same rows as data/targets.json
        by_target.setdefault((row["task"], row["target"]), {})[row["year"]] = row["reported"]
    # One page per section holds its targets' charts, so no page grows with the whole plan; the targets page lists them.
    sections = []
    for section in plan.sections:
        targets: list[tuple[Task, list[tuple[Target, Chart]]]] = []
        for task in section.tasks:
            if task.targets:
                targets.append((task, [(target, target_chart(task, target, by_target[(task.id, target.id)], lang=lang, templates=ctx.templates)) for target in task.targets]))
        if targets:
            page = urls.targets_section(section)
            yield Page(page, "site/progress/targets-section.md.j2", {**common, "section": section, "targets": targets})
            reported = sum(1 for task, items in targets for target, _ in items if any(v is not None for v in by_target[(task.id, target.id)].values()))
            sections.append((section, page, sum(len(items) for _, items in targets), reported))
    yield Page(urls.progress_page("targets"), "site/progress/targets.md.j2", {**common, "sections": sections})

    periods = []
    for year in sorted({a.obligation.year for a in assessments}):
        of_year = [a for a in assessments if a.obligation.year == year]

        def period_key(a: Assessment) -> str:
            due = a.obligation.due
            return "9" if due is None else f"{due.year:04d}-{quarter_of(due)}"

        def period_label(key: str) -> str:
            if key == "9":
                return words.no_due
            y, q = key.split("-")
            return wording.quarter_label(int(y), int(q), lang)

        rolled = schedule.rollup(of_year, period_key)
        chart = status_bar(_counts_rows(rolled, list(rolled), period_label), lang=lang, title=f"{words.status_by_year} — {year}", row_header=words.quarter, templates=ctx.templates)
        periods.append((year, chart))
    yield Page(urls.progress_page("by-period"), "site/progress/by-period.md.j2", {**common, "year_chart": year_chart, "by_year": schedule.rollup(assessments, schedule.by_year), "periods": periods})

    by_section = schedule.rollup(assessments, schedule.by_section)
    section_rows = _counts_rows(by_section, [s.id for s in plan.sections], lambda sid: wording.section_title(plan, plan.section(sid), lang))
    yield Page(
        urls.progress_page("by-section"),
        "site/progress/by-section.md.j2",
        {
            **common,
            "chart": status_bar(section_rows, lang=lang, title=words.status_by_section, row_header=words.section, templates=ctx.templates),
            "sections": plan.sections,
            "by_section": by_section,
            "by_task": schedule.rollup(assessments, schedule.by_task),
        },
    )

    by_agency = schedule.rollup(assessments, schedule.by_agency)
    agency_ids = sort_texts([k for k in by_agency if k != "unassigned"], lambda k: wording.agency_short(plan, k, lang), lang)
    if "unassigned" in by_agency:
        agency_ids.append("unassigned")  # cells lost in the source: listed last, not hidden
    agency_rows = _counts_rows(
        by_agency, agency_ids, lambda k: wording.agency_short(plan, None if k == "unassigned" else k, lang),
        lambda k: None if k == "unassigned" else plan.agency(k).name.get(lang),
    )
    yield Page(
        urls.progress_page("by-agency"),
        "site/progress/by-agency.md.j2",
        {**common, "chart": status_bar(agency_rows, lang=lang, title=words.status_by_agency, row_header=words.agency, templates=ctx.templates), "agency_ids": agency_ids, "by_agency": by_agency},
    )
