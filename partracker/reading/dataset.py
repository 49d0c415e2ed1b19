"""Load and validate plan-data/ (Nạp và kiểm tra dữ liệu): the first two steps of the pipeline.

``load_dataset`` reads every file with the strict loader, checks each against its schema,
builds the :class:`~partracker.domain.model.Plan`, then checks what spans files (ids, references,
numbering). It collects **all** problems and returns them together; callers decide to stop.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from partracker.domain.model import Plan, Report
from partracker.domain.progress import NoteKey
from partracker.reading import checks, reportfiles, translationfiles
from partracker.reading.errors import DataInvalid, Problem
from partracker.reading.files import display_path, read, symlink_problem
from partracker.reading.history import Publication, publication_dates
from partracker.reading.plan_builder import SECTION_FILE, build_plan, plan_problems
from partracker.reading.yamlload import Document, LoadError, load_text

AsOf = dt.date | Callable[[str], dt.date] | None
"""The as-of date, or a function of the plan's time zone that gives it (None: no date checks)."""

# File kinds of plan-data/: fixed names, then patterns. Anything else is an error.
FIXED_FILES = {
    "plan.yaml": "plan",
    "agencies.yaml": "agencies",
    "glossary.yaml": "glossary",
    "groups.yaml": "groups",
    "responsibilities.yaml": "responsibilities",
    "reporting.yaml": "reporting",
}
REPORT_FILE = re.compile(r"^progress/([a-z0-9]+(?:-[a-z0-9]+)*)/([^/]+)$")
TRANSLATION_FILE = re.compile(r"^translations/([a-z0-9]+(?:-[a-z0-9]+)*)/([^/]+)$")
ALLOWED_EXTRA = {"progress/.gitkeep"}
EXPECTED_LAYOUT = (
    "plan.yaml, agencies.yaml, glossary.yaml, groups.yaml, responsibilities.yaml, reporting.yaml, tasks/<A-I>.yaml, "
    "progress/<agency>/<period>.yaml, translations/<agency>/<period>.yaml"
)


@dataclass
class Dataset:
    """Everything loaded from plan-data/, with every problem found."""

    root: Path
    """The plan-data directory."""
    plan: Plan | None
    """The model, or None when the plan files have errors."""
    documents: dict[str, Document] = field(default_factory=dict)
    """Loaded documents by path relative to ``root``."""
    problems: list[Problem] = field(default_factory=list)
    """Every problem, sorted."""
    report_files: list[str] = field(default_factory=list)
    """Relative paths of the progress report files found under progress/."""
    as_of: dt.date | None = None
    """The as-of date: report dates after it are errors; None skips that check."""
    reports: tuple[Report, ...] = ()
    """The checked progress reports, sorted; read once, here."""
    translation_files: list[str] = field(default_factory=list)
    """Relative paths of the translation files found under translations/."""
    translations: dict[NoteKey, str] = field(default_factory=dict)
    """The English of report notes filed apart, by (agency, filing, entry id) (:mod:`partracker.reading.translationfiles`)."""
    publication: Publication = field(default_factory=Publication)
    """The date each report file first reached the main branch, or why it is unknown (:func:`partracker.reading.history.publication_dates`)."""


def discover(root: Path, translations: list[str] | None = None) -> tuple[dict[str, str], list[str], list[Problem]]:
    """Classify every file under ``root``: (plan files by kind, report files, problems); translation files go to ``translations``."""
    kinds: dict[str, str] = {}
    reports: list[str] = []
    translations = [] if translations is None else translations
    problems: list[Problem] = []
    seen_lower: dict[str, str] = {}
    linked: set[str] = set()
    if root.is_symlink():
        return kinds, reports, [Problem(str(root), 1, 1, "(file)", "dir.symlink", {})]
    if not root.is_dir():
        return kinds, reports, [Problem(str(root), 1, 1, "(file)", "file.missing", {"expected": str(root) + "/"})]
    for path in sorted(root.rglob("*")):  # rglob never descends into a linked folder
        rel = path.relative_to(root).as_posix()
        shown = display_path(root, rel)
        if path.is_symlink():
            problems.append(symlink_problem(root, rel))
            linked.add(rel)
            continue
        if path.is_dir():
            continue
        lower = rel.lower()
        if lower in seen_lower:
            problems.append(Problem(shown, 1, 1, "(file)", "file.case_collision", {"got": rel, "other": seen_lower[lower]}))
            continue
        seen_lower[lower] = rel
        if rel in FIXED_FILES:
            kinds[rel] = FIXED_FILES[rel]
        elif SECTION_FILE.match(rel):
            kinds[rel] = "section"
        elif REPORT_FILE.match(rel) and rel not in ALLOWED_EXTRA:
            reports.append(rel)
        elif TRANSLATION_FILE.match(rel):
            translations.append(rel)
        elif rel in ALLOWED_EXTRA:
            continue
        else:
            problems.append(Problem(shown, 1, 1, "(file)", "file.unexpected", {"expected": EXPECTED_LAYOUT}))
    for name, kind in FIXED_FILES.items():
        if name not in kinds and name not in linked:  # a link in its place is already the problem to fix
            problems.append(Problem(display_path(root, name), 1, 1, "(file)", "file.missing", {"expected": name}))
    return kinds, reports, problems


def check_document(content: str | bytes, file: str, kind: str) -> list[Problem]:
    """Every single-file problem of one document of ``kind`` (loader, schema, text); for tests and fuzzing."""
    try:
        doc = load_text(content, file)
    except LoadError as exc:
        return exc.problems
    if doc.data is None:
        return [Problem(file, 1, 1, "(file)", "yaml.empty", {"expected": f"partracker/schemas/{kind}.schema.json"})]
    if kind == "report":
        doc.describe = reportfiles.describe_entry(doc.data)
    return sorted(checks.schema_problems(doc, kind) + checks.text_problems(doc), key=Problem.sort_key)


def load_dataset(root: Path, *, with_reports: bool = True, as_of: AsOf = None) -> Dataset:
    """Load, check and model plan-data/ at ``root``; never raises on bad data.

    ``as_of`` may be a function of the plan's time zone (the data says which zone its dates are in):
    it is called once the plan is loaded.
    """
    translation_files: list[str] = []
    kinds, report_files, problems = discover(root, translation_files)
    dataset = Dataset(root=root, plan=None, report_files=report_files, translation_files=translation_files)
    clean = True
    for rel in sorted(kinds):
        doc = read(root, rel, problems, empty=("yaml.empty", {"expected": f"partracker/schemas/{kinds[rel]}.schema.json"}))
        if doc is None:
            clean = False
            continue
        dataset.documents[rel] = doc
        found = checks.schema_problems(doc, kinds[rel]) + checks.text_problems(doc)
        problems.extend(found)
        if found:
            clean = False
    if clean and all(name in dataset.documents for name in FIXED_FILES):
        found = plan_problems(dataset.documents, kinds)
        problems.extend(found)
        if not found:
            dataset.plan = build_plan(dataset.documents, kinds)
    if callable(as_of):
        dataset.as_of = as_of(dataset.plan.meta.timezone) if dataset.plan is not None else None
    else:
        dataset.as_of = as_of
    if with_reports and report_files and dataset.plan is not None:
        # When each report became public: read from git once, here, for the validator and the build alike.
        dataset.publication = publication_dates(root, dataset.plan.meta.timezone)
    if with_reports and report_files:
        dataset.reports, found = reportfiles.check_reports(dataset.plan, root, report_files, as_of=dataset.as_of, published=dataset.publication.dates)
        problems.extend(found)
    if with_reports and translation_files:
        dataset.translations, found = translationfiles.check_translations(root, translation_files, dataset.reports, report_files)
        problems.extend(found)
    dataset.problems = sorted(problems, key=Problem.sort_key)
    return dataset


def require_plan(root: Path) -> Plan:
    """The plan, or :class:`DataInvalid` carrying every problem (for the site build and tools)."""
    dataset = load_dataset(root)
    if dataset.problems or dataset.plan is None:
        raise DataInvalid(dataset.problems)
    return dataset.plan
