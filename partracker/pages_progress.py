"""Progress pages of the public site (Trang tiến độ): timeline, overview, by period, section and agency.

Pages are Markdown from ``partracker/templates/site/progress/`` rendered with the site's Jinja
environment (:func:`partracker.site.environment`), so free text goes through the same
``md`` escaping filter as every other page. Statuses come from :mod:`partracker.schedule`; this
module only groups and counts them. Without a filed report nothing is claimed as done or late:
the pages say so at the top, and the completion measures read "not yet assessed".
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from partracker import schedule
from partracker.charts import BarRow, Chart, status_bar, target_chart, target_text
from partracker.i18n import format_date, format_number, format_percent, sort_texts, ui
from partracker.model import Lang, Plan, Report, Target, Task
from partracker.schedule import Assessment
from partracker.site import environment

# Where the site puts the pages this module links to (partracker/site.py writes them).
TASK_PAGE = "tasks/{slug}.md"
SECTION_PAGE = "plan/{slug}.md"
AGENCY_PAGE = "agencies/{id}.md"

TIMELINE_INDEX = "timeline/index.md"
TIMELINE_YEAR = "timeline/{year}.md"
PAGES = (TIMELINE_INDEX, "progress/index.md", "progress/by-period.md", "progress/by-section.md", "progress/by-agency.md", "progress/targets.md")
"""Pages this module always writes, docs-relative; one ``timeline/<year>.md`` per year comes on top.

The timeline is split by year because one page for five years of deadlines weighed over 300 KB of
HTML; targets have their own page for the same reason."""

ROLE_ORDER = {"lead": 0, "coordinating": 1}
"""Agencies in a timeline row: lead agencies first, then coordinating ones, then reporting tiers."""

ROMAN = ("I", "II", "III", "IV")


def relative_link(from_page: str, to_page: str) -> Markup:
    """A Markdown link target from one docs-relative page to another, as MkDocs resolves it."""
    target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    if not all(c.isalnum() or c in "./-_" for c in target):
        raise ValueError(f"Expected a page path of letters, digits and ./-_ but received: {to_page!r}")
    return Markup(target)


def quarter_of(day: dt.date) -> int:
    """Calendar quarter (1–4) of a date."""
    return (day.month - 1) // 3 + 1


def quarter_label(year: int, quarter: int, lang: Lang) -> str:
    """ "Quý II/2017" or "Q2 2017"."""
    return f"Quý {ROMAN[quarter - 1]}/{year}" if lang == "vi" else f"Q{quarter} {year}"


@dataclass(frozen=True)
class Party:
    """One agency's share of a timeline row, with its status."""

    agency: str | None
    """Agency id, None when the source cell is lost."""
    role: str
    """lead, coordinating or a reporting tier."""
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


@dataclass(frozen=True)
class TimelineBlock:
    """The rows of one quarter (or of "no fixed date") of one year."""

    heading: str
    """Quarter label."""
    deliverables: tuple[TimelineRow, ...]
    """Task obligations."""
    reports: tuple[TimelineRow, ...]
    """Periodic report deadlines."""


def filed_reports(reports: Iterable[Report], as_of: dt.date) -> tuple[Report, ...]:
    """Reports submitted on or before ``as_of`` — the only ones the statuses use."""
    return tuple(r for r in reports if dt.date.fromisoformat(r.submitted) <= as_of)


def timeline(plan: Plan, assessments: Sequence[Assessment], *, lang: Lang) -> list[tuple[int, list[TimelineBlock]]]:
    """Obligations grouped by year and quarter of their due date; undated ones by plan year, after the quarters."""
    order = {t.id: i for i, t in enumerate(plan.tasks)}
    groups: dict[tuple[int, int, dt.date | None, int, str, str], list[Assessment]] = {}
    for a in assessments:
        ob = a.obligation
        title = schedule.title(plan, ob).get(lang)
        year, quarter = (ob.due.year, quarter_of(ob.due)) if ob.due else (ob.year, 5)
        key = (year, quarter, ob.due, order.get(ob.task, len(order)), ob.task, title)
        groups.setdefault(key, []).append(a)
    years: dict[int, dict[int, tuple[list[TimelineRow], list[TimelineRow]]]] = {}
    for key in sorted(groups, key=lambda k: (k[0], k[1], k[2] or dt.date.max, k[3], k[4], k[5])):
        year, quarter, due, _, task, title = key
        items = sorted(groups[key], key=lambda a: (ROLE_ORDER.get(a.obligation.role, 2), a.obligation.role, a.obligation.agency or "", a.obligation.id))
        is_report = items[0].obligation.kind == "periodic_report"
        row = TimelineRow(due, task, title, is_report, tuple(Party(a.obligation.agency, a.obligation.role, a.status) for a in items))
        deliverables, report_rows = years.setdefault(year, {}).setdefault(quarter, ([], []))
        (report_rows if is_report else deliverables).append(row)
    out = []
    for year in sorted(years):
        blocks = []
        for quarter in sorted(years[year]):
            heading = quarter_label(year, quarter, lang) if quarter <= 4 else ui("no_due", lang)
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
    """The numbers from :func:`partracker.schedule.par_measures`."""


def measure_rows(plan: Plan, assessments: Sequence[Assessment]) -> list[MeasureRow]:
    """PAR measures per plan year, marked unassessed when no report covers the year's task obligations."""
    rows = []
    for year in plan.meta.years:
        m = schedule.par_measures(plan, assessments, year)
        assessed = any(
            a.report is not None
            for a in assessments
            if a.obligation.year == year and a.obligation.kind not in ("periodic_report", "target")
        )
        rows.append(MeasureRow(year, assessed, m))
    return rows


def target_values(reports: Iterable[Report], as_of: dt.date) -> dict[tuple[str, str], dict[int, float]]:
    """(task, target id) → year → the latest value reported for it by ``as_of``; corrected entries give way."""
    known = filed_reports(reports, as_of)
    corrected = {(r.agency, e.corrects) for r in known for e in r.entries if e.corrects}
    latest: dict[tuple[str, str, int], tuple[tuple[str, str, str, str, str], float]] = {}
    for r in known:
        year = schedule.period_year(r.period)
        for e in r.entries:
            if (r.agency, f"{r.period}#{e.id}") in corrected:
                continue
            for target_id, value in e.target_values:
                rank = (e.reported, r.submitted, r.agency, r.period, e.id)
                key = (e.task, target_id, year)
                if key not in latest or rank > latest[key][0]:
                    latest[key] = (rank, value)
    out: dict[tuple[str, str], dict[int, float]] = {}
    for (task, target_id, year), (_, value) in sorted(latest.items()):
        out.setdefault((task, target_id), {})[year] = value
    return out


def _counts_rows(rolled: dict[str, dict[str, int]], keys: Sequence[str], label: Callable[[str], str]) -> list[BarRow]:
    return [BarRow(label(k), {s: n for s, n in rolled.get(k, {}).items() if n}) for k in keys]


def render_pages(plan: Plan, assessments: Sequence[Assessment], reports: Sequence[Report], *, lang: Lang, as_of: dt.date) -> dict[str, str]:
    """The progress pages of one language: docs-relative path → Markdown."""
    env = environment()
    assessments = tuple(assessments)
    filed = filed_reports(reports, as_of)
    statuses = [s for s in schedule.STATUSES if any(a.status == s for a in assessments)]

    def status_label(status: str) -> str:
        return schedule.STATUS_LABELS[status].get(lang)

    def agency_label(agency_id: str | None) -> str:
        if agency_id is None or agency_id == "unassigned":
            return "[…]"
        return plan.agency(agency_id).short.get(lang)

    def links(page: str) -> dict[str, Callable[..., Markup]]:
        return {
            "task_href": lambda task_id: relative_link(page, TASK_PAGE.format(slug=plan.task(task_id).slug)),
            "section_href": lambda section_id: relative_link(page, SECTION_PAGE.format(slug=plan.section(section_id).slug)),
            "agency_href": lambda agency_id: relative_link(page, AGENCY_PAGE.format(id=agency_id)),
            "page_href": lambda other: relative_link(page, other),
        }

    common: dict[str, Any] = {
        "lang": lang,
        "ui": lambda key, **params: ui(key, lang, **params),
        "T": lambda text: text.get(lang),
        "date": lambda d: format_date(d, lang) if d else ui("no_due", lang),
        "number": lambda n: format_number(n, lang),
        "percent": lambda x: format_percent(x, lang),
        "status_label": status_label,
        "agency_label": agency_label,
        "role_label": lambda role: schedule.role_label(role).get(lang),
        "as_of": format_date(as_of, lang),
        "no_reports": not filed,
        "demo": any(r.demo for r in filed),
        "statuses": statuses,
        "pages": PAGES,
    }

    def render(page: str, template: str, **ctx: Any) -> str:
        return env.get_template(f"progress/{template}").render(**common, **links(page), page=page, **ctx)

    by_year = schedule.rollup(assessments, schedule.by_year)
    year_rows = _counts_rows(by_year, sorted(by_year, key=int), str)
    year_chart = status_bar(year_rows, lang=lang, title=ui("status_by_year", lang), row_header=ui("year", lang))

    pages: dict[str, str] = {}
    years = timeline(plan, assessments, lang=lang)
    summary = []
    for year, blocks in years:
        page = TIMELINE_YEAR.format(year=year)
        pages[page] = render(page, "timeline-year.md.j2", year=year, blocks=blocks, years=[y for y, _ in years])
        rows = sum(len(b.deliverables) + len(b.reports) for b in blocks)
        summary.append((year, page, rows, sum(len(b.deliverables) for b in blocks), sum(len(b.reports) for b in blocks)))
    pages[TIMELINE_INDEX] = render(TIMELINE_INDEX, "timeline.md.j2", summary=summary)

    values = target_values(reports, as_of)
    targets: list[tuple[Task, Target, Chart]] = []
    for task in plan.tasks:
        for target in task.targets:
            reported = values.get((task.id, target.id), {})
            years = plan.meta.years if target.year is None else tuple(y for y in plan.meta.years if y <= target.year)
            chart = target_chart(task, target, {y: reported.get(y) for y in years}, lang=lang)
            targets.append((task, target, chart))
    pages["progress/index.md"] = render(
        "progress/index.md",
        "index.md.j2",
        measures=measure_rows(plan, assessments),
        band_label=lambda key: schedule.BAND_LABELS[key].get(lang),
        year_chart=year_chart,
    )
    pages["progress/targets.md"] = render("progress/targets.md", "targets.md.j2", targets=targets, target_text=lambda target: target_text(target, lang))

    periods = []
    for year in sorted({a.obligation.year for a in assessments}):
        of_year = [a for a in assessments if a.obligation.year == year]

        def period_key(a: Assessment) -> str:
            due = a.obligation.due
            return "9" if due is None else f"{due.year:04d}-{quarter_of(due)}"

        rolled = schedule.rollup(of_year, period_key)

        def period_label(key: str) -> str:
            if key == "9":
                return ui("no_due", lang)
            y, q = key.split("-")
            return quarter_label(int(y), int(q), lang)

        rows = _counts_rows(rolled, list(rolled), period_label)
        chart = status_bar(rows, lang=lang, title=f"{ui('status_by_year', lang)} — {year}", row_header=ui("quarter", lang))
        periods.append((year, chart))
    pages["progress/by-period.md"] = render("progress/by-period.md", "by-period.md.j2", year_chart=year_chart, by_year=by_year, periods=periods)

    by_section = schedule.rollup(assessments, schedule.by_section)
    by_task = schedule.rollup(assessments, schedule.by_task)
    section_ids = [s.id for s in plan.sections]
    section_rows = _counts_rows(by_section, section_ids, lambda sid: f"{sid} · {plan.section(sid).title.get(lang)}")
    pages["progress/by-section.md"] = render(
        "progress/by-section.md",
        "by-section.md.j2",
        chart=status_bar(section_rows, lang=lang, title=ui("status_by_section", lang), row_header=ui("section", lang)),
        sections=plan.sections,
        by_section=by_section,
        by_task=by_task,
    )

    by_agency = schedule.rollup(assessments, schedule.by_agency)
    agency_ids = sort_texts([k for k in by_agency if k != "unassigned"], agency_label, lang)
    if "unassigned" in by_agency:
        agency_ids.append("unassigned")  # cells lost in the source: listed last, not hidden
    agency_rows = _counts_rows(by_agency, agency_ids, agency_label)
    pages["progress/by-agency.md"] = render(
        "progress/by-agency.md",
        "by-agency.md.j2",
        chart=status_bar(agency_rows, lang=lang, title=ui("status_by_agency", lang), row_header=ui("agency", lang)),
        agency_ids=agency_ids,
        by_agency=by_agency,
    )
    return dict(sorted(pages.items()))

