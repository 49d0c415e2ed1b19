"""From checked documents to the plan (Dựng mô hình kế hoạch): cross-file checks, then construction.

:func:`plan_problems` finds what a single file's schema cannot see — duplicate ids, references to
agencies, tasks and groups, numbering, source line ranges — and names each at its line and column.
:func:`build_plan` builds the :class:`~partracker.domain.model.Plan` from documents that passed
every check; it checks nothing itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from partracker.domain.model import (
    Agency,
    Assignment,
    Clause,
    ColumnDoubt,
    DueRule,
    GlossaryTerm,
    Group,
    Plan,
    PlanMeta,
    ProbableReading,
    ReportingTier,
    ReportSpec,
    ResponsibilityItem,
    Rule,
    Section,
    Target,
    Task,
)
from partracker.language.folding import comparable
from partracker.language.text import Text
from partracker.reading.errors import Problem, agency_hint, quote
from partracker.reading.yamlload import Document, NodePath

LOST = "[…]"
"""How lost text is written in the data."""

SECTION_FILE = re.compile(r"^tasks/([A-C]-[IVX]+)\.yaml$")
"""Where a section's tasks sit: ``tasks/<section id>.yaml``."""

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
"""Section numerals in order."""

Documents = dict[str, Document]
"""Checked documents by path relative to plan-data/."""


def section_files(kinds: dict[str, str]) -> list[str]:
    """The section files in plan order (group, then numeral)."""

    def order(rel: str) -> tuple[str, int]:
        group, numeral = SECTION_FILE.match(rel).group(1).split("-")  # type: ignore[union-attr]
        return group, ROMAN.index(numeral) if numeral in ROMAN else len(ROMAN)

    return sorted((rel for rel, kind in kinds.items() if kind == "section"), key=order)


# --- cross-file checks ------------------------------------------------------------------------


def plan_problems(docs: Documents, kinds: dict[str, str]) -> list[Problem]:
    """Every problem that spans files or that a schema cannot express, located."""
    source_lines = docs["plan.yaml"].data["source"]["lines"]
    agency_ids = {a["id"] for a in docs["agencies.yaml"].data["agencies"]}
    problems: list[Problem] = []
    problems += _plan_file(docs["plan.yaml"])
    problems += _agencies_file(docs["agencies.yaml"], agency_ids)
    problems += _glossary_file(docs["glossary.yaml"])
    problems += _groups_file(docs["groups.yaml"], source_lines)
    task_ids, found = _section_files(docs, kinds, agency_ids, source_lines)
    problems += found
    problems += _responsibilities_file(docs["responsibilities.yaml"], agency_ids, source_lines)
    problems += _reporting_file(docs["reporting.yaml"], agency_ids, task_ids, source_lines)
    return problems


def _plan_file(doc: Document) -> Iterator[Problem]:
    period = doc.data["period"]
    if period["end_year"] < period["start_year"]:
        yield doc.problem(("period", "end_year"), "schema.range", got=period["end_year"], minimum=period["start_year"], maximum=2100)
    decision = doc.data["decision"]
    date = decision["date"]
    if date is not None and not _real_date(date):
        yield doc.problem(("decision", "date"), "date.invalid", got=date)
    possible = decision.get("possible_dates")
    if possible is None:
        return
    if date is not None:
        yield doc.problem(("decision", "possible_dates"), "decision.possible_dates_with_date", date=date)
    for j, day in enumerate(possible):
        if not _real_date(day):
            yield doc.problem(("decision", "possible_dates", j), "date.invalid", got=day)
        elif decision.get("month") and not day.startswith(decision["month"] + "-"):
            yield doc.problem(("decision", "possible_dates", j), "decision.possible_date_month", got=day, month=decision["month"])
    if possible != sorted(possible):
        yield doc.problem(("decision", "possible_dates"), "decision.possible_dates_order", got=quote(possible), expected=quote(sorted(possible)))


def _agencies_file(doc: Document, agency_ids: set[str]) -> Iterator[Problem]:
    seen: set[str] = set()
    collectives = {a["id"] for a in doc.data["agencies"] if a["kind"] == "collective"}
    # Readers tell agencies apart by name: in each language, no name or short name of one agency may read as one of another's.
    names: dict[tuple[str, str], tuple[str, tuple]] = {}
    for i, a in enumerate(doc.data["agencies"]):
        if a["id"] in seen:
            yield doc.problem(("agencies", i, "id"), "id.duplicate", got=a["id"], first=_where(doc, ("agencies",), "id", a["id"]))
        seen.add(a["id"])
        if a["kind"] == "collective" and "members" not in a:
            yield doc.problem(("agencies", i), "schema.required", name="members")
        for j, member in enumerate(a.get("members", {}).get("ids", ())):
            path = ("agencies", i, "members", "ids", j)
            if member not in agency_ids:
                yield doc.problem(path, "ref.agency", got=member, **agency_hint(member, agency_ids))
            elif member in collectives:
                yield doc.problem(path, "members.collective", got=member)
        for field in ("name", "short"):
            for lang in ("vi", "en"):
                key = (lang, comparable(a[field][lang]))
                path = ("agencies", i, field, lang)
                if key in names and names[key][0] != a["id"]:
                    other, other_path = names[key]
                    line, col = doc.mark(other_path)
                    yield doc.problem(path, "agency.name_taken", got=a[field][lang], other=other, first=f"{doc.file}:{line}:{col}")
                names.setdefault(key, (a["id"], path))


def _glossary_file(doc: Document) -> Iterator[Problem]:
    seen: set[str] = set()
    for i, t in enumerate(doc.data["terms"]):
        if t["abbr"] in seen:
            yield doc.problem(("terms", i, "abbr"), "id.duplicate", got=t["abbr"], first=_where(doc, ("terms",), "abbr", t["abbr"]))
        seen.add(t["abbr"])


def _groups_file(doc: Document, source_lines: int) -> Iterator[Problem]:
    seen: set[str] = set()
    for i, g in enumerate(doc.data["groups"]):
        if g["id"] in seen:
            yield doc.problem(("groups", i, "id"), "id.duplicate", got=g["id"], first=_where(doc, ("groups",), "id", g["id"]))
        seen.add(g["id"])
        yield from _lines(doc, ("groups", i, "source_lines"), g["source_lines"], source_lines)


def _section_files(docs: Documents, kinds: dict[str, str], agency_ids: set[str], source_lines: int) -> tuple[set[str], list[Problem]]:
    """Problems of every section file, and the task ids found."""
    group_ids = [g["id"] for g in docs["groups.yaml"].data["groups"]]
    problems: list[Problem] = []
    first_task: dict[str, tuple[Document, NodePath]] = {}  # where each task id was first written
    numerals: dict[str, list[tuple[str, str]]] = {g: [] for g in group_ids}
    for rel in section_files(kinds):
        doc = docs[rel]
        s = doc.data
        expected_id = SECTION_FILE.match(rel).group(1)  # type: ignore[union-attr]
        if s["id"] != expected_id:
            problems.append(doc.problem(("id",), "id.mismatch", got=s["id"], expected=expected_id, expected_vi=f"tên tệp {rel}", expected_en=f"the file name {rel}"))
            continue
        if s["group"] not in numerals:
            problems.append(doc.problem(("group",), "ref.group", got=s["group"], choices=", ".join(group_ids)))
            continue
        if s["id"] != f"{s['group']}-{s['numeral']}":
            problems.append(doc.problem(("numeral",), "id.mismatch", got=s["id"], expected=f"{s['group']}-{s['numeral']}", expected_vi="nhóm và số La Mã của mục", expected_en="the section's group and numeral"))
            continue
        numerals[s["group"]].append((rel, s["numeral"]))
        problems += _lines(doc, ("source_lines",), s["source_lines"], source_lines)
        for i, t in enumerate(s["tasks"]):
            problems += _task(doc, s["id"], i, t, first_task, agency_ids, source_lines)
    for sections in numerals.values():
        for k, (rel, numeral) in enumerate(sections):
            if numeral != ROMAN[k]:
                problems.append(docs[rel].problem(("numeral",), "order.numbering", got=numeral, expected=ROMAN[k]))
    return set(first_task), problems


def _task(doc: Document, section_id: str, i: int, t: dict[str, Any], first_task: dict[str, tuple[Document, NodePath]], agency_ids: set[str], source_lines: int) -> Iterator[Problem]:
    path = ("tasks", i)
    expected = f"{section_id}-{t['number']}"
    if t["id"] != expected:
        yield doc.problem(path + ("id",), "id.mismatch", got=t["id"], expected=expected, expected_vi="mục và số thứ tự của nhiệm vụ", expected_en="the task's section and number")
    if t["number"] != i + 1:
        yield doc.problem(path + ("number",), "order.numbering", got=t["number"], expected=i + 1)
    if t["id"] in first_task:
        first_doc, first_path = first_task[t["id"]]
        line, col = first_doc.mark(first_path)
        yield doc.problem(path + ("id",), "id.duplicate", got=t["id"], first=f"{first_doc.file}:{line}:{col}")
    first_task.setdefault(t["id"], (doc, path + ("id",)))
    for role in ("lead", "coordinating"):
        for j, agency_id in enumerate(t[role]["agencies"]):
            yield from _agency_ref(doc, path + (role, "agencies", j), agency_id, agency_ids)
        yield from _cell_doubts(doc, path, role, t, agency_ids)
    for j, pair in enumerate(t["source_ranges"]):
        yield from _lines(doc, path + ("source_ranges", j), pair, source_lines)
    target_ids: set[str] = set()
    for j, target in enumerate(t.get("targets", ())):
        if target["id"] in target_ids:
            yield doc.problem(path + ("targets", j, "id"), "id.duplicate", got=target["id"], first=f"{t['id']}.targets")
        target_ids.add(target["id"])
        if (target["value"] is None) != (target["comparator"] is None):
            yield doc.problem(path + ("targets", j), "target.lost_pair")
        elif target["value"] is None and not t.get("notes"):
            yield doc.problem(path + ("targets", j, "value"), "target.lost_without_note")
        if target["unit"] == "percent" and target["value"] is not None and target["value"] > 100:
            yield doc.problem(path + ("targets", j, "value"), "schema.range", got=target["value"], minimum=0, maximum=100)
    for j, clause in enumerate(t["completion"]):
        if clause["rule"]["kind"] == "in_quarter" and "quarter" not in clause["rule"]:
            yield doc.problem(path + ("completion", j, "rule"), "schema.required", name="quarter")


def _cell_doubts(doc: Document, path: tuple, role: str, t: dict[str, Any], agency_ids: set[str]) -> Iterator[Problem]:
    """A cell's probable readings and column doubt: known ids, not already named, lost text marked, fragments within the row."""
    cell = t[role]
    named = {a: f"{r}.agencies" for r in ("coordinating", "lead") for a in t[r]["agencies"]}
    probable_ids: list[str] = []
    for k, reading in enumerate(cell.get("probable", ())):
        here = path + (role, "probable", k)
        for j, agency_id in enumerate(reading["agencies"]):
            if agency_id not in agency_ids:
                yield from _agency_ref(doc, here + ("agencies", j), agency_id, agency_ids)
            elif agency_id in named:
                yield doc.problem(here + ("agencies", j), "probable.already_named", got=agency_id, where=named[agency_id], task=t["id"])
            probable_ids.append(agency_id)
        for key in ("reading", "reasoning"):
            yield from _elided(doc, here + (key,), reading[key])
        for j, fragment in enumerate(reading["fragments"]):
            if not any(first <= fragment["line"] <= last for first, last in t["source_ranges"]):
                ranges = ", ".join(f"{first}–{last}" for first, last in t["source_ranges"])
                yield doc.problem(here + ("fragments", j, "line"), "probable.line_outside", got=fragment["line"], ranges=ranges)
    if "probable" in cell:
        for lang in ("vi", "en"):
            if LOST not in cell["text"][lang]:
                yield doc.problem(path + (role, "text", lang), "probable.not_lost", lang=lang)
    doubt = cell.get("column_uncertain")
    if doubt is not None:
        yield from _elided(doc, path + (role, "column_uncertain", "reasoning"), doubt["reasoning"])
        own = list(dict.fromkeys([*cell["agencies"], *probable_ids]))
        for j, agency_id in enumerate(doubt["agencies"]):
            if agency_id not in own:
                yield doc.problem(path + (role, "column_uncertain", "agencies", j), "column.not_in_cell", got=agency_id, choices=", ".join(own) or "—")


def _elided(doc: Document, path: tuple, text: dict[str, str]) -> Iterator[Problem]:
    """A reading or its reasoning must be written out: "…" only inside the "[…]" that marks lost text."""
    for lang in ("vi", "en"):
        if "…" in text[lang].replace(LOST, ""):
            yield doc.problem(path + (lang,), "text.elided")


def _responsibilities_file(doc: Document, agency_ids: set[str], source_lines: int) -> Iterator[Problem]:
    for i, item in enumerate(doc.data["items"]):
        if item["number"] != i + 1:
            yield doc.problem(("items", i, "number"), "order.numbering", got=item["number"], expected=i + 1)
        for j, agency_id in enumerate(item["agencies"]):
            yield from _agency_ref(doc, ("items", i, "agencies", j), agency_id, agency_ids)
        yield from _lines(doc, ("items", i, "source_lines"), item["source_lines"], source_lines)
    yield from _lines(doc, ("closing", "source_lines"), doc.data["closing"]["source_lines"], source_lines)


def _reporting_file(doc: Document, agency_ids: set[str], task_ids: set[str], source_lines: int) -> Iterator[Problem]:
    data = doc.data
    if data["source_task"] not in task_ids:
        yield doc.problem(("source_task",), "ref.task", got=data["source_task"], hint_vi="dùng mã nhiệm vụ có trong plan-data/tasks/", hint_en="use a task id from plan-data/tasks/")
    yield from _lines(doc, ("source_lines",), data["source_lines"], source_lines)
    for i, tier in enumerate(data["tiers"]):
        for j, agency_id in enumerate(tier["from"]):
            yield from _agency_ref(doc, ("tiers", i, "from", j), agency_id, agency_ids)
        yield from _agency_ref(doc, ("tiers", i, "to"), tier["to"], agency_ids)
        for j, r in enumerate(tier["reports"]):
            if r["due"]["rule"] == "fixed_day" and "month" not in r["due"]:
                yield doc.problem(("tiers", i, "reports", j, "due"), "schema.required", name="month")


def _agency_ref(doc: Document, path: tuple, agency_id: str, agency_ids: set[str]) -> Iterator[Problem]:
    if agency_id not in agency_ids:
        yield doc.problem(path, "ref.agency", got=agency_id, **agency_hint(agency_id, agency_ids))


def _lines(doc: Document, path: tuple, pair: list[int], source_lines: int) -> Iterator[Problem]:
    for j, n in enumerate(pair):
        if n > source_lines:
            yield doc.problem(path + (j,), "source.range", got=n, limit=source_lines)
    if pair[0] > pair[1]:
        yield doc.problem(path, "schema.line_range", got=f"[{pair[0]}, {pair[1]}]")


def _real_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _where(doc: Document, list_path: tuple, key: str, value: Any) -> str:
    """Where the first item of a list with ``key == value`` stands, as file:line:col."""
    items = doc.data
    for part in list_path:
        items = items[part]
    for i, item in enumerate(items):
        if isinstance(item, dict) and item.get(key) == value:
            line, col = doc.mark(list_path + (i, key))
            return f"{doc.file}:{line}:{col}"
    return doc.file


# --- construction -----------------------------------------------------------------------------


def build_plan(docs: Documents, kinds: dict[str, str]) -> Plan:
    """The plan model from documents that passed :func:`plan_problems` and their schemas."""
    tasks_by_section = [(rel, docs[rel].data) for rel in section_files(kinds)]
    order = 0
    sections_by_group: dict[str, list[Section]] = {g["id"]: [] for g in docs["groups.yaml"].data["groups"]}
    for _, s in tasks_by_section:
        tasks = []
        for t in s["tasks"]:
            order += 1
            tasks.append(_build_task(t, s, order))
        sections_by_group[s["group"]].append(Section(s["id"], s["group"], s["numeral"], _text(s["title"]), _pair(s["source_lines"]), tuple(tasks), _texts(s.get("notes"))))
    groups = tuple(Group(g["id"], _text(g["title"]), _pair(g["source_lines"]), tuple(sections_by_group[g["id"]]), _texts(g.get("notes"))) for g in docs["groups.yaml"].data["groups"])
    resp = docs["responsibilities.yaml"].data
    reporting = docs["reporting.yaml"].data
    return Plan(
        meta=_build_meta(docs["plan.yaml"].data),
        agencies=tuple(sorted((_build_agency(a) for a in docs["agencies.yaml"].data["agencies"]), key=lambda a: a.id)),
        glossary=tuple(sorted((GlossaryTerm(abbr=t["abbr"], meaning=Text(vi=t["vi"], en=t["en"])) for t in docs["glossary.yaml"].data["terms"]), key=lambda t: t.abbr)),
        groups=groups,
        responsibilities=tuple(_build_item(item) for item in resp["items"]),
        closing=_text(resp["closing"]["text"]),
        reporting=tuple(_build_tier(tier) for tier in reporting["tiers"]),
        reporting_task=reporting["source_task"],
        reporting_notes=_texts(reporting.get("notes")),
        closing_confidence=resp["closing"]["confidence"],
        closing_notes=_texts(resp["closing"].get("notes")),
    )


def _build_meta(raw: dict[str, Any]) -> PlanMeta:
    decision, signer = raw["decision"], raw["decision"]["signer"]
    return PlanMeta(
        number=decision["number"],
        date=decision["date"],
        month=decision.get("month"),
        date_text=_text(decision["date_text"]),
        issuer=_text(decision["issuer"]),
        signer_name=signer["name"],
        signer_title=_text(signer["title"]),
        signer_on_behalf=_text(signer["on_behalf"]),
        title=_text(raw["title"]),
        appendix_title=_text(raw["appendix_title"]),
        start_year=raw["period"]["start_year"],
        end_year=raw["period"]["end_year"],
        timezone=raw["timezone"],
        source_file=raw["source"]["file"],
        source_lines=raw["source"]["lines"],
        source_description=_text(raw["source"]["description"]),
        notes=_texts(raw.get("notes")),
        possible_dates=tuple(decision.get("possible_dates", ())),
    )


def _build_agency(a: dict[str, Any]) -> Agency:
    members = a.get("members", {})
    return Agency(id=a["id"], kind=a["kind"], name=_text(a["name"]), short=_text(a["short"]), member_kinds=tuple(members.get("kinds", ())), member_ids=tuple(members.get("ids", ())))


def _build_cell(cell: dict[str, Any]) -> Assignment:
    probable = tuple(
        ProbableReading(_text(r["reading"]), tuple(r["agencies"]), r["certainty"], tuple((f["line"], f["ocr"]) for f in r["fragments"]), _text(r["reasoning"]))
        for r in cell.get("probable", ())
    )
    doubt = cell.get("column_uncertain")
    column = ColumnDoubt(tuple(doubt["agencies"]), _text(doubt["reasoning"])) if doubt else None
    return Assignment(_text(cell["text"]), tuple(cell["agencies"]), probable, column)


def _build_task(t: dict[str, Any], section: dict[str, Any], order: int) -> Task:
    return Task(
        id=t["id"],
        group=section["group"],
        section=section["id"],
        number=t["number"],
        content=_text(t["content"]),
        lead=_build_cell(t["lead"]),
        coordinating=_build_cell(t["coordinating"]),
        outputs=_texts(t["outputs"]),
        completion=tuple(_build_clause(c) for c in t["completion"]),
        targets=tuple(Target(x["id"], _text(x["metric"]), x["comparator"], x["value"], x["unit"], x["year"]) for x in t.get("targets", ())),
        source_ranges=tuple(_pair(r) for r in t["source_ranges"]),
        confidence=t["confidence"],
        notes=_texts(t.get("notes")),
        order=order,
    )


def _build_clause(c: dict[str, Any]) -> Clause:
    rule = c["rule"]
    return Clause(_text(c["text"]), Rule(kind=rule["kind"], quarter=rule.get("quarter"), citation=_text(rule["citation"]) if rule.get("citation") else None))


def _build_item(item: dict[str, Any]) -> ResponsibilityItem:
    return ResponsibilityItem(
        number=item["number"],
        heading=_text(item["heading"]),
        agencies=tuple(item["agencies"]),
        bullets=_texts(item["bullets"]),
        source_lines=_pair(item["source_lines"]),
        confidence=item["confidence"],
        notes=_texts(item.get("notes")),
    )


def _build_tier(tier: dict[str, Any]) -> ReportingTier:
    specs = tuple(ReportSpec(r["kind"], DueRule(r["due"]["rule"], r["due"]["day"], r["due"].get("month")), _text(r["text"]), r.get("on_request", False)) for r in tier["reports"])
    return ReportingTier(tier["id"], tuple(tier["from"]), tier["to"], _text(tier["text"]), specs)


def _text(value: dict[str, str]) -> Text:
    return Text(vi=value["vi"], en=value["en"])


def _texts(values: list[dict[str, str]] | None) -> tuple[Text, ...]:
    return tuple(_text(v) for v in values or ())


def _pair(values: list[int]) -> tuple[int, int]:
    return (values[0], values[1])
