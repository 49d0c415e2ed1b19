"""Open data exports of the plan (Dữ liệu mở): JSON and CSV, byte-stable.

JSON keys come in a fixed order and lists are sorted explicitly; CSV cells that a spreadsheet
would run as a formula are neutralised.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from typing import Any

from partracker.model import Plan, Task, Text

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "|", "%")


def text(t: Text | None) -> dict[str, str] | None:
    """A bilingual text as JSON."""
    return None if t is None else {"vi": t.vi, "en": t.en}


def task_to_dict(task: Task) -> dict[str, Any]:
    """One task as JSON-ready data."""
    return {
        "id": task.id,
        "group": task.group,
        "section": task.section,
        "number": task.number,
        "content": text(task.content),
        "lead": {"text": text(task.lead.text), "agencies": list(task.lead.agencies)},
        "coordinating": {"text": text(task.coordinating.text), "agencies": list(task.coordinating.agencies)},
        "outputs": [text(o) for o in task.outputs],
        "completion": [
            {
                "text": text(c.text),
                "rule": {"kind": c.rule.kind, "quarter": c.rule.quarter, "citation": text(c.rule.citation)},
            }
            for c in task.completion
        ],
        "targets": [
            {"id": t.id, "metric": text(t.metric), "comparator": t.comparator, "value": t.value, "unit": t.unit, "year": t.year}
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
            {"id": a.id, "kind": a.kind, "name": text(a.name), "short": text(a.short), "member_kinds": list(a.member_kinds)}
            for a in plan.agencies
        ],
        "glossary": [{"abbr": g.abbr, "meaning": text(g.meaning)} for g in plan.glossary],
        "groups": [
            {
                "id": g.id,
                "title": text(g.title),
                "sections": [
                    {"id": s.id, "numeral": s.numeral, "title": text(s.title), "tasks": [task_to_dict(t) for t in s.tasks]}
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
        "reporting": {
            "source_task": plan.reporting_task,
            "tiers": [
                {
                    "id": t.id,
                    "from": list(t.senders),
                    "to": t.recipient,
                    "text": text(t.text),
                    "reports": [{"kind": r.kind, "due": asdict(r.due), "text": text(r.text)} for r in t.reports],
                }
                for t in plan.reporting
            ],
        },
    }


def to_json(data: Any) -> str:
    """Stable JSON text: UTF-8, two-space indent, trailing newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def safe_cell(value: Any) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    cell = "" if value is None else str(value)
    if cell.startswith(FORMULA_START):
        return "'" + cell
    return cell


def to_csv(header: list[str], rows: list[list[Any]]) -> str:
    """RFC 4180 CSV with CRLF line ends and neutralised formulas."""
    out = io.StringIO()
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
            ]
        )
    return to_csv(TASK_CSV_HEADER, rows)
