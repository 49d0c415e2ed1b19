"""The plan as frozen data classes, in the plan's own words.

Everything here is built from validated data by :mod:`partracker.reading.plan_builder`; nothing in this
module reads files, the clock or the environment. Collections are tuples sorted by id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from partracker.language.text import Text

# --- The plan's vocabularies: every code a file may use, in the order pages list them. ---------

AGENCY_KINDS: tuple[str, ...] = (
    "provincial_committee",
    "provincial_department",
    "provincial_office",
    "district_committee",
    "commune_committee",
    "media",
    "public_service_unit",
    "collective",
)
"""Kinds of agency in the registry; a collective names the kinds of its members."""

RULE_KINDS: tuple[str, ...] = (
    "plan_in_previous_q4",
    "periodic_reports",
    "in_quarter",
    "recurring_annual",
    "per_plan",
    "annual_report",
    "per_regulation",
    "per_roadmap",
    "lost_in_source",
)
"""How a completion-time clause (Thời gian hoàn thành) reads as a deadline rule."""

REPORT_KINDS: tuple[str, ...] = ("quarterly", "thematic", "six_month", "annual")
"""Kinds of periodic report in the reporting regime."""

ROLES: tuple[str, ...] = ("lead", "coordinating")
"""An agency's role in a task: Đơn vị chủ trì (lead) or Đơn vị phối hợp/thực hiện (coordinating)."""

CONFIDENCES: tuple[str, ...] = ("high", "medium", "low")
"""How sure the transcription of a row is."""

COMPARATORS: tuple[str, ...] = ("eq", "gt", "gte")
"""How a numeric target compares: equal to, more than, at least."""

ASSIGNMENTS: tuple[str, ...] = ("certain", "probable", "lost")
"""How sure it is who owes an obligation: named in a legible cell, named by a probable reading of a damaged cell, or nobody (the cell is lost)."""


@dataclass(frozen=True)
class Agency:
    """Đơn vị — an agency, or a collective of agencies the plan names as one actor."""

    id: str
    """Stable ASCII slug."""
    kind: str
    """provincial_committee, provincial_department, provincial_office, district_committee, commune_committee, media, public_service_unit or collective."""
    name: Text
    """Full official name."""
    short: Text
    """Short name used in tables."""
    member_kinds: tuple[str, ...] = ()
    """For a collective: every registered agency of these kinds belongs to it."""
    member_ids: tuple[str, ...] = ()
    """For a collective: registered agencies that belong to it by name, whatever their kind."""

    def has_member(self, agency: Agency) -> bool:
        """For a collective: whether a registered (non-collective) agency belongs to it, by id or by kind."""
        return not agency.is_collective and (agency.id in self.member_ids or agency.kind in self.member_kinds)

    @property
    def is_collective(self) -> bool:
        """True for a group actor such as "Sở, ban, ngành tỉnh"."""
        return self.kind == "collective"


@dataclass(frozen=True)
class GlossaryTerm:
    """Thuật ngữ viết tắt — an abbreviation used in the decision."""

    abbr: str
    """The abbreviation as printed."""
    meaning: Text
    """Its expansion (vi) and meaning (en)."""


@dataclass(frozen=True)
class ProbableReading:
    """Cách đọc có khả năng — what a damaged agency cell most likely names, with the evidence; never shown as certain."""

    reading: Text
    """The proposed reading of the lost words."""
    agencies: tuple[str, ...]
    """Registry ids the reading names (never also among the cell's certain ids)."""
    certainty: str
    """high, medium or low: how likely the reading is (high: near certain from the table's structure, yet not legible)."""
    fragments: tuple[tuple[int, str], ...]
    """(seed line, OCR text as printed) the reading rests on; the text may be empty where the OCR shows nothing."""
    reasoning: Text
    """Why the fragments and the context point to these agencies."""


@dataclass(frozen=True)
class ColumnDoubt:
    """Agencies of a cell that may stand in the other column (lead instead of coordinating, or the reverse)."""

    agencies: tuple[str, ...]
    """Ids of the cell (certain or probable) whose column is uncertain."""
    reasoning: Text
    """Why the column cannot be told."""


@dataclass(frozen=True)
class Assignment:
    """A lead (Đơn vị chủ trì) or coordinating (Đơn vị phối hợp/thực hiện) cell."""

    text: Text
    """The cell as printed."""
    agencies: tuple[str, ...]
    """Registry ids the cell names legibly, in cell order."""
    probable: tuple[ProbableReading, ...] = ()
    """Probable readings of the cell's lost words, most likely first."""
    column_uncertain: ColumnDoubt | None = None
    """Agencies of the cell whose column is uncertain, with the reason."""

    @property
    def probable_agencies(self) -> tuple[str, ...]:
        """Ids named by the probable readings, each once, in reading order."""
        return tuple(dict.fromkeys(a for r in self.probable for a in r.agencies))

    def column_certain(self, agency_id: str) -> bool:
        """False when the agency may belong to the other column."""
        return self.column_uncertain is None or agency_id not in self.column_uncertain.agencies


@dataclass(frozen=True)
class Rule:
    """The structured reading of a completion-time clause (Thời gian hoàn thành)."""

    kind: str
    """plan_in_previous_q4, periodic_reports, in_quarter, recurring_annual, per_plan, annual_report, per_regulation, per_roadmap or lost_in_source (the clause is illegible in the OCR: no date is derived)."""
    quarter: int | None = None
    """For ``in_quarter``: the quarter of the plan year."""
    citation: Text | None = None
    """For ``per_regulation``: the article and instrument cited."""


@dataclass(frozen=True)
class Clause:
    """One completion-time clause, verbatim, with its rule."""

    text: Text
    """The clause as printed."""
    rule: Rule
    """How it becomes dated obligations."""


@dataclass(frozen=True)
class Target:
    """Chỉ tiêu — a numeric target stated in a task."""

    id: str
    """t1, t2, … within the task."""
    metric: Text
    """What is measured."""
    comparator: str | None
    """eq, gt or gte; None when the figure is lost in the source."""
    value: float | None
    """The target value; None when the figure is lost in the source."""
    unit: str
    """percent, …"""
    year: int | None
    """Year by which it must be met; None when it applies every year."""

    @property
    def value_lost(self) -> bool:
        """True when the source shows the target but not its figure: no value can be judged against it."""
        return self.value is None

    def is_met_by(self, value: float) -> bool:
        """Whether a reported value meets the target; never asked of a target whose figure is lost."""
        if self.value is None:
            raise ValueError(f"Target {self.id} has no figure (lost in the source): a reported value cannot meet it")
        if self.comparator == "gt":
            return value > self.value
        if self.comparator == "gte":
            return value >= self.value
        if self.comparator == "eq":
            return value == self.value
        raise ValueError(f"Expected one of {COMPARATORS} but received: {self.comparator!r}")


@dataclass(frozen=True)
class Task:
    """Nhiệm vụ — one row of the appendix table."""

    id: str
    """``A-I-1``: group, section numeral, number."""
    group: str
    """Group id (A, B, C)."""
    section: str
    """Section id (``A-I``)."""
    number: int
    """Number in the TT column."""
    content: Text
    """Nội dung thực hiện."""
    lead: Assignment
    """Đơn vị chủ trì."""
    coordinating: Assignment
    """Đơn vị phối hợp/thực hiện."""
    outputs: tuple[Text, ...]
    """Sản phẩm đầu ra."""
    completion: tuple[Clause, ...]
    """Thời gian hoàn thành."""
    targets: tuple[Target, ...]
    """Numeric targets."""
    source_ranges: tuple[tuple[int, int], ...]
    """Seed line ranges the row was read from."""
    confidence: str
    """high, medium or low: how sure the transcription is."""
    notes: tuple[Text, ...]
    """OCR doubts and reconciliations."""
    order: int = 0
    """Position in the plan, for stable ordering."""

    @property
    def slug(self) -> str:
        """URL-safe id."""
        return self.id.lower()

    @property
    def cells(self) -> tuple[tuple[str, Assignment], ...]:
        """(role, cell): the lead cell, then the coordinating cell."""
        return (("lead", self.lead), ("coordinating", self.coordinating))


@dataclass(frozen=True)
class Section:
    """Mục — a section (I–VIII) of a group."""

    id: str
    """``A-I``."""
    group: str
    """Group id."""
    numeral: str
    """Roman numeral as printed."""
    title: Text
    """Heading."""
    source_lines: tuple[int, int]
    """Seed lines of the heading."""
    tasks: tuple[Task, ...]
    """Its tasks in table order."""
    notes: tuple[Text, ...] = ()
    """Doubts about the heading (e.g. a numeral read from the order of the sections)."""

    @property
    def slug(self) -> str:
        """URL-safe id."""
        return self.id.lower()


@dataclass(frozen=True)
class Group:
    """Nhóm tiêu chí — group A, B or C."""

    id: str
    """A, B or C."""
    title: Text
    """Heading."""
    source_lines: tuple[int, int]
    """Seed lines of the heading."""
    sections: tuple[Section, ...]
    """Its sections in table order."""
    notes: tuple[Text, ...] = ()
    """Doubts about the heading (e.g. a letter not visible in the source)."""


@dataclass(frozen=True)
class ResponsibilityItem:
    """Trách nhiệm — a numbered item of the plan body, per agency."""

    number: int
    """Item number as printed."""
    heading: Text
    """Heading as printed, or ``[…]`` when lost."""
    agencies: tuple[str, ...]
    """Registry ids the heading names."""
    bullets: tuple[Text, ...]
    """The item's paragraphs."""
    source_lines: tuple[int, int]
    """Seed lines."""
    confidence: str
    """high, medium or low."""
    notes: tuple[Text, ...]
    """Doubts."""


@dataclass(frozen=True)
class DueRule:
    """When a periodic report falls due."""

    rule: str
    """``day_of_last_month_of_quarter`` or ``fixed_day``."""
    day: int
    """Day of month; the report is due before this day (see docs: due date is the day before)."""
    month: int | None = None
    """For ``fixed_day``: the month."""


@dataclass(frozen=True)
class ReportSpec:
    """Một loại báo cáo — one kind of periodic report in a tier."""

    kind: str
    """quarterly, thematic, six_month or annual."""
    due: DueRule
    """When it is due."""
    text: Text
    """The clause as printed."""
    on_request: bool = False
    """Made only when requested (thematic reports): its deadline applies to a request, no dated obligation is generated."""


@dataclass(frozen=True)
class ReportingTier:
    """Cấp báo cáo — who reports to whom."""

    id: str
    """tier-1, tier-2."""
    senders: tuple[str, ...]
    """Agency ids that send."""
    recipient: str
    """Agency id that receives."""
    text: Text
    """The regime's sentence as printed."""
    reports: tuple[ReportSpec, ...]
    """Report kinds and due rules."""


@dataclass(frozen=True)
class PlanMeta:
    """Decision and plan metadata."""

    number: str
    """Decision number, ``934/QĐ-UBND``."""
    date: str | None
    """ISO date when known."""
    month: str | None
    """``YYYY-MM`` month of issue when only the month is known."""
    date_text: Text
    """The date as far as the source shows it."""
    issuer: Text
    """Issuing body."""
    signer_name: str
    """Who signed."""
    signer_title: Text
    """Their title."""
    signer_on_behalf: Text
    """TM. … line."""
    title: Text
    """Plan title."""
    appendix_title: Text
    """Appendix title."""
    start_year: int
    """First plan year."""
    end_year: int
    """Last plan year."""
    timezone: str
    """IANA time zone of all dates."""
    source_file: str
    """Seed file the plan was transcribed from."""
    source_lines: int
    """Lines in that file."""
    source_description: Text
    """What part of the decision the source holds."""
    notes: tuple[Text, ...]
    """Doubts about the metadata."""
    possible_dates: tuple[str, ...] = ()
    """When the source lost part of the day: every ISO date of issue it still allows, ascending."""

    @property
    def years(self) -> tuple[int, ...]:
        """Every plan year."""
        return tuple(range(self.start_year, self.end_year + 1))


@dataclass(frozen=True)
class Plan:
    """Kế hoạch — the whole plan as loaded from plan-data/."""

    meta: PlanMeta
    """Decision metadata."""
    agencies: tuple[Agency, ...]
    """Registry, sorted by id."""
    glossary: tuple[GlossaryTerm, ...]
    """Abbreviations, sorted."""
    groups: tuple[Group, ...]
    """A, B, C with sections and tasks."""
    responsibilities: tuple[ResponsibilityItem, ...]
    """Plan body items."""
    closing: Text
    """Closing paragraph of the plan body."""
    reporting: tuple[ReportingTier, ...]
    """Two-tier reporting regime."""
    reporting_task: str
    """Task whose completion cell states the regime."""
    reporting_notes: tuple[Text, ...] = ()
    """Doubts about the reporting regime's reading."""
    closing_confidence: str = "high"
    """How sure the transcription of the closing paragraph is."""
    closing_notes: tuple[Text, ...] = ()
    """Doubts about the closing paragraph."""
    _index: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    @property
    def sections(self) -> tuple[Section, ...]:
        """All sections in plan order."""
        return self.memo("sections", lambda: tuple(s for g in self.groups for s in g.sections))  # type: ignore[no-any-return]

    @property
    def tasks(self) -> tuple[Task, ...]:
        """All tasks in plan order."""
        return self.memo("tasks", lambda: tuple(t for s in self.sections for t in s.tasks))  # type: ignore[no-any-return]

    def task(self, task_id: str) -> Task:
        """The task with this id."""
        return self._lookup("task:", task_id)  # type: ignore[return-value]

    def agency(self, agency_id: str) -> Agency:
        """The agency with this id."""
        return self._lookup("agency:", agency_id)  # type: ignore[return-value]

    def section(self, section_id: str) -> Section:
        """The section with this id."""
        return self._lookup("section:", section_id)  # type: ignore[return-value]

    def _lookup(self, prefix: str, key: str) -> object:
        if "indexed" not in self._index:  # built on first use; the plan never changes after that
            self._index["indexed"] = True
            for t in self.tasks:
                self._index["task:" + t.id] = t
            for a in self.agencies:
                self._index["agency:" + a.id] = a
            for s in self.sections:
                self._index["section:" + s.id] = s
        try:
            return self._index[prefix + key]
        except KeyError:
            raise KeyError(f"Unknown {prefix[:-1]}: {key!r}") from None

    def memo(self, key: str, compute: Any) -> Any:
        """A value derived from the plan, computed once: the plan never changes after loading."""
        key = "memo:" + key
        if key not in self._index:
            self._index[key] = compute()
        return self._index[key]

    def collectives_of(self, agency_id: str) -> tuple[Agency, ...]:
        """The collectives this agency belongs to (named in ``members.ids`` or of a kind in ``members.kinds``), sorted by id."""
        agency = self.agency(agency_id)
        return self.memo(f"collectives_of:{agency_id}", lambda: tuple(a for a in self.agencies if a.is_collective and a.has_member(agency)))  # type: ignore[return-value]

    def members_of(self, collective_id: str) -> tuple[Agency, ...]:
        """Registered agencies belonging to a collective, sorted by id."""
        collective = self.agency(collective_id)
        return tuple(a for a in self.agencies if collective.has_member(a))


# --- Progress reports (Báo cáo tiến độ) -------------------------------------------------
# Files: plan-data/progress/<agency-id>/<period>.yaml — see partracker/reading/reportfiles.py for the format.

REPORT_STATUSES = ("not_started", "in_progress", "done", "not_applicable")
"""Vocabulary of an entry's status, as an agency reports it."""


@dataclass(frozen=True)
class Evidence:
    """Minh chứng — a document that backs an entry."""

    document: str
    """Document number as issued, e.g. ``123/QĐ-UBND``."""
    date: str | None
    """ISO date of the document."""
    url: str | None
    """https link to it, if published."""


@dataclass(frozen=True)
class Entry:
    """One reported fact about one task in a report file."""

    id: str
    """Entry id, unique within its file (``e1``…)."""
    task: str
    """Task id."""
    status: str
    """One of :data:`REPORT_STATUSES`."""
    percent: float | None
    """Percent complete, 0–100."""
    target_values: tuple[tuple[str, float], ...]
    """(target id, value reached), sorted by target id."""
    evidence: tuple[Evidence, ...]
    """Documents that back it."""
    note: Text | None
    """Explanation: Vietnamese, and English when the report or a later translation gives it (``''`` until then)."""
    reported: str
    """ISO date the fact was reported."""
    completed: str | None
    """ISO date the work was finished, for status ``done``."""
    corrects: str | None
    """Reference ``<filing>#<entry id>`` of the entry this one corrects, or None (see :mod:`partracker.domain.progress`)."""


@dataclass(frozen=True)
class Report:
    """Báo cáo — one agency's filing for one reporting period."""

    agency: str
    """Reporting agency id."""
    period: str
    """``2017-q1`` … ``2017-q4``, ``2017-h1`` (six months) or ``2017-year`` (annual)."""
    file: str
    """Path relative to plan-data/."""
    submitted: str
    """ISO date the report was sent."""
    entries: tuple[Entry, ...]
    """Entries in file order."""
    demo: bool = False
    """True for sample data that must never be published as real."""
    published: str | None = None
    """ISO date the file first reached the main branch (Ngày công bố), read from git; None when unknown (no history, not yet committed, sample data)."""

    @property
    def filing(self) -> str:
        """The file's name without ``.yaml``: the period, or ``<period>-<n>`` for a supplementary report."""
        return self.file.rsplit("/", 1)[-1].removesuffix(".yaml")
