"""JSON Schemas of the published open data (Lược đồ dữ liệu mở): one per ``data/*.json`` file.

The files of ``data/`` are written by :mod:`partracker.outputs.opendata` and
:mod:`partracker.outputs.report_builder`; their shape is described here once, published beside them as
``schemas/data/<name>.schema.json``, and a test validates every published file against its schema. The
schemas of the plan-data input files are :mod:`partracker.reading.schemas`. A published schema's ``$id`` is the
address it is published at, when the site's address is known (none otherwise: an ``$id`` must not name a
placeholder host).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from partracker.domain import schedule
from partracker.domain.model import (
    AGENCY_KINDS,
    ASSIGNMENTS,
    COMPARATORS,
    CONFIDENCES,
    REPORT_KINDS,
    REPORT_STATUSES,
    RULE_KINDS,
)
from partracker.reading.schemas import BILINGUAL, described

DRAFT = "http://json-schema.org/draft-07/schema#"
STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
DATE = {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
NULLABLE_DATE = {"oneOf": [DATE, {"type": "null"}]}
TEXT = {"$ref": "#/definitions/text"}
NULLABLE_TEXT = {"oneOf": [TEXT, {"type": "null"}]}
TEXTS = {"type": "array", "items": TEXT}
IDS = {"type": "array", "items": STRING}
INTEGER = {"type": "integer"}
NUMBER = {"type": ["number", "null"]}
BOOLEAN = {"type": "boolean"}


def closed(props: dict[str, Any], *, optional: tuple[str, ...] = ()) -> dict[str, Any]:
    """An object with exactly these keys (every key required unless listed in ``optional``)."""
    return {"type": "object", "properties": props, "required": [k for k in props if k not in optional], "additionalProperties": False}


def enum(values: tuple[str, ...] | list[str], *, nullable: bool = False) -> dict[str, Any]:
    return {"enum": [*values, None] if nullable else list(values)}


CELL = closed({
    "text": TEXT,
    "agencies": IDS,
    "probable": {"type": "array", "items": closed({
        "reading": TEXT, "agencies": IDS, "certainty": enum(CONFIDENCES),
        "fragments": {"type": "array", "items": closed({"line": INTEGER, "ocr": STRING})}, "reasoning": TEXT,
    })},
    "column_uncertain": {"oneOf": [{"type": "null"}, closed({"agencies": IDS, "reasoning": TEXT})]},
})
TASK = closed({
    "id": STRING, "group": STRING, "section": STRING, "number": INTEGER, "content": TEXT, "lead": CELL, "coordinating": CELL,
    "outputs": TEXTS,
    "completion": {"type": "array", "items": closed({
        "text": TEXT, "rule": closed({"kind": enum(RULE_KINDS), "quarter": {"type": ["integer", "null"], "minimum": 1, "maximum": 4}, "citation": NULLABLE_TEXT}),
    })},
    "targets": {"type": "array", "items": closed({
        "id": STRING, "metric": TEXT, "comparator": enum(COMPARATORS, nullable=True), "value": NUMBER, "value_lost": BOOLEAN, "unit": STRING,
        "year": {"type": ["integer", "null"]},
    })},
    "source_ranges": {"type": "array", "items": {"type": "array", "items": INTEGER, "minItems": 2, "maxItems": 2}},
    "confidence": enum(CONFIDENCES),
    "notes": TEXTS,
})


def plan_schema() -> dict[str, Any]:
    """``data/plan.json``: the whole plan (:func:`partracker.outputs.opendata.plan_to_dict`)."""
    return closed({
        "decision": closed({
            "number": STRING, "date": NULLABLE_DATE, "month": NULLABLE_STRING, "possible_dates": {"type": "array", "items": DATE},
            "date_text": TEXT, "issuer": TEXT, "signer": closed({"name": NULLABLE_STRING, "title": NULLABLE_TEXT, "on_behalf": NULLABLE_TEXT}),
        }),
        "title": TEXT, "appendix_title": TEXT,
        "period": closed({"start_year": INTEGER, "end_year": INTEGER}),
        "timezone": STRING,
        "source": closed({"file": STRING, "lines": INTEGER, "description": TEXT}),
        "notes": TEXTS,
        "agencies": {"type": "array", "items": closed({
            "id": STRING, "kind": enum(AGENCY_KINDS), "name": TEXT, "short": TEXT, "member_ids": IDS, "member_kinds": IDS,
        })},
        "glossary": {"type": "array", "items": closed({"abbr": STRING, "meaning": TEXT})},
        "groups": {"type": "array", "items": closed({
            "id": STRING, "title": TEXT, "notes": TEXTS,
            "sections": {"type": "array", "items": closed({"id": STRING, "numeral": STRING, "title": TEXT, "notes": TEXTS, "tasks": {"type": "array", "items": TASK}})},
        })},
        "responsibilities": {"type": "array", "items": closed({
            "number": INTEGER, "heading": TEXT, "agencies": IDS, "bullets": TEXTS, "source_lines": {"type": "array", "items": INTEGER},
            "confidence": enum(CONFIDENCES), "notes": TEXTS,
        })},
        "closing": TEXT, "closing_notes": TEXTS,
        "reporting": closed({
            "source_task": STRING,
            "tiers": {"type": "array", "items": closed({
                "id": STRING, "from": IDS, "to": STRING, "text": TEXT,
                "reports": {"type": "array", "items": closed({
                    "kind": enum(REPORT_KINDS), "on_request": BOOLEAN,
                    "due": closed({"rule": STRING, "day": INTEGER, "month": {"type": ["integer", "null"]}}), "text": TEXT,
                })},
            })},
            "notes": TEXTS,
        }),
    })


def obligations_schema() -> dict[str, Any]:
    """``data/obligations.json``: every obligation with its status (:func:`partracker.outputs.opendata.assessment_to_dict`)."""
    return {"type": "array", "items": closed({
        "id": STRING, "year": INTEGER, "task": STRING, "section": STRING, "group": STRING, "agency": NULLABLE_STRING, "role": STRING, "kind": STRING,
        "title": TEXT, "due": NULLABLE_DATE, "source": TEXT, "citation": NULLABLE_TEXT, "period": NULLABLE_STRING, "report_kind": enum(REPORT_KINDS, nullable=True),
        "recipient": NULLABLE_STRING, "target": NULLABLE_STRING, "applicable": BOOLEAN, "date_dependent": BOOLEAN, "assignment": enum(ASSIGNMENTS),
        "role_certain": BOOLEAN, "reason": NULLABLE_TEXT, "status": enum(schedule.STATUSES), "status_label": TEXT,
        "decided_by": {"oneOf": [{"type": "null"}, closed({"report": STRING, "entry": NULLABLE_STRING, "on": NULLABLE_DATE})]},
    })}


def progress_schema() -> dict[str, Any]:
    """``data/progress.json``: the report entries that count (:func:`partracker.outputs.opendata.progress_row`)."""
    fields: dict[str, Any] = {
        "agency": STRING, "period": STRING, "file": STRING, "submitted": DATE,
        # When the file first reached the main branch (git), and whether that was over 30 days after it was sent; null: unknown.
        "published": NULLABLE_DATE, "published_late": {"type": ["boolean", "null"]},
        "demo": BOOLEAN, "entry": STRING, "task": STRING,
        "status": enum(REPORT_STATUSES), "percent": NUMBER, "reported": DATE, "completed": NULLABLE_DATE, "corrects": NULLABLE_STRING,
        "evidence": STRING, "note_vi": NULLABLE_STRING, "note_en": NULLABLE_STRING,
    }
    return {"type": "array", "items": closed(fields)}


def targets_schema() -> dict[str, Any]:
    """``data/targets.json``: each numeric target per plan year (:func:`partracker.outputs.opendata.target_rows`)."""
    fields: dict[str, Any] = {
        "task": STRING, "target": STRING, "year": INTEGER, "comparator": enum(COMPARATORS, nullable=True), "level": NUMBER, "unit": STRING,
        "reported": NUMBER, "met": {"type": ["boolean", "null"]}, "metric_vi": STRING, "metric_en": STRING, "level_lost": BOOLEAN,
    }
    return {"type": "array", "items": closed(fields)}


def report_builder_schema() -> dict[str, Any]:
    """``data/report-builder.json``: what the report builder form offers (:func:`partracker.outputs.report_builder.builder_data`).

    Open objects: it is the form's own data, and the form may come to need more of it.
    """
    labelled = {"type": "object", "properties": {"id": STRING, "label": TEXT}, "required": ["id", "label"]}
    return {
        "type": "object",
        "required": ["years", "periods", "statuses", "agencies", "tasks"],
        "properties": {
            "years": {"type": "array", "items": INTEGER},
            "periods": {"type": "array", "items": labelled},
            "statuses": {"type": "array", "items": labelled},
            "agencies": {"type": "array", "items": {"type": "object", "required": ["id", "name", "tasks"], "properties": {"id": STRING, "name": TEXT, "tasks": {"type": "array"}}}},
            "tasks": {"type": "object", "additionalProperties": {"type": "object"}},
        },
    }


def datapackage_schema() -> dict[str, Any]:
    """``data/datapackage.json``: the Frictionless description of the CSV files (:func:`partracker.outputs.opendata.datapackage`)."""
    field = {"type": "object", "required": ["name", "type"], "properties": {"name": STRING, "type": enum(("string", "integer", "number", "boolean", "date")), "description": STRING}}
    return {
        "type": "object",
        "required": ["profile", "name", "resources"],
        "properties": {
            "profile": {"const": "tabular-data-package"},
            "name": {"type": "string", "pattern": r"^[a-z0-9._-]+$"},
            "resources": {"type": "array", "minItems": 1, "items": {
                "type": "object",
                "required": ["name", "path", "profile", "format", "mediatype", "encoding", "dialect", "schema"],
                "properties": {
                    "path": {"type": "string", "pattern": r"^[a-z0-9-]+\.csv$"},
                    "profile": {"const": "tabular-data-resource"},
                    "encoding": {"const": "utf-8-sig"},
                    "schema": {"type": "object", "required": ["fields"], "properties": {"fields": {"type": "array", "items": field, "minItems": 1}}},
                },
            }},
        },
    }


SCHEMAS: dict[str, tuple[str, Callable[[], dict[str, Any]], str, str]] = {
    "plan": ("plan.json", plan_schema, "Toàn bộ kế hoạch", "The whole plan"),
    "obligations": ("obligations.json", obligations_schema, "Nghĩa vụ có ngày hạn và tình trạng", "Dated obligations and their status"),
    "progress": ("progress.json", progress_schema, "Các mục báo cáo tiến độ (đã áp dụng đính chính)", "Progress report entries (corrections applied)"),
    "targets": ("targets.json", targets_schema, "Chỉ tiêu số theo năm", "Numeric targets per year"),
    "report-builder": ("report-builder.json", report_builder_schema, "Dữ liệu của trang lập báo cáo", "The report builder's data"),
    "datapackage": ("datapackage.json", datapackage_schema, "Mô tả Frictionless của các tệp CSV", "Frictionless description of the CSV files"),
}
"""Schema name → (the data file it describes, its builder, title vi, title en)."""


def names() -> list[str]:
    """Every published data file with a schema, by schema name, sorted."""
    return sorted(SCHEMAS)


def data_file(name: str) -> str:
    """The ``data/`` file a schema describes: ``plan.json``."""
    return SCHEMAS[name][0]


def schema(name: str, *, schema_id: str | None = None) -> dict[str, Any]:
    """The schema of a published data file, with ``$id`` when its public address is known."""
    file, build, vi, en = SCHEMAS[name]
    head: dict[str, Any] = {"$schema": DRAFT}
    if schema_id:
        head["$id"] = schema_id
    return {**head, "title": f"data/{file}", **described(vi, en), **build(), "definitions": {"text": BILINGUAL}}


def rendered(name: str, *, schema_id: str | None = None) -> str:
    """The schema as published: stable key order, trailing newline."""
    return json.dumps(schema(name, schema_id=schema_id), ensure_ascii=False, indent=2) + "\n"
