"""Translations of report notes (Bản dịch ghi chú): the English of notes an agency wrote in Vietnamese only.

A clerk writes a report's notes in Vietnamese; English is optional. A filed report is never edited
(:mod:`partracker.reading.history`), so maintainers add the English later in a file of its own, beside
the reports: ``plan-data/translations/<agency>/<filing>.yaml`` for ``plan-data/progress/<agency>/<filing>.yaml``,
listing each translated note by its entry id. Unlike a report, a translation may be improved later: it is the
maintainers' text, not the agency's record. Files are checked here; the notes are joined to the reports by
:func:`partracker.domain.progress.with_translations`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from partracker.domain.model import Report
from partracker.domain.periods import FILING_RE
from partracker.domain.progress import NoteKey
from partracker.reading import checks
from partracker.reading.errors import Problem
from partracker.reading.files import display_path, read, symlink_problem

TRANSLATION_PATH = re.compile(r"^translations/(?P<agency>[^/]+)/(?P<name>[^/]+)$")
"""Where a translation file sits under plan-data/."""


def check_translations(root: Path, rels: Iterable[str], reports: Iterable[Report], report_files: Iterable[str]) -> tuple[dict[NoteKey, str], list[Problem]]:
    """Load and check translation files (paths relative to ``root``) against the reports they translate.

    ``reports`` are the reports that loaded cleanly and ``report_files`` every report file found: a translation
    of a report that exists but has problems of its own is not checked further (the report's problems come first).
    """
    by_filing = {(r.agency, r.filing): r for r in reports}
    present = set(report_files)
    notes: dict[NoteKey, str] = {}
    problems: list[Problem] = []
    for rel in sorted(rels):
        if (root / rel).is_symlink():
            problems.append(symlink_problem(root, rel))
            continue
        m = TRANSLATION_PATH.match(rel)
        name = m.group("name") if m else rel.rsplit("/", 1)[-1]
        stem = name.removesuffix(".yaml")
        if not m or not name.endswith(".yaml") or not FILING_RE.match(stem):
            problems.append(Problem(display_path(root, rel), 1, 1, "(file)", "translation.file_name", {"got": name}))
            continue
        agency = m.group("agency")
        doc = read(root, rel, problems, empty=("yaml.empty", {"expected": "partracker/schemas/translation.schema.json"}))
        if doc is None:
            continue
        found = checks.schema_problems(doc, "translation") + checks.text_problems(doc)
        if found:
            problems.extend(found)
            continue
        data = doc.data
        report_rel = f"progress/{agency}/{stem}.yaml"
        if data["agency"] != agency:
            problems.append(doc.problem(("agency",), "translation.agency_mismatch", got=data["agency"], expected=agency))
        if data["filing"] != stem:
            problems.append(doc.problem(("filing",), "translation.filing_mismatch", got=data["filing"], expected=stem))
        if report_rel not in present:
            problems.append(doc.problem(("filing",), "translation.no_report", report=f"plan-data/{report_rel}"))
            continue
        report = by_filing.get((agency, stem))
        if report is None:
            continue
        entries = {e.id: e for e in report.entries}
        first: dict[str, int] = {}
        for i, item in enumerate(data["notes"]):
            path = ("notes", i, "entry")
            entry = entries.get(item["entry"])
            if item["entry"] in first:
                line, col = doc.mark(("notes", first[item["entry"]], "entry"))
                problems.append(doc.problem(path, "id.duplicate", got=item["entry"], first=f"{doc.file}:{line}:{col}"))
                continue
            first[item["entry"]] = i
            if entry is None:
                problems.append(doc.problem(path, "translation.entry_unknown", got=item["entry"], report=f"plan-data/{report_rel}", choices=", ".join(entries)))
            elif entry.note is None:
                problems.append(doc.problem(path, "translation.no_note", got=item["entry"], report=f"plan-data/{report_rel}"))
            elif entry.note.en:
                problems.append(doc.problem(path, "translation.has_english", got=item["entry"], report=f"plan-data/{report_rel}"))
            else:
                notes[(agency, stem, item["entry"])] = item["en"]
    return notes, sorted(problems, key=Problem.sort_key)
