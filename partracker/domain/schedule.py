"""The obligation calendar (Lịch nghĩa vụ): completion-time clauses → dated obligations → status.

Three steps, each a pure function of its inputs (the clock is never read; the as-of date is a
parameter):

1. :func:`rules` reads every completion-time clause (Thời gian hoàn thành) of every task as a
   :class:`DeadlineRule`: the verbatim clause beside a bilingual statement of when it falls due.
2. :func:`obligations` materializes the rules, the reporting regime (``Plan.reporting``) and the
   numeric targets into :class:`Obligation` records for every year of the plan period.
3. :func:`assess` gives each obligation a status at an as-of date from the filed progress reports.

Decisions (the published page "How deadlines are computed" says the same):

* **"Trước ngày D" means due on the day before D.** "BC 6 tháng gửi trước ngày 05/6" is due on
  04/6: a report sent on 05/6 is not *before* 05/6. Every regime deadline is computed this way
  (tier 1: quarterly/thematic 4th of the last month of the quarter, six-month 04/6, annual 24/11;
  tier 2: 9th of the last month of the quarter, 09/6, 01/12).
* "Trong quý IV của năm trước liền kề" (plan issued in Q4 of the year before): due 31/12 of
  year Y-1 for plan year Y.
* Any obligation due before the decision existed — before the decision date; while the day is
  lost, before the earliest of its possible dates (else the first day of its known month, else
  1 January of the first plan year) — is ``not_applicable``, with the reason; so the plan for the
  first plan year, due 31/12 of the year before, never counts.
* While the day is lost and several dates of issue remain possible (02, 12 or 22/12/2016), an
  obligation due on or after the earliest but before the latest is **date-dependent**: whether it
  applies depends on the lost day. It keeps its date, is shown with the status ``date_dependent``
  unless a report speaks for it, and is never counted as owed (:func:`par_measures`).
* "Trong quý N năm thực hiện kế hoạch": due on the last day of quarter N of the plan year.
  "Thực hiện thường xuyên hằng năm": due 31/12 of each plan year.
* "Báo cáo kết quả theo định kỳ hằng năm": due on the annual-report day of the agency's
  reporting tier (its own or a collective's it belongs to); no tier → no date.
* "Theo chế độ báo cáo CCHC định kỳ": the task is reported in the periodic reports of the regime;
  those are materialized once, per sending agency, tier, report kind and period (task
  ``Plan.reporting_task``), not again per task.
* "Theo quy định tại Điều … Nghị định …", "Theo lộ trình", "Nhiệm vụ thực hiện theo kế hoạch" and
  clauses that could not be read (``lost_in_source``) have **no date of their own**: the obligation has
  ``due=None`` and shows the citation or the clause; a date is never invented.
* A target with a year ("đến năm 2020") is due 31/12 of that year; a yearly target (year None)
  gives one obligation per plan year.
* Task obligations go to every agency of the lead cell (role ``lead``) and of the coordinating
  cell (role ``coordinating``), then to the agencies a damaged cell probably names
  (``assignment="probable"``: shown to them, flagged, never as certain); ``role_certain`` is False
  where the cell's column is uncertain. A row whose cells name nobody, even probably, gives one
  obligation with ``agency=None`` (id segment ``unassigned``, ``assignment="lost"``) so the
  deadline is still shown.
* Reports made only on request (thematic reports) keep their due rule but give no dated
  obligation: the Decision does not make one due every quarter.

Status semantics (:func:`assess`):

* Only reports submitted on or before the as-of date count. An entry that corrects another
  (``Entry.corrects`` = ``<filing>#<entry id>``) replaces it — from the day the correction was
  submitted, so an earlier as-of date still shows the original. Otherwise the latest entry (by
  ``reported`` date, then submission) is the agency's word. An entry speaks for its task as a whole (entries are per task,
  not per clause) for the plan year of its report's period.
* A date-dependent obligation takes its status from a report that speaks for it (done, not
  applicable, or the reported ``not_started`` / ``in_progress``); otherwise it is
  ``date_dependent`` — never upcoming, due soon, unassessed or overdue.
* No report covering an obligation: ``upcoming`` / ``due_soon`` before the due date, then
  ``not_assessed`` ("no report filed yet") — never ``overdue``: we do not claim an agency failed
  without evidence. Undated obligations without a report are ``not_assessed`` too.
* ``overdue`` only when the latest relevant entry, reported after the due date, still says
  ``not_started`` or ``in_progress``.
* ``done_on_time`` / ``done_late``: the entry's ``completed`` date (else its ``reported`` date)
  compared with the due date; ``done`` when the obligation has no date. Undated obligations whose
  latest entry says ``not_started`` / ``in_progress`` take that status.
* A target whose figure is lost in the source is never judged by a value: an entry that reports
  one gives the status its own ``status`` gives a task obligation.
* A periodic-report obligation is done when its agency filed a :class:`~partracker.domain.model.Report`
  for that period (a supplementary filing ``<period>-2`` counts too; the first filing decides
  timeliness); on time when ``Report.submitted`` <= due. Quarterly and thematic reports of a
  quarter are satisfied by the same filing, since a report file names only its period.
* A periodic report is owed by each sender the regime names and by each registered member of a
  collective sender (:func:`senders`): Sở Tư pháp owes its own quarterly report, satisfied by its own
  filing. Any other obligation of a collective (``so-ban-nganh-tinh``, ``ubnd-cap-huyen``…) is
  satisfied only by reports filed under the collective's own id; a member's own report does not
  speak for the group.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from partracker.domain.model import (
    RULE_KINDS,
    Agency,
    Clause,
    Entry,
    Plan,
    Report,
    ReportingTier,
    ReportSpec,
    Rule,
    Target,
    Task,
    Text,
)
from partracker.domain.periods import period_year, quarter_end
from partracker.domain.progress import (
    Filed,
    by_agency_task,
    effective_entries,
    latest_key,
)

Status = str

STATUSES: tuple[Status, ...] = (
    "overdue",
    "due_soon",
    "upcoming",
    "not_assessed",
    "not_started",
    "in_progress",
    "done_late",
    "done_on_time",
    "done",
    "date_dependent",
    "not_applicable",
)
"""Every status, in the order tables and roll-ups list them."""

DONE_STATUSES = frozenset({"done_on_time", "done_late", "done"})
"""Statuses that mean the work was done."""


# Periods a kind of periodic report is filed for, as suffixes of ``Report.period``.
REPORT_PERIODS: dict[str, tuple[str, ...]] = {
    "quarterly": ("q1", "q2", "q3", "q4"),
    "thematic": ("q1", "q2", "q3", "q4"),
    "six_month": ("h1",),
    "annual": ("year",),
}


@dataclass(frozen=True)
class DeadlineRule:
    """Quy tắc thời hạn — one completion-time clause read as a deadline rule."""

    task: str
    """Task id."""
    index: int
    """Position of the clause in the task's completion cell, from 1."""
    clause: Clause
    """The clause as printed, with its structured rule."""
    dated: bool
    """False when the clause has no date of its own."""


@dataclass(frozen=True)
class Reason:
    """Why an obligation has no date, or does not apply; worded by the ``reason`` family of the label catalogue."""

    code: str
    """``no_date``, ``no_tier``, ``before_decision``, ``before_possible_dates``, ``before_decision_month``, ``before_plan`` or ``date_dependent``."""
    due: dt.date | None = None
    """The due date that falls too early, for the ``before_…`` codes."""


@dataclass(frozen=True)
class Obligation:
    """Nghĩa vụ — one dated (or explicitly undated) thing an agency owes in one plan year."""

    id: str
    """Stable ASCII id: ``<year>/<task>/<what>/<agency>``, e.g. ``2017/A-I-1/plan/so-noi-vu``."""
    what: str
    """What is owed, the same for every agency that owes it: ``plan``, ``q3``, ``target-t1``, ``tier-1-quarterly-q1``…"""
    year: int
    """Plan year it belongs to."""
    task: str
    """Task id (for periodic reports: the task that states the regime)."""
    section: str
    """Section id of the task."""
    group: str
    """Group id of the task."""
    agency: str | None
    """Responsible agency id; None when the source cell is lost."""
    role: str
    """``lead``, ``coordinating`` or the reporting tier id (``tier-1``, ``tier-2``)."""
    kind: str
    """A rule kind of :data:`~partracker.domain.model.RULE_KINDS`, ``periodic_report`` or ``target``."""
    due: dt.date | None
    """Last day to be on time; None when the source gives no date."""
    source: Text
    """The verbatim text it came from: the clause, the regime's sentence or the target's metric."""
    rule: Rule | None = None
    """The clause's structured rule (None for targets)."""
    clause_index: int | None = None
    """Position of the clause in the task's completion cell, from 1."""
    period: str | None = None
    """For periodic reports: the ``Report.period`` it is filed for, e.g. ``2017-q1``."""
    report_kind: str | None = None
    """For periodic reports: quarterly, thematic, six_month or annual."""
    recipient: str | None = None
    """For periodic reports: the agency that receives it."""
    target: Target | None = None
    """For targets: the target."""
    applicable: bool = True
    """False when the obligation could not apply (e.g. due before the decision existed)."""
    reason: Reason | None = None
    """Why it is not applicable, or why it has no date."""
    window: tuple[int, int] = (0, 0)
    """First and last year of the report periods whose entries speak for it."""
    date_dependent: bool = False
    """True when whether it applies depends on the decision's lost day (due between two possible dates of issue)."""
    assignment: str = "certain"
    """Who owes it: ``certain`` (a legible cell), ``probable`` (a probable reading of a damaged cell) or ``lost`` (nobody)."""
    role_certain: bool = True
    """False when the agency's column, lead or coordinating, is uncertain in the source."""

    @property
    def certain(self) -> bool:
        """True when the source names this agency legibly, in a known column, and the obligation applies whatever the lost day."""
        return self.assignment == "certain" and self.role_certain and not self.date_dependent

    @property
    def citation(self) -> Text | None:
        """For ``per_regulation``: the article and instrument cited."""
        return self.rule.citation if self.rule else None


@dataclass(frozen=True)
class Assessment:
    """Đánh giá — an obligation's status at an as-of date, with what decided it."""

    obligation: Obligation
    """The obligation."""
    status: Status
    """One of :data:`STATUSES`."""
    report: Report | None = None
    """The report that decided the status, if any."""
    entry: Entry | None = None
    """The entry that decided the status, if any (None for periodic-report filings)."""
    on: dt.date | None = None
    """The completion or filing date compared with the due date, if any."""


# --- Dates ---------------------------------------------------------------------------


def before(day: dt.date) -> dt.date:
    """The due date of "trước ngày ``day``": the day before it."""
    return day - dt.timedelta(days=1)


def report_due(spec: ReportSpec, year: int, period: str) -> dt.date:
    """Due date of a periodic report of ``spec`` for ``period`` (``q1``…, ``h1``, ``year``) of ``year``."""
    due = spec.due
    if due.rule == "day_of_last_month_of_quarter":
        if not period.startswith("q"):
            raise RuntimeError(f"Report kind {spec.kind!r} has a quarterly due rule but period {period!r}")
        return before(dt.date(year, 3 * int(period[1:]), due.day))
    if due.rule == "fixed_day":
        assert due.month is not None
        return before(dt.date(year, due.month, due.day))
    raise RuntimeError(f"Unknown due rule: {due.rule!r}")


def decision_window(plan: Plan) -> tuple[dt.date, dt.date]:
    """(earliest, latest) day the decision can have been issued.

    The decision date when known; else the earliest and latest of its possible dates; else the
    first day of its known month, else 1 January of the first plan year (then earliest = latest).
    """
    meta = plan.meta
    if meta.date:
        day = dt.date.fromisoformat(meta.date)
        return day, day
    if meta.possible_dates:
        return dt.date.fromisoformat(meta.possible_dates[0]), dt.date.fromisoformat(meta.possible_dates[-1])
    if meta.month:
        # The day is lost but the month is known: the earliest day the decision can have existed.
        year, month = (int(x) for x in meta.month.split("-"))
        return dt.date(year, month, 1), dt.date(year, month, 1)
    day = dt.date(meta.start_year, 1, 1)
    return day, day


def applicability(plan: Plan, due: dt.date | None) -> tuple[bool, bool, Reason | None]:
    """(applicable, date_dependent, reason) of an obligation due on ``due``: the one rule for every kind of obligation."""
    if due is None:
        return True, False, None
    earliest, latest = plan.memo("decision_window", lambda: decision_window(plan))
    if due < earliest:
        return False, False, _too_early(plan, due)
    if due < latest:
        return True, True, Reason("date_dependent", due)
    return True, False, None


# --- Rules ----------------------------------------------------------------------------


def is_dated(rule: Rule) -> bool:
    """True when a clause of ``rule`` gives dated obligations; fails loudly on a kind it does not understand."""
    kind = rule.kind
    if kind not in RULE_KINDS:
        raise RuntimeError(f"Unknown rule kind: {kind!r}")
    if kind == "in_quarter" and rule.quarter not in (1, 2, 3, 4):
        raise RuntimeError(f"in_quarter rule needs a quarter 1-4, got {rule.quarter!r}")
    return kind in ("plan_in_previous_q4", "periodic_reports", "in_quarter", "recurring_annual", "annual_report")


def rules(plan: Plan) -> tuple[DeadlineRule, ...]:
    """Every completion-time clause of every task as a deadline rule, in plan order."""
    out = []
    for task in plan.tasks:
        for i, clause in enumerate(task.completion, start=1):
            out.append(DeadlineRule(task=task.id, index=i, clause=clause, dated=is_dated(clause.rule)))
    return tuple(out)


# --- Obligations ------------------------------------------------------------------------

def _too_early(plan: Plan, due: dt.date) -> Reason:
    """Why an obligation due before the decision existed does not apply."""
    if plan.meta.date:
        return Reason("before_decision", due)
    if plan.meta.possible_dates:
        return Reason("before_possible_dates", due)
    if plan.meta.month:
        return Reason("before_decision_month", due)
    return Reason("before_plan", due)


@dataclass(frozen=True)
class Party:
    """Who owes a task's obligations, in which column, and how sure the source is of it."""

    agency: str | None
    """Agency id; None when the source lost every cell that could name one."""
    role: str
    """``lead`` or ``coordinating``: the column the cell stands in as transcribed."""
    assignment: str = "certain"
    """``certain``, ``probable`` or ``lost`` (see :data:`~partracker.domain.model.ASSIGNMENTS`)."""
    role_certain: bool = True
    """False when the agency's column is uncertain."""


def parties(task: Task) -> tuple[Party, ...]:
    """Who owes a task: certain lead agencies, certain coordinating ones not already listed, then the
    probable lead and probable coordinating ones not already listed; nobody known gives one lost party."""
    out: list[Party] = []
    seen: set[str] = set()
    for assignment in ("certain", "probable"):
        for role, cell in task.cells:
            ids = cell.agencies if assignment == "certain" else cell.probable_agencies
            for agency in ids:
                if agency not in seen:
                    seen.add(agency)
                    out.append(Party(agency, role, assignment, cell.column_certain(agency)))
    return tuple(out) or (Party(None, "lead", "lost"),)


def tier_of(plan: Plan, agency_id: str | None) -> ReportingTier | None:
    """The reporting tier an agency sends in: named itself first, else through a collective it belongs to."""
    if agency_id is None:
        return None
    for tier in plan.reporting:
        if agency_id in tier.senders:
            return tier
    if plan.agency(agency_id).is_collective:
        return None
    collectives = {c.id for c in plan.collectives_of(agency_id)}
    for tier in plan.reporting:
        # The recipient of a tier (Sở Nội vụ) does not report to itself as a member of the senders.
        if collectives & set(tier.senders) and tier.recipient != agency_id:
            return tier
    return None


def _slug(rule: Rule) -> str:
    if rule.kind == "plan_in_previous_q4":
        return "plan"
    if rule.kind == "in_quarter":
        return f"q{rule.quarter}"
    return rule.kind.replace("_", "-")


def _clause_obligations(plan: Plan, task: Task, index: int, clause: Clause, slug: str, year: int) -> list[Obligation]:
    """The obligations of one clause for one plan year (none for ``periodic_reports``)."""
    rule = clause.rule
    kind = rule.kind
    if kind == "periodic_reports":
        return []
    is_dated(rule)  # fails loudly on a kind or quarter it does not understand
    out = []
    for party in parties(task):
        agency = party.agency
        due: dt.date | None = None
        reason = None
        if kind == "plan_in_previous_q4":
            due = dt.date(year - 1, 12, 31)
        elif kind == "in_quarter":
            due = quarter_end(year, rule.quarter or 0)
        elif kind == "recurring_annual":
            due = dt.date(year, 12, 31)
        elif kind == "annual_report":
            tier = tier_of(plan, agency)
            spec = next((s for s in tier.reports if s.kind == "annual"), None) if tier else None
            if spec is None:
                reason = Reason("no_tier")
            else:
                due = report_due(spec, year, "year")
        else:
            reason = Reason("no_date")
        applicable, date_dependent, too_early = applicability(plan, due)
        out.append(
            _obligation(
                task,
                year,
                slug,
                agency,
                role=party.role,
                kind=kind,
                due=due,
                source=clause.text,
                rule=rule,
                clause_index=index,
                applicable=applicable,
                reason=too_early or reason,
                window=(year, year),
                date_dependent=date_dependent,
                assignment=party.assignment,
                role_certain=party.role_certain,
            )
        )
    return out


def _obligation(task: Task, year: int, slug: str, agency: str | None, **fields: Any) -> Obligation:
    """An obligation of ``task`` in ``year``; its id ``<year>/<task>/<slug>/<agency>`` is stable across builds."""
    return Obligation(
        id=f"{year}/{task.id}/{slug}/{agency or 'unassigned'}",
        what=slug,
        year=year,
        task=task.id,
        section=task.section,
        group=task.group,
        agency=agency,
        **fields,
    )


def senders(plan: Plan, tier: ReportingTier) -> tuple[str, ...]:
    """Who sends a tier's reports: the senders the regime names, and each registered member of a collective sender.

    "Sở, ban, ngành tỉnh, UBND cấp huyện gửi Báo cáo về Sở Nội vụ" means every department and every
    district sends its own report; a registered member (Sở Tư pháp) owes it in its own name, and its
    own filing counts. The collective's obligation stays for the members the registry does not name.
    The tier's recipient does not report to itself.
    """
    out = list(tier.senders)
    for sender in tier.senders:
        if plan.agency(sender).is_collective:
            out += [m.id for m in plan.members_of(sender) if not m.is_collective and m.id != tier.recipient and m.id not in out]
    return tuple(out)


def _report_obligations(plan: Plan, year: int) -> list[Obligation]:
    """The periodic reports of the regime for one plan year."""
    task = plan.task(plan.reporting_task)
    out = []
    for tier in plan.reporting:
        for spec in tier.reports:
            if spec.kind not in REPORT_PERIODS:
                raise RuntimeError(f"Unknown report kind: {spec.kind!r}")
            if spec.on_request:
                continue  # made when requested: the Decision dates a request, it does not make one due
            for suffix in REPORT_PERIODS[spec.kind]:
                due = report_due(spec, year, suffix)
                applicable, date_dependent, reason = applicability(plan, due)
                for sender in senders(plan, tier):
                    out.append(
                        _obligation(
                            task,
                            year,
                            f"{tier.id}-{spec.kind.replace('_', '-')}-{suffix}",
                            sender,
                            role=tier.id,
                            kind="periodic_report",
                            due=due,
                            source=spec.text,
                            rule=Rule(kind="periodic_reports"),
                            period=f"{year}-{suffix}",
                            report_kind=spec.kind,
                            recipient=tier.recipient,
                            applicable=applicable,
                            reason=reason,
                            window=(year, year),
                            date_dependent=date_dependent,
                        )
                    )
    return out


def _target_obligations(plan: Plan, task: Task, target: Target) -> list[Obligation]:
    """A dated target once (due 31/12 of its year); a yearly target once per plan year."""
    years = plan.meta.years if target.year is None else (target.year,)
    out = []
    for year in years:
        due = dt.date(year, 12, 31)
        applicable, date_dependent, reason = applicability(plan, due)
        for party in parties(task):
            out.append(
                _obligation(
                    task,
                    year,
                    f"target-{target.id}",
                    party.agency,
                    role=party.role,
                    kind="target",
                    due=due,
                    source=target.metric,
                    target=target,
                    # A target "by 2020" may be met in any earlier year of the period.
                    window=(year, year) if target.year is None else (plan.meta.start_year, year),
                    applicable=applicable,
                    reason=reason,
                    date_dependent=date_dependent,
                    assignment=party.assignment,
                    role_certain=party.role_certain,
                )
            )
    return out


def sort_key(ob: Obligation) -> tuple[int, dt.date, str]:
    """Due date, then id; undated obligations last."""
    return (ob.due is None, ob.due or dt.date.min, ob.id)


def obligations(plan: Plan) -> tuple[Obligation, ...]:
    """Every obligation of every plan year, sorted by due date then id (undated last)."""
    out: list[Obligation] = []
    for year in plan.meta.years:
        for task in plan.tasks:
            slugs = [_slug(c.rule) for c in task.completion]
            for index, clause in enumerate(task.completion, start=1):
                slug = slugs[index - 1]
                if slugs.count(slug) > 1:
                    # Two clauses of one kind in a task: number them so the ids stay distinct.
                    slug = f"{slug}-{slugs[:index].count(slug)}"
                out += _clause_obligations(plan, task, index, clause, slug, year)
        out += _report_obligations(plan, year)
    for task in plan.tasks:
        for target in task.targets:
            out += _target_obligations(plan, task, target)
    ids = [o.id for o in out]
    if len(ids) != len(set(ids)):
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        raise RuntimeError(f"Duplicate obligation ids: {dupes[:5]}")
    return tuple(sorted(out, key=sort_key))


# --- Status -------------------------------------------------------------------------------


def _iso(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _by_date(due: dt.date | None, as_of: dt.date, due_soon_days: int) -> Status:
    """Status from the calendar alone, when no report speaks for the obligation."""
    if due is None or as_of > due:
        return "not_assessed"
    return "due_soon" if (due - as_of).days <= due_soon_days else "upcoming"


# What the calendar alone says, or an open entry read against the due date: neither can be said of an
# obligation that may not apply at all.
_CALENDAR_STATUSES = frozenset({"upcoming", "due_soon", "not_assessed", "overdue"})


def _assess_one(ob: Obligation, entries: dict[tuple[str, str], tuple[Filed, ...]], filings: dict[tuple[str, str], Report], as_of: dt.date, due_soon_days: int) -> Assessment:
    found = _assess_by_evidence(ob, entries, filings, as_of, due_soon_days)
    if ob.date_dependent and found.status in _CALENDAR_STATUSES:
        # A report that exists is a fact; without one, only "depends on the decision's date" is true.
        reported = found.entry.status if found.entry is not None and found.entry.status in ("not_started", "in_progress") else "date_dependent"
        return Assessment(ob, reported, found.report, found.entry, found.on)
    return found


def _assess_by_evidence(ob: Obligation, entries: dict[tuple[str, str], tuple[Filed, ...]], filings: dict[tuple[str, str], Report], as_of: dt.date, due_soon_days: int) -> Assessment:
    if not ob.applicable:
        return Assessment(ob, "not_applicable")
    if ob.kind == "periodic_report":
        report = filings.get((ob.agency or "", ob.period or ""))
        if report is None:
            return Assessment(ob, _by_date(ob.due, as_of, due_soon_days))
        on = _iso(report.submitted)
        assert ob.due is not None
        return Assessment(ob, "done_on_time" if on <= ob.due else "done_late", report=report, on=on)
    first, last = ob.window
    pairs = [p for p in entries.get((ob.agency or "", ob.task), ()) if first <= period_year(p[0].period) <= last]
    if ob.kind == "target":
        assert ob.target is not None
        tid = ob.target.id
        pairs = [p for p in pairs if any(k == tid for k, _ in p[1].target_values)]
        if not pairs:
            return Assessment(ob, _by_date(ob.due, as_of, due_soon_days))
        report, entry = max(pairs, key=latest_key)
        if ob.target.value_lost:
            # No figure to judge the value against: the entry's own status says whether it was done.
            return _from_entry(ob, report, entry, as_of, due_soon_days)
        value = dict(entry.target_values)[tid]
        reported = _iso(entry.reported)
        if ob.target.is_met_by(value):
            on = _iso(entry.completed) if entry.completed else reported
            assert ob.due is not None
            return Assessment(ob, "done_on_time" if on <= ob.due else "done_late", report, entry, on)
        status = "overdue" if ob.due is not None and reported > ob.due else _by_date(ob.due, as_of, due_soon_days)
        return Assessment(ob, status, report, entry, reported)
    if not pairs:
        return Assessment(ob, _by_date(ob.due, as_of, due_soon_days))
    report, entry = max(pairs, key=latest_key)
    return _from_entry(ob, report, entry, as_of, due_soon_days)


def _from_entry(ob: Obligation, report: Report, entry: Entry, as_of: dt.date, due_soon_days: int) -> Assessment:
    """The status an agency's latest entry gives an obligation, by the entry's own status."""
    reported = _iso(entry.reported)
    if entry.status == "not_applicable":
        return Assessment(ob, "not_applicable", report, entry, reported)
    if entry.status == "done":
        on = _iso(entry.completed) if entry.completed else reported
        if ob.due is None:
            return Assessment(ob, "done", report, entry, on)
        return Assessment(ob, "done_on_time" if on <= ob.due else "done_late", report, entry, on)
    if ob.due is None:
        return Assessment(ob, entry.status, report, entry, reported)
    if reported > ob.due:
        return Assessment(ob, "overdue", report, entry, reported)
    return Assessment(ob, _by_date(ob.due, as_of, due_soon_days), report, entry, reported)


def assess(plan: Plan, items: Iterable[Obligation], reports: Iterable[Report], *, as_of: dt.date, due_soon_days: int = 30) -> tuple[Assessment, ...]:
    """The status of each obligation at ``as_of`` from the reports filed by then, in the obligations' order."""
    reports = tuple(reports)
    entries = by_agency_task(effective_entries(reports, as_of=as_of))
    filings: dict[tuple[str, str], Report] = {}
    for r in sorted(reports, key=lambda r: (r.submitted, r.file)):
        if _iso(r.submitted) <= as_of:
            filings.setdefault((r.agency, r.period), r)  # the first filing decides timeliness
    return tuple(_assess_one(o, entries, filings, as_of, due_soon_days) for o in items)


# --- Roll-ups and PAR INDEX measures -----------------------------------------------------


def by_task(a: Assessment) -> str:
    """Roll-up key: the task id."""
    return a.obligation.task


def by_section(a: Assessment) -> str:
    """Roll-up key: the section id."""
    return a.obligation.section


def by_group(a: Assessment) -> str:
    """Roll-up key: the group id."""
    return a.obligation.group


def by_agency(a: Assessment) -> str:
    """Roll-up key: the agency id (``unassigned`` when the source cell is lost)."""
    return a.obligation.agency or "unassigned"


def by_year(a: Assessment) -> str:
    """Roll-up key: the plan year."""
    return str(a.obligation.year)


def rollup(assessments: Iterable[Assessment], key: Callable[[Assessment], str] = by_task) -> dict[str, dict[Status, int]]:
    """Counts by status (every status, zeros included, in :data:`STATUSES` order) per key, keys sorted."""
    out: dict[str, dict[Status, int]] = {}
    for a in assessments:
        counts = out.setdefault(key(a), dict.fromkeys(STATUSES, 0))
        counts[a.status] += 1
    return {k: out[k] for k in sorted(out)}


@dataclass(frozen=True)
class ParMeasures:
    """PAR INDEX-style measures of one plan year."""

    year: int
    """Plan year."""
    tasks_total: int
    """Tasks with at least one applicable task obligation that year."""
    tasks_done: int
    """Of those, tasks whose every applicable task obligation is done."""
    tasks_unknown: int
    """Tasks not done for which no report shows them late or not done (no evidence either way)."""
    share: float
    """tasks_done / tasks_total (0 when there are none): a lower bound while tasks_unknown > 0."""
    band: str
    """Band of ``share``, the share evidenced by reports: ``above_90`` (> 90%), ``70_90`` (70–90%) or ``below_70`` (< 70%)."""
    band_settled: bool
    """True when the tasks without evidence could not move the share into another band."""
    reports_total: int
    """Applicable periodic-report obligations that year."""
    reports_on_time: int
    """Of those, filed on time."""
    all_reports_on_time: bool | None
    """True when every one was filed on time, False when one was late, None while any is still open or unassessed."""


def band(share: float) -> str:
    """The completion band of a share between 0 and 1."""
    if share > 0.9:
        return "above_90"
    if share >= 0.7:
        return "70_90"
    return "below_70"


def par_measures(plan: Plan, assessments: Iterable[Assessment], year: int) -> ParMeasures:
    """Share of the year's plan tasks completed (targets excluded: they measure outcomes) and report timeliness.

    A task counts as completed when every applicable task obligation of the year is done (on
    time, late, or undated). Date-dependent obligations are left out whatever their status. ``band`` is the band of the share that reports evidence; a page
    should present it as settled only when ``band_settled`` (missing reports could not change it).
    """
    if year not in plan.meta.years:
        raise ValueError(f"{year} is not a year of the plan ({plan.meta.start_year}–{plan.meta.end_year})")
    # An obligation that may not apply (the decision's day is lost) is never counted as owed.
    of_year = [a for a in assessments if a.obligation.year == year and a.status != "not_applicable" and not a.obligation.date_dependent]
    per_task: dict[str, list[Assessment]] = {}
    for a in of_year:
        if a.obligation.kind not in ("periodic_report", "target"):
            per_task.setdefault(a.obligation.task, []).append(a)
    done = sum(1 for items in per_task.values() if all(a.status in DONE_STATUSES for a in items))
    # A task is known not done only when a report says so; otherwise it may yet be done.
    known_open = sum(1 for items in per_task.values() if any(a.status in ("overdue", "not_started", "in_progress") for a in items))
    total = len(per_task)
    unknown = total - done - known_open
    share = done / total if total else 0.0
    upper = (done + unknown) / total if total else 0.0
    settled = band(share) == band(upper)
    filings = [a for a in of_year if a.obligation.kind == "periodic_report"]
    on_time = sum(1 for a in filings if a.status == "done_on_time")
    if any(a.status == "done_late" for a in filings):
        all_on_time: bool | None = False
    elif on_time == len(filings):
        all_on_time = True
    else:
        all_on_time = None
    return ParMeasures(year, total, done, unknown, share, band(share), settled, len(filings), on_time, all_on_time)


def agencies_without_obligations(plan: Plan, items: Iterable[Obligation]) -> tuple[Agency, ...]:
    """Registered agencies that owe nothing themselves (not counting their collectives), sorted by id."""
    owing = {o.agency for o in items}
    return tuple(a for a in plan.agencies if a.id not in owing)
