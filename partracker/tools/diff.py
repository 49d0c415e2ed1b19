"""What a pull request changes, for people (Thay đổi của pull request): reports, statuses, targets, obligations.

``partracker diff BASE [HEAD]`` loads plan-data/ at two git refs (HEAD omitted: the working tree),
compares the agencies' latest word on each task and the obligation statuses computed by
:mod:`partracker.domain.schedule`, and renders Markdown in Vietnamese and English for a PR comment or the
job summary.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import tarfile
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator

from partracker.domain import progress, schedule
from partracker.domain.model import Plan, Report
from partracker.language.labels import labels
from partracker.outputs import render as rendering
from partracker.outputs import wording
from partracker.reading.dataset import load_dataset
from partracker.reading.history import git, repo_prefix, resolve_ref


@dataclass(frozen=True)
class Side:
    """plan-data/ at one ref: the plan (None if it does not load) and the reports of valid files."""

    ref: str
    """Git ref, or ``working tree``."""
    plan: Plan | None
    """The plan model."""
    reports: tuple[Report, ...]
    """Reports that loaded, sorted."""


@dataclass(frozen=True)
class StatusChange:
    """An agency's latest status on a task changed."""

    agency: str
    task: str
    old: str | None
    new: str
    ref: str
    """``<filing>#<entry id>`` of the entry that now speaks."""
    corrected: bool
    """True when that entry corrects an earlier one."""


@dataclass(frozen=True)
class TargetChange:
    """A value reported for a numeric target changed."""

    agency: str
    task: str
    target: str
    old: float | None
    new: float | None
    ref: str


@dataclass(frozen=True)
class ObligationChange:
    """An obligation's computed status changed."""

    id: str
    title: dict[str, str]
    agency: str
    due: str
    old: str | None
    new: str


@dataclass(frozen=True)
class Diff:
    """Everything the PR summary shows."""

    added: tuple[Report, ...]
    rewritten: tuple[str, ...]
    """Report files present at both refs whose content differs, or deleted (the validator rejects these)."""
    status_changes: tuple[StatusChange, ...]
    target_changes: tuple[TargetChange, ...]
    obligations: tuple[ObligationChange, ...] | None
    """None when the schedule could not be computed (plan missing on one side)."""


@contextlib.contextmanager
def checkout(root: Path, ref: str) -> Iterator[Path]:
    """plan-data/ as it is at git ``ref``, extracted into a temporary folder."""
    top, prefix = repo_prefix(root)
    # The ref is resolved to a commit first: a ref such as "--output=…" never reaches git as an option.
    archive = git(top, "archive", "--format=tar", resolve_ref(top, ref), "--", prefix or ".")
    with tempfile.TemporaryDirectory(prefix="partracker-diff-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        yield Path(tmp) / prefix if prefix else Path(tmp)


def load_side(root: Path, ref: str | None) -> Side:
    """The plan and reports at ``ref`` (None: the working tree)."""
    # Problems are the validator's business; the summary shows whatever reports could be read.
    if ref is None:
        loaded = load_dataset(root)
        return Side("working tree", loaded.plan, loaded.reports)
    with checkout(root, ref) as path:
        loaded = load_dataset(path)
    return Side(ref, loaded.plan, loaded.reports)


def compare(base: Side, head: Side, *, as_of: dt.date) -> Diff:
    """The differences between two sides."""
    # What a file says, not when it reached the branch (the extracted base has no git history to date it by).
    base_files = {r.file: replace(r, published=None) for r in base.reports}
    head_files = {r.file: replace(r, published=None) for r in head.reports}
    added = tuple(r for r in head.reports if r.file not in base_files)
    rewritten = tuple(sorted(f for f, r in base_files.items() if f not in head_files or head_files[f] != r))

    old_latest, new_latest = progress.latest_entries(base.reports), progress.latest_entries(head.reports)
    status_changes = []
    target_changes = []
    for key, (report, entry) in new_latest.items():
        old = old_latest.get(key)
        old_status = old[1].status if old else None
        ref = progress.entry_ref(report, entry)
        if old_status != entry.status:
            status_changes.append(StatusChange(key[0], key[1], old_status, entry.status, ref, entry.corrects is not None))
        old_targets = dict(old[1].target_values) if old else {}
        new_targets = dict(entry.target_values)
        for tid in sorted(set(old_targets) | set(new_targets)):
            if old_targets.get(tid) != new_targets.get(tid):
                target_changes.append(TargetChange(key[0], key[1], tid, old_targets.get(tid), new_targets.get(tid), ref))

    obligations = None
    if base.plan is not None and head.plan is not None:
        obligations = _obligation_changes(base, head, as_of=as_of)
    return Diff(added, rewritten, tuple(status_changes), tuple(target_changes), obligations)


def _obligation_changes(base: Side, head: Side, *, as_of: dt.date) -> tuple[ObligationChange, ...]:
    assert base.plan is not None and head.plan is not None
    before = {a.obligation.id: a.status for a in schedule.assess(base.plan, schedule.obligations(base.plan), base.reports, as_of=as_of)}
    out = []
    for a in schedule.assess(head.plan, schedule.obligations(head.plan), head.reports, as_of=as_of):
        ob = a.obligation
        if before.get(ob.id) != a.status:
            title = wording.both(wording.obligation_title, head.plan, ob)
            out.append(ObligationChange(ob.id, {"vi": title.vi, "en": title.en}, ob.agency or "—", ob.due.isoformat() if ob.due else "—", before.get(ob.id), a.status))
    return tuple(out)


def _status_label(status: str | None, lang: str) -> str:
    return "—" if status is None else labels(lang).status_name(status)  # type: ignore[arg-type]


def _entry_status(status: str | None, lang: str) -> str:
    # A report entry's status with the code the contributor wrote, for the reviewer.
    return "—" if status is None else f"{_status_label(status, lang)} ({status})"


def _number(value: float | None) -> str:
    if value is None:
        return "—"
    return str(int(value)) if float(value).is_integer() else str(value)


def render(diff: Diff, *, base: str, head: str) -> str:
    """The Markdown summary, Vietnamese first."""
    template = rendering.environment().get_template("diff/pr-comment.md.j2")
    text = template.render(d=diff, base=base, head=head, labels={lang: labels(lang) for lang in ("vi", "en")}, status_label=_status_label, entry_status=_entry_status, number=_number)
    # Markdown blocks are separated by exactly one blank line; rows of one table or list stay together.
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    out: list[str] = []
    for line in lines:
        if out and not (line[0] == out[-1][0] == "|" or line[:2] == out[-1][:2] == "- "):
            out.append("")
        out.append(line)
    return "\n".join(out) + "\n"
