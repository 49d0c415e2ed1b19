"""Live code under ``mkdocs serve`` (Nạp lại mã khi xem trước): the site module, re-imported when the package changes.

``mkdocs serve`` keeps a process alive across rebuilds and watches ``partracker/``; Python keeps
modules imported. Before each rebuild the MkDocs hook asks :func:`site_module`, which re-imports
every ``partracker`` module (but this one) when any file of the package has changed since the last
import, so an edit to the scheduler, a template or a label shows without a restart. Data files
need nothing: every rebuild makes a new build context.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

_PACKAGE = Path(__file__).resolve().parent.parent
_seen: dict[str, float] = {}


def _stamps() -> dict[str, float]:
    return {str(p): p.stat().st_mtime for p in sorted(_PACKAGE.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


def site_module(*, refresh: bool = False) -> ModuleType:
    """``partracker.outputs.mkdocs_site``; with ``refresh`` (at the start of a build), freshly imported if any file of the package changed."""
    global _seen
    if not refresh:
        return importlib.import_module("partracker.outputs.mkdocs_site")
    stamps = _stamps()
    if _seen and stamps != _seen:
        for name in [n for n in sys.modules if (n == "partracker" or n.startswith("partracker.")) and n != __name__]:
            del sys.modules[name]
    _seen = stamps
    return importlib.import_module("partracker.outputs.mkdocs_site")
