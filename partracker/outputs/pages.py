"""The plan's pages (Trang kế hoạch): home, plan and sections, tasks, agencies, reference pages.

Each function is an output (see :mod:`partracker.outputs.registry`): it picks what a page needs
from the build context and names the template that renders it. Free text from data reaches the
page only through the templates' escaping filters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.resources import files

from markupsafe import Markup

from partracker.domain import schedule
from partracker.domain.model import ColumnDoubt, Plan, ProbableReading, Target, Task
from partracker.language.text import Lang, Text
from partracker.outputs import calendars, opendata
from partracker.outputs.context import BuildContext
from partracker.outputs.items import DataFile, Page

ASSETS = ("report-builder.js", "site.css")
"""Files of ``partracker/outputs/assets/`` published into each language."""


def home(ctx: BuildContext, lang: Lang) -> Iterator[Page]:
    """The home page: what the plan is, counts, the overall status, next deadlines, latest updates."""
    upcoming = sorted((a for a in ctx.assessments if a.obligation.due and a.status == "due_soon"), key=lambda a: (a.obligation.due, a.obligation.id))
    latest = sorted(ctx.entries, key=lambda f: (f[1].reported, f[0].agency, f[1].id), reverse=True)[:10]
    counts = {k: v for k, v in schedule.rollup(ctx.assessments, lambda a: "all").get("all", {}).items() if v}
    yield Page(ctx.urls.home, "site/home.md.j2", {"upcoming": upcoming, "latest": latest, "counts": counts, "reports": ctx.reports})


def plan_pages(ctx: BuildContext, lang: Lang) -> Iterator[Page]:
    """The plan overview and one page per section."""
    yield Page(ctx.urls.plan, "site/plan.md.j2")
    for section in ctx.plan.sections:
        yield Page(ctx.urls.section(section), "site/section.md.j2", {"section": section})


def task_pages(ctx: BuildContext, lang: Lang) -> Iterator[Page]:
    """One page per task: the row of the appendix, its obligations and statuses, its progress history."""
    for task in ctx.plan.tasks:
        yield Page(
            ctx.urls.task(task),
            "site/task.md.j2",
            {
                "task": task,
                "section": ctx.plan.section(task.section),
                "assessments": ctx.assessments_by_task.get(task.id, ()),
                "history": ctx.entries_by_task.get(task.id, ()),
            },
        )


def agency_pages(ctx: BuildContext, lang: Lang) -> Iterator[Page]:
    """The agency index, one page per agency, and one printable obligations sheet per agency and year."""
    plan = ctx.plan
    # The index counts the duties the source names legibly; probable ones are listed on each agency's page.
    certain = {a.id: tuple(d for d in ctx.duties(a.id) if d.assignment == "certain") for a in plan.agencies}
    yield Page(ctx.urls.agencies, "site/agencies.md.j2", {"duties": certain})
    for agency in plan.agencies:
        own = sorted(ctx.agency_assessments(agency.id), key=lambda a: (a.obligation.due or dt.date.max, a.obligation.id))
        # One sheet per year: the whole period on one page would weigh hundreds of KB.
        by_year: dict[int, list[schedule.Assessment]] = {}
        for a in own:
            by_year.setdefault(a.obligation.due.year if a.obligation.due else a.obligation.year, []).append(a)
        years = sorted(by_year)
        for year in years:
            sheet = by_year[year]
            yield Page(
                ctx.urls.agency_year(agency, year),
                "site/agency-year.md.j2",
                {
                    "agency": agency,
                    "year": year,
                    "years": years,
                    "items": [a for a in sheet if a.obligation.assignment != "probable"],
                    "probable": [a for a in sheet if a.obligation.assignment == "probable"],
                },
            )
        yield Page(
            ctx.urls.agency(agency),
            "site/agency.md.j2",
            {
                "agency": agency,
                "years": [(y, schedule.rollup(by_year[y], lambda a: "all").get("all", {})) for y in years],
                "duties": certain[agency.id],
                "probable": tuple(d for d in ctx.duties(agency.id) if d.assignment == "probable"),
                "items": [r for r in plan.responsibilities if agency.id in r.agencies],
                "overdue": [a for a in own if a.status == "overdue"],
                "upcoming": [a for a in own if a.status in ("due_soon", "upcoming")][:20],
                "filings": [r for r in ctx.reports if r.agency == agency.id],
                "has_calendar": any(a.obligation.due and a.obligation.applicable for a in own),
                # The agency that receives a tier's reports compiles them (Sở Nội vụ): its page links the drafts.
                "compiles": any(t.recipient == agency.id for t in plan.reporting),
            },
        )


def reference_pages(ctx: BuildContext, lang: Lang) -> Iterator[Page]:
    """Glossary, about the source (with every uncertain reading), translation coverage."""
    yield Page("glossary.md", "site/glossary.md.j2")
    intro = (files("partracker.outputs") / "templates" / "site" / f"source-intro.{lang}.md").read_text(encoding="utf-8")
    yield Page(
        ctx.urls.source,
        "site/source.md.j2",
        {
            "intro": Markup(intro),
            "uncertain": uncertain_readings(ctx.plan),
            "probable": probable_readings(ctx.plan),
            "column_doubts": column_doubts(ctx.plan),
            "lost_targets": lost_targets(ctx.plan),
        },
    )
    total, missing = coverage(texts(ctx.plan))
    yield Page(ctx.urls.coverage, "site/coverage.md.j2", {"total": total, "missing": missing})


def downloads_page(ctx: BuildContext, lang: Lang) -> Iterator[Page]:
    """The open-data page: every download with what it holds."""
    yield Page(
        ctx.urls.downloads,
        "site/downloads.md.j2",
        {"schemas": opendata.schema_names(), "calendars": calendars.calendar_names(ctx), "has_obligations": bool(ctx.assessments)},
    )


def asset_files(ctx: BuildContext, lang: Lang) -> Iterator[DataFile]:
    """The site's own stylesheet and the report builder's script, read from the package."""
    for name in ASSETS:
        yield DataFile(ctx.urls.asset(name), (files("partracker.outputs") / "assets" / name).read_text(encoding="utf-8"))



# --- what the source pages list ------------------------------------------------------------------


@dataclass(frozen=True)
class UncertainReading:
    """A part of the data that the source leaves uncertain: its kind, id, confidence and notes."""

    kind: str
    """``plan``, ``reporting``, ``group``, ``section``, ``task``, ``item`` or ``closing``."""
    id: str
    """The decision's number, the reporting task, the group, section or task id, or the item number."""
    confidence: str | None
    """high, medium or low; None where the data records no confidence."""
    notes: tuple[Text, ...]
    """The transcription notes."""
    agencies: tuple[str, ...] = ()
    """For a responsibility item: the agencies it names."""


def uncertain_readings(plan: Plan) -> tuple[UncertainReading, ...]:
    """Every part of the data with confidence < high or with notes, in the order of the decision."""
    out = []
    if plan.meta.notes:
        out.append(UncertainReading("plan", plan.meta.number, None, plan.meta.notes))
    for r in plan.responsibilities:
        if r.confidence != "high" or r.notes:
            out.append(UncertainReading("item", str(r.number), r.confidence, r.notes, r.agencies))
    if plan.closing_confidence != "high" or plan.closing_notes:
        out.append(UncertainReading("closing", "", plan.closing_confidence, plan.closing_notes))
    if plan.reporting_notes:
        out.append(UncertainReading("reporting", plan.reporting_task, None, plan.reporting_notes))
    for g in plan.groups:
        if g.notes:
            out.append(UncertainReading("group", g.id, None, g.notes))
        for s in g.sections:
            if s.notes:
                out.append(UncertainReading("section", s.id, None, s.notes))
            for t in s.tasks:
                if t.confidence != "high" or t.notes:
                    out.append(UncertainReading("task", t.id, t.confidence, t.notes))
    return tuple(out)


def probable_readings(plan: Plan) -> tuple[tuple[Task, str, ProbableReading], ...]:
    """(task, role, reading) for every probable reading of a damaged agency cell, in plan order."""
    return tuple((t, role, r) for t in plan.tasks for role, cell in t.cells for r in cell.probable)


def column_doubts(plan: Plan) -> tuple[tuple[Task, str, ColumnDoubt], ...]:
    """(task, role, doubt) for every agency cell whose column is uncertain for some of its agencies."""
    return tuple((t, role, cell.column_uncertain) for t in plan.tasks for role, cell in t.cells if cell.column_uncertain is not None)


def lost_targets(plan: Plan) -> tuple[tuple[Task, Target], ...]:
    """(task, target) for every target the source shows without its figure."""
    return tuple((t, x) for t in plan.tasks for x in t.targets if x.value_lost)


def texts(plan: Plan) -> list[tuple[str, Text]]:
    """Every bilingual text of the plan with where it sits, for translation coverage."""
    out: list[tuple[str, Text]] = []
    m = plan.meta
    for name in ("title", "appendix_title", "date_text", "issuer", "source_description"):
        out.append((f"plan.{name}", getattr(m, name)))
    out += [(f"plan.notes[{i}]", n) for i, n in enumerate(m.notes)]
    for a in plan.agencies:
        out += [(f"agency {a.id} name", a.name), (f"agency {a.id} short", a.short)]
    out += [(f"glossary {g.abbr}", g.meaning) for g in plan.glossary]
    for g in plan.groups:
        out.append((f"group {g.id}", g.title))
        out += [(f"group {g.id} notes[{i}]", n) for i, n in enumerate(g.notes)]
        for s in g.sections:
            out.append((f"section {s.id}", s.title))
            out += [(f"section {s.id} notes[{i}]", n) for i, n in enumerate(s.notes)]
    for t in plan.tasks:
        out += [(f"{t.id} content", t.content), (f"{t.id} lead", t.lead.text), (f"{t.id} coordinating", t.coordinating.text)]
        for role, cell in t.cells:
            for i, r in enumerate(cell.probable):
                out += [(f"{t.id} {role}.probable[{i}] reading", r.reading), (f"{t.id} {role}.probable[{i}] reasoning", r.reasoning)]
            if cell.column_uncertain is not None:
                out.append((f"{t.id} {role}.column_uncertain", cell.column_uncertain.reasoning))
        out += [(f"{t.id} outputs[{i}]", o) for i, o in enumerate(t.outputs)]
        out += [(f"{t.id} completion[{i}]", c.text) for i, c in enumerate(t.completion)]
        out += [(f"{t.id} targets[{i}]", x.metric) for i, x in enumerate(t.targets)]
        out += [(f"{t.id} notes[{i}]", n) for i, n in enumerate(t.notes)]
    for r in plan.responsibilities:
        out.append((f"item {r.number} heading", r.heading))
        out += [(f"item {r.number} bullets[{i}]", b) for i, b in enumerate(r.bullets)]
        out += [(f"item {r.number} notes[{i}]", n) for i, n in enumerate(r.notes)]
    out.append(("closing", plan.closing))
    out += [(f"closing notes[{i}]", n) for i, n in enumerate(plan.closing_notes)]
    out += [(f"reporting notes[{i}]", n) for i, n in enumerate(plan.reporting_notes)]
    return out


def coverage(items: Iterable[tuple[str, Text]]) -> tuple[int, list[str]]:
    """(number of texts, places whose English is missing): empty, or the "[EN missing]"/"TODO" markers."""
    items = list(items)
    missing = [where for where, t in items if is_untranslated(t)]
    return len(items), missing


def is_untranslated(t: Text) -> bool:
    """True when a text has Vietnamese but no real English."""
    en = t.en.strip()
    return bool(t.vi.strip()) and (not en or en.upper().startswith(("TODO", "[EN MISSING]")))
