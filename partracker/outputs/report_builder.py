"""The report builder's data (Dữ liệu trang lập báo cáo): what the form needs to offer each agency its tasks.

The form itself is a hand-written page (``docs/<lang>/report-builder.md``) and a script
(``partracker/outputs/assets/report-builder.js``); this module writes ``data/report-builder.json``
with the agencies, the tasks each one owes (:func:`partracker.domain.duties.duties`) with their short
titles and roles as the site words them, the words for statuses, periods and the form from the label
catalogue, the validator's messages for the checks the form runs (:data:`FORM_MESSAGES`, from
:mod:`partracker.reading.errors`: the script keeps no copy of them), and where to propose the file on
GitHub (from the deployment setting; null when it names no repository or branch).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from partracker.domain.duties import duties
from partracker.domain.model import REPORT_STATUSES, Plan
from partracker.domain.periods import PERIOD_KINDS
from partracker.language.labels import LABELS, bilingual
from partracker.language.text import Lang, Text
from partracker.outputs.context import BuildContext
from partracker.outputs.items import DataFile
from partracker.outputs.opendata import to_json
from partracker.outputs.wording import role_words, task_title
from partracker.reading.checks import unsafe_char_names
from partracker.reading.deployment import Deployment
from partracker.reading.errors import FIX_LABELS, MESSAGES
from partracker.reading.schemas import PERIOD_PATTERN, REPORT_SCHEMA_COMMENT

NEW_FILE_URL_LIMIT = 8000
"""Longest "open on GitHub" address the builder offers, in characters; a longer report falls back to copy + download.

The report travels in the address (``?filename=…&value=…``). Browsers accept far longer addresses, but web
servers and proxies commonly refuse a request line over 8 KiB (HTTP 414), and percent-encoding makes every
Vietnamese letter 6 to 9 characters long: below 8 000 characters the link stays within that common limit, and a
typical report of a few tasks fits. A longer one is copied or downloaded and created on GitHub by hand.
"""

FORM_MESSAGES: dict[str, str | None] = {
    "schema.required": "builder.fix.required",
    "schema.min_items": "builder.fix.entries",
    "schema.min_length": "builder.fix.required",
    "schema.range": None,
    "schema.minimum": None,
    "report.period_outside": None,
    "report.not_assigned": None,
    "report.completed_missing": "builder.fix.completed",
    "date.invalid": "builder.fix.date",
    "date.future": None,
    "url.not_https": None,
    "text.unsafe_chars": None,
}
"""The validator's messages the form checks before it writes YAML, by code: the fix it shows instead of the validator's, or None.

The form says what the validator says, in its words; where the validator's fix tells how to edit a YAML line
(``add 'document:' here``), the form says what to do in the form (a label key), since the clerk sees no YAML.
"""

FORM_WORDS = (
    "builder.problems", "builder.date_format", "builder.group.lead", "builder.group.coordinating", "builder.group.via", "content", "builder.draft_restored", "builder.draft_saved", "builder.clear_draft", "builder.fix.document",
)
"""Words of the form's script, from the label catalogue."""


def _both(text: Text) -> dict[str, str]:
    return {"vi": text.vi, "en": text.en}


def _label(key: str) -> dict[str, str]:
    # Both languages unformatted: the script fills the placeholders ({count}).
    vi, en = LABELS[key]
    return {"vi": vi, "en": en}


def form_messages() -> dict[str, Any]:
    """The validator's messages for the form's checks, both languages: ``{code: {lang: {message, fix}}}``."""
    out: dict[str, Any] = {}
    for code, fix_key in FORM_MESSAGES.items():
        vi, en, fix_vi, fix_en = MESSAGES[code]
        fix = _label(fix_key) if fix_key else {"vi": fix_vi, "en": fix_en}
        out[code] = {"vi": {"message": vi, "fix": fix["vi"]}, "en": {"message": en, "fix": fix["en"]}}
    return out


def builder_data(plan: Plan, deployment: Deployment | None = None) -> dict[str, Any]:
    """What the report builder page needs, as JSON-ready data; ``deployment`` says where to propose the file."""
    new_file = deployment.new_file_url if deployment else None
    tasks: dict[str, Any] = {}
    agencies = []
    for agency in plan.agencies:
        owed = duties(plan, agency.id)
        if not owed:
            continue
        agencies.append(
            {
                "id": agency.id,
                "name": _both(agency.name),
                "collective": agency.is_collective,
                "tasks": [
                    {"id": d.task.id, "role": d.role, "via": d.via, "role_words": {lang: role_words(d.role, d.assignment, d.role_certain, lang) for lang in ("vi", "en")}}
                    for d in owed
                ],
            }
        )
        for d in owed:
            tasks[d.task.id] = {
                "title": {lang: task_title(d.task, lang) for lang in ("vi", "en")},
                "content": _both(d.task.content),
                "targets": [{"id": x.id, "metric": _both(x.metric), "unit": x.unit} for x in d.task.targets],
            }
    return {
        "schema_comment": REPORT_SCHEMA_COMMENT,
        "years": list(plan.meta.years),
        "period_pattern": PERIOD_PATTERN,
        "periods": [{"id": k, "label": _both(bilingual(f"period.{k}"))} for k in PERIOD_KINDS],
        "statuses": [{"id": s, "label": _both(bilingual(f"status.{s}"))} for s in REPORT_STATUSES],
        "agencies": agencies,
        "tasks": dict(sorted(tasks.items(), key=lambda kv: plan.task(kv[0]).order)),
        "messages": form_messages(),
        "fix_label": FIX_LABELS,
        "words": {key: _label(key) for key in FORM_WORDS},
        "unsafe_chars": unsafe_char_names(),
        "github": {"new_file": new_file, "url_limit": NEW_FILE_URL_LIMIT} if new_file else None,
    }


def builder_files(ctx: BuildContext, lang: Lang) -> Iterator[DataFile]:
    """``data/report-builder.json``, the same in both languages."""
    yield DataFile(ctx.urls.data("report-builder.json"), ctx.shared("report-builder", lambda: to_json(builder_data(ctx.plan, ctx.options.deployment))))
