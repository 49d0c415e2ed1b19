"""Reading files from a data directory (Đọc tệp): names as messages show them, and one strict read.

Every file of plan-data/ (and of demo/) is read through :func:`read`, which uses the one strict
YAML loader and turns every failure into a located problem. Nothing the site is built from may be a
symbolic link (:func:`symlink_problems`): a link in a pull request could publish any file of the machine
that builds the site.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from partracker.reading.errors import Problem
from partracker.reading.yamlload import Document, LoadError, load_file


def display_path(root: Path, rel: str) -> str:
    """How a file is named in messages: relative to the project when plan-data/ is inside it."""
    try:
        # abspath, not resolve: a symlink must be named as the link, not as its target.
        return str(Path(os.path.abspath(root / rel)).relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(root / rel)


def read(root: Path, rel: str, problems: list[Problem], *, empty: tuple[str, dict[str, Any]]) -> Document | None:
    """Load one file, adding its problems; None when it cannot be loaded (``empty``: the problem an empty file is, with its template)."""
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
        problems.append(Problem(shown, 1, 1, "(file)", empty[0], empty[1]))
        return None
    return doc


PROJECT_PARTS = ("mkdocs.yml", "mkdocs.en.yml", "docs", "overrides", "hooks")
"""What the site build reads from a project besides its data: the configurations, hand-written pages, theme overrides and hook."""


def symlink_problem(root: Path, rel: str) -> Problem:
    """A symbolic link at ``root/rel``, named as the link (not as what it points to)."""
    return Problem(display_path(root, rel), 1, 1, "(file)", "dir.symlink" if (root / rel).is_dir() else "file.symlink", {})


def symlink_problems(root: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> list[Problem]:
    """Every symbolic link among ``parts`` of ``root`` and anywhere below them (links are never followed)."""
    found: list[Problem] = []
    for part in parts:
        path = root / part
        if path.is_symlink():
            found.append(symlink_problem(root, part))
            continue
        if not path.is_dir():
            continue
        for folder, dirs, files in os.walk(path):
            for name in sorted(dirs + files):
                if (Path(folder) / name).is_symlink():
                    found.append(symlink_problem(root, (Path(folder) / name).relative_to(root).as_posix()))
    return sorted(found, key=Problem.sort_key)
