"""Live code under ``mkdocs serve`` (Nạp lại mã khi xem trước): the site module, re-imported when the package changes.

``mkdocs serve`` keeps a process alive across rebuilds and watches ``partracker/``; Python keeps
modules imported. Before each rebuild the MkDocs hook asks :func:`site_module`, which re-imports
every ``partracker`` module (but this one) when any file of the package has changed since the last
import, so an edit to the scheduler, a template or a label shows without a restart. Data files
need nothing: every rebuild makes a new build context.

Under ``mkdocs serve --dirty`` MkDocs rebuilds only the files it sees as modified. A generated page
is always new to it, so this module remembers what each generated file held at the last rebuild
(:func:`unchanged`): a page whose bytes did not change is not rendered again, and saving one progress
report re-renders the pages it shows on, not the whole language.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
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


_dirty = False
_previous: dict[tuple[str, str], bytes] = {}


class _DirtyNotice(logging.Filter):
    """Drops MkDocs' warning that a dirty build may leave stale links: the warning would stop a strict build, and
    this site's pages are rebuilt whenever their bytes change, links included (the navigation is the same on
    every page and only changes with the plan's sections)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


_NOTICE = _DirtyNotice()


def startup(command: str, dirty: bool) -> None:
    """MkDocs' start: remember whether this is ``mkdocs serve --dirty`` (the only case :func:`unchanged` says yes)."""
    global _dirty
    _dirty = command == "serve" and dirty
    _previous.clear()
    if _dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_NOTICE)


def unchanged(lang: str, path: str, content: str | bytes) -> bool:
    """Whether a generated file holds the same bytes as at the previous rebuild of ``mkdocs serve --dirty``."""
    if not _dirty:
        return False
    digest = hashlib.blake2b(content.encode("utf-8") if isinstance(content, str) else content, digest_size=16).digest()
    same = _previous.get((lang, path)) == digest
    _previous[(lang, path)] = digest
    return same
