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


class Document:
    """A loaded YAML file: its value, and where each node stands (found again from the text when first asked)."""

    __slots__ = ("file", "data", "describe", "_text", "_limits", "_located", "_texts")

    def __init__(self, file: str, data: Any, *, text: str = "", limits: LoadLimits | None = None, texts: list[str] | None = None) -> None:
        self.file = file
        """The file's path as shown in messages (relative to the project root where possible)."""
        self.data = data
        """Plain Python value: dict, list, str, int, float, bool or None."""
        self.describe: Callable[[NodePath], tuple[str, str] | None] | None = None
        """How a reader is told where a path is, (vi, en), when the dotted path would mean nothing to them."""
        self._text = text
        self._limits = limits or LoadLimits()
        self._located: _Located | None = None
        self._texts = texts

    @property
    def texts(self) -> list[str]:
        """Every text in the file, keys included (collected while loading; found again in the value otherwise)."""
        if self._texts is None:
            found: list[str] = []
            stack = [self.data]
            while stack:
                value = stack.pop()
                if isinstance(value, str):
                    found.append(value)
                elif isinstance(value, dict):
                    found.extend(k for k in value if isinstance(k, str))
                    stack.extend(value.values())
                elif isinstance(value, list):
                    stack.extend(value)
            self._texts = found
        return self._texts

    # Positions are needed only to report a problem, and most files have none: the first question about a
    # position parses the text once more, recording them; the value itself is never rebuilt.
    def _positions(self) -> _Located:
        if self._located is None:
            located = _Located()
            _build(_events(self._text), self.file, self._limits, _positions(self._text), located)
            self._located = located
        return self._located

    @property
    def marks(self) -> dict[NodePath, tuple[int, int]]:
        """1-based (line, column) of each value, by path."""
        return self._positions().marks

    @property
    def key_marks(self) -> dict[NodePath, tuple[int, int]]:
        """1-based (line, column) of each mapping key, by the path of its value."""
        return self._positions().key_marks

    @property
    def quoted(self) -> set[NodePath]:
        """Paths of the values written in quotes (so a hint never tells to remove quotes that are not there)."""
        return self._positions().quoted

    def mark(self, path: NodePath, *, key: bool = False) -> tuple[int, int]:
        """Position of the node at ``path``, or of its nearest ancestor that has one."""
        located = self._positions()
        table = located.key_marks if key else located.marks
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if not key and p in located.key_marks:
                return located.key_marks[p]
            p = p[:-1]
        return located.marks.get((), (1, 1))

    def problem(self, path: NodePath, code: str, *, key: bool = False, **params: Any) -> Problem:
        """A problem located at the node at ``path``."""
        line, col = self.mark(path, key=key)
        where = self.describe(tuple(path)) if self.describe is not None else None
        return Problem(file=self.file, line=line, column=col, field=format_path(path), code=code, params=params, where=where)


@dataclass
class _Located:
    """Where each node of a document stands: filled by :func:`_build` when asked to record positions."""

    marks: dict[NodePath, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[NodePath, tuple[int, int]] = field(default_factory=dict)
    quoted: set[NodePath] = field(default_factory=set)


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


_MAYBE_TYPED = frozenset("0123456789+-~nNtTfF")
"""First characters of the plain scalars that may be null, a boolean or a number; any other stays text."""


def _plain(value: str) -> Any:
    """A plain (unquoted, untagged) scalar: None, bool, int or float where YAML 1.1 and 1.2 agree, else its text."""
    if value and value[0] not in _MAYBE_TYPED:
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


def _events(text: str) -> Callable[[], Any]:
    """The parser's next-event function over ``text`` (None after the last event)."""
    return _LOADER(text).get_event


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
    # First without positions (most files are fine); on any problem, again recording them, to say where it is.
    try:
        texts: list[str] = []
        return Document(file, _build(_events(text), file, limits, _pos, None, texts), text=text, limits=limits, texts=texts)
    except Exception:  # noqa: BLE001 — every failure is explained by the located pass below
        pass
    position = _positions(text)
    try:
        data = _build(_events(text), file, limits, position, _Located())
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
    return Document(file, data, text=text, limits=limits)


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


_SCALAR, _MAPPING, _SEQUENCE, _END, _ALIAS, _DOCUMENT, _OTHER = range(7)
_KINDS = {
    yaml.ScalarEvent: _SCALAR, yaml.MappingStartEvent: _MAPPING, yaml.SequenceStartEvent: _SEQUENCE,
    yaml.MappingEndEvent: _END, yaml.SequenceEndEvent: _END, yaml.AliasEvent: _ALIAS, yaml.DocumentStartEvent: _DOCUMENT,
    yaml.StreamStartEvent: _OTHER, yaml.StreamEndEvent: _OTHER, yaml.DocumentEndEvent: _OTHER,
}
_STR_TAGS = frozenset({"!", "tag:yaml.org,2002:str"})
_COLLECTION_TAGS = frozenset({"!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
_SURROGATE = re.compile("[\ud800-\udfff]")
_NO_KEY = object()


def _build(next_event: Callable[[], Any], file: str, limits: LoadLimits, _pos: Any, located: _Located | None, texts: list[str] | None = None) -> Any:
    """The document's value, built from the parser's events under the strict rules of this module.

    With ``located`` it also records every node's position (and raises located problems); without it, it only
    builds, and any problem is raised bare for the caller to find again with positions. One set of rules, one
    loop. ``texts``, when given, receives every text scalar (keys included) as loaded.
    """
    # An explicit stack instead of recursion: deep input ends in a located error, never in RecursionError.
    # The open collection is held in locals (container, is_mapping, path, pending key); the stack keeps the outer ones.
    stack: list[tuple[Any, bool, NodePath, Any]] = []
    container: Any = None
    is_mapping = False
    path: NodePath = ()  # the open collection's path, kept only when locating
    pending: Any = _NO_KEY  # the key awaiting its value in an open mapping
    root: Any = None
    documents = nodes = 0
    max_nodes, max_depth = limits.max_nodes, limits.max_depth
    kinds = _KINDS
    keep_text = texts.append if texts is not None else None
    marks = located.marks if located is not None else None
    key_marks = located.key_marks if located is not None else None

    def fail(event: Any, code: str, at: NodePath | None, **params: Any) -> _Fail:
        line, col = _pos(event.start_mark)
        return _Fail(Problem(file, line, col, "(file)" if at is None else format_path(at), code, params))

    def here(container: Any, is_mapping: bool, path: NodePath, pending: Any) -> NodePath:
        """The path of the node the next event makes (the mapping's own path while a key is awaited)."""
        if located is None or container is None:
            return ()
        if not is_mapping:
            return path + (len(container),)
        return path if pending is _NO_KEY else path + (pending,)

    while True:
        event = next_event()
        if event is None:
            return root
        kind = kinds[event.__class__]
        if kind == _END:
            if stack:
                container, is_mapping, path, pending = stack.pop()
            else:
                container = None
            continue
        if kind == _OTHER:
            continue
        if kind == _DOCUMENT:
            documents += 1
            if documents > 1:
                raise fail(event, "yaml.multiple_documents", None)
            continue
        if kind == _ALIAS:
            raise fail(event, "yaml.alias", here(container, is_mapping, path, pending), name=event.anchor)
        nodes += 1
        if nodes > max_nodes:
            raise fail(event, "yaml.too_many_nodes", None, limit=max_nodes)
        if event.anchor is not None:
            raise fail(event, "yaml.anchor", here(container, is_mapping, path, pending), name=event.anchor)
        tag = event.tag
        if kind == _SCALAR:
            value = event.value
            if not value.isascii():
                if _SURROGATE.search(value):  # only the pure-Python parser lets "\ud800" through
                    raise fail(event, "yaml.escape", here(container, is_mapping, path, pending), began_vi="", began_en="")
                value = unicodedata.normalize("NFC", value)
            if tag is not None:
                if tag not in _STR_TAGS:
                    raise fail(event, "yaml.tag", here(container, is_mapping, path, pending), tag=_show_tag(tag))
            elif not event.style and (not value or value[0] in _MAYBE_TYPED):
                value = _plain(value)  # the C parser reports a plain scalar's style as "", the Python parser None
            if keep_text is not None and value.__class__ is str:
                keep_text(value)
        else:
            if tag is not None and tag not in _COLLECTION_TAGS:
                raise fail(event, "yaml.tag", here(container, is_mapping, path, pending), tag=_show_tag(tag))
            if len(stack) + (container is not None) >= max_depth:
                raise fail(event, "yaml.too_deep", here(container, is_mapping, path, pending), limit=max_depth)
            value = {} if kind == _MAPPING else []
        # Attach the node to the open collection: a sequence item, a mapping key, or a mapping value.
        at: NodePath = ()
        if container is None:
            root = value
            if marks is not None:
                marks[()] = _pos(event.start_mark)
        elif not is_mapping:
            if marks is not None:
                at = path + (len(container),)
                marks[at] = _pos(event.start_mark)
            container.append(value)
        elif pending is _NO_KEY:
            if kind != _SCALAR:
                raise fail(event, "yaml.complex_key", path)
            key = value if value.__class__ is str else ("" if value is None else (str(value).lower() if isinstance(value, bool) else str(value)))
            if key == "<<":
                raise fail(event, "yaml.merge_key", path)
            if key in container:
                first = key_marks.get(path + (key,), (0, 0))[0] if key_marks is not None else 0
                raise fail(event, "yaml.duplicate_key", path + (key,), key=key, first_line=first)
            if key_marks is not None:
                key_marks[path + (key,)] = _pos(event.start_mark)
            pending = key
            continue
        else:
            container[pending] = value
            if marks is not None:
                at = path + (pending,)
                marks[at] = _pos(event.start_mark)
            pending = _NO_KEY
        if kind == _SCALAR:
            if located is not None and event.style in ('"', "'"):
                located.quoted.add(at)
        else:
            if container is not None:
                stack.append((container, is_mapping, path, pending))
            container, is_mapping, path, pending = value, kind == _MAPPING, at, _NO_KEY


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
