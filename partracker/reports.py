"""Progress reports (Báo cáo tiến độ): the file format, its checks, the scaffold and the builder data.

An agency files one YAML file per reporting period at ``plan-data/progress/<agency>/<period>.yaml``:

- ``<period>`` is ``2017-q1`` … ``2017-q4`` (quarter), ``2017-h1`` (six months) or ``2017-year`` (annual);
- a later filing for the same period — to correct or complete it — is a supplementary report
  ``<period>-<n>.yaml`` with n = 2, 3, …; its ``period`` field still says ``<period>``.

Filed reports are append-only: nobody edits or deletes a file that is on the main branch
(:func:`history_problems`); an entry is corrected by a later entry whose ``corrects`` names it as
``<filing>#<entry id>`` (``2017-q1#e2``, ``2017-q1-2#e1``). "Earlier" means an earlier filing in
:func:`filing_key` order: by the period's last day, then quarter < six months < year, then the
supplement number.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from partracker import checks, schemas
from partracker.errors import Problem, quote
from partracker.model import REPORT_STATUSES, Entry, Evidence, Plan, Report, Task, Text
from partracker.schemas import ISO_DATE, TASK_ID, d, obj, text

if TYPE_CHECKING:
    from partracker.dataset import Dataset

PERIOD = r"[0-9]{4}-(?:q[1-4]|h1|year)"
PERIOD_PATTERN = rf"^{PERIOD}$"
FILING_RE = re.compile(rf"^(?P<period>{PERIOD})(?:-(?P<seq>[2-9]|[1-9][0-9]+))?$")
ENTRY_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
REF_PATTERN = rf"^{PERIOD}(?:-(?:[2-9]|[1-9][0-9]+))?#[a-z0-9]+(?:-[a-z0-9]+)*$"
REPORT_PATH = re.compile(r"^progress/(?P<agency>[^/]+)/(?P<name>[^/]+)$")
SCHEMA_COMMENT = "# yaml-language-server: $schema=../../../partracker/schemas/report.schema.json"

STATUS_LABELS: dict[str, Text] = {
    "not_started": Text("Chưa thực hiện", "Not started"),
    "in_progress": Text("Đang thực hiện", "In progress"),
    "done": Text("Đã hoàn thành", "Done"),
    "not_applicable": Text("Không áp dụng", "Not applicable"),
}
"""How each status reads on the site and in the builder."""

STATUS_ALIASES = {
    "xong": "done",
    "hoàn thành": "done",
    "đã hoàn thành": "done",
    "đã xong": "done",
    "đang thực hiện": "in_progress",
    "đang làm": "in_progress",
    "đang triển khai": "in_progress",
    "chưa thực hiện": "not_started",
    "chưa làm": "not_started",
    "chưa triển khai": "not_started",
    "không áp dụng": "not_applicable",
    "started": "in_progress",
    "complete": "done",
    "completed": "done",
    "finished": "done",
}
"""Common words a clerk writes instead of the status code (lower case, NFC); the hint names the code."""

PERIOD_KINDS: dict[str, Text] = {
    "q1": Text("Quý I", "Quarter 1"),
    "q2": Text("Quý II", "Quarter 2"),
    "q3": Text("Quý III", "Quarter 3"),
    "q4": Text("Quý IV", "Quarter 4"),
    "h1": Text("6 tháng đầu năm", "First six months"),
    "year": Text("Cả năm", "Full year"),
}
"""Reporting periods of a year, in the order the builder offers them."""

ROLE_LABELS = {"lead": Text("chủ trì", "lead"), "coordinating": Text("phối hợp", "coordinating")}


# --- periods and filings ----------------------------------------------------------------------


def period_bounds(period: str) -> tuple[dt.date, dt.date]:
    """First and last day of a reporting period (``2017-q2`` → 2017-04-01, 2017-06-30)."""
    year_text, kind = period.split("-", 1)
    year = int(year_text)
    if kind == "year":
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if kind == "h1":
        return dt.date(year, 1, 1), dt.date(year, 6, 30)
    quarter = int(kind[1])
    first = dt.date(year, 3 * quarter - 2, 1)
    last_month = 3 * quarter
    last = dt.date(year + (last_month == 12), last_month % 12 + 1, 1) - dt.timedelta(days=1)
    return first, last


def filing_key(filing: str) -> tuple[dt.date, int, int]:
    """Order of filings: by the period's last day, then quarter < six months < year, then supplement number."""
    m = FILING_RE.match(filing)
    if not m:
        raise ValueError(f"Not a filing name: {filing!r}")
    period = m.group("period")
    kind = period.split("-", 1)[1]
    rank = 0 if kind.startswith("q") else 1 if kind == "h1" else 2
    return period_bounds(period)[1], rank, int(m.group("seq") or 1)


def next_supplement(agency_dir: Path, period: str) -> str:
    """The first free supplementary file name for ``period`` in an agency folder (``2017-q1-2.yaml``)."""
    n = 2
    while (agency_dir / f"{period}-{n}.yaml").exists() or (agency_dir / f"{period}-{n}.yaml").is_symlink():
        n += 1
    return f"{period}-{n}.yaml"


# --- schema -----------------------------------------------------------------------------------


def _date(vi: str, en: str) -> dict[str, Any]:
    return d(vi + ' Dạng "YYYY-MM-DD", trong ngoặc kép.', en + ' Written "YYYY-MM-DD", in quotes.', {"type": "string", "pattern": ISO_DATE})


def report_schema() -> dict[str, Any]:
    """progress/<agency>/<period>.yaml: one agency's progress report for one period."""
    evidence = obj(
        {
            "document": d("Số, ký hiệu văn bản, ví dụ 123/QĐ-UBND.", "Document number as issued, e.g. 123/QĐ-UBND.", schemas.TEXT_STRING),
            "date": _date("Ngày ban hành văn bản.", "Date of the document."),
            "url": d("Liên kết https:// tới văn bản đã công bố (nếu có).", "https:// link to the published document (if any).", {"type": "string", "minLength": 9}),
        },
        ["document"],
    )
    entry = obj(
        {
            "id": d("Mã mục, không trùng trong tệp (e1, e2…).", "Entry id, unique within the file (e1, e2…).", {"type": "string", "pattern": ENTRY_ID}),
            "task": d("Mã nhiệm vụ trong kế hoạch, ví dụ A-I-1.", "Task id in the plan, e.g. A-I-1.", {"type": "string", "pattern": TASK_ID}),
            "status": d(
                "Trạng thái: not_started (chưa thực hiện), in_progress (đang thực hiện), done (đã hoàn thành), not_applicable (không áp dụng).",
                "Status: not_started, in_progress, done or not_applicable.",
                {"type": "string", "enum": list(REPORT_STATUSES), "x-aliases": STATUS_ALIASES},
            ),
            "percent": d("Phần trăm hoàn thành, 0–100.", "Percent complete, 0–100.", {"type": "number", "minimum": 0, "maximum": 100}),
            "targets": d(
                "Giá trị đạt được của các chỉ tiêu số của nhiệm vụ, theo mã chỉ tiêu (t1: 95).",
                "Values reached for the task's numeric targets, by target id (t1: 95).",
                {"type": "object", "additionalProperties": {"type": "number", "minimum": 0}},
            ),
            "evidence": d("Văn bản minh chứng.", "Supporting documents.", {"type": "array", "items": evidence}),
            "note": text("Giải thích thêm (tiếng Việt và tiếng Anh).", "Further explanation (Vietnamese and English)."),
            "reported": _date("Ngày ghi nhận thông tin này.", "Date this fact was reported."),
            "completed": _date("Ngày hoàn thành (chỉ khi status là done).", "Date the work was finished (only for status done)."),
            "corrects": d(
                "Mục được sửa: <kỳ>#<mã mục> của một báo cáo nộp trước, ví dụ 2017-q1#e2 hoặc 2017-q1-2#e1.",
                "The entry this one corrects: <period>#<entry id> of an earlier report, e.g. 2017-q1#e2 or 2017-q1-2#e1.",
                {"type": "string", "pattern": REF_PATTERN},
            ),
        },
        ["id", "task", "status", "reported"],
    )
    return schemas._schema(
        "report",
        "Progress report / Báo cáo tiến độ",
        obj(
            {
                "agency": d("Mã đơn vị báo cáo (trùng tên thư mục).", "Reporting agency id (the folder name).", {"type": "string", "pattern": schemas.ID_SLUG}),
                "period": d(
                    "Kỳ báo cáo: 2017-q1…2017-q4 (quý), 2017-h1 (6 tháng), 2017-year (năm).",
                    "Reporting period: 2017-q1…2017-q4 (quarter), 2017-h1 (six months), 2017-year (year).",
                    {"type": "string", "pattern": PERIOD_PATTERN},
                ),
                "submitted": _date("Ngày gửi báo cáo.", "Date the report is sent."),
                "entries": d("Các mục báo cáo, mỗi nhiệm vụ một mục.", "Report entries, one per task.", {"type": "array", "items": entry, "minItems": 1}),
            },
            ["agency", "period", "submitted", "entries"],
        ),
    )


schemas.register("report", report_schema)
checks.PATTERN_NAMES.setdefault(PERIOD_PATTERN, ("kỳ báo cáo", "reporting period", "2017-q1"))
checks.PATTERN_NAMES.setdefault(ENTRY_ID, ("mã mục", "entry id", "e1"))
checks.PATTERN_NAMES.setdefault(REF_PATTERN, ("tham chiếu <kỳ>#<mã mục>", "<period>#<entry id> reference", "2017-q1#e1"))


# --- who owes what ----------------------------------------------------------------------------


def owed_tasks(plan: Plan, agency_id: str) -> tuple[tuple[Task, str, str | None], ...]:
    """Tasks the agency reports on, in plan order: (task, "lead" or "coordinating", collective id it acts through or None)."""
    return plan.memo(f"owed_tasks:{agency_id}", lambda: _owed_tasks(plan, agency_id))  # type: ignore[no-any-return]


def _owed_tasks(plan: Plan, agency_id: str) -> tuple[tuple[Task, str, str | None], ...]:
    actors = [agency_id] + [c.id for c in plan.collectives_of(agency_id)]
    out = []
    for task in plan.tasks:
        for role, assignment in (("lead", task.lead), ("coordinating", task.coordinating)):
            via = next((a for a in actors if a in assignment.agencies), None)
            if via is not None:
                out.append((task, role, None if via == agency_id else via))
                break
    return tuple(out)


# --- checking ---------------------------------------------------------------------------------


def _real_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _check_dates(doc: Any, found: list[Problem], as_of: dt.date | None) -> None:
    data = doc.data
    paths: list[tuple] = [("submitted",)]
    for i, e in enumerate(data["entries"]):
        paths += [("entries", i, "reported")]
        if "completed" in e:
            paths += [("entries", i, "completed")]
        for j, ev in enumerate(e.get("evidence", ())):
            if "date" in ev:
                paths += [("entries", i, "evidence", j, "date")]
    for path in paths:
        value = data
        for part in path:
            value = value[part]
        day = _real_date(value)
        if day is None:
            found.append(doc.problem(path, "date.invalid", got=quote(value)))
        elif as_of is not None and day > as_of:
            found.append(doc.problem(path, "date.future", got=quote(value), as_of=as_of.isoformat()))


def _check_file(plan: Plan | None, doc: Any, agency_dir: str, filing: str, as_of: dt.date | None) -> list[Problem]:
    data = doc.data
    found: list[Problem] = []
    period = FILING_RE.match(filing).group("period")  # type: ignore[union-attr]
    if data["agency"] != agency_dir:
        found.append(doc.problem(("agency",), "report.agency_mismatch", got=data["agency"], expected=agency_dir))
    if data["period"] != period:
        found.append(doc.problem(("period",), "report.period_mismatch", got=data["period"], expected=period))
    _check_dates(doc, found, as_of)
    first_id: dict[str, tuple[int, int]] = {}
    first_task: dict[str, tuple[int, int]] = {}
    for i, e in enumerate(data["entries"]):
        path = ("entries", i)
        if e["id"] in first_id:
            line, col = first_id[e["id"]]
            found.append(doc.problem(path + ("id",), "id.duplicate", got=e["id"], first=f"{doc.file}:{line}:{col}"))
        first_id.setdefault(e["id"], doc.mark(path + ("id",)))
        # Two entries on one task are fine only when one of them corrects an earlier filing.
        if "corrects" not in e:
            if e["task"] in first_task:
                line, col = first_task[e["task"]]
                found.append(doc.problem(path + ("task",), "report.duplicate_task", task=e["task"], first=f"{doc.file}:{line}:{col}"))
            first_task.setdefault(e["task"], doc.mark(path + ("task",)))
        if e["status"] == "done" and "completed" not in e:
            found.append(doc.problem(path, "report.completed_missing"))
        if e["status"] != "done" and "completed" in e:
            found.append(doc.problem(path + ("completed",), "report.completed_not_done", got=e["status"]))
        for j, ev in enumerate(e.get("evidence", ())):
            if "url" in ev and not ev["url"].startswith("https://"):
                found.append(doc.problem(path + ("evidence", j, "url"), "url.not_https", got=quote(ev["url"])))
    if plan is None:
        return found
    years = plan.meta.years
    if int(period[:4]) not in years:
        found.append(doc.problem(("period",), "report.period_outside", got=data["period"], start=years[0], end=years[-1]))
    agency_ids = {a.id for a in plan.agencies}
    agency = data["agency"]
    if agency not in agency_ids:
        import difflib

        close = difflib.get_close_matches(agency, sorted(agency_ids), n=1, cutoff=0.6)
        hint_vi = f"có phải ý bạn là '{close[0]}'?" if close else "dùng mã đơn vị trong plan-data/agencies.yaml"
        hint_en = f"did you mean '{close[0]}'?" if close else "use an agency id from plan-data/agencies.yaml"
        found.append(doc.problem(("agency",), "ref.agency", got=agency, hint_vi=hint_vi, hint_en=hint_en))
        owed: set[str] | None = None
    else:
        owed = {t.id for t, _, _ in owed_tasks(plan, agency)}
    task_ids = plan.memo("task_ids", lambda: frozenset(t.id for t in plan.tasks))
    for i, e in enumerate(data["entries"]):
        path = ("entries", i)
        if e["task"] not in task_ids:
            found.append(doc.problem(path + ("task",), "ref.task", got=e["task"], hint_vi="dùng mã nhiệm vụ có trong plan-data/tasks/", hint_en="use a task id from plan-data/tasks/"))
            continue
        if owed is not None and e["task"] not in owed:
            found.append(doc.problem(path + ("task",), "report.not_assigned", agency=agency, task=e["task"]))
        target_ids = [t.id for t in plan.task(e["task"]).targets]
        for key in e.get("targets", {}):
            if key not in target_ids:
                if target_ids:
                    hint_vi, hint_en = "dùng một trong: " + ", ".join(target_ids), "use one of: " + ", ".join(target_ids)
                else:
                    hint_vi, hint_en = "xóa 'targets': nhiệm vụ này không có chỉ tiêu số", "delete 'targets': this task has no numeric targets"
                found.append(doc.problem(path + ("targets", key), "report.target_unknown", key=True, task=e["task"], got=key, hint_vi=hint_vi, hint_en=hint_en))
    return found


def _report(doc: Any, rel: str, *, demo: bool) -> Report:
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
                note=Text(note["vi"], note["en"]) if note else None,
                reported=e["reported"],
                completed=e.get("completed"),
                corrects=e.get("corrects"),
            )
        )
    return Report(agency=data["agency"], period=data["period"], file=rel, submitted=data["submitted"], entries=tuple(entries), demo=demo)


def report_sort_key(report: Report) -> tuple[str, tuple[dt.date, int, int], str]:
    """Reports sort by agency, then filing order (period, then supplement), then file."""
    return (report.agency, filing_key(report.filing), report.file)


def check_reports(
    plan: Plan | None, root: Path, rels: Iterable[str], *, as_of: dt.date | None = None, demo: bool = False
) -> tuple[tuple[Report, ...], list[Problem]]:
    """Load and check report files (paths relative to ``root``): the reports of readable, schema-valid files, and every problem."""
    from partracker.dataset import display_path, read

    problems: list[Problem] = []
    reports: list[tuple[Report, Any]] = []
    for rel in sorted(rels):
        m = REPORT_PATH.match(rel)
        name = m.group("name") if m else rel.rsplit("/", 1)[-1]
        stem = name.removesuffix(".yaml")
        if not m or not name.endswith(".yaml") or not FILING_RE.match(stem):
            problems.append(Problem(display_path(root, rel), 1, 1, "(file)", "report.file_name", {"got": name}))
            continue
        doc = read(root, rel, problems)
        if doc is None:
            continue
        found = checks.schema_problems(doc, "report") + checks.text_problems(doc)
        if found:
            problems.extend(found)
            continue
        problems.extend(_check_file(plan, doc, m.group("agency"), stem, as_of))
        reports.append((_report(doc, rel, demo=demo), doc))
    problems.extend(_check_corrections(reports, root))
    return tuple(sorted((_with_supersessions(r, reports) for r, _ in reports), key=report_sort_key)), sorted(problems, key=Problem.sort_key)


def _index(reports: list[tuple[Report, Any]]) -> dict[tuple[str, str, str], tuple[Report, Entry]]:
    return {(r.agency, r.filing, e.id): (r, e) for r, _ in reports for e in r.entries}


def _check_corrections(reports: list[tuple[Report, Any]], root: Path) -> list[Problem]:
    index = _index(reports)
    found = []
    for report, doc in reports:
        for i, entry in enumerate(report.entries):
            if entry.corrects is None:
                continue
            filing, entry_id = entry.corrects.split("#", 1)
            target = index.get((report.agency, filing, entry_id))
            if target is None:
                found.append(doc.problem(("entries", i, "corrects"), "report.corrects_unknown", got=entry.corrects, agency=report.agency))
            elif filing_key(filing) >= filing_key(report.filing):
                period = FILING_RE.match(filing).group("period")  # type: ignore[union-attr]
                supplement = next_supplement(root / "progress" / report.agency, period)
                found.append(doc.problem(("entries", i, "corrects"), "report.corrects_not_earlier", got=entry.corrects, supplement=supplement))
    return found


def _with_supersessions(report: Report, reports: list[tuple[Report, Any]]) -> Report:
    later: dict[str, tuple[tuple[dt.date, int, int], str]] = {}
    for other, _ in reports:
        if other.agency != report.agency:
            continue
        for e in other.entries:
            if e.corrects is None:
                continue
            filing, entry_id = e.corrects.split("#", 1)
            if filing != report.filing or filing_key(filing) >= filing_key(other.filing):
                continue
            candidate = (filing_key(other.filing), f"{other.filing}#{e.id}")
            if entry_id not in later or candidate > later[entry_id]:
                later[entry_id] = candidate
    if not later:
        return report
    entries = tuple(dataclasses.replace(e, superseded_by=later[e.id][1]) if e.id in later else e for e in report.entries)
    return dataclasses.replace(report, entries=entries)


def load_reports(dataset: "Dataset") -> tuple[Report, ...]:
    """Every report of plan-data/progress/, sorted (agency, period, file), as ``load_dataset`` checked them; raises ``DataInvalid`` on any problem."""
    from partracker.dataset import DataInvalid

    if dataset.problems:
        raise DataInvalid(dataset.problems)
    return dataset.reports


def report_files_under(root: Path) -> list[str]:
    """Paths (relative to ``root``) of the files under ``root/progress/``, sorted."""
    base = root / "progress"
    if not base.is_dir():
        return []
    return sorted(p.relative_to(root).as_posix() for p in base.rglob("*") if (p.is_file() or p.is_symlink()) and p.name != ".gitkeep")


def load_demo_reports(plan: Plan, demo_root: Path = Path("demo"), *, as_of: dt.date | None = None) -> tuple[Report, ...]:
    """The fictional sample reports of ``demo/progress/`` (``Report.demo`` is True); raises ``DataInvalid`` on any problem."""
    from partracker.dataset import DataInvalid

    reports, problems = check_reports(plan, demo_root, report_files_under(demo_root), as_of=as_of, demo=True)
    if problems:
        raise DataInvalid(problems)
    return reports


# --- corrections, for the site ----------------------------------------------------------------


def entry_ref(report: Report, entry: Entry) -> str:
    """How another entry names this one in ``corrects``: ``<filing>#<entry id>``."""
    return f"{report.filing}#{entry.id}"


def current_entries(reports: Iterable[Report]) -> tuple[tuple[Report, Entry], ...]:
    """Entries that no later entry corrects, in report order: what the site shows as the agency's word."""
    return tuple((r, e) for r in sorted(reports, key=report_sort_key) for e in r.entries if e.superseded_by is None)


def corrections(reports: Iterable[Report]) -> tuple[tuple[Report, Entry, Report, Entry], ...]:
    """Every correction as (corrected report, corrected entry, correcting report, correcting entry), sorted by the correcting filing."""
    ordered = sorted(reports, key=report_sort_key)
    index = {(r.agency, entry_ref(r, e)): (r, e) for r in ordered for e in r.entries}
    out = []
    for r in ordered:
        for e in r.entries:
            if e.corrects and (r.agency, e.corrects) in index:
                old_r, old_e = index[(r.agency, e.corrects)]
                out.append((old_r, old_e, r, e))
    return tuple(out)


def latest_entries(reports: Iterable[Report]) -> dict[tuple[str, str], tuple[Report, Entry]]:
    """The newest current entry per (agency, task): the agency's latest word on each task."""
    out: dict[tuple[str, str], tuple[Report, Entry]] = {}
    for r, e in current_entries(reports):
        out[(r.agency, e.task)] = (r, e)
    return dict(sorted(out.items()))


# --- append-only history ----------------------------------------------------------------------


class GitError(Exception):
    """A git command failed."""


def git(cwd: Path, *args: str) -> bytes:
    """Run git and return its output; raise :class:`GitError` with git's message."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError as exc:
        raise GitError(str(exc)) from None
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip().splitlines()[-1] if done.stderr.strip() else f"git exited {done.returncode}")
    return done.stdout


def repo_prefix(root: Path) -> tuple[Path, str]:
    """The git top level holding ``root``, and ``root`` relative to it ('' at the top)."""
    top = Path(git(root, "rev-parse", "--show-toplevel").decode().strip()).resolve()
    rel = root.resolve().relative_to(top).as_posix()
    return top, "" if rel == "." else rel


def history_problems(root: Path, base: str) -> list[Problem]:
    """Report files that exist at git ``base`` and were changed, deleted or replaced by a link in the working tree."""
    from partracker.dataset import display_path

    try:
        top, prefix = repo_prefix(root)
        progress = f"{prefix}/progress/" if prefix else "progress/"
        listing = git(top, "ls-tree", "-r", "-z", base, "--", progress)
    except (GitError, ValueError) as exc:
        return [Problem(display_path(root, "progress"), 1, 1, "(file)", "history.git", {"base": base, "detail": str(exc)})]
    problems = []
    for record in listing.decode("utf-8", "surrogateescape").split("\0"):
        if not record:
            continue
        meta, path = record.split("\t", 1)
        mode, kind, obj_id = meta.split()
        rel = path[len(prefix) + 1 :] if prefix else path
        if kind != "blob" or mode == "120000" or rel.endswith("/.gitkeep"):
            continue
        m = REPORT_PATH.match(rel)
        stem = m.group("name").removesuffix(".yaml") if m else ""
        filing = FILING_RE.match(stem)
        period = filing.group("period") if filing else stem or "<period>"
        agency = m.group("agency") if m else ""
        supplement = next_supplement(root / "progress" / agency, period)
        params = {"base": base, "supplement": supplement}
        # Name the path itself, not what a link in its place points to.
        shown = f"{display_path(root, rel.rsplit('/', 1)[0])}/{rel.rsplit('/', 1)[1]}"
        here = root / rel
        if here.is_symlink():
            problems.append(Problem(shown, 1, 1, "(file)", "history.symlink", params))
            continue
        if not here.is_file():
            problems.append(Problem(shown, 1, 1, "(file)", "history.deleted", params))
            continue
        old = git(top, "cat-file", "blob", obj_id)
        new = here.read_bytes()
        if old != new:
            line = _first_difference(old, new)
            problems.append(Problem(shown, line, 1, "(file)", "history.changed", {**params, "first_line": line}))
    return problems


def _first_difference(old: bytes, new: bytes) -> int:
    a, b = old.split(b"\n"), new.split(b"\n")
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i + 1
    return min(len(a), len(b))


# --- the scaffold (partracker new-report) -----------------------------------------------------


def _q(value: str) -> str:
    # JSON strings are valid YAML double-quoted scalars: safe for any text a clerk reads back.
    return json.dumps(value, ensure_ascii=False)


def _one_line(value: str) -> str:
    return " ".join(value.split())


def scaffold(plan: Plan, agency_id: str, period: str, *, today: dt.date) -> str:
    """The text of a new report file: every task the agency owes, status not_started, with vi/en comments."""
    agency = plan.agency(agency_id)
    kind = period.split("-", 1)[1]
    year = period[:4]
    day = _q(today.isoformat())
    lines = [
        SCHEMA_COMMENT,
        f"# Báo cáo tiến độ — {agency.name.vi} — {PERIOD_KINDS[kind].vi} năm {year}",
        f"# Progress report — {agency.name.en} — {PERIOD_KINDS[kind].en} {year}",
        "#",
        "# Cách điền (vi):",
        "#   status     trạng thái: not_started (chưa thực hiện), in_progress (đang thực hiện),",
        "#              done (đã hoàn thành), not_applicable (không áp dụng)",
        "#   percent    phần trăm hoàn thành, số từ 0 đến 100 (không bắt buộc)",
        "#   targets    giá trị đạt được của chỉ tiêu số, theo mã chỉ tiêu t1, t2… (không bắt buộc)",
        "#   evidence   văn bản minh chứng: số văn bản, ngày, liên kết https://",
        "#   note       giải thích thêm, tiếng Việt (vi) và tiếng Anh (en) (không bắt buộc)",
        "#   reported   ngày ghi nhận thông tin; completed: ngày hoàn thành (chỉ khi status là done)",
        '#   Ngày tháng viết "YYYY-MM-DD" trong ngoặc kép. Không sửa tệp đã nộp: để sửa, nộp',
        f"#   báo cáo bổ sung {period}-2.yaml với mục có corrects: \"{period}#e1\".",
        "# How to fill in (en):",
        "#   status     not_started, in_progress, done or not_applicable",
        "#   percent    percent complete, a number from 0 to 100 (optional)",
        "#   targets    values reached for the numeric targets, by target id t1, t2… (optional)",
        "#   evidence   supporting documents: document number, date, https:// link",
        "#   note       further explanation in Vietnamese (vi) and English (en) (optional)",
        "#   reported   date the fact was reported; completed: date finished (only for status done)",
        '#   Write dates "YYYY-MM-DD" in double quotes. Never edit a filed report: to correct it,',
        f"#   file the supplementary report {period}-2.yaml with an entry that has corrects: \"{period}#e1\".",
        f"agency: {_q(agency_id)}",
        f"period: {_q(period)}",
        f"submitted: {day}  # ngày gửi báo cáo / date the report is sent",
        "entries:",
    ]
    for n, (task, role, via) in enumerate(owed_tasks(plan, agency_id), start=1):
        role_text = ROLE_LABELS[role]
        through = f" — qua {via} / through {via}" if via else ""
        lines += [
            f"  # {task.id} ({role_text.vi} / {role_text.en}{through})",
            f"  # vi: {_one_line(task.content.vi)}",
            f"  # en: {_one_line(task.content.en)}",
            f"  - id: \"e{n}\"",
            f"    task: {_q(task.id)}",
            '    status: "not_started"  # not_started | in_progress | done | not_applicable',
            "    # percent: 50  # % hoàn thành / percent complete (0–100)",
        ]
        if task.targets:
            lines.append("    # targets:  # giá trị đạt được / value reached")
            for t in task.targets:
                lines.append(f"    #   {t.id}: {_fmt_number(t.value)}  # {_one_line(t.metric.vi)} / {_one_line(t.metric.en)}")
        lines += [
            "    evidence: []  # - {document: \"123/QĐ-UBND\", date: \"2017-03-05\", url: \"https://…\"}",
            "    # note: {vi: \"…\", en: \"…\"}  # giải thích / explanation",
            f"    reported: {day}  # ngày ghi nhận / date reported",
            f"    # completed: {day}  # ngày hoàn thành, chỉ khi done / date finished, only for done",
        ]
    return "\n".join(lines) + "\n"


def _fmt_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


# --- the report builder page ------------------------------------------------------------------


def builder_data(plan: Plan) -> dict[str, Any]:
    """What the report builder page needs, as JSON-ready data (written to ``data/report-builder.json``)."""
    tasks: dict[str, Any] = {}
    agencies = []
    for agency in plan.agencies:
        owed = owed_tasks(plan, agency.id)
        if not owed:
            continue
        agencies.append(
            {
                "id": agency.id,
                "name": {"vi": agency.name.vi, "en": agency.name.en},
                "collective": agency.is_collective,
                "tasks": [{"id": t.id, "role": role, "via": via} for t, role, via in owed],
            }
        )
        for t, _, _ in owed:
            tasks[t.id] = {
                "content": {"vi": t.content.vi, "en": t.content.en},
                "targets": [{"id": x.id, "metric": {"vi": x.metric.vi, "en": x.metric.en}, "unit": x.unit} for x in t.targets],
            }
    return {
        "schema_comment": SCHEMA_COMMENT,
        "years": list(plan.meta.years),
        "period_pattern": PERIOD_PATTERN,
        "periods": [{"id": k, "label": {"vi": v.vi, "en": v.en}} for k, v in PERIOD_KINDS.items()],
        "statuses": [{"id": s, "label": {"vi": STATUS_LABELS[s].vi, "en": STATUS_LABELS[s].en}} for s in REPORT_STATUSES],
        "roles": {k: {"vi": v.vi, "en": v.en} for k, v in ROLE_LABELS.items()},
        "agencies": agencies,
        "tasks": dict(sorted(tasks.items(), key=lambda kv: plan.task(kv[0]).order)),
    }
