"""Open data (Dữ liệu mở): the plan, the obligations and the progress entries as JSON and CSV, byte-stable.

JSON keys come in a fixed order and lists are sorted explicitly; CSV cells that a spreadsheet
would run as a formula are neutralised. The same functions serve the site's downloads and the
command line (``partracker export``, ``partracker obligations --format json``).

CSV files start with a UTF-8 byte order mark: Excel on Windows opens a CSV by double-click in the
computer's legacy code page (Windows-1252 in most of the world) unless the file starts with one, and
"Sở Nội vụ" would show as "Sá»Ÿ Ná»™i vá»¥". pandas, frictionless and Python's ``csv`` module (with the
``utf-8-sig`` codec) read the mark and drop it. ``data/datapackage.json`` (Frictionless) describes
each CSV's dialect and columns; every ``data/*.json`` has a JSON Schema under ``schemas/data/``.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

from partracker.domain import progress
from partracker.domain.model import Assignment, Entry, Plan, Report, Task
from partracker.domain.schedule import Assessment
from partracker.language.labels import bilingual
from partracker.language.text import Lang, Text
from partracker.outputs import data_schemas, wording
from partracker.outputs.context import BuildContext
from partracker.outputs.items import DataFile
from partracker.reading import schemas as input_schemas
from partracker.reading.schemas import names as schema_kinds

BOM = "\ufeff"
"""The UTF-8 byte order mark every published CSV starts with (Excel's cue that the file is UTF-8)."""
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "|", "%")
"""Characters that make a spreadsheet read a cell as a formula (or a command, or a line break inside one)."""


def text(t: Text | None) -> dict[str, str] | None:
    """A bilingual text as JSON."""
    return None if t is None else {"vi": t.vi, "en": t.en}


def cell_to_dict(cell: Assignment) -> dict[str, Any]:
    """An agency cell as JSON-ready data: the printed text, the legible ids, and the doubts."""
    return {
        "text": text(cell.text),
        "agencies": list(cell.agencies),
        "probable": [
            {
                "reading": text(r.reading),
                "agencies": list(r.agencies),
                "certainty": r.certainty,
                "fragments": [{"line": line, "ocr": ocr} for line, ocr in r.fragments],
                "reasoning": text(r.reasoning),
            }
            for r in cell.probable
        ],
        "column_uncertain": None
        if cell.column_uncertain is None
        else {"agencies": list(cell.column_uncertain.agencies), "reasoning": text(cell.column_uncertain.reasoning)},
    }


def task_to_dict(task: Task) -> dict[str, Any]:
    """One task as JSON-ready data."""
    return {
        "id": task.id,
        "group": task.group,
        "section": task.section,
        "number": task.number,
        "content": text(task.content),
        "lead": cell_to_dict(task.lead),
        "coordinating": cell_to_dict(task.coordinating),
        "outputs": [text(o) for o in task.outputs],
        "completion": [
            {
                "text": text(c.text),
                "rule": {"kind": c.rule.kind, "quarter": c.rule.quarter, "citation": text(c.rule.citation)},
            }
            for c in task.completion
        ],
        "targets": [
            {"id": t.id, "metric": text(t.metric), "comparator": t.comparator, "value": t.value, "value_lost": t.value_lost, "unit": t.unit, "year": t.year}
            for t in task.targets
        ],
        "source_ranges": [list(r) for r in task.source_ranges],
        "confidence": task.confidence,
        "notes": [text(n) for n in task.notes],
    }


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The whole plan as JSON-ready data."""
    meta = plan.meta
    return {
        "decision": {
            "number": meta.number,
            "date": meta.date,
            "month": meta.month,
            "possible_dates": list(meta.possible_dates),
            "date_text": text(meta.date_text),
            "issuer": text(meta.issuer),
            "signer": {"name": meta.signer_name, "title": text(meta.signer_title), "on_behalf": text(meta.signer_on_behalf)},
        },
        "title": text(meta.title),
        "appendix_title": text(meta.appendix_title),
        "period": {"start_year": meta.start_year, "end_year": meta.end_year},
        "timezone": meta.timezone,
        "source": {"file": meta.source_file, "lines": meta.source_lines, "description": text(meta.source_description)},
        "notes": [text(n) for n in meta.notes],
        "agencies": [
            {"id": a.id, "kind": a.kind, "name": text(a.name), "short": text(a.short), "member_ids": list(a.member_ids), "member_kinds": list(a.member_kinds)}
            for a in plan.agencies
        ],
        "glossary": [{"abbr": g.abbr, "meaning": text(g.meaning)} for g in plan.glossary],
        "groups": [
            {
                "id": g.id,
                "title": text(g.title),
                "notes": [text(n) for n in g.notes],
                "sections": [
                    {"id": s.id, "numeral": s.numeral, "title": text(s.title), "notes": [text(n) for n in s.notes], "tasks": [task_to_dict(t) for t in s.tasks]}
                    for s in g.sections
                ],
            }
            for g in plan.groups
        ],
        "responsibilities": [
            {
                "number": r.number,
                "heading": text(r.heading),
                "agencies": list(r.agencies),
                "bullets": [text(b) for b in r.bullets],
                "source_lines": list(r.source_lines),
                "confidence": r.confidence,
                "notes": [text(n) for n in r.notes],
            }
            for r in plan.responsibilities
        ],
        "closing": text(plan.closing),
        "closing_notes": [text(n) for n in plan.closing_notes],
        "reporting": {
            "source_task": plan.reporting_task,
            "tiers": [
                {
                    "id": t.id,
                    "from": list(t.senders),
                    "to": t.recipient,
                    "text": text(t.text),
                    "reports": [{"kind": r.kind, "on_request": r.on_request, "due": asdict(r.due), "text": text(r.text)} for r in t.reports],
                }
                for t in plan.reporting
            ],
            "notes": [text(n) for n in plan.reporting_notes],
        },
    }


def to_json(data: Any) -> str:
    """Stable JSON text: UTF-8, two-space indent, trailing newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def safe_cell(value: Any) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula.

    Spreadsheets skip leading spaces before a formula sign and read full-width and small forms of the
    signs ("＝", "﹢") as the signs themselves, so the first character that is not a space is compared after
    compatibility normalisation (NFKC); the minus sign U+2212 counts as "-".
    """
    cell = "" if value is None else str(value)
    if cell.startswith(FORMULA_START):
        return "'" + cell
    first = cell.lstrip()[:1]
    if first and (unicodedata.normalize("NFKC", first).startswith(FORMULA_START) or first == "\u2212"):
        return "'" + cell
    return cell


def to_csv(header: list[str], rows: list[list[Any]]) -> str:
    """RFC 4180 CSV with CRLF line ends and neutralised formulas, after a UTF-8 byte order mark (see the module)."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()


TASK_CSV_HEADER = [
    "id",
    "group",
    "section",
    "number",
    "content_vi",
    "content_en",
    "lead_agencies",
    "lead_vi",
    "lead_en",
    "coordinating_agencies",
    "coordinating_vi",
    "coordinating_en",
    "outputs_vi",
    "outputs_en",
    "completion_vi",
    "completion_en",
    "completion_rules",
    "confidence",
    "source_ranges",
    "lead_probable",
    "coordinating_probable",
]


def tasks_csv(plan: Plan) -> str:
    """One row per task; list cells are joined with " | "."""
    rows = []
    for t in plan.tasks:
        rows.append(
            [
                t.id,
                t.group,
                t.section,
                t.number,
                t.content.vi,
                t.content.en,
                " ".join(t.lead.agencies),
                t.lead.text.vi,
                t.lead.text.en,
                " ".join(t.coordinating.agencies),
                t.coordinating.text.vi,
                t.coordinating.text.en,
                " | ".join(o.vi for o in t.outputs),
                " | ".join(o.en for o in t.outputs),
                " | ".join(c.text.vi for c in t.completion),
                " | ".join(c.text.en for c in t.completion),
                " ".join(c.rule.kind for c in t.completion),
                t.confidence,
                " ".join(f"{a}-{b}" for a, b in t.source_ranges),
                " ".join(t.lead.probable_agencies),
                " ".join(t.coordinating.probable_agencies),
            ]
        )
    return to_csv(TASK_CSV_HEADER, rows)


# --- obligations and progress ------------------------------------------------------------------


def assessment_to_dict(plan: Plan, a: Assessment) -> dict[str, object]:
    """An assessed obligation as JSON-ready data, keys in a fixed order, both languages (downloads and the CLI)."""
    ob = a.obligation
    return {
        "id": ob.id,
        "year": ob.year,
        "task": ob.task,
        "section": ob.section,
        "group": ob.group,
        "agency": ob.agency,
        "role": ob.role,
        "kind": ob.kind,
        "title": text(wording.both(wording.obligation_title, plan, ob)),
        "due": ob.due.isoformat() if ob.due else None,
        "source": text(ob.source),
        "citation": text(ob.citation),
        "period": ob.period,
        "report_kind": ob.report_kind,
        "recipient": ob.recipient,
        "target": ob.target.id if ob.target else None,
        "applicable": ob.applicable,
        "date_dependent": ob.date_dependent,
        "assignment": ob.assignment,
        "role_certain": ob.role_certain,
        "reason": text(wording.both(wording.reason_text, plan, ob.reason)) if ob.reason else None,
        "status": a.status,
        "status_label": text(bilingual(f"status.{a.status}")),
        "decided_by": None
        if a.report is None
        else {"report": a.report.file, "entry": a.entry.id if a.entry else None, "on": a.on.isoformat() if a.on else None},
    }


OBLIGATION_FIELDS = ("id", "year", "task", "section", "group", "agency", "role", "kind", "due", "status", "period", "report_kind", "recipient", "target", "date_dependent", "assignment", "role_certain")
"""Columns of data/obligations.csv."""
PROGRESS_FIELDS = ("agency", "period", "file", "submitted", "published", "published_late", "demo", "entry", "task", "status", "percent", "reported", "completed", "corrects", "evidence", "note_vi", "note_en")
"""Columns of data/progress.csv and keys of data/progress.json."""


def obligation_row(plan: Plan, a: Assessment) -> list[Any]:
    """One assessed obligation as a CSV row (the flat fields of :func:`assessment_to_dict`)."""
    data = assessment_to_dict(plan, a)
    return [data[k] for k in OBLIGATION_FIELDS]


def progress_row(r: Report, e: Entry) -> dict[str, Any]:
    """One report entry as flat open data."""
    return {
        "agency": r.agency, "period": r.period, "file": r.file, "submitted": r.submitted, "published": r.published,
        "published_late": progress.published_late(r), "demo": r.demo, "entry": e.id, "task": e.task,
        "status": e.status, "percent": e.percent, "reported": e.reported, "completed": e.completed, "corrects": e.corrects,
        "evidence": " | ".join(ev.document for ev in e.evidence), "note_vi": e.note.vi if e.note else None, "note_en": (e.note.en or None) if e.note else None,
    }


TARGET_FIELDS = ("task", "target", "year", "comparator", "level", "unit", "reported", "met", "metric_vi", "metric_en", "level_lost")
"""Columns of data/targets.csv and keys of data/targets.json: each numeric target per plan year it applies to (``level_lost``: the figure is lost in the source, ``level`` and ``met`` are null)."""


def target_rows(ctx: BuildContext) -> list[dict[str, Any]]:
    """Every numeric target in each year it applies to, with the latest value reported for that year (the targets page's numbers)."""
    plan = ctx.plan
    rows = []
    for task in plan.tasks:
        for target in task.targets:
            reported = ctx.target_values.get((task.id, target.id), {})
            for year in plan.meta.years if target.year is None else tuple(y for y in plan.meta.years if y <= target.year):
                value = reported.get(year)
                rows.append({
                    "task": task.id, "target": target.id, "year": year, "comparator": target.comparator, "level": target.value, "unit": target.unit,
                    "reported": value, "met": None if value is None or target.value_lost else target.is_met_by(value), "metric_vi": target.metric.vi, "metric_en": target.metric.en,
                    "level_lost": target.value_lost,
                })
    return rows


def schema_names() -> list[str]:
    """The file kinds whose JSON Schemas are published, sorted."""
    return schema_kinds()


# --- the Frictionless description of the CSV files ----------------------------------------------

TASK_TYPES = {"number": "integer"}
OBLIGATION_TYPES = {"year": "integer", "due": "date", "date_dependent": "boolean", "role_certain": "boolean"}
PROGRESS_TYPES = {"submitted": "date", "published": "date", "published_late": "boolean", "demo": "boolean", "percent": "number", "reported": "date", "completed": "date"}
TARGET_TYPES = {"year": "integer", "level": "number", "reported": "number", "met": "boolean", "level_lost": "boolean"}
"""Column types of each CSV other than string (Frictionless Table Schema types)."""
CSV_FILES = (
    ("tasks.csv", TASK_CSV_HEADER, TASK_TYPES, "dl_tasks_csv"),
    ("obligations.csv", list(OBLIGATION_FIELDS), OBLIGATION_TYPES, "dl_obligations"),
    ("progress.csv", list(PROGRESS_FIELDS), PROGRESS_TYPES, "dl_progress"),
    ("targets.csv", list(TARGET_FIELDS), TARGET_TYPES, "dl_targets"),
)
"""Every published CSV: file, columns, typed columns, label of its description."""


def datapackage(plan: Plan, published: set[str]) -> dict[str, Any]:
    """A Frictionless (tabular) data package of the CSV files in ``published``: dialect, encoding and columns of each."""
    resources = []
    for name, columns, types, label in CSV_FILES:
        if name not in published:
            continue
        description = bilingual(label)
        resources.append({
            "name": name.removesuffix(".csv"),
            "path": name,
            "profile": "tabular-data-resource",
            "title": f"{description.vi} / {description.en}",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8-sig",
            "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": True, "header": True},
            "schema": {"fields": [{"name": c, "type": types.get(c, "string")} for c in columns], "missingValues": [""]},
        })
    site = bilingual("site_name")
    return {
        "profile": "tabular-data-package",
        "name": "partracker-open-data",
        "title": f"{site.vi} / {site.en}",
        "description": f"{plan.meta.title.vi} / {plan.meta.title.en}",
        "licenses": [{"name": "MIT", "title": "MIT License"}],
        "resources": resources,
    }


def data_files(ctx: BuildContext, lang: Lang) -> Iterator[DataFile]:
    """The downloads of ``data/`` (the same bytes in both languages, computed once per build) and ``schemas/``."""
    yield from ctx.shared("opendata", lambda: tuple(_data_files(ctx)))
    yield from _schema_files(ctx, lang)


def _data_files(ctx: BuildContext) -> Iterator[DataFile]:
    plan, urls = ctx.plan, ctx.urls
    out = [DataFile(urls.data("plan.json"), to_json(plan_to_dict(plan))), DataFile(urls.data("tasks.csv"), tasks_csv(plan))]
    if ctx.assessments:
        out.append(DataFile(urls.data("obligations.json"), to_json([assessment_to_dict(plan, a) for a in ctx.assessments])))
        out.append(DataFile(urls.data("obligations.csv"), to_csv(list(OBLIGATION_FIELDS), [obligation_row(plan, a) for a in ctx.assessments])))
    rows = [progress_row(r, e) for r, e in ctx.entries]
    out.append(DataFile(urls.data("progress.json"), to_json(rows)))
    out.append(DataFile(urls.data("progress.csv"), to_csv(list(PROGRESS_FIELDS), [[row[k] for k in PROGRESS_FIELDS] for row in rows])))
    targets = target_rows(ctx)
    out.append(DataFile(urls.data("targets.json"), to_json(targets)))
    out.append(DataFile(urls.data("targets.csv"), to_csv(list(TARGET_FIELDS), [[row[k] for k in TARGET_FIELDS] for row in targets])))
    published = {f.path.removeprefix(urls.data("")) for f in out}
    out.append(DataFile(urls.data("datapackage.json"), to_json(datapackage(plan, published))))
    return iter(out)


def _schema_files(ctx: BuildContext, lang: Lang) -> Iterator[DataFile]:
    """The JSON Schemas of the plan-data files and of the published data, each with the ``$id`` of where it is published."""
    urls = ctx.urls
    for name in schema_names():
        yield DataFile(urls.schema(name), input_schemas.rendered(name, schema_id=urls.public(lang, urls.schema(name))))
    for name in data_schemas.names():
        yield DataFile(urls.data_schema(name), data_schemas.rendered(name, schema_id=urls.public(lang, urls.data_schema(name))))
