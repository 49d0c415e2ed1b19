"""Filed reports in git (Lịch sử báo cáo): what the main branch holds, when each report reached it, and the append-only rule.

Filed reports are append-only: nobody edits, deletes or replaces with a link a report file that is
on the main branch; a correction is a supplementary file (see :mod:`partracker.domain.periods`).

The date a report became public is the date its file first reached the branch that is checked out
(the main branch when the site is published): an input read from git, like the files themselves, so
the same commit always gives the same dates (:func:`publication_dates`).
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from partracker.domain.periods import FILING_RE
from partracker.reading.errors import Problem
from partracker.reading.files import display_path
from partracker.reading.reportfiles import REPORT_PATH, next_supplement


class GitError(Exception):
    """A git command failed; ``code`` and ``params`` word it for a reader (errors.MESSAGES)."""

    def __init__(self, code: str, **params: str) -> None:
        super().__init__(params.get("detail") or code)
        self.code = code
        """``git.ref_unknown``, ``git.not_repository``, ``git.missing`` or ``git.failed``."""
        self.params = params
        """Values for the message."""

    def problem(self, file: str) -> Problem:
        """This failure as a problem shown at ``file``."""
        return Problem(file, 1, 1, "(file)", self.code, dict(self.params))


def git(cwd: Path, *args: str) -> bytes:
    """Run git and return its output; raise :class:`GitError` (git's own words kept as a quoted detail)."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError as exc:
        raise GitError("git.missing", detail=exc.strerror or str(exc)) from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1] if done.stderr.strip() else f"git exited {done.returncode}"
        if "not a git repository" in detail:
            raise GitError("git.not_repository", path=str(cwd))
        raise GitError("git.failed", detail=detail)
    return done.stdout


def resolve_ref(cwd: Path, ref: str) -> str:
    """The commit a branch, tag or commit name points to; anything else, and anything git could read as an option, is refused."""
    if not ref or ref.startswith("-") or any(c in ref for c in "\0\n\r"):
        raise GitError("git.ref_unknown", ref=ref)
    try:
        return git(cwd, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}").decode("ascii").strip()
    except GitError as exc:
        if exc.code == "git.failed":
            raise GitError("git.ref_unknown", ref=ref) from None
        raise


def repo_prefix(root: Path) -> tuple[Path, str]:
    """The git top level holding ``root``, and ``root`` relative to it ('' at the top)."""
    top = Path(git(root, "rev-parse", "--show-toplevel").decode().strip()).resolve()
    rel = root.resolve().relative_to(top).as_posix()
    return top, "" if rel == "." else rel


@dataclass(frozen=True)
class Publication:
    """Ngày công bố — the date each report file first reached the branch, in the plan's time zone."""

    dates: Mapping[str, dt.date] = field(default_factory=dict)
    """First-commit date by path relative to plan-data/ (``progress/<agency>/<filing>.yaml``); a file not yet committed has none."""
    unknown: str | None = None
    """Why no date is known at all: ``no_git`` (git cannot read a history: no checkout, no commit yet, git missing) or ``shallow`` (a shallow clone
    hides the older commits, so its first commit would seem to add every file); None when the history was read."""


def publication_dates(root: Path, timezone: str) -> Publication:
    """When each report file under ``root/progress/`` first reached the checked-out branch, by one git call.

    Only the first-parent line counts (a file merged from a pull request is dated by the merge into the branch,
    not by the clerk's own commit), with the committer's time read as a date in ``timezone``. Without a full
    history the dates are unknown, never guessed.
    """
    try:
        top, prefix = repo_prefix(root)
        if git(top, "rev-parse", "--is-shallow-repository").strip() == b"true":
            return Publication(unknown="shallow")
        progress = f"{prefix}/progress/" if prefix else "progress/"
        log = git(top, "--literal-pathspecs", "log", "--first-parent", "--reverse", "--diff-filter=A", "--no-renames", "--name-only", "-z", "--format=%x01%ct", "--", progress)
    except (GitError, ValueError):  # ValueError: plan-data/ is outside the repository that holds it
        return Publication(unknown="no_git")
    zone = ZoneInfo(timezone)
    dates: dict[str, dt.date] = {}
    for commit in log.decode("utf-8", "surrogateescape").split("\x01"):
        seconds, *names = commit.split("\0")
        if not seconds:
            continue
        day = dt.datetime.fromtimestamp(int(seconds), zone).date()
        for name in names:
            rel = name.lstrip("\n")
            rel = rel[len(prefix) + 1 :] if prefix else rel
            if rel.endswith(".yaml"):  # report files only (not .gitkeep)
                # The oldest commit comes first: a file deleted and added again keeps its first date.
                dates.setdefault(rel, day)
    return Publication(dates=dates)


def history_problems(root: Path, base: str) -> list[Problem]:
    """Report files that exist at git ``base`` and were changed, deleted or replaced by a link in the working tree."""
    try:
        top, prefix = repo_prefix(root)
        commit = resolve_ref(top, base)
        progress = f"{prefix}/progress/" if prefix else "progress/"
        listing = git(top, "ls-tree", "-r", "-z", commit, "--", progress)
    except GitError as exc:
        return [exc.problem(display_path(root, "progress"))]
    except ValueError:  # plan-data/ is outside the repository that holds the working directory
        return [Problem(display_path(root, "progress"), 1, 1, "(file)", "git.not_repository", {"path": display_path(root, "")})]
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
