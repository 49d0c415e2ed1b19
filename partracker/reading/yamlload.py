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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from partracker.reading.errors import (
    QUOTE_NAMES,
    YAML_CONSTRUCTS,
    Problem,
    char_name,
    is_invisible,
)

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
    quoted: set[NodePath] = field(default_factory=set)
    """Paths of the values written in quotes (so a hint never tells to remove quotes that are not there)."""
    describe: Callable[[NodePath], tuple[str, str] | None] | None = None
    """How a reader is told where a path is, (vi, en), when the dotted path would mean nothing to them."""

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
        where = self.describe(tuple(path)) if self.describe is not None else None
        return Problem(file=self.file, line=line, column=col, field=format_path(path), code=code, params=params, where=where)


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
    if any("\ud800" <= c <= "\udfff" for c in event.value):  # only the pure-Python parser lets "\ud800" through
        line, col = _pos(event.start_mark)
        raise _Fail(Problem(file, line, col, format_path(path), "yaml.escape", {"began_vi": "", "began_en": ""}))
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
        raise LoadError([syntax_problem(exc, text, file, position)]) from None
    except yaml.YAMLError as exc:  # ReaderError carries a position but no mark object
        offset = getattr(exc, "position", None)
        line, col = (1, 1)
        if isinstance(offset, int):
            before = text[:offset]
            line = before.count("\n") + 1
            col = offset - (before.rfind("\n") + 1) + 1
        char = getattr(exc, "character", None)
        if isinstance(char, int):
            raise LoadError([Problem(file, line, col, "(file)", "yaml.control_char", {"char": char_name(chr(char))})]) from None
        raise LoadError([Problem(file, line, col, "(file)", "yaml.syntax", {"detail": str(exc).splitlines()[0], "began_vi": "", "began_en": ""})]) from None
    except (OverflowError, ValueError):  # the pure-Python scanner on an escape such as "\UFFFFFFFF"
        raise LoadError([Problem(file, 1, 1, "(file)", "yaml.escape", {"began_vi": "", "began_en": ""})]) from None
    return doc


# --- YAML syntax errors in the reader's words -------------------------------------------------------
# The parser (libyaml, or PyYAML's pure-Python one) says what it expected in its own terms, in English.
# Each of its messages is sorted here into one kind of mistake a person makes, which errors.MESSAGES words
# in Vietnamese and English with a fix; the parser's "while scanning …" context says where the construct began.

_CONTEXTS = (
    (re.compile(r"quoted scalar"), "quote"),
    (re.compile(r"flow mapping"), "flow_mapping"),
    (re.compile(r"flow sequence"), "flow_sequence"),
    (re.compile(r"block mapping"), "block_mapping"),
    (re.compile(r"block collection"), "block_sequence"),
    (re.compile(r"simple key"), "key"),
    (re.compile(r"block scalar"), "block_scalar"),
    (re.compile(r"directive"), "directive"),
    (re.compile(r"anchor|alias|tag\b|\bnode\b|plain scalar"), "value"),
)
"""The parser's context ("while parsing a flow mapping") → the construct it names."""

_PROBLEMS = (
    (re.compile(r"^found unexpected end of stream$"), "end"),
    (re.compile(r"^found unexpected document (?:indicator|separator)$"), "document_marker"),
    (re.compile(r"^found a tab character|^found character '\\t' that cannot start any token$"), "tab"),
    (re.compile(r"^found character (?:'.*' )?that cannot start any token$"), "special_char"),
    (re.compile(r"^mapping values are not allowed (?:in this context|here)$"), "colon"),
    (re.compile(r"^could not find expected ':'$"), "missing_colon"),
    (re.compile(r"^did not find expected key$|^did not find expected '-' indicator$|^expected <block end>, but found"), "indentation"),
    (re.compile(r"^(?:did not find expected|expected) ',' or '\}'"), "unclosed_bracket"),
    (re.compile(r"^(?:did not find expected|expected) ',' or '\]'"), "unclosed_bracket"),
    (re.compile(r"^did not find expected node content$|^expected the node content, but found"), "missing_value"),
    (re.compile(r"^found unknown escape character|^did not find expected hexdecimal number$|^expected escape sequence of|^found invalid Unicode character escape code$"), "escape"),
    (re.compile(r"^found an indentation indicator equal to 0$|^expected indentation indicator in the range|^expected chomping or indentation indicators"), "block_scalar"),
    (re.compile(r"^(?:block )?sequence entries are not allowed"), "list_after_key"),
    (re.compile(r"^mapping keys are not allowed"), "special_char"),
    (re.compile(r"^found undefined tag handle|^did not find the expected '>'$|^expected '>', but found|^did not find expected tag URI$|^expected URI, but found"
                r"|^did not find expected '!'$|^expected '!', but found|^did not find URI escaped octet$|^expected URI escape sequence"
                r"|^found an incorrect (?:leading|trailing) UTF-8 octet$|codec can't decode byte"), "special_char"),
    (re.compile(r"^found unknown directive name$|^found unexpected non-alphabetical character$|^did not find expected version number$|^found incompatible YAML document|^found duplicate (?:%?YAML|%TAG) directive$"
                r"|^duplicate (?:%TAG directive|tag handle)|^(?:could|did) not find expected directive name$|^did not find expected digit or '\.' character$"
                r"|^expected a digit|^found extremely long version number$|^did not find expected <document start>$|^expected '<document start>', but found"), "directive"),
    # These depend on the construct: after '&', '*' or '!' a name is expected; after '|' or '>' only a line break.
    (re.compile(r"^did not find expected alphabetic or numeric character$|^expected alphabetic or numeric character, but found"
                r"|^did not find expected whitespace(?: or line break)?$|^expected ' ', but found"
                r"|^did not find expected comment or line break$|^expected a comment or a line break, but found"), "after_indicator"),
)
"""The parser's problem text (C and pure-Python wordings) → the kind of mistake."""

_SPECIAL_CHARS = "@`&*!%?|>,[]{}#'\"-:"


def classify(context: str | None, problem: str | None) -> str:
    """The kind of mistake a parser message describes: a key of errors.MESSAGES without ``yaml.``; ``syntax`` if unknown."""
    text = (problem or "").strip()
    for pattern, kind in _PROBLEMS:
        if pattern.search(text):
            if kind == "after_indicator":
                construct = construct_of(context)
                return {"block_scalar": "block_scalar", "directive": "directive"}.get(construct or "", "special_char")
            return kind
    return "syntax"


def construct_of(context: str | None) -> str | None:
    """The construct a parser context names (a key of errors.YAML_CONSTRUCTS), or None."""
    for pattern, construct in _CONTEXTS:
        if context and pattern.search(context):
            return construct
    return None


def _char_at(lines: list[str], pos: tuple[int, int]) -> str:
    line, col = pos
    if 1 <= line <= len(lines) and 1 <= col <= len(lines[line - 1]):
        return lines[line - 1][col - 1]
    return ""


def _shown_char(char: str) -> str:
    if not char:
        return "'…'"
    return char_name(char) if is_invisible(char) or char == " " else f"'{char}'"


def _open_multiline_quote(text: str, problem_line: int, position: Any) -> tuple[int, int, str] | None:
    """A quoted text that runs over several lines and ends where the parser stumbled: its opening quote was probably never closed."""
    found = None
    try:
        for token in yaml.scan(text, Loader=_LOADER):
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
                start, end = position(token.start_mark), position(token.end_mark)
                if end[0] > start[0] and end[0] >= problem_line - 1:
                    found = (*start, token.style)
    except yaml.YAMLError:
        pass
    return found


def syntax_problem(exc: yaml.MarkedYAMLError, text: str, file: str, position: Any) -> Problem:
    """A parser error as a located problem in the reader's words, pointing where the mistake is."""
    lines = text.split("\n")
    problem_at = position(exc.problem_mark) if exc.problem_mark else None
    context_at = position(exc.context_mark) if exc.context_mark else None
    at = problem_at or context_at or (1, 1)
    kind = classify(exc.context, exc.problem)
    construct = construct_of(exc.context)
    params: dict[str, Any] = {"detail": (exc.problem or exc.context or "").strip()}

    if kind in ("end", "document_marker") and construct == "quote" and context_at:
        kind, opened, char = "unclosed_quote", context_at, _char_at(lines, context_at)
    elif kind in ("unclosed_bracket", "indentation", "colon", "missing_colon", "missing_value", "document_marker", "end"):
        suspect = _open_multiline_quote(text, at[0], position)
        if suspect is not None:
            kind, opened, char = "unclosed_quote", suspect[:2], suspect[2]
    if kind == "unclosed_quote":
        quote_vi, quote_en = QUOTE_NAMES.get(char, QUOTE_NAMES['"'])
        params.update(open_line=opened[0], open_column=opened[1], seen_line=at[0], char=char, quote_vi=quote_vi, quote_en=quote_en)
        return Problem(file, opened[0], opened[1], "(file)", "yaml.unclosed_quote", params)

    if kind == "missing_colon" and context_at:
        at = context_at  # the parser notices on the next line; the key without its colon is on this one
        construct = None
    line_text = lines[at[0] - 1] if at[0] <= len(lines) else ""
    hidden = [c for c in line_text[: at[1]] if is_invisible(c) and c != "\t"]
    if hidden and kind != "control_char":
        # An invisible character (often U+FEFF or U+00A0 pasted from Word) is what the parser tripped on.
        kind = "invisible_char"
        params["char"] = char_name(hidden[0])
        construct = None
    if kind == "indentation":
        # The parser only says it found no key (or no '- '): the line itself tells which mistake it is.
        if line_text[: at[1] - 1].strip():
            kind = "text_after_value"
        elif _char_at(lines, at) == "-" and construct == "block_mapping":
            kind = "list_in_mapping"
    if kind == "unclosed_bracket":
        char = _char_at(lines, context_at) if context_at else "{"
        params.update(open_line=(context_at or at)[0], open_column=(context_at or at)[1], bracket=f"'{char or '{'}'", closer="'}'" if char == "{" else "']'")
        construct = None
    if kind in ("special_char", "missing_value"):
        # The character at fault: where the parser stopped, or the indicator that began the construct.
        char = _char_at(lines, context_at) if construct == "value" and context_at and _char_at(lines, context_at) in _SPECIAL_CHARS else _char_at(lines, at)
        if kind == "special_char" and char == "\t":
            kind = "tab"
        params["char"] = _shown_char(char)
    if kind == "missing_value" and not _char_at(lines, at) and at[0] >= len(lines) - 1:
        kind = "end"  # the file stops where a value should come: an unclosed '[' or '{'
    if kind == "directive":
        char_line = next((i + 1 for i, line in enumerate(lines) if line.startswith("%")), None)
        if char_line is not None:
            at = (char_line, 1)
        elif "document start" in params["detail"]:
            kind = "after_end"  # no directive: something follows the end of the document, such as an extra '}' or ']'
        construct = None
    began_vi = began_en = ""
    if construct is not None and context_at is not None and context_at[0] != at[0]:
        vi, en = YAML_CONSTRUCTS[construct]
        began_vi = "; " + vi.format(line=context_at[0], column=context_at[1])
        began_en = "; " + en.format(line=context_at[0], column=context_at[1])
    params.update(began_vi=began_vi, began_en=began_en)
    return Problem(file, at[0], at[1], "(file)", f"yaml.{kind}", params)


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
            path = child_path() if stack else ()
            value = _scalar(event, file, path, _pos)
            if event.style in ('"', "'"):
                doc.quoted.add(path)
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
