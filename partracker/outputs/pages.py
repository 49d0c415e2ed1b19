"""The plan's pages (Trang kế hoạch): home, plan and sections, tasks, agencies, reference pages.

Each function is an output (see :mod:`partracker.outputs.registry`): it picks what a page needs
from the build context and names the template that renders it. Free text from data reaches the
page only through the templates' escaping filters.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from markupsafe import Markup

from partracker.domain import schedule
from partracker.domain.model import (
    Agency,
    ColumnDoubt,
    Entry,
    Plan,
    ProbableReading,
    Report,
    Target,
    Task,
)
from partracker.domain.periods import quarter_of
from partracker.domain.schedule import Assessment
from partracker.language.folding import fold_diacritics, fold_table
from partracker.language.formats import sort_texts
from partracker.language.labels import labels
from partracker.language.text import LANGS, Lang, Text
from partracker.outputs import calendars, data_schemas, opendata, wording
from partracker.outputs.context import BuildContext
from partracker.outputs.items import DataFile, Page
from partracker.outputs.progress_pages import TimelineRow, timeline

ASSETS = ("report-builder.js", "site.css")
"""Files of ``partracker/outputs/assets/`` published into each language as they are."""

MONO_FONTS = (
    ("roboto-mono-latin-400-normal.woff2", "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD"),
    ("roboto-mono-vietnamese-400-normal.woff2", "U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB"),
)
"""The monospace font of code blocks and text areas: Roboto Mono 400 from @fontsource/roboto-mono 5.3.0 (SIL OFL 1.1,
``assets/roboto-mono-LICENSE.txt``), its Latin and Vietnamese subsets with their unicode ranges."""

HEADLINE_ORDER: tuple[str, ...] = (
    "overdue", "not_assessed", "due_soon", "not_started", "in_progress", "upcoming", "done_late", "done", "done_on_time", "date_dependent", "not_applicable",
)
"""Which status speaks for several obligations in one cell of the status grid: the first present, most pressing first."""

NEXT_DEADLINES = 8
"""Rows of the home page's next deadlines."""


@dataclass(frozen=True)
class GridCell:
    """One task in one plan year, as the status grid shows it."""

    year: int
    """Plan year."""
    status: str | None
    """The most pressing status of the task's obligations that year (:data:`HEADLINE_ORDER`); None when it has none."""
    total: int
    """Applicable obligations of the task that year."""
    done: int
    """Of those, how many are done."""


def headline_status(statuses: Iterable[str]) -> str | None:
    """The status a cell shows for several: the first of :data:`HEADLINE_ORDER`, "not applicable" only when all are."""
    present = set(statuses)
    applicable = present - {"not_applicable"}
    return next((s for s in HEADLINE_ORDER if s in (applicable or present)), None)


def status_grid(ctx: BuildContext, tasks: Sequence[Task]) -> list[tuple[Task, tuple[GridCell, ...]]]:
    """Each task with one cell per plan year."""
    rows = []
    for task in tasks:
        by_year: dict[int, list[Assessment]] = {}
        for a in ctx.assessments_by_task.get(task.id, ()):
            by_year.setdefault(a.obligation.year, []).append(a)
        cells = []
        for year in ctx.plan.meta.years:
            items = by_year.get(year, [])
            counted = [a for a in items if a.status != "not_applicable"]
            done = sum(1 for a in counted if a.status in schedule.DONE_STATUSES)
            cells.append(GridCell(year, headline_status(a.status for a in items), len(counted), done))
        rows.append((task, tuple(cells)))
    return rows


def next_deadlines(ctx: BuildContext, lang: Lang, limit: int = NEXT_DEADLINES) -> list[TimelineRow]:
    """The next dated obligations from the as-of date, one row per (date, task, what) with every agency that owes it."""
    ahead = [a for a in ctx.assessments if a.obligation.due and a.obligation.due >= ctx.as_of and a.status in ("due_soon", "upcoming")]
    ahead.sort(key=lambda a: (a.obligation.due, a.obligation.id))
    if not ahead:
        return []
    # Enough obligations for ``limit`` rows: every obligation due on or before the limit-th distinct date.
    dates = sorted({a.obligation.due for a in ahead})[:limit]
    chosen = [a for a in ahead if a.obligation.due <= dates[-1]]
    rows = [row for _, blocks in timeline(ctx.plan, chosen, lang=lang) for block in blocks for row in (*block.deliverables, *block.reports)]
    rows.sort(key=lambda r: r.due or dt.date.max)
    return rows[:limit]


def agency_finder(ctx: BuildContext, lang: Lang) -> list[tuple[Agency, str]]:
    """Every agency, in the reader's alphabetical order, with its names in both languages folded for the type-ahead."""
    out = []
    for agency in sort_texts(list(ctx.plan.agencies), lambda a: a.name.get(lang), lang):
        names = " ".join(getattr(agency, field).get(code) for field in ("name", "short") for code in LANGS)
        out.append((agency, folded(names)))
    return out


def folded(text: str) -> str:
    """Text as the finder and the table filters compare it: diacritics folded, lower case, letters and digits only."""
    return " ".join(re.findall(r"[a-z0-9]+", fold_diacritics(text).lower()))


def home(ctx: BuildContext, lang: Lang) -> Iterator[Page]:
    """The home page: find your agency, the status grid, next deadlines (or the final picture), what the words mean, latest updates."""
    latest = sorted(ctx.entries, key=lambda f: (f[1].reported, f[0].agency, f[1].id), reverse=True)[:10]
    ended = ctx.as_of > dt.date(ctx.plan.meta.end_year, 12, 31)
    by_year = schedule.rollup(ctx.assessments, schedule.by_year)
    words = labels(lang)
    yield Page(
        ctx.urls.home,
        "site/home.md.j2",
        description=wording.description(words.format("home_intro", number=ctx.plan.meta.number), counts_sentence(ctx, lang)),
        values={
            "finder": agency_finder(ctx, lang),
            "grid": status_grid(ctx, ctx.plan.tasks),
            "upcoming": [] if ended else next_deadlines(ctx, lang),
            "ended": ended,
            "final": [(year, by_year[year]) for year in sorted(by_year, key=int)],
            "statuses": [s for s in schedule.STATUSES if any(a.status == s for a in ctx.assessments)],
            "latest": latest,
            "reports": ctx.reports,
        },
    )


def counts_sentence(ctx: BuildContext, lang: Lang) -> str:
    """ "The plan has 3 groups of criteria, 14 sections and 45 tasks, and assigns work to 54 agencies." """
    plan = ctx.plan
    return labels(lang).format("home_counts", groups=len(plan.groups), sections=len(plan.sections), tasks=len(plan.tasks), agencies=len(plan.agencies))


def agency_description(ctx: BuildContext, agency: Agency, duties: Sequence[Any], lang: Lang) -> str:
    """An agency's duties in a sentence, then the codes of its tasks: what a shared link to its page says."""
    words = labels(lang)
    lead = sum(1 for d in duties if d.role == "lead")
    coordinating = len(duties) - lead
    key = "desc.agency" if lead and coordinating else "desc.agency_lead" if lead else "desc.agency_coordinating" if coordinating else "desc.agency_none"
    sentence = words.format(
        key, agency=agency.name.get(lang), lead=words.count("count.tasks", lead),
        coordinating=words.count("count.tasks", coordinating), number=ctx.plan.meta.number,
    )
    return wording.description(sentence, ", ".join(d.task.id for d in duties))


def plan_pages(ctx: BuildContext, lang: Lang) -> Iterator[Page]:
    """The plan overview and one page per section, with its tasks' status grid."""
    words, number = labels(lang), ctx.plan.meta.number
    yield Page(ctx.urls.plan, "site/plan.md.j2", description=wording.description(ctx.plan.meta.title.get(lang) + ".", counts_sentence(ctx, lang)))
    for section in ctx.plan.sections:
        titles = "; ".join(wording.task_title(t, lang) for t in section.tasks)
        yield Page(
            ctx.urls.section(section),
            "site/section.md.j2",
            {"section": section, "grid": status_grid(ctx, section.tasks)},
            description=wording.description(words.format("desc.section", title=wording.section_title(ctx.plan, section, lang), tasks=words.count("count.tasks", len(section.tasks)), number=number), titles),
        )


def task_pages(ctx: BuildContext, lang: Lang) -> Iterator[Page]:
    """One page per task: the row of the appendix, its obligations and statuses, its progress history."""
    words = labels(lang)
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
            description=wording.description(words.format("event_task", id=task.id, content=task.content.get(lang))),
        )


def sheet_year(years: Sequence[int], as_of: dt.date) -> int | None:
    """The year an agency's page offers first: the as-of year, else the nearest year it owes something in."""
    if not years:
        return None
    if as_of.year in years:
        return as_of.year
    return max(years) if as_of.year > max(years) else min(years)


def sheet_blocks(items: Sequence[Assessment], year: int, lang: Lang) -> list[tuple[str, list[Assessment]]]:
    """A year's obligations by quarter of their due date, then those without a date."""
    blocks: dict[int, list[Assessment]] = {}
    for a in items:
        blocks.setdefault(quarter_of(a.obligation.due) if a.obligation.due else 5, []).append(a)
    return [(wording.quarter_label(year, q, lang) if q <= 4 else labels(lang).no_due, blocks[q]) for q in sorted(blocks)]


def agency_pages(ctx: BuildContext, lang: Lang) -> Iterator[Page]:
    """The agency index, one page per agency, and one printable obligations sheet per agency and year."""
    plan = ctx.plan
    order = {t.id: i for i, t in enumerate(plan.tasks)}
    # Counts are of what the source names legibly; probable duties and obligations are listed apart on each agency's page and sheet.
    certain = {a.id: tuple(d for d in ctx.duties(a.id) if d.assignment == "certain") for a in plan.agencies}
    words = labels(lang)
    yield Page(
        ctx.urls.agencies,
        "site/agencies.md.j2",
        {"duties": certain, "obligations": {a.id: sum(1 for x in ctx.agency_assessments(a.id) if x.obligation.assignment == "certain") for a in plan.agencies}},
        description=wording.description(words.agency_index_intro, counts_sentence(ctx, lang)),
    )
    for agency in plan.agencies:
        own = sorted(ctx.agency_assessments(agency.id), key=lambda a: (a.obligation.due or dt.date.max, order.get(a.obligation.task, 0), a.obligation.id))
        # One sheet per year: the whole period on one page would weigh hundreds of KB.
        by_year: dict[int, list[schedule.Assessment]] = {}
        for a in own:
            by_year.setdefault(a.obligation.due.year if a.obligation.due else a.obligation.year, []).append(a)
        years = sorted(by_year)
        for year in years:
            sheet = [a for a in by_year[year] if a.obligation.assignment == "certain"]
            yield Page(
                ctx.urls.agency_year(agency, year),
                "site/agency-year.md.j2",
                {
                    "agency": agency,
                    "year": year,
                    "years": years,
                    "blocks": sheet_blocks(sheet, year, lang),
                    "probable": [a for a in by_year[year] if a.obligation.assignment != "certain"],
                    "count": len(sheet),
                    "task_count": len({a.obligation.task for a in sheet}),
                },
                description=wording.description(words.format("desc.agency_year", agency=agency.name.get(lang), count=words.count("count.obligations", len(sheet)), year=year)),
            )
        duties = certain[agency.id]
        current = sheet_year(years, ctx.as_of)
        yield Page(
            ctx.urls.agency(agency),
            "site/agency.md.j2",
            {
                "agency": agency,
                "years": [(y, schedule.rollup(by_year[y], lambda a: "all").get("all", {})) for y in years],
                "statuses": [s for s in schedule.STATUSES if any(a.status == s for a in own)],
                "sheet_year": current,
                "sheet_count": sum(1 for a in by_year[current] if a.obligation.assignment == "certain") if current is not None else 0,
                "sheet_probable": sum(1 for a in by_year[current] if a.obligation.assignment != "certain") if current is not None else 0,
                "duties": duties,
                "probable": tuple(d for d in ctx.duties(agency.id) if d.assignment != "certain"),
                "via_count": sum(1 for d in duties if d.via),
                "items": [r for r in plan.responsibilities if agency.id in r.agencies],
                "overdue": [a for a in own if a.status == "overdue"],
                "upcoming": [a for a in own if a.status in ("due_soon", "upcoming")][:20],
                "filings": [r for r in ctx.reports if r.agency == agency.id],
                "has_calendar": calendars.has_calendar(ctx, agency.id),
                # The agency that receives a tier's reports compiles them (Sở Nội vụ): its page links the drafts.
                "compiles": any(t.recipient == agency.id for t in plan.reporting),
            },
            description=agency_description(ctx, agency, duties, lang),
        )


def reference_pages(ctx: BuildContext, lang: Lang) -> Iterator[Page]:
    """Glossary, about the source (with every uncertain reading), translation coverage."""
    words, number = labels(lang), ctx.plan.meta.number
    yield Page(ctx.urls.glossary, "site/glossary.md.j2", description=words.format("desc.glossary", number=number))
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
        description=words.format("desc.source", number=number),
    )
    total, missing = coverage(texts(ctx.plan))
    notes = note_texts(ctx.reports)
    yield Page(
        ctx.urls.coverage,
        "site/coverage.md.j2",
        {"total": total, "missing": missing, "notes_total": len(notes), "notes_missing": [(r, e) for r, e in notes if e.note is not None and is_untranslated(e.note)]},
        description=words.coverage_intro,
    )


def downloads_page(ctx: BuildContext, lang: Lang) -> Iterator[Page]:
    """The open-data page: every download with what it holds."""
    yield Page(
        ctx.urls.downloads,
        "site/downloads.md.j2",
        {
            "schemas": opendata.schema_names(),
            "data_schemas": [(name, data_schemas.data_file(name)) for name in data_schemas.names()],
            "calendars": calendars.calendar_names(ctx),
            "has_obligations": bool(ctx.assessments),
        },
        description=labels(lang).format("desc.downloads", number=ctx.plan.meta.number),
    )


def asset_files(ctx: BuildContext, lang: Lang) -> Iterator[DataFile]:
    """The site's stylesheet, its fonts, its script (in the page's language), the report builder's script, the share picture."""
    assets = files("partracker.outputs") / "assets"
    for name in ASSETS:
        yield DataFile(ctx.urls.asset(name), (assets / name).read_text(encoding="utf-8"))
    yield DataFile(ctx.urls.asset("fonts.css"), ctx.shared("fonts.css", lambda: fonts_css(ctx)))
    # Drawn by scripts/share_image.py from the site's own words, one per language.
    yield DataFile(ctx.urls.share_image, (assets / f"share-{lang}.png").read_bytes())
    yield DataFile(ctx.urls.asset("site.js"), site_script(ctx, lang))


def fonts_css(ctx: BuildContext) -> str:
    """@font-face rules with the font files inline: one stylesheet, no request to another host."""
    assets = files("partracker.outputs") / "assets"
    faces = [(base64.b64encode((assets / name).read_bytes()).decode("ascii"), ranges) for name, ranges in MONO_FONTS]
    return ctx.templates.get_template("assets/fonts.css.j2").render(faces=faces)


SCRIPT_WORDS = (
    "script.sort_by", "script.table_tools", "script.filter", "script.filter_hint", "script.all", "script.csv", "script.rows_shown",
    "script.agencies_shown", "script.scroll_hint",
)
"""Labels the site's script shows; it names them without the ``script.`` prefix."""


def site_script(ctx: BuildContext, lang: Lang) -> str:
    """The site's script for ``lang``: its words, and the folding rule as a table of characters."""
    words = labels(lang)
    return ctx.templates.get_template("assets/site.js.j2").render(
        fold_map=Markup(json.dumps(fold_table(), ensure_ascii=True, sort_keys=True)),
        words_json=Markup(json.dumps({k.removeprefix("script."): words[k] for k in SCRIPT_WORDS}, ensure_ascii=True, sort_keys=True)),
        lang_json=Markup(json.dumps(lang)),
    )


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


def note_texts(reports: Iterable[Report]) -> list[tuple[Report, Entry]]:
    """Every note of a filed report, for translation coverage: a note needs Vietnamese only, its English may come later."""
    return [(r, e) for r in reports for e in r.entries if e.note is not None]


def coverage(items: Iterable[tuple[str, Text]]) -> tuple[int, list[str]]:
    """(number of texts, places whose English is missing): empty, or the "[EN missing]"/"TODO" markers."""
    items = list(items)
    missing = [where for where, t in items if is_untranslated(t)]
    return len(items), missing


def is_untranslated(t: Text) -> bool:
    """True when a text has Vietnamese but no real English."""
    en = t.en.strip()
    return bool(t.vi.strip()) and (not en or en.upper().startswith(("TODO", "[EN MISSING]")))
