"""The one strict YAML loader (Trình đọc YAML nghiêm ngặt) used by every part of the project.

It builds plain Python values from PyYAML's event stream, so nothing is constructed that the
data model does not expect, and it records where every node stands so that errors can name
``file:line:column``.

Why a loader of our own: PyYAML's ``safe_load`` follows YAML 1.1, where ``no`` is ``False``,
``1:30`` is 90, ``0123`` is 83 and ``2025-02-30`` raises an error without a line. Here a plain
scalar becomes ``None``, ``bool``, ``int`` or ``float`` only when YAML 1.2 and YAML 1.1 agree on
its meaning; everything else stays the text that was written, and the schema then says what was
expected. Anchors, aliases, merge keys, explicit tags, duplicate keys and several documents in
one file are refused.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from partracker.reading.errors import Problem

__all__ = ["Document", "LoadLimits", "load_text", "load_file", "NodePath", "format_path"]

NodePath = tuple[str | int, ...]
"""A path to a node: mapping keys and sequence indexes from the document root."""

# libyaml's parser when PyYAML was built with it (about three times faster), else the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)\.[0-9]+$")


@dataclass(frozen=True)
class LoadLimits:
    """Limits that end in a located error instead of exhausting memory or the stack."""

    max_bytes: int = 2 * 1024 * 1024
    """Largest file accepted, in bytes."""
    max_depth: int = 32
    """Deepest nesting of mappings and sequences."""
    max_nodes: int = 500_000
    """Most nodes (scalars, mappings, sequences) in one file."""


@dataclass
class Document:
    """A loaded YAML file: its value and the position of each node."""

    file: str
    """The file's path as shown in messages (relative to the project root where possible)."""
    data: Any
    """Plain Python value: dict, list, str, int, float, bool or None."""
    marks: dict[NodePath, tuple[int, int]] = field(default_factory=dict)
    """1-based (line, column) of each value, by path."""
    key_marks: dict[NodePath, tuple[int, int]] = field(default_factory=dict)
    """1-based (line, column) of each mapping key, by the path of its value."""

    def mark(self, path: NodePath, *, key: bool = False) -> tuple[int, int]:
        """Position of the node at ``path``, or of its nearest ancestor that has one."""
        table = self.key_marks if key else self.marks
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if not key and p in self.key_marks:
                return self.key_marks[p]
            p = p[:-1]
        return self.marks.get((), (1, 1))

    def problem(self, path: NodePath, code: str, *, key: bool = False, **params: Any) -> Problem:
        """A problem located at the node at ``path``."""
        line, col = self.mark(path, key=key)
        return Problem(file=self.file, line=line, column=col, field=format_path(path), code=code, params=params)


def format_path(path: NodePath) -> str:
    """``("tasks", 2, "status")`` → ``tasks[2].status``; the root is ``(file)``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(file)"


class _Fail(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def _pos(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


# Line breaks that libyaml counts but editors and GitHub's line numbers (which split on "\n") do not.
_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


def _positions(text: str) -> Any:
    """How a mark becomes (line, column): libyaml's own count, or counted on "\n" when other line breaks occur."""
    if not any(b in text for b in _OTHER_BREAKS):
        return _pos
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def pos(mark: Any) -> tuple[int, int]:
        line = bisect.bisect_right(starts, mark.index) - 1
        return (line + 1, mark.index - starts[line] + 1)

    return pos


def _show_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


def _scalar(event: yaml.ScalarEvent, file: str, path: NodePath, _pos: Any = _pos) -> Any:
    value = unicodedata.normalize("NFC", event.value)
    tag = event.tag
    if tag not in (None, "!", "tag:yaml.org,2002:str"):
        line, col = _pos(event.start_mark)
        raise _Fail(Problem(file, line, col, format_path(path), "yaml.tag", {"tag": _show_tag(tag)}))
    # The C parser reports a plain scalar's style as "" where the Python parser says None.
    if tag is not None or event.style not in (None, ""):
        return value
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


def load_text(text: str | bytes, file: str, *, limits: LoadLimits | None = None) -> Document:
    """Load one YAML document; raise :class:`LoadError` with every located problem found."""
    limits = limits or LoadLimits()
    if isinstance(text, bytes):
        if len(text) > limits.max_bytes:
            raise LoadError([Problem(file, 1, 1, "(file)", "yaml.too_large", {"size": len(text), "limit": limits.max_bytes})])
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            before = text[: exc.start]
            line = before.count(b"\n") + 1
            col = len(before) - (before.rfind(b"\n") + 1) + 1
            raise LoadError([Problem(file, line, col, "(file)", "yaml.encoding", {"byte": f"0x{text[exc.start]:02X}"})]) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if len(text.encode("utf-8")) > limits.max_bytes:
        raise LoadError([Problem(file, 1, 1, "(file)", "yaml.too_large", {"size": len(text.encode()), "limit": limits.max_bytes})])
    doc = Document(file=file, data=None)
    position = _positions(text)
    try:
        doc.data = _build(yaml.parse(text, Loader=_LOADER), doc, limits, position)
    except _Fail as fail:
        raise LoadError([fail.problem]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = position(mark) if mark else (1, 1)
        detail = (exc.problem or exc.context or "").strip()
        raise LoadError([Problem(file, line, col, "(file)", "yaml.syntax", {"detail": detail})]) from None
    except yaml.YAMLError as exc:  # ReaderError carries a position but no mark object
        position = getattr(exc, "position", None)
        line, col = (1, 1)
        if position is not None:
            before = text[:position]
            line = before.count("\n") + 1
            col = position - (before.rfind("\n") + 1) + 1
        raise LoadError([Problem(file, line, col, "(file)", "yaml.syntax", {"detail": str(exc).splitlines()[0]})]) from None
    return doc


def _build(events: Any, doc: Document, limits: LoadLimits, _pos: Any = _pos) -> Any:
    # An explicit stack instead of recursion: deep input ends in a located error, never in RecursionError.
    stack: list[tuple[Any, NodePath, str | None]] = []  # (container, path, pending key for mappings)
    root: Any = None
    documents = 0
    nodes = 0
    file = doc.file

    def attach(value: Any, start: Any, is_key_candidate: bool) -> None:
        nonlocal root
        if not stack:
            root = value
            doc.marks[()] = _pos(start)
            return
        container, path, pending = stack[-1]
        if isinstance(container, list):
            child = path + (len(container),)
            container.append(value)
            doc.marks[child] = _pos(start)
            return
        if pending is None:
            if not is_key_candidate:
                line, col = _pos(start)
                raise _Fail(Problem(file, line, col, format_path(path), "yaml.complex_key", {}))
            if not isinstance(value, str):
                value = "" if value is None else (str(value).lower() if isinstance(value, bool) else str(value))
            if value == "<<":
                line, col = _pos(start)
                raise _Fail(Problem(file, line, col, format_path(path), "yaml.merge_key", {}))
            if value in container:
                line, col = _pos(start)
                first = doc.key_marks.get(path + (value,), (0, 0))[0]
                raise _Fail(Problem(file, line, col, format_path(path + (value,)), "yaml.duplicate_key", {"key": value, "first_line": first}))
            doc.key_marks[path + (value,)] = _pos(start)
            stack[-1] = (container, path, value)
            return
        child = path + (pending,)
        container[pending] = value
        doc.marks[child] = _pos(start)
        stack[-1] = (container, path, None)

    def child_path() -> NodePath:
        container, path, pending = stack[-1]
        if isinstance(container, list):
            return path + (len(container),)
        return path + (pending,) if pending is not None else path

    for event in events:
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                line, col = _pos(event.start_mark)
                raise _Fail(Problem(file, line, col, "(file)", "yaml.multiple_documents", {}))
            continue
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
            continue
        if isinstance(event, yaml.AliasEvent):
            line, col = _pos(event.start_mark)
            raise _Fail(Problem(file, line, col, format_path(child_path() if stack else ()), "yaml.alias", {"name": event.anchor}))
        if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            nodes += 1
            if nodes > limits.max_nodes:
                line, col = _pos(event.start_mark)
                raise _Fail(Problem(file, line, col, "(file)", "yaml.too_many_nodes", {"limit": limits.max_nodes}))
            if event.anchor is not None:
                line, col = _pos(event.start_mark)
                raise _Fail(Problem(file, line, col, format_path(child_path() if stack else ()), "yaml.anchor", {"name": event.anchor}))
        if isinstance(event, yaml.ScalarEvent):
            value = _scalar(event, file, child_path() if stack else (), _pos)
            attach(value, event.start_mark, True)
            continue
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if event.tag not in (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
                line, col = _pos(event.start_mark)
                raise _Fail(Problem(file, line, col, format_path(child_path() if stack else ()), "yaml.tag", {"tag": _show_tag(event.tag)}))
            if len(stack) >= limits.max_depth:
                line, col = _pos(event.start_mark)
                raise _Fail(Problem(file, line, col, format_path(child_path()), "yaml.too_deep", {"limit": limits.max_depth}))
            container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
            path = child_path() if stack else ()
            attach(container, event.start_mark, False)
            stack.append((container, path, None))
            continue
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
            continue
    return root


class LoadError(Exception):
    """A file could not be loaded; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.code for p in problems))
        self.problems = problems


def load_file(path: Path, *, display: str | None = None, limits: LoadLimits | None = None) -> Document:
    """Read ``path`` as bytes (refusing symlinks and oversize files) and load it."""
    limits = limits or LoadLimits()
    shown = display or str(path)
    if path.is_symlink():
        raise LoadError([Problem(shown, 1, 1, "(file)", "file.symlink", {})])
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise LoadError([Problem(shown, 1, 1, "(file)", "yaml.too_large", {"size": size, "limit": limits.max_bytes})])
    return load_text(path.read_bytes(), shown, limits=limits)
