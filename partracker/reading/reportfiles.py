"""Progress report files (Tệp báo cáo tiến độ): their names, their checks, and the reports they hold.

An agency files one YAML file per reporting period at ``plan-data/progress/<agency>/<period>.yaml``
(see :mod:`partracker.domain.periods` for periods and supplements, and
:mod:`partracker.reading.schemas` for the format). Files are checked here; which entries count
once corrections apply is decided in :mod:`partracker.domain.progress`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from partracker.domain.duties import duties
from partracker.domain.model import Entry, Evidence, Plan, Report
from partracker.domain.periods import (
    FILING_RE,
    filing_key,
    filing_period,
    period_bounds,
    quarter_end,
    quarter_of,
)
from partracker.domain.progress import report_sort_key
from partracker.language.text import Text
from partracker.reading import checks
from partracker.reading.errors import (
    DATE_WINDOWS,
    FIELD_NAMES,
    PLACES,
    DataInvalid,
    Problem,
    agency_hint,
    quote,
)
from partracker.reading.files import display_path, read, symlink_problem
from partracker.reading.yamlload import NodePath, format_path

REPORT_PATH = re.compile(r"^progress/(?P<agency>[^/]+)/(?P<name>[^/]+)$")
"""Where a report file sits under plan-data/."""


def next_supplement(agency_dir: Path, period: str) -> str:
    """The first free supplementary file name for ``period`` in an agency folder (``2017-q1-2.yaml``)."""
    n = 2
    while (agency_dir / f"{period}-{n}.yaml").exists() or (agency_dir / f"{period}-{n}.yaml").is_symlink():
        n += 1
    return f"{period}-{n}.yaml"


def _real_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


@functools.lru_cache(maxsize=1024)
def filing_window(filing: str) -> tuple[dt.date, dt.date | None]:
    """The days a filing may be dated (its ``submitted`` and each entry's ``reported``): first and last, None for no end.

    The reporting regime has a period's report sent before its end (a quarter's before the 5th of its last
    month, the six-month report before 5 June, the annual one before 25 November), so a report is dated
    from the first day of its period. A late report is still a report on that period until the end of the
    following quarter (a Q1 report by 30 June, a six-month report by 30 September, an annual report by
    31 March of the next year); a date after that is a typing mistake or a correction, and a correction
    is a supplement (``2017-q1-2``), which may be dated any time after the period began.
    """
    m = FILING_RE.match(filing)
    if not m:
        raise ValueError(f"Expected a filing name such as '2017-q1' or '2017-q1-2' but received: {filing!r}")
    first, last = period_bounds(m.group("period"))
    if m.group("seq"):
        return first, None
    quarter = quarter_of(last)
    return first, quarter_end(last.year + 1, 1) if quarter == 4 else quarter_end(last.year, quarter + 1)


def date_problem(value: str, *, as_of: dt.date | None, filing: str | None = None, supplement: str = "") -> tuple[str, dict[str, Any]] | None:
    """The one rule for a date of a report: real, not after the as-of date, and — for the date a report is
    submitted or an entry reported (``filing`` given) — within the filing's window (:func:`filing_window`).

    Used by the validator, the site build (through the validator) and ``new-report``; returns the problem's
    code and values, or None when the date is fine.
    """
    day = _real_date(value)
    if day is None:
        return "date.invalid", {"got": quote(value)}
    if as_of is not None and day > as_of:
        return "date.future", {"got": quote(value), "as_of": as_of.isoformat()}
    if filing is None:
        return None
    first, last = filing_window(filing)
    if first <= day and (last is None or day <= last):
        return None
    vi, en = DATE_WINDOWS["bounded" if last else "open"]
    days = {"first": first.isoformat(), "last": last.isoformat() if last else ""}
    window = {
        "period": filing_period(filing),
        "window_vi": vi.format(**days),
        "window_en": en.format(**days),
        "supplement": supplement or f"{filing_period(filing)}-2.yaml",
    }
    if day < first:
        return "report.date_before_period", {"got": quote(value), "first": first.isoformat(), **window}
    return "report.date_after_window", {"got": quote(value), **window}


def _check_dates(doc: Any, found: list[Problem], as_of: dt.date | None, filing: str | None, supplement: str) -> None:
    data = doc.data

    # The report's own dates must fall in the filing's window; a completion or a document date may be older.
    def check(value: str, windowed: bool, *path: str | int) -> None:
        problem = date_problem(value, as_of=as_of, filing=filing if windowed else None, supplement=supplement)
        if problem is not None:
            found.append(doc.problem(path, problem[0], **problem[1]))

    check(data["submitted"], True, "submitted")
    for i, e in enumerate(data["entries"]):
        check(e["reported"], True, "entries", i, "reported")
        if "completed" in e:
            check(e["completed"], False, "entries", i, "completed")
        for j, ev in enumerate(e.get("evidence", ())):
            if "date" in ev:
                check(ev["date"], False, "entries", i, "evidence", j, "date")


def describe_entry(data: Any) -> Callable[[NodePath], tuple[str, str] | None]:
    """How messages name a place in a report (errors.PLACES): an entry by its id and task, ``mục e2 (nhiệm vụ A-IV-1)``, not by a list index."""

    def place(kind: str, entry: tuple[str, str] = ("", ""), **values: Any) -> tuple[str, str]:
        vi, en = PLACES[kind]
        return vi.format(entry=entry[0], **values), en.format(entry=entry[1], **values)

    def describe(path: NodePath) -> tuple[str, str] | None:
        if len(path) == 1 and path[0] in ("agency", "period", "submitted"):
            return place("field", name=FIELD_NAMES[str(path[0])], key=path[0])
        if len(path) < 2 or path[0] != "entries" or not isinstance(path[1], int):
            return None
        entries = data.get("entries") if isinstance(data, dict) else None
        entry = entries[path[1]] if isinstance(entries, list) and path[1] < len(entries) else {}
        entry_id, task = (entry.get(k) if isinstance(entry, dict) and isinstance(entry.get(k), str) else None for k in ("id", "task"))
        named = place("entry", id=entry_id) if entry_id else place("entry_number", number=path[1] + 1)
        if task:
            named = place("entry_task", named, task=task)
        rest = path[2:]
        if not rest:
            return named
        key = format_path(rest)
        if rest[0] == "evidence" and len(rest) > 1 and isinstance(rest[1], int):
            return place("entry_evidence", named, number=rest[1] + 1, key=key)
        if str(rest[0]) in FIELD_NAMES:
            return place("entry_field", named, name=FIELD_NAMES[str(rest[0])], key=key)
        return place("entry_unknown_field", named, key=key)

    return describe


class PlanFacts:
    """What a report file is checked against: the plan's years, agencies, tasks and their targets, and each agency's duties.

    Built from the plan (what each agency owes is computed when first asked), or read back from the validation
    cache, so that checking one new report does not need the whole plan loaded again.
    """

    __slots__ = ("years", "timezone", "agency_ids", "task_ids", "_targets", "_owed")

    def __init__(self, years: tuple[int, ...], timezone: str, agency_ids: frozenset[str], task_ids: frozenset[str],
                 targets: Callable[[str], tuple[str, ...]], owed: Callable[[str], frozenset[str]]) -> None:
        self.years, self.timezone, self.agency_ids, self.task_ids = years, timezone, agency_ids, task_ids
        self._targets, self._owed = targets, owed

    @classmethod
    def of(cls, plan: Plan) -> PlanFacts:
        """The facts of a loaded plan (one object per plan)."""

        def make() -> PlanFacts:
            return cls(
                tuple(plan.meta.years), plan.meta.timezone, frozenset(a.id for a in plan.agencies), frozenset(t.id for t in plan.tasks),
                lambda task: tuple(t.id for t in plan.task(task).targets),
                lambda agency: plan.memo(f"owed:{agency}", lambda: frozenset(d.task.id for d in duties(plan, agency))),
            )

        return plan.memo("facts", make)

    def targets(self, task: str) -> tuple[str, ...]:
        """The ids of a task's numeric targets."""
        return self._targets(task)

    def owed(self, agency: str) -> frozenset[str]:
        """The tasks an agency has a duty on (lead, coordinating, or through a collective it belongs to)."""
        return self._owed(agency)

    def to_json(self) -> dict[str, Any]:
        """Everything, as plain data (for the cache)."""
        return {
            "years": list(self.years), "timezone": self.timezone, "agencies": sorted(self.agency_ids),
            "targets": {t: list(self.targets(t)) for t in sorted(self.task_ids)},
            "owed": {a: sorted(self.owed(a)) for a in sorted(self.agency_ids)},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PlanFacts:
        """The facts :meth:`to_json` wrote."""
        targets = {t: tuple(ids) for t, ids in data["targets"].items()}
        owed = {a: frozenset(ids) for a, ids in data["owed"].items()}
        return cls(tuple(data["years"]), data["timezone"], frozenset(data["agencies"]), frozenset(targets), targets.__getitem__, owed.__getitem__)


def _check_file(
    plan: PlanFacts | None, doc: Any, agency_dir: str, filing: str, as_of: dt.date | None, supplement: str, published: dt.date | None = None
) -> list[Problem]:
    data = doc.data
    found: list[Problem] = []
    period = filing_period(filing)
    if data["agency"] != agency_dir:
        found.append(doc.problem(("agency",), "report.agency_mismatch", got=data["agency"], expected=agency_dir))
    if data["period"] != period:
        found.append(doc.problem(("period",), "report.period_mismatch", got=data["period"], expected=period))
    # A period that is wrong or outside the plan is the mistake to fix; dates measured against it would only repeat it.
    windowed = data["period"] == period and (plan is None or _outside(plan.years, period) is None)
    _check_dates(doc, found, as_of, filing if windowed else None, supplement)
    # A report cannot have been sent after the day it became public: the date was typed wrong.
    submitted = _real_date(data["submitted"])
    if published is not None and submitted is not None and submitted > published:
        found.append(doc.problem(("submitted",), "report.submitted_after_published", got=quote(data["submitted"]), published=published.isoformat()))
    # Where a repeated id or task was first written; positions are looked up only when one repeats.
    first_id: dict[str, NodePath] = {}
    first_task: dict[str, NodePath] = {}
    for i, e in enumerate(data["entries"]):
        path = ("entries", i)
        if e["id"] in first_id:
            line, col = doc.mark(first_id[e["id"]])
            found.append(doc.problem(path + ("id",), "id.duplicate", got=e["id"], first=f"{doc.file}:{line}:{col}"))
        first_id.setdefault(e["id"], path + ("id",))
        # Two entries on one task are fine only when one of them corrects an earlier filing.
        if "corrects" not in e:
            if e["task"] in first_task:
                line, col = doc.mark(first_task[e["task"]])
                found.append(doc.problem(path + ("task",), "report.duplicate_task", task=e["task"], first=f"{doc.file}:{line}:{col}"))
            first_task.setdefault(e["task"], path + ("task",))
        if e["status"] == "done" and "completed" not in e:
            found.append(doc.problem(path, "report.completed_missing"))
        if e["status"] != "done" and "completed" in e:
            found.append(doc.problem(path + ("completed",), "report.completed_not_done", got=e["status"]))
        for j, ev in enumerate(e.get("evidence", ())):
            if "url" in ev and not ev["url"].startswith("https://"):
                found.append(doc.problem(path + ("evidence", j, "url"), "url.not_https", got=quote(ev["url"])))
    if plan is None:
        return found
    outside = _outside(plan.years, period)
    if outside is not None:
        found.append(doc.problem(("period",), outside[0], **outside[1]))
    agency = data["agency"]
    owed: frozenset[str] | None = None
    if agency not in plan.agency_ids:
        found.append(doc.problem(("agency",), "ref.agency", got=agency, **agency_hint(agency, set(plan.agency_ids))))
    else:
        owed = plan.owed(agency)
    task_ids = plan.task_ids
    for i, e in enumerate(data["entries"]):
        path = ("entries", i)
        if e["task"] not in task_ids:
            found.append(doc.problem(path + ("task",), "ref.task", got=e["task"], hint_vi="dùng mã nhiệm vụ có trong plan-data/tasks/", hint_en="use a task id from plan-data/tasks/"))
            continue
        if owed is not None and e["task"] not in owed:
            found.append(doc.problem(path + ("task",), "report.not_assigned", agency=agency, task=e["task"]))
        target_ids = plan.targets(e["task"])
        for key in e.get("targets", {}):
            if key not in target_ids:
                if target_ids:
                    hint_vi, hint_en = "dùng một trong: " + ", ".join(target_ids), "use one of: " + ", ".join(target_ids)
                else:
                    hint_vi, hint_en = "xóa 'targets': nhiệm vụ này không có chỉ tiêu số", "delete 'targets': this task has no numeric targets"
                found.append(doc.problem(path + ("targets", key), "report.target_unknown", key=True, task=e["task"], got=key, hint_vi=hint_vi, hint_en=hint_en))
    return found


def period_problem(plan: Plan, period: str) -> tuple[str, dict[str, Any]] | None:
    """A report's period must fall in the plan's years (the validator and ``new-report``)."""
    return _outside(tuple(plan.meta.years), period)


def _outside(years: tuple[int, ...], period: str) -> tuple[str, dict[str, Any]] | None:
    if int(period[:4]) not in years:
        return "report.period_outside", {"got": period, "start": years[0], "end": years[-1]}
    return None


def _report(doc: Any, rel: str, *, demo: bool, published: dt.date | None = None) -> Report:
    data = doc.data
    entries = []
    for e in data["entries"]:
        note = e.get("note")
        entries.append(
            Entry(
                id=e["id"],
                task=e["task"],
                status=e["status"],
                percent=float(e["percent"]) if e.get("percent") is not None else None,
                target_values=tuple(sorted((k, float(v)) for k, v in e.get("targets", {}).items())),
                evidence=tuple(Evidence(document=ev["document"], date=ev.get("date"), url=ev.get("url")) for ev in e.get("evidence", ())),
                note=Text(note["vi"], note.get("en", "")) if note else None,
                reported=e["reported"],
                completed=e.get("completed"),
                corrects=e.get("corrects"),
            )
        )
    return Report(
        agency=data["agency"], period=data["period"], file=rel, submitted=data["submitted"], entries=tuple(entries), demo=demo,
        published=published.isoformat() if published else None,
    )


@dataclass
class Filed:
    """What the checks across files need of one checked report file: its entries' ids and the entries they correct."""

    agency: str
    filing: str
    ids: tuple[str, ...]
    corrects: tuple[tuple[int, str], ...]
    """(entry index, ``<filing>#<entry id>``) of each correcting entry."""
    locate: Callable[[], Any]
    """The file's document, for the position of a problem (read again when it came from the cache)."""


@dataclass
class CheckedFile:
    """One report file, checked on its own."""

    rel: str
    problems: list[Problem]
    """Its own problems (the checks across files come later)."""
    report: Report | None = None
    """The report, when the file is readable and schema-valid."""
    filed: Filed | None = None


def check_report_file(
    plan: PlanFacts | None, root: Path, rel: str, *, as_of: dt.date | None = None, demo: bool = False, model: bool = True, published: dt.date | None = None
) -> CheckedFile:
    """Load and check one report file (path relative to ``root``) against the plan's facts; ``model``: build its Report too.

    ``published``: the day the file first reached the main branch (None: unknown), which its ``submitted`` date may not follow.
    """
    problems: list[Problem] = []
    if (root / rel).is_symlink():
        return CheckedFile(rel, [symlink_problem(root, rel)])
    m = REPORT_PATH.match(rel)
    name = m.group("name") if m else rel.rsplit("/", 1)[-1]
    stem = name.removesuffix(".yaml")
    if not m or not name.endswith(".yaml") or not FILING_RE.match(stem):
        return CheckedFile(rel, [Problem(display_path(root, rel), 1, 1, "(file)", "report.file_name", {"got": name})])
    agency, period = m.group("agency"), filing_period(stem)
    doc = read(root, rel, problems, empty=("report.empty", {"agency": agency, "period": period}))
    if doc is None:
        return CheckedFile(rel, problems)
    doc.describe = describe_entry(doc.data)
    found = checks.schema_problems(doc, "report") + checks.text_problems(doc)
    if found:
        return CheckedFile(rel, found)
    supplement = next_supplement(root / "progress" / agency, period)
    entries = doc.data["entries"]
    corrects = tuple((i, e["corrects"]) for i, e in enumerate(entries) if "corrects" in e)
    filed = Filed(doc.data["agency"], stem, tuple(e["id"] for e in entries), corrects, lambda: doc)
    report = _report(doc, rel, demo=demo, published=published) if model else None
    return CheckedFile(rel, _check_file(plan, doc, agency, stem, as_of, supplement, published), report, filed)


def check_reports(
    plan: Plan | None,
    root: Path,
    rels: Iterable[str],
    *,
    as_of: dt.date | None = None,
    demo: bool = False,
    published: Mapping[str, dt.date] | None = None,
) -> tuple[tuple[Report, ...], list[Problem]]:
    """Load and check report files (paths relative to ``root``): the reports of readable, schema-valid files, and every problem.

    ``published``: the date each file first reached the main branch, by path (:func:`partracker.reading.history.publication_dates`).
    """
    facts = PlanFacts.of(plan) if plan is not None else None
    dates = published or {}
    checked = [check_report_file(facts, root, rel, as_of=as_of, demo=demo, published=dates.get(rel)) for rel in sorted(rels)]
    problems = [p for c in checked for p in c.problems]
    problems.extend(cross_file_problems([c.filed for c in checked if c.filed is not None], root))
    reports = (c.report for c in checked if c.report is not None)
    return tuple(sorted(reports, key=report_sort_key)), sorted(problems, key=Problem.sort_key)


def cross_file_problems(filed: list[Filed], root: Path) -> list[Problem]:
    """What no file shows alone: a correction must name an entry of an earlier filing of the same agency."""
    if not any(f.corrects for f in filed):
        return []
    index = {(f.agency, f.filing, entry_id) for f in filed for entry_id in f.ids}
    found = []
    for f in filed:
        for i, ref in f.corrects:
            filing, entry_id = ref.split("#", 1)
            if (f.agency, filing, entry_id) not in index:
                found.append(f.locate().problem(("entries", i, "corrects"), "report.corrects_unknown", got=ref, agency=f.agency))
            elif filing_key(filing) >= filing_key(f.filing):
                supplement = next_supplement(root / "progress" / f.agency, filing_period(filing))
                found.append(f.locate().problem(("entries", i, "corrects"), "report.corrects_not_earlier", got=ref, supplement=supplement))
    return found


def report_files_under(root: Path) -> list[str]:
    """Paths (relative to ``root``) of the files under ``root/progress/``, sorted."""
    base = root / "progress"
    if not base.is_dir():
        return []
    return sorted(p.relative_to(root).as_posix() for p in base.rglob("*") if (p.is_file() or p.is_symlink()) and p.name != ".gitkeep")


def load_demo_reports(plan: Plan, demo_root: Path = Path("demo"), *, as_of: dt.date | None = None) -> tuple[Report, ...]:
    """The fictional sample reports of ``demo/progress/`` (``Report.demo`` is True); raises ``DataInvalid`` on any problem."""
    reports, problems = check_reports(plan, demo_root, report_files_under(demo_root), as_of=as_of, demo=True)
    if problems:
        raise DataInvalid(problems)
    return reports
