"""Reading files from a data directory (Đọc tệp): names as messages show them, and one strict read.

Every file of plan-data/ (and of demo/) is read through :func:`read`, which uses the one strict
YAML loader and turns every failure into a located problem.
"""

from __future__ import annotations

import os
from pathlib import Path

from partracker.reading.errors import Problem
from partracker.reading.yamlload import Document, LoadError, load_file


def display_path(root: Path, rel: str) -> str:
    """How a file is named in messages: relative to the project when plan-data/ is inside it."""
    try:
        # abspath, not resolve: a symlink must be named as the link, not as its target.
        return str(Path(os.path.abspath(root / rel)).relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(root / rel)


def read(root: Path, rel: str, problems: list[Problem], *, empty_hint: str) -> Document | None:
    """Load one file, adding its problems; None when it cannot be loaded (``empty_hint`` names what an empty file should hold)."""
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
        problems.append(Problem(shown, 1, 1, "(file)", "yaml.empty", {"expected": empty_hint}))
        return None
    return doc
