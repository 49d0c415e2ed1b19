"""The public site (Trang công khai): plan pages generated in memory for MkDocs, one project per language.

``hooks/plan_pages.py`` adapts MkDocs events to the functions here; the CLI's ``build`` calls
:func:`build_site`. Pages are Markdown rendered from Jinja templates in
``partracker/templates/site/``; free text from data goes through :func:`md_escape` so it can never
become markup.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from partracker import export as ex
from partracker import feeds, i18n, ics, render, schedule
from partracker import reports as reports_mod
from partracker.i18n import fold_diacritics as fold
from partracker.model import LANGS, Agency, Lang, Plan, Report, Task, Text
from partracker.render import md_escape, safe_url  # noqa: F401  (part of this module's interface)
from partracker.site_labels import COMPARATORS, KIND_LABELS, UNITS, labels, pick

TEMPLATES = Path(__file__).parent / "templates" / "site"
ROOT = Path(__file__).resolve().parent.parent
TZ = "Asia/Ho_Chi_Minh"



@dataclass(frozen=True)
class Options:
    """What one build of the site needs besides plan-data/."""

    lang: Lang
    """Language of the project being built."""
    as_of: dt.date
    """Date the statuses are computed for."""
    data_dir: Path
    """The plan-data directory."""
    demo: bool = False
    """Add the sample reports of demo/progress/ and a DEMO banner."""


# --- templates ----------------------------------------------------------------------------------


def environment() -> jinja2.Environment:
    """The Jinja environment of the site templates (see :mod:`partracker.render`)."""
    return render.environment("site")


class Fmt:
    """Date and number formatting in one language (babel, through partracker.i18n)."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def date(self, d: dt.date | str | None) -> str:
        """A date as readers of the language write it."""
        return "—" if d is None else i18n.format_date(d, self.lang)

    def number(self, n: float | int) -> str:
        """A number with the language's separators."""
        return i18n.format_number(n, self.lang)


# --- the model seen from the site ---------------------------------------------------------------


@dataclass(frozen=True)
class Involvement:
    """A task an agency works on, and how: directly or through a collective it belongs to."""

    task: Task
    role: str
    """lead or coordinating."""
    via: Agency | None
    """The collective that names it, when not named itself."""


def involvements(plan: Plan, agency_id: str) -> tuple[Involvement, ...]:
    """Every task naming the agency (or a collective it belongs to), in plan order, lead first."""
    collectives = {c.id: c for c in plan.collectives_of(agency_id)} if not plan.agency(agency_id).is_collective else {}
    out: list[Involvement] = []
    for role in ("lead", "coordinating"):
        for task in plan.tasks:
            cell = task.lead if role == "lead" else task.coordinating
            if agency_id in cell.agencies:
                out.append(Involvement(task, role, None))
                continue
            via = next((collectives[a] for a in cell.agencies if a in collectives), None)
            if via is not None:
                out.append(Involvement(task, role, via))
    return tuple(out)


def uncertain_readings(plan: Plan) -> tuple[tuple[str, str, object], ...]:
    """(kind, id, item) for every task and responsibility item with confidence < high or with notes."""
    out: list[tuple[str, str, object]] = []
    for t in plan.tasks:
        if t.confidence != "high" or t.notes:
            out.append(("task", t.id, t))
    for r in plan.responsibilities:
        if r.confidence != "high" or r.notes:
            out.append(("item", str(r.number), r))
    return tuple(out)


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
        for s in g.sections:
            out.append((f"section {s.id}", s.title))
    for t in plan.tasks:
        out += [(f"{t.id} content", t.content), (f"{t.id} lead", t.lead.text), (f"{t.id} coordinating", t.coordinating.text)]
        out += [(f"{t.id} outputs[{i}]", o) for i, o in enumerate(t.outputs)]
        out += [(f"{t.id} completion[{i}]", c.text) for i, c in enumerate(t.completion)]
        out += [(f"{t.id} targets[{i}]", x.metric) for i, x in enumerate(t.targets)]
        out += [(f"{t.id} notes[{i}]", n) for i, n in enumerate(t.notes)]
    for r in plan.responsibilities:
        out.append((f"item {r.number} heading", r.heading))
        out += [(f"item {r.number} bullets[{i}]", b) for i, b in enumerate(r.bullets)]
        out += [(f"item {r.number} notes[{i}]", n) for i, n in enumerate(r.notes)]
    out.append(("closing", plan.closing))
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


# --- pages --------------------------------------------------------------------------------------


def _schedule(plan: Plan, reports: tuple[Report, ...], as_of: dt.date) -> tuple[Any, tuple[Any, ...]]:
    sched = schedule
    obligations = sched.obligations(plan)
    return sched, tuple(sched.assess(plan, obligations, reports, as_of=as_of, due_soon_days=30))


def render_pages(plan: Plan, *, lang: Lang, as_of: dt.date, site_url: str, reports: tuple[Report, ...] = (), demo: bool = False) -> dict[str, str]:
    """Every generated file of one language: docs-relative path → content (Markdown pages and open data)."""
    env = environment()
    L = labels(lang)
    fmt = Fmt(lang)
    sched, assessments = _schedule(plan, reports, as_of)

    def status_label(status: str) -> str:
        return sched.STATUS_LABELS[status].get(lang) if sched else status

    def ob_title(ob: Any) -> str:
        return sched.title(plan, ob).get(lang)

    by_task: dict[str, list[Any]] = {}
    for a in assessments:
        by_task.setdefault(a.obligation.task, []).append(a)
    history: dict[str, list[tuple[Report, Any]]] = {}
    for r in reports:
        for e in r.entries:
            history.setdefault(e.task, []).append((r, e))
    for v in history.values():
        v.sort(key=lambda p: (p[1].reported, p[0].submitted, p[0].agency, p[0].period, p[1].id))

    common = {
        "L": L,
        "lang": lang,
        "plan": plan,
        "fmt": fmt,
        "T": lambda t: t.get(lang),
        "rule_label": lambda r: schedule.KIND_LABELS[r.kind].get(lang) + (f" {schedule.ROMAN[r.quarter - 1]}" if r.quarter else ""),
        "comparator": lambda c: pick(COMPARATORS, c, lang),
        "unit": lambda u: pick(UNITS, u, lang) if u in UNITS else u,
        "kind_label": lambda k: pick(KIND_LABELS, k, lang),
        "conf": lambda c: L[f"conf_{c}"],
        "status_label": status_label,
        "ob_title": ob_title,
        "agency_of": plan.agency,
        # Lists a reader scans are in the page language's alphabetical order (Vietnamese: đ after d, ơ after ô…).
        "sorted_by_name": lambda items: i18n.sort_texts(items, lambda a: a.name.get(lang), lang),
        "sort_texts": lambda items, attr: i18n.sort_texts(items, lambda x: getattr(x, attr), lang),
        "as_of": as_of,
        "demo": demo,
    }

    def render(name: str, **ctx: Any) -> str:
        return env.get_template(name).render(**common, **ctx)

    pages: dict[str, str] = {}
    upcoming = sorted(
        (a for a in assessments if a.obligation.due and a.status in ("due_soon",)),
        key=lambda a: (a.obligation.due, a.obligation.id),
    )
    latest = sorted(((r, e) for r in reports for e in r.entries), key=lambda p: (p[1].reported, p[0].agency, p[1].id), reverse=True)[:10]
    counts = {}
    if sched is not None and assessments:
        counts = {k: v for k, v in sched.rollup(assessments, lambda a: "all").get("all", {}).items() if v}
    pages["index.md"] = render("home.md.j2", upcoming=upcoming, latest=latest, counts=counts, reports=reports)
    pages["plan/index.md"] = render("plan.md.j2")
    for section in plan.sections:
        pages[f"plan/{section.slug}.md"] = render("section.md.j2", section=section)
    for task in plan.tasks:
        pages[f"tasks/{task.slug}.md"] = render(
            "task.md.j2", task=task, section=plan.section(task.section), assessments=by_task.get(task.id, []), history=history.get(task.id, [])
        )
    pages["agencies/index.md"] = render("agencies.md.j2", counts={a.id: involvements(plan, a.id) for a in plan.agencies})
    for agency in plan.agencies:
        # The same rule as the agency's calendar and `obligations --agency`: its own, and its collectives' except reports sent to it.
        own = sorted((a for a in assessments if schedule.concerns(plan, a.obligation, agency.id)), key=lambda a: (a.obligation.due or dt.date.max, a.obligation.id))
        # One printable obligations sheet per year: the whole period on one page would weigh hundreds of KB.
        by_year: dict[int, list[Any]] = {}
        for a in own:
            by_year.setdefault(a.obligation.due.year if a.obligation.due else a.obligation.year, []).append(a)
        years = sorted(by_year)
        for year in years:
            pages[f"agencies/{agency.id}/{year}.md"] = render("agency-year.md.j2", agency=agency, year=year, years=years, items=by_year[year])
        pages[f"agencies/{agency.id}.md"] = render(
            "agency.md.j2",
            years=[(y, schedule.rollup(by_year[y], lambda a: "all").get("all", {})) for y in years],
            agency=agency,
            involvements=involvements(plan, agency.id),
            items=[r for r in plan.responsibilities if agency.id in r.agencies],
            overdue=[a for a in own if a.status == "overdue"],
            upcoming=[a for a in own if a.status in ("due_soon", "upcoming")][:20],
            filings=sorted((r for r in reports if r.agency == agency.id), key=lambda r: (r.period, r.submitted, r.file)),
        )
    pages["glossary.md"] = render("glossary.md.j2")
    intro = (TEMPLATES / f"source-intro.{lang}.md").read_text(encoding="utf-8")
    pages["source.md"] = render("source.md.j2", intro=Markup(intro), uncertain=uncertain_readings(plan))
    total, missing = coverage(texts(plan))
    pages["coverage.md"] = render("coverage.md.j2", total=total, missing=missing)

    files = data_files(plan, lang=lang, reports=reports, assessments=assessments, as_of=as_of, site_url=site_url)
    pages["downloads.md"] = render("downloads.md.j2", files=sorted(files), schemas=sorted(p for p in files if p.startswith("schemas/")))
    pages.update(files)

    from partracker import pages_progress  # it renders with this module's Jinja environment

    pages.update(pages_progress.render_pages(plan, assessments, reports, lang=lang, as_of=as_of))
    return dict(sorted(pages.items()))


def data_files(plan: Plan, *, lang: Lang, reports: tuple[Report, ...], assessments: tuple[Any, ...], as_of: dt.date, site_url: str) -> dict[str, str]:
    """Open-data downloads: plan JSON/CSV, obligations, progress, schemas, calendars, feed."""
    files: dict[str, str] = {
        "data/plan.json": ex.to_json(ex.plan_to_dict(plan)),
        "data/tasks.csv": ex.tasks_csv(plan),
    }
    for path in sorted((ROOT / "partracker" / "schemas").glob("*.schema.json")):
        files[f"schemas/{path.name}"] = path.read_text(encoding="utf-8")
    if assessments:
        files["data/obligations.json"] = ex.to_json([obligation_row(a) for a in assessments])
        files["data/obligations.csv"] = ex.to_csv(list(OBLIGATION_FIELDS), [[obligation_row(a)[k] for k in OBLIGATION_FIELDS] for a in assessments])
    rows = [progress_row(r, e) for r in reports for e in r.entries]
    files["data/progress.json"] = ex.to_json(rows)
    files["data/progress.csv"] = ex.to_csv(list(PROGRESS_FIELDS), [[row[k] for k in PROGRESS_FIELDS] for row in rows])
    # The report builder's data and script (the page itself is hand-written in docs/<lang>/report-builder.md).
    files["data/report-builder.json"] = ex.to_json(reports_mod.builder_data(plan))
    # Shared assets have one source in docs/assets/ and are published into each language.
    for name in ("report-builder.js", "site.css"):
        files[f"assets/{name}"] = (ROOT / "docs" / "assets" / name).read_text(encoding="utf-8")
    root = site_url.rstrip("/").rsplit("/", 1)[0] + "/"
    if assessments:
        for name, calendar in ics.calendars(plan, assessments, base_url=root, as_of=as_of).items():
            files[f"ics/{name}.ics"] = calendar
    files["feed.xml"] = feeds.atom_feed(plan, reports, lang=lang, base_url=site_url)
    return files


OBLIGATION_FIELDS = ("id", "year", "task", "section", "group", "agency", "role", "kind", "due", "status", "period", "report_kind", "recipient", "target")
PROGRESS_FIELDS = ("agency", "period", "file", "submitted", "demo", "entry", "task", "status", "percent", "reported", "completed", "corrects", "evidence", "note_vi", "note_en")


def obligation_row(a: Any) -> dict[str, Any]:
    """One assessed obligation as flat open data."""
    o = a.obligation
    return {
        "id": o.id, "year": o.year, "task": o.task, "section": o.section, "group": o.group, "agency": o.agency, "role": o.role,
        "kind": o.kind, "due": o.due.isoformat() if o.due else None, "status": a.status, "period": o.period,
        "report_kind": o.report_kind, "recipient": o.recipient, "target": o.target.id if o.target else None,
    }


def progress_row(r: Report, e: Any) -> dict[str, Any]:
    """One report entry as flat open data."""
    return {
        "agency": r.agency, "period": r.period, "file": r.file, "submitted": r.submitted, "demo": r.demo, "entry": e.id, "task": e.task,
        "status": e.status, "percent": e.percent, "reported": e.reported, "completed": e.completed, "corrects": e.corrects,
        "evidence": " | ".join(ev.document for ev in e.evidence), "note_vi": e.note.vi if e.note else None, "note_en": e.note.en if e.note else None,
    }


# --- search -------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_TAG = re.compile(r"<[^>]*>")
FOLD_OPEN = '<span class="pt-fold" hidden>'


def fold_entry(text: str) -> str:
    """The folded words of ``text`` that differ from the originals, unique, in first-seen order."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(html.unescape(_TAG.sub(" ", text))):
        folded = fold(word).lower()
        if folded != word.lower() and folded not in seen:
            seen[folded] = None
    return " ".join(seen)


def fold_search_index(path: Path) -> tuple[int, int]:
    """Add a hidden, diacritic-folded copy of each entry's words; returns (bytes before, bytes after)."""
    raw = path.read_text(encoding="utf-8")
    index = json.loads(raw)
    for doc in index["docs"]:
        extra = fold_entry(doc.get("title", "") + " " + doc.get("text", ""))
        if extra:
            # Material indexes `text` (HTML-aware tokenizer) and shows it as the teaser; `hidden` keeps
            # the folded words searchable but out of the preview.
            doc["text"] = doc.get("text", "") + FOLD_OPEN + extra + "</span>"
    out = json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    path.write_text(out, encoding="utf-8")
    return len(raw.encode("utf-8")), len(out.encode("utf-8"))


# --- MkDocs adapters (called by hooks/plan_pages.py) ---------------------------------------------


def options_from_config(config: Any) -> Options:
    """Build options from config.extra (set by the CLI) or, under `mkdocs serve`, from the environment."""
    given = dict(config.extra.get("partracker_build") or {})
    lang = config.extra["site_lang"]
    data_dir = Path(given.get("data_dir") or Path(config.config_file_path).parent / "plan-data")
    as_of = given.get("as_of") or resolve_as_of(None, repo=Path(config.config_file_path).parent).isoformat()
    return Options(lang=lang, as_of=dt.date.fromisoformat(as_of), data_dir=data_dir, demo=bool(given.get("demo")))


def on_config(config: Any) -> Any:
    """Put the interface labels and as-of line where the theme overrides read them."""
    opts = options_from_config(config)
    L = labels(opts.lang)
    config.extra["ui"] = {
        "data_as_of": L["data_as_of"].format(date=Fmt(opts.lang).date(opts.as_of)),
        "demo_banner": L["demo_banner"] if opts.demo else "",
        "lang": opts.lang,
    }
    config.extra["generator"] = False
    return config


def load(opts: Options) -> tuple[Plan, tuple[Report, ...]]:
    """Plan and reports for a build; raises DataInvalid with every located problem."""
    from partracker import dataset as ds

    loaded = ds.load_dataset(opts.data_dir)
    if loaded.problems or loaded.plan is None:
        raise ds.DataInvalid(loaded.problems)
    reports: tuple[Report, ...] = ()
    if loaded.report_files:
        reports = tuple(reports_mod.load_reports(loaded))
    if opts.demo:
        reports += tuple(reports_mod.load_demo_reports(loaded.plan, opts.data_dir.parent / "demo", as_of=opts.as_of))
    return loaded.plan, reports


def nav(lang: Lang, plan: Plan, present: set[str]) -> list[Any]:
    """The bounded navigation: index pages only, never every task or agency."""
    L = labels(lang)
    # MkDocs and Material print navigation titles as raw HTML, so data text is escaped here.
    sections = [{html.escape(f"{s.id} · {s.title.get(lang)}", quote=False): f"plan/{s.slug}.md"} for s in plan.sections]
    items: list[Any] = [
        {L["home"]: "index.md"},
        {L["plan"]: [{L["plan_overview"]: "plan/index.md"}, *sections]},
        {L["agencies"]: "agencies/index.md"},
    ]
    for key, path in (("timeline", "timeline/index.md"), ("progress", "progress/index.md")):
        if path in present:
            items.append({L[key]: path})
    items += [{L["glossary"]: "glossary.md"}, {L["source_page"]: "source.md"}]
    for key, path in (("contribute", "contribute.md"), ("report_builder", "report-builder.md")):
        if path in present:
            items.append({L[key]: path})
    items.append({L["downloads"]: "downloads.md"})
    about = [{L[key]: path} for key, path in (("deadlines", "deadlines.md"), ("data_model", "data-model.md"), ("coverage", "coverage.md"), ("how_built", "maintainers.md"), ("benchmark", "benchmark.md")) if path in present]
    items.append({L["about"]: about})
    return items


def on_files(files: Any, config: Any, logger: Any) -> Any:
    """Add every generated page and data file, and the navigation, to this language's build."""
    from mkdocs.structure.files import File

    from partracker.dataset import DataInvalid

    opts = options_from_config(config)
    try:
        plan, reports = load(opts)
    except DataInvalid as exc:
        for p in exc.problems:
            logger.error(p.format(opts.lang))
        from mkdocs.exceptions import Abort

        raise Abort(f"{len(exc.problems)} problem(s) in plan-data/; nothing was published.") from None
    for path, content in render_pages(plan, lang=opts.lang, as_of=opts.as_of, site_url=config.site_url, reports=reports, demo=opts.demo).items():
        if files.get_file_from_path(path) is not None:
            logger.warning(f"Generated page {path} would replace a hand-written file; keeping the hand-written one.")
            continue
        files.append(File.generated(config, path, content=content))
    present = {f.src_uri for f in files}
    config.nav = nav(opts.lang, plan, present)
    return files


def on_post_build(config: Any, logger: Any) -> None:
    """Fold diacritics into the search index so "mot cua" finds "một cửa"."""
    path = Path(config.site_dir) / "search" / "search_index.json"
    if path.is_file():
        before, after = fold_search_index(path)
        logger.info(f"search index: {before} → {after} bytes with folded words")


# --- as-of date and the whole build -------------------------------------------------------------


def resolve_as_of(explicit: str | None, *, repo: Path) -> dt.date:
    """--as-of, else SOURCE_DATE_EPOCH, else the last commit time of ``repo``, as a date in Asia/Ho_Chi_Minh."""
    from zoneinfo import ZoneInfo

    if explicit:
        return dt.date.fromisoformat(explicit)
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or _git_time(repo)
    if epoch is None:
        raise RuntimeError("No as-of date: pass --as-of YYYY-MM-DD or set SOURCE_DATE_EPOCH (not a git checkout).")
    return dt.datetime.fromtimestamp(int(epoch), tz=ZoneInfo(TZ)).date()


def _git_time(repo: Path) -> str | None:
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=repo, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return out or None


def redirect_page() -> str:
    """The root page: sends readers to the Vietnamese site, with a plain link for no-JS, no-refresh readers."""
    env = environment()
    return env.get_template("redirect.html.j2").render(vi=labels("vi"), en=labels("en"))


def config_file(lang: Lang, *, root: Path = ROOT) -> Path:
    """The MkDocs config of a language."""
    return root / ("mkdocs.yml" if lang == "vi" else f"mkdocs.{lang}.yml")


def build_language(lang: Lang, site_dir: str, as_of: str, demo: bool, data_dir: str, base_url: str | None) -> int:
    """Build one language into ``site_dir/lang`` (strict); returns 0, or raises on failure."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    log = logging.getLogger("mkdocs")
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter(f"[{lang}] %(levelname)s - %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.WARNING)
    overrides: dict[str, Any] = {"site_dir": str(Path(site_dir) / lang), "strict": True}
    if base_url:
        overrides["site_url"] = base_url.rstrip("/") + f"/{lang}/"
    cfg = load_config(str(config_file(lang)), **overrides)
    cfg.extra["partracker_build"] = {"as_of": as_of, "demo": demo, "data_dir": data_dir}
    build(cfg)
    return 0


def build_site(site_dir: Path, *, as_of: dt.date, demo: bool, data_dir: Path, base_url: str | None = None, parallel: bool = True) -> None:
    """Build both languages and the root redirect into ``site_dir`` (replaced only when everything succeeded)."""
    import shutil
    import tempfile

    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        args = [(lang, str(tmp), as_of.isoformat(), demo, str(data_dir.resolve()), base_url) for lang in LANGS]
        if parallel:
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(max_workers=len(LANGS)) as pool:
                for f in [pool.submit(build_language, *a) for a in args]:
                    f.result()
        else:
            for a in args:
                build_language(*a)
        (tmp / "index.html").write_text(redirect_page(), encoding="utf-8")
        if site_dir.exists():
            shutil.rmtree(site_dir)
        tmp.rename(site_dir)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
