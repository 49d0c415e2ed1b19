"""The validation cache (Bộ nhớ đệm kiểm tra): filed reports never change, so their checks are not repeated.

A report file that was valid stays valid while its bytes, the plan's files and the checking code stay the same,
and while the as-of date does not move back before the day it was checked (only report dates *after* the as-of
date are errors). So :func:`validate` keeps, in one JSON file:

- per clean report file (keyed by its path, its content, the day it reached the main branch, the plan and the code): the as-of date it was checked
  on and what the checks across files need of it (its entry ids and corrections);
- per clean plan (keyed by the plan's files and the code): the facts a report is checked against
  (:class:`~partracker.reading.reportfiles.PlanFacts`), so a new report is checked without loading the plan;
- per clean run (keyed by every file): that it was clean, with the counts the command prints.

Only clean results are kept; a file with a problem is always checked again and reported in full. The checks
across files always run, on every file. The cache is a speed-up only: deleting it changes no result, a file that
cannot be read or parsed is ignored (and replaced), and ``partracker validate --no-cache`` does without it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from partracker.reading import dataset as ds
from partracker.reading import reportfiles, translationfiles
from partracker.reading.errors import Problem
from partracker.reading.files import display_path
from partracker.reading.history import publication_dates
from partracker.reading.reportfiles import Filed, PlanFacts
from partracker.reading.yamlload import load_file

FORMAT = 1
"""Bumped when the cache file's layout changes (older files are then ignored)."""

DEFAULT_DIR = Path(".partracker-cache")
"""Where ``partracker validate`` keeps its cache, under the directory it runs in (never committed: it holds a .gitignore)."""

_PACKAGE = Path(__file__).resolve().parent.parent


@dataclass
class Outcome:
    """What ``partracker validate`` reports."""

    problems: list[Problem]
    tasks: int = 0
    agencies: int = 0
    reports: int = 0
    from_cache: dict[str, int] = field(default_factory=dict)
    """How much was answered by the cache: ``run`` (1 when the whole run was), ``files`` (report files), ``plan`` (0/1)."""


@lru_cache(maxsize=1)
def code_key() -> str:
    """A digest of the code and schemas that decide what is valid: any change to them empties the cache."""
    digest = hashlib.sha256(f"{FORMAT}".encode())
    for folder in ("reading", "domain", "language", "schemas"):
        for path in sorted((_PACKAGE / folder).glob("*.*")):
            if path.suffix in {".py", ".json"}:
                digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _digest(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


def _read_cache(path: Path) -> dict[str, Any]:
    """The cache file's contents, or an empty cache when it is missing, unreadable, corrupt or of another format."""
    empty: dict[str, Any] = {"format": FORMAT, "plans": {}, "files": {}, "runs": {}}
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return empty
    if not isinstance(data, dict) or data.get("format") != FORMAT or not all(isinstance(data.get(k), dict) for k in ("plans", "files", "runs")):
        return empty
    return data


def _write_cache(directory: Path, data: dict[str, Any]) -> None:
    """Replace the cache file at once (a reader never sees half a file); a directory that cannot be written is left alone."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        ignore = directory / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Made by partracker validate: a cache, never committed.\n*\n", encoding="utf-8")
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".validation-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, directory / "validation.json")
    except OSError:
        pass


def _usable(checked_on: str | None, as_of: dt.date | None) -> bool:
    """A file clean on ``checked_on`` is clean on any later as-of date, and with no date check at all."""
    if as_of is None:
        return True
    return checked_on is not None and dt.date.fromisoformat(checked_on) <= as_of


def _facts_entry(facts: PlanFacts, tasks: int, agencies: int) -> dict[str, Any]:
    return {"facts": facts.to_json(), "tasks": tasks, "agencies": agencies}


def validate(root: Path, *, as_of: ds.AsOf = None, cache_dir: Path | None = DEFAULT_DIR) -> Outcome:
    """Every problem of plan-data/ at ``root``, as :func:`~partracker.reading.dataset.load_dataset` finds them.

    With ``cache_dir`` None nothing is read or written.
    """
    if cache_dir is None:
        loaded = ds.load_dataset(root, as_of=as_of)
        plan = loaded.plan
        return Outcome(loaded.problems, len(plan.tasks) if plan else 0, len(plan.agencies) if plan else 0, len(loaded.report_files))
    cache = _read_cache(cache_dir / "validation.json")
    translation_files: list[str] = []
    kinds, report_files, problems = ds.discover(root, translation_files)
    contents = _contents(root, sorted(kinds) + report_files + translation_files)
    plan_key = _digest(code_key(), *(part for rel in sorted(kinds) for part in (rel, contents.get(rel, b"\0missing"))))

    known = cache["plans"].get(plan_key)
    facts: PlanFacts | None = None
    if known is not None and not problems:
        try:
            facts = PlanFacts.from_json(known["facts"])
            tasks, agencies = int(known["tasks"]), int(known["agencies"])
        except (KeyError, TypeError, ValueError):
            facts = None
    if facts is None:
        loaded = ds.load_dataset(root, with_reports=False, as_of=as_of)
        if loaded.plan is None or loaded.problems:
            # A plan with problems: checked in full, nothing kept.
            return validate(root, as_of=as_of, cache_dir=None)
        facts = PlanFacts.of(loaded.plan)
        tasks, agencies = len(loaded.plan.tasks), len(loaded.plan.agencies)
        cache["plans"] = {plan_key: _facts_entry(facts, tasks, agencies)}
        used_plan = 0
    else:
        used_plan = 1
    day = as_of(facts.timezone) if callable(as_of) else as_of
    day_text = day.isoformat() if day else "none"
    # When each report reached the main branch is an input like its bytes: a file committed since it was checked is checked again.
    dates = publication_dates(root, facts.timezone).dates if report_files else {}
    published = {rel: dates[rel].isoformat() if rel in dates else "unknown" for rel in report_files}

    run_key = _digest(
        plan_key, day_text, *(part for rel in report_files + translation_files for part in (rel, contents.get(rel, b"\0link"), published.get(rel, "")))
    )
    if run_key in cache["runs"] and not problems:
        return Outcome([], tasks, agencies, len(report_files), {"run": 1, "plan": used_plan, "files": len(report_files)})

    filed: list[Filed] = []
    kept: dict[str, Any] = {}
    hits = 0
    for rel in report_files:
        content = contents.get(rel)
        key = _digest(plan_key, rel, content, published[rel]) if content is not None else None
        entry = cache["files"].get(key) if key else None
        if entry is not None:
            try:
                if _usable(entry["as_of"], day):
                    filed.append(_filed(root, rel, entry))
                    kept[key] = entry  # type: ignore[index]
                    hits += 1
                    continue
            except (KeyError, TypeError, ValueError):
                pass
        checked = reportfiles.check_report_file(facts, root, rel, as_of=day, model=False, published=dates.get(rel))
        problems.extend(checked.problems)
        if checked.filed is not None:
            filed.append(checked.filed)
            if not checked.problems and key is not None:
                kept[key] = {"as_of": day.isoformat() if day else None, "agency": checked.filed.agency, "filing": checked.filed.filing,
                             "ids": list(checked.filed.ids), "corrects": [list(c) for c in checked.filed.corrects]}
    problems.extend(reportfiles.cross_file_problems(filed, root))
    if translation_files:
        # Translations are checked against the notes of the reports they name: those few reports are read whole.
        named = {f"progress/{parts[1]}/{parts[2]}" for parts in (rel.split("/") for rel in translation_files) if len(parts) == 3}
        present = set(report_files)
        translated = [reportfiles.check_report_file(facts, root, rel, as_of=day, published=dates.get(rel)).report for rel in sorted(named & present)]
        _, found = translationfiles.check_translations(root, translation_files, [r for r in translated if r is not None], report_files)
        problems.extend(found)
    cache["files"] = kept
    cache["runs"] = {run_key: True} if not problems else {}
    _write_cache(cache_dir, cache)
    return Outcome(sorted(problems, key=Problem.sort_key), tasks, agencies, len(report_files), {"run": 0, "plan": used_plan, "files": hits})


def _contents(root: Path, rels: list[str]) -> dict[str, bytes]:
    """Each regular file's bytes (a link or an unreadable file is left out: it is checked, never cached)."""
    out = {}
    for rel in rels:
        path = root / rel
        if path.is_symlink():
            continue
        try:
            out[rel] = path.read_bytes()
        except OSError:
            continue
    return out


def _filed(root: Path, rel: str, entry: dict[str, Any]) -> Filed:
    def locate() -> Any:  # read again only for the position of a problem found across files
        doc = load_file(root / rel, display=display_path(root, rel))
        doc.describe = reportfiles.describe_entry(doc.data)
        return doc

    return Filed(str(entry["agency"]), str(entry["filing"]), tuple(entry["ids"]), tuple((int(i), str(ref)) for i, ref in entry["corrects"]), locate)
