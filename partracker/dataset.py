"""Load and validate plan-data/ (Nạp và kiểm tra dữ liệu): the first two steps of the pipeline.

``load_dataset`` reads every file with the strict loader, checks each against its schema,
builds the :class:`~partracker.model.Plan`, then checks what spans files (ids, references,
numbering). It collects **all** problems and returns them together; callers decide to stop.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partracker import checks
from partracker.errors import Problem
from partracker.model import (
    Agency,
    Assignment,
    Clause,
    DueRule,
    GlossaryTerm,
    Group,
    Plan,
    PlanMeta,
    ReportingTier,
    ReportSpec,
    ResponsibilityItem,
    Rule,
    Section,
    Target,
    Task,
    Text,
)
from partracker.yamlload import Document, LoadError, load_file, load_text

# File kinds of plan-data/: fixed names, then patterns. Anything else is an error.
FIXED_FILES = {
    "plan.yaml": "plan",
    "agencies.yaml": "agencies",
    "glossary.yaml": "glossary",
    "groups.yaml": "groups",
    "responsibilities.yaml": "responsibilities",
    "reporting.yaml": "reporting",
}
SECTION_FILE = re.compile(r"^tasks/([A-C]-[IVX]+)\.yaml$")
REPORT_FILE = re.compile(r"^progress/([a-z0-9]+(?:-[a-z0-9]+)*)/([^/]+)$")
ALLOWED_EXTRA = {"progress/.gitkeep"}
EXPECTED_LAYOUT = "plan.yaml, agencies.yaml, glossary.yaml, groups.yaml, responsibilities.yaml, reporting.yaml, tasks/<A-I>.yaml, progress/<agency>/<period>.yaml"

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


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
    reports: tuple[Any, ...] = ()
    """The checked progress reports (:class:`~partracker.model.Report`), sorted; read once, here."""


def display_path(root: Path, rel: str) -> str:
    """How a file is named in messages: relative to the project when plan-data/ is inside it."""
    try:
        # abspath, not resolve: a symlink must be named as the link, not as its target.
        return str(Path(os.path.abspath(root / rel)).relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(root / rel)


def discover(root: Path) -> tuple[dict[str, str], list[str], list[Problem]]:
    """Classify every file under ``root``: (plan files by kind, report files, problems)."""
    kinds: dict[str, str] = {}
    reports: list[str] = []
    problems: list[Problem] = []
    seen_lower: dict[str, str] = {}
    if not root.is_dir():
        return kinds, reports, [Problem(str(root), 1, 1, "(file)", "file.missing", {"expected": str(root) + "/"})]
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        shown = display_path(root, rel)
        if path.is_symlink():
            problems.append(Problem(shown, 1, 1, "(file)", "file.symlink", {}))
            continue
        if path.is_dir():
            continue
        lower = rel.lower()
        if lower in seen_lower:
            problems.append(Problem(shown, 1, 1, "(file)", "id.case_collision", {"got": rel, "other": seen_lower[lower]}))
            continue
        seen_lower[lower] = rel
        if rel in FIXED_FILES:
            kinds[rel] = FIXED_FILES[rel]
        elif SECTION_FILE.match(rel):
            kinds[rel] = "section"
        elif REPORT_FILE.match(rel) and rel not in ALLOWED_EXTRA:
            reports.append(rel)
        elif rel in ALLOWED_EXTRA:
            continue
        else:
            problems.append(Problem(shown, 1, 1, "(file)", "file.unexpected", {"expected": EXPECTED_LAYOUT}))
    for name, kind in FIXED_FILES.items():
        if name not in kinds:
            problems.append(Problem(display_path(root, name), 1, 1, "(file)", "file.missing", {"expected": name}))
    return kinds, reports, problems


def read(root: Path, rel: str, problems: list[Problem]) -> Document | None:
    """Load one file, adding its problems; None when it cannot be loaded."""
    shown = display_path(root, rel)
    try:
        doc = load_file(root / rel, display=shown)
    except LoadError as exc:
        problems.extend(exc.problems)
        return None
    except OSError as exc:
        problems.append(Problem(shown, 1, 1, "(file)", "file.unreadable", {"detail": exc.strerror or str(exc)}))
        return None
    if doc.data is None:
        problems.append(Problem(shown, 1, 1, "(file)", "yaml.empty", {"expected": "plan-data/ " + EXPECTED_LAYOUT}))
        return None
    return doc


def check_document(content: str | bytes, file: str, kind: str) -> list[Problem]:
    """Every single-file problem of one document of ``kind`` (loader, schema, text); for tests and fuzzing."""
    try:
        doc = load_text(content, file)
    except LoadError as exc:
        return exc.problems
    if doc.data is None:
        return [Problem(file, 1, 1, "(file)", "yaml.empty", {"expected": f"partracker/schemas/{kind}.schema.json"})]
    return sorted(checks.schema_problems(doc, kind) + checks.text_problems(doc), key=Problem.sort_key)


def load_dataset(root: Path, *, with_reports: bool = True, as_of: dt.date | None = None) -> Dataset:
    """Load, check and model plan-data/ at ``root``; never raises on bad data."""
    kinds, report_files, problems = discover(root)
    dataset = Dataset(root=root, plan=None, report_files=report_files, as_of=as_of)
    clean = True
    for rel in sorted(kinds):
        doc = read(root, rel, problems)
        if doc is None:
            clean = False
            continue
        dataset.documents[rel] = doc
        found = checks.schema_problems(doc, kinds[rel]) + checks.text_problems(doc)
        problems.extend(found)
        if found:
            clean = False
    if clean and not any(p for p in problems if p.code in ("file.missing",)):
        plan, found = build_plan(dataset, kinds)
        problems.extend(found)
        if not found:
            dataset.plan = plan
    if with_reports and report_files:
        from partracker import reports  # reports depend on the plan model

        dataset.reports, found = reports.check_reports(dataset.plan, root, report_files, as_of=as_of)
        problems.extend(found)
    dataset.problems = sorted(problems, key=Problem.sort_key)
    return dataset


def _text(value: dict[str, str]) -> Text:
    return Text(vi=value["vi"], en=value["en"])


def _texts(values: list[dict[str, str]] | None) -> tuple[Text, ...]:
    return tuple(_text(v) for v in values or ())


def build_plan(dataset: Dataset, kinds: dict[str, str]) -> tuple[Plan | None, list[Problem]]:
    """Schema-valid documents → the Plan model, plus cross-file problems."""
    docs = dataset.documents
    problems: list[Problem] = []
    plan_doc, agencies_doc = docs["plan.yaml"], docs["agencies.yaml"]
    raw = plan_doc.data
    period = raw["period"]
    source_lines = raw["source"]["lines"]
    if period["end_year"] < period["start_year"]:
        problems.append(plan_doc.problem(("period", "end_year"), "schema.range", got=period["end_year"], minimum=period["start_year"], maximum=2100))
    date = raw["decision"]["date"]
    if date is not None and not _real_date(date):
        problems.append(plan_doc.problem(("decision", "date"), "date.invalid", got=date))
    signer = raw["decision"]["signer"]
    meta = PlanMeta(
        number=raw["decision"]["number"],
        date=date,
        month=raw["decision"].get("month"),
        date_text=_text(raw["decision"]["date_text"]),
        issuer=_text(raw["decision"]["issuer"]),
        signer_name=signer["name"],
        signer_title=_text(signer["title"]),
        signer_on_behalf=_text(signer["on_behalf"]),
        title=_text(raw["title"]),
        appendix_title=_text(raw["appendix_title"]),
        start_year=period["start_year"],
        end_year=period["end_year"],
        timezone=raw["timezone"],
        source_file=raw["source"]["file"],
        source_lines=source_lines,
        source_description=_text(raw["source"]["description"]),
        notes=_texts(raw.get("notes")),
    )

    # Agencies: unique ids.
    agencies: dict[str, Agency] = {}
    for i, a in enumerate(agencies_doc.data["agencies"]):
        if a["id"] in agencies:
            problems.append(agencies_doc.problem(("agencies", i, "id"), "id.duplicate", got=a["id"], first=_where(agencies_doc, ("agencies",), "id", a["id"])))
            continue
        if a["kind"] == "collective" and "members" not in a:
            problems.append(agencies_doc.problem(("agencies", i), "schema.required", name="members"))
        agencies[a["id"]] = Agency(
            id=a["id"], kind=a["kind"], name=_text(a["name"]), short=_text(a["short"]), member_kinds=tuple(a.get("members", {}).get("kinds", ()))
        )

    def check_agency(doc: Document, path: tuple, agency_id: str) -> None:
        if agency_id not in agencies:
            close = _close(agency_id, sorted(agencies))
            hint_vi = f"có phải ý bạn là '{close}'?" if close else "thêm đơn vị vào plan-data/agencies.yaml, hoặc dùng một mã có sẵn"
            hint_en = f"did you mean '{close}'?" if close else "add the agency to plan-data/agencies.yaml, or use an existing id"
            problems.append(doc.problem(path, "ref.agency", got=agency_id, hint_vi=hint_vi, hint_en=hint_en))

    def check_lines(doc: Document, path: tuple, pair: list[int]) -> None:
        for j, n in enumerate(pair):
            if n > source_lines:
                problems.append(doc.problem(path + (j,), "source.range", got=n, limit=source_lines))
        if pair[0] > pair[1]:
            problems.append(doc.problem(path, "schema.line_range", got=f"[{pair[0]}, {pair[1]}]"))

    glossary = tuple(
        sorted((GlossaryTerm(abbr=t["abbr"], meaning=Text(vi=t["vi"], en=t["en"])) for t in docs["glossary.yaml"].data["terms"]), key=lambda t: t.abbr)
    )
    seen_abbr: set[str] = set()
    for i, t in enumerate(docs["glossary.yaml"].data["terms"]):
        if t["abbr"] in seen_abbr:
            problems.append(docs["glossary.yaml"].problem(("terms", i, "abbr"), "id.duplicate", got=t["abbr"], first=_where(docs["glossary.yaml"], ("terms",), "abbr", t["abbr"])))
        seen_abbr.add(t["abbr"])

    # Groups and sections.
    groups_doc = docs["groups.yaml"]
    group_ids = [g["id"] for g in groups_doc.data["groups"]]
    for i, g in enumerate(groups_doc.data["groups"]):
        if group_ids.index(g["id"]) != i:
            problems.append(groups_doc.problem(("groups", i, "id"), "id.duplicate", got=g["id"], first=_where(groups_doc, ("groups",), "id", g["id"])))
        check_lines(groups_doc, ("groups", i, "source_lines"), g["source_lines"])
    sections_by_group: dict[str, list[Section]] = {g: [] for g in group_ids}
    seen_tasks: dict[str, str] = {}
    order = 0
    for rel in sorted((r for r, k in kinds.items() if k == "section"), key=_section_sort_key):
        doc = docs[rel]
        s = doc.data
        expected_id = SECTION_FILE.match(rel).group(1)  # type: ignore[union-attr]
        if s["id"] != expected_id:
            problems.append(doc.problem(("id",), "id.mismatch", got=s["id"], expected=expected_id, expected_vi=f"tên tệp {rel}", expected_en=f"the file name {rel}"))
            continue
        if s["group"] not in sections_by_group:
            problems.append(doc.problem(("group",), "ref.group", got=s["group"], choices=", ".join(group_ids)))
            continue
        if s["id"] != f"{s['group']}-{s['numeral']}":
            problems.append(doc.problem(("numeral",), "id.mismatch", got=s["id"], expected=f"{s['group']}-{s['numeral']}", expected_vi="nhóm và số La Mã của mục", expected_en="the section's group and numeral"))
            continue
        check_lines(doc, ("source_lines",), s["source_lines"])
        tasks = []
        for i, t in enumerate(s["tasks"]):
            path = ("tasks", i)
            expected_task = f"{s['id']}-{t['number']}"
            if t["id"] != expected_task:
                problems.append(doc.problem(path + ("id",), "id.mismatch", got=t["id"], expected=expected_task, expected_vi="mục và số thứ tự của nhiệm vụ", expected_en="the task's section and number"))
            if t["number"] != i + 1:
                problems.append(doc.problem(path + ("number",), "order.numbering", got=t["number"], expected=i + 1))
            if t["id"] in seen_tasks:
                problems.append(doc.problem(path + ("id",), "id.duplicate", got=t["id"], first=seen_tasks[t["id"]]))
            line, col = doc.mark(path + ("id",))
            seen_tasks.setdefault(t["id"], f"{doc.file}:{line}:{col}")
            for role in ("lead", "coordinating"):
                for j, agency_id in enumerate(t[role]["agencies"]):
                    check_agency(doc, path + (role, "agencies", j), agency_id)
            for j, pair in enumerate(t["source_ranges"]):
                check_lines(doc, path + ("source_ranges", j), pair)
            target_ids: set[str] = set()
            for j, target in enumerate(t.get("targets", ())):
                if target["id"] in target_ids:
                    problems.append(doc.problem(path + ("targets", j, "id"), "id.duplicate", got=target["id"], first=f"{t['id']}.targets"))
                target_ids.add(target["id"])
                if target["unit"] == "percent" and target["value"] > 100:
                    problems.append(doc.problem(path + ("targets", j, "value"), "schema.range", got=target["value"], minimum=0, maximum=100))
            for j, clause in enumerate(t["completion"]):
                rule = clause["rule"]
                if rule["kind"] == "in_quarter" and "quarter" not in rule:
                    problems.append(doc.problem(path + ("completion", j, "rule"), "schema.required", name="quarter"))
            order += 1
            tasks.append(
                Task(
                    id=t["id"],
                    group=s["group"],
                    section=s["id"],
                    number=t["number"],
                    content=_text(t["content"]),
                    lead=Assignment(_text(t["lead"]["text"]), tuple(t["lead"]["agencies"])),
                    coordinating=Assignment(_text(t["coordinating"]["text"]), tuple(t["coordinating"]["agencies"])),
                    outputs=_texts(t["outputs"]),
                    completion=tuple(
                        Clause(
                            _text(c["text"]),
                            Rule(
                                kind=c["rule"]["kind"],
                                quarter=c["rule"].get("quarter"),
                                citation=_text(c["rule"]["citation"]) if c["rule"].get("citation") else None,
                            ),
                        )
                        for c in t["completion"]
                    ),
                    targets=tuple(
                        Target(x["id"], _text(x["metric"]), x["comparator"], x["value"], x["unit"], x["year"]) for x in t.get("targets", ())
                    ),
                    source_ranges=tuple((a, b) for a, b in t["source_ranges"]),
                    confidence=t["confidence"],
                    notes=_texts(t.get("notes")),
                    order=order,
                )
            )
        sections_by_group[s["group"]].append(
            Section(s["id"], s["group"], s["numeral"], _text(s["title"]), tuple(s["source_lines"]), tuple(tasks))  # type: ignore[arg-type]
        )
    groups = []
    for i, g in enumerate(groups_doc.data["groups"]):
        sections = sections_by_group.get(g["id"], [])
        for k, section in enumerate(sections):
            if section.numeral != ROMAN[k]:
                rel = f"tasks/{section.id}.yaml"
                problems.append(docs[rel].problem(("numeral",), "order.numbering", got=section.numeral, expected=ROMAN[k]))
        groups.append(Group(g["id"], _text(g["title"]), tuple(g["source_lines"]), tuple(sections)))  # type: ignore[arg-type]

    # Plan body.
    resp_doc = docs["responsibilities.yaml"]
    items = []
    for i, item in enumerate(resp_doc.data["items"]):
        if item["number"] != i + 1:
            problems.append(resp_doc.problem(("items", i, "number"), "order.numbering", got=item["number"], expected=i + 1))
        for j, agency_id in enumerate(item["agencies"]):
            check_agency(resp_doc, ("items", i, "agencies", j), agency_id)
        check_lines(resp_doc, ("items", i, "source_lines"), item["source_lines"])
        items.append(
            ResponsibilityItem(
                number=item["number"],
                heading=_text(item["heading"]),
                agencies=tuple(item["agencies"]),
                bullets=_texts(item["bullets"]),
                source_lines=tuple(item["source_lines"]),  # type: ignore[arg-type]
                confidence=item["confidence"],
                notes=_texts(item.get("notes")),
            )
        )
    check_lines(resp_doc, ("closing", "source_lines"), resp_doc.data["closing"]["source_lines"])

    # Reporting regime.
    rep_doc = docs["reporting.yaml"]
    rep = rep_doc.data
    if rep["source_task"] not in seen_tasks:
        problems.append(rep_doc.problem(("source_task",), "ref.task", got=rep["source_task"], hint_vi="dùng mã nhiệm vụ có trong plan-data/tasks/", hint_en="use a task id from plan-data/tasks/"))
    check_lines(rep_doc, ("source_lines",), rep["source_lines"])
    tiers = []
    for i, tier in enumerate(rep["tiers"]):
        for j, agency_id in enumerate(tier["from"]):
            check_agency(rep_doc, ("tiers", i, "from", j), agency_id)
        check_agency(rep_doc, ("tiers", i, "to"), tier["to"])
        specs = []
        for j, r in enumerate(tier["reports"]):
            due = r["due"]
            if due["rule"] == "fixed_day" and "month" not in due:
                problems.append(rep_doc.problem(("tiers", i, "reports", j, "due"), "schema.required", name="month"))
                continue
            specs.append(ReportSpec(r["kind"], DueRule(due["rule"], due["day"], due.get("month")), _text(r["text"])))
        tiers.append(ReportingTier(tier["id"], tuple(tier["from"]), tier["to"], _text(tier["text"]), tuple(specs)))

    if problems:
        return None, problems
    plan = Plan(
        meta=meta,
        agencies=tuple(sorted(agencies.values(), key=lambda a: a.id)),
        glossary=glossary,
        groups=tuple(groups),
        responsibilities=tuple(items),
        closing=_text(resp_doc.data["closing"]["text"]),
        reporting=tuple(tiers),
        reporting_task=rep["source_task"],
    )
    return plan, problems


def _section_sort_key(rel: str) -> tuple[str, int]:
    section = SECTION_FILE.match(rel).group(1)  # type: ignore[union-attr]
    group, numeral = section.split("-")
    return (group, ROMAN.index(numeral) if numeral in ROMAN else 99)


def _real_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _close(value: str, choices: list[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return found[0] if found else None


def _where(doc: Document, list_path: tuple, key: str, value: Any) -> str:
    """Where the first item of a list with ``key == value`` stands, as file:line:col."""
    for i, item in enumerate(_get(doc.data, list_path)):
        if isinstance(item, dict) and item.get(key) == value:
            line, col = doc.mark(list_path + (i, key))
            return f"{doc.file}:{line}:{col}"
    return doc.file


def _get(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


def require_plan(root: Path) -> Plan:
    """The plan, or :class:`DataInvalid` carrying every problem (for the site build and tools)."""
    dataset = load_dataset(root)
    if dataset.problems or dataset.plan is None:
        raise DataInvalid(dataset.problems)
    return dataset.plan


class DataInvalid(Exception):
    """plan-data/ has problems; nothing may be published."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in plan-data/")
        self.problems = problems
