"""The strict loader: YAML 1.1 surprises, positions, limits — never a traceback."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from partracker.reading import yamlload
from partracker.reading.errors import MESSAGES, Problem
from partracker.reading.yamlload import LoadError, LoadLimits, load_text


def load(text: str):
    return load_text(text, "f.yaml").data


def problem(text: str | bytes, **kw):
    with pytest.raises(LoadError) as info:
        load_text(text, "f.yaml", **kw)
    return info.value.problems[0]


@pytest.mark.parametrize(
    "scalar, expected",
    [
        ("no", "no"),
        ("on", "on"),
        ("yes", "yes"),
        ("1:30", "1:30"),
        ("0123", "0123"),
        ("0x1F", "0x1F"),
        ("2025-02-30", "2025-02-30"),
        ("2017-03-05", "2017-03-05"),
        ("1e3", "1e3"),
        (".inf", ".inf"),
        ("true", True),
        ("false", False),
        ("null", None),
        ("~", None),
        ("42", 42),
        ("-7", -7),
        ("2.5", 2.5),
        ('"42"', "42"),
    ],
)
def test_plain_scalars_keep_their_written_meaning(scalar: str, expected: object) -> None:
    assert load(f"v: {scalar}\n") == {"v": expected}


def test_marks_are_one_based_for_values_and_keys() -> None:
    doc = load_text("a:\n  b: [1, 2]\n  c: x\n", "f.yaml")
    assert doc.marks[("a", "b", 1)] == (2, 10)
    assert doc.key_marks[("a", "c")] == (3, 3)
    assert doc.mark(("a", "missing")) == (1, 1) or doc.mark(("a", "missing")) == doc.marks[("a",)]


def test_text_is_normalized_to_nfc() -> None:
    decomposed = "Nội vụ".replace("ộ", "o\u0323\u0302")
    assert load(f'v: "{decomposed}"\n') == {"v": "Nội vụ"}


def test_duplicate_key_names_both_lines() -> None:
    p = problem("a: 1\nb: 2\na: 3\n")
    assert p.format("en") == "f.yaml:3:1: a: key 'a' appears twice (first at line 1) — fix: keep one 'a' and delete the other"
    assert p.format("vi") == "f.yaml:3:1: a: khóa 'a' lặp lại (đã có ở dòng 1) — cách sửa: giữ một khóa 'a' và xóa khóa còn lại"


def test_impossible_unquoted_date_stays_text_with_position() -> None:
    doc = load_text("d: 2025-02-30\n", "f.yaml")
    assert doc.data == {"d": "2025-02-30"} and doc.marks[("d",)] == (1, 4)


def test_not_utf8_names_the_byte_and_line() -> None:
    p = problem(b"a: 1\nb: \xff\n")
    assert (p.line, p.column, p.code) == (2, 4, "yaml.encoding")
    assert "0xFF" in p.format("en")


def test_size_and_depth_limits_end_in_errors() -> None:
    assert problem("a: " + "x" * 200 + "\n", limits=LoadLimits(max_bytes=100)).code == "yaml.too_large"
    assert problem("a: " + "[" * 100 + "]" * 100 + "\n").code == "yaml.too_deep"
    assert problem("[" + "1, " * 50 + "1]\n", limits=LoadLimits(max_nodes=10)).code == "yaml.too_many_nodes"


def test_very_deep_input_is_not_a_recursion_error() -> None:
    assert problem("[" * 100_000).code in ("yaml.too_deep", "yaml.syntax")


def test_bom_is_accepted() -> None:
    assert load_text("\ufeffa: 1\n".encode("utf-8"), "f.yaml").data == {"a": 1}


def test_non_text_keys_become_text() -> None:
    assert load("1: a\ntrue: b\n") == {"1": "a", "true": "b"}


def test_positions_count_lines_as_editors_do_when_a_lone_carriage_return_occurs() -> None:
    # libyaml counts "\r" as a line break; GitHub's annotations and editors number lines on "\n".
    with pytest.raises(LoadError) as caught:
        load_text("\ragency: so-noi-vu\nperiod: [\n", "x.yaml")
    (problem,) = caught.value.problems
    assert problem.line <= 3
    doc = load_text("a: 1\r\nb: 2\r\n", "x.yaml")
    assert doc.mark(("b",)) == (2, 4)


# --- syntax errors in the reader's words, from either parser ------------------------------------------

LOADERS = [pytest.param(yaml.CSafeLoader, id="libyaml"), pytest.param(yaml.SafeLoader, id="pure-python")]
"""Both parsers PyYAML offers: libyaml (used when PyYAML was built with it) and PyYAML's own."""


@pytest.fixture(params=LOADERS)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(yamlload, "_LOADER", request.param)
    return request.param


# (text, code, position, or {parser name: position} where the two parsers stop at different places)
SYNTAX_MISTAKES = [
    ('a: "abc\nb: 1\n', "yaml.unclosed_quote", (1, 4)),
    ("a: 'abc\nb: 1\n", "yaml.unclosed_quote", (1, 4)),
    ('a: {vi: "x", en: "y}\nb:\n  c: {vi: "z", en: "w"}\n', "yaml.unclosed_quote", (1, 18)),
    ('a: "x\n---\n"\n', "yaml.unclosed_quote", (1, 4)),
    ("a:\n\tb: 1\n", "yaml.tab", (2, 1)),
    ("a:\n  b: 1\n\t c: 2\n", "yaml.tab", (3, 1)),
    ("a: |\n  b\n\tc\n", "yaml.tab", (3, 1)),
    ("a: @x\n", "yaml.special_char", (1, 4)),
    ("a: `x`\n", "yaml.special_char", (1, 4)),
    ("a: &\n", "yaml.special_char", (1, 5)),
    ("a: *\n", "yaml.special_char", (1, 5)),
    ("a: ? b\n", "yaml.special_char", (1, 4)),
    ("a: !<x\n", "yaml.special_char", (1, 7)),
    ("a: !<> b\n", "yaml.special_char", (1, 6)),
    ("a: !x!y b\n", "yaml.special_char", (1, 4)),
    ("a: !<%zz> b\n", "yaml.special_char", {"libyaml": (1, 6), "pure-python": (1, 7)}),
    ("a: !<%ff> b\n", "yaml.special_char", (1, 6)),
    ("a: b: c\n", "yaml.colon", (1, 5)),
    ("a: 1 b: 2\n", "yaml.colon", (1, 7)),
    ("a: 1\nb\nc: 2\n", "yaml.missing_colon", (2, 1)),
    ("a:\n  b: 1\n c: 2\n", "yaml.indentation", (3, 2)),
    ("key:\n  - a\n  b: c\n", "yaml.indentation", (3, 3)),
    ('a: "x" y\n', "yaml.text_after_value", (1, 8)),
    ("a: 1\n- b\n", "yaml.list_in_mapping", (2, 1)),
    ("a:\n  - b\n - c\n", "yaml.list_in_mapping", (3, 2)),
    ("a: {b: 1\nc: 2\n", "yaml.unclosed_bracket", (2, 2)),
    ("a: [1, 2\nc: 2\n", "yaml.unclosed_bracket", (2, 2)),
    ("a: {b: 1 c: 2}\n", "yaml.unclosed_bracket", (1, 11)),
    ("a: ]\n", "yaml.missing_value", (1, 4)),
    ("a: ,\n", "yaml.missing_value", (1, 4)),
    ("a: [b, - c]\n", "yaml.missing_value", (1, 8)),
    ("a: [\n", "yaml.end", (2, 1)),
    ('a: "\\q"\n', "yaml.escape", {"libyaml": (1, 5), "pure-python": (1, 6)}),
    ('a: "\\xZZ"\n', "yaml.escape", (1, 7)),
    ('a: "\\u12"\n', "yaml.escape", (1, 7)),
    ("a: |0\n  x\n", "yaml.block_scalar", (1, 5)),
    ("a: |x\n  x\n", "yaml.block_scalar", (1, 5)),
    ("a: - b\n", "yaml.list_after_key", (1, 4)),
    ("%YAML 2.0\n---\na: 1\n", "yaml.directive", (1, 1)),
    ("%YAML x\n---\na: 1\n", "yaml.directive", (1, 1)),
    ("%YA!ML 1.1\n---\n", "yaml.directive", (1, 1)),
    ("%\n---\n", "yaml.directive", (1, 1)),
    ("%YAML 1.1\n%YAML 1.1\n---\na: 1\n", "yaml.directive", (1, 1)),
    ("%TAG !x! tag:a,2000:\n%TAG !x! tag:b,2000:\n---\na: 1\n", "yaml.directive", (1, 1)),
    ("%TAG !x!y tag:a\n---\n", "yaml.directive", (1, 1)),
    ("%YAML 1.1\na: 1\n", "yaml.directive", (1, 1)),
    ("{a: 1}}\n", "yaml.after_end", (1, 7)),
    ("a: b\n...\nc: d\n", "yaml.after_end", (3, 1)),
    ("a: 1\n\ufeffb: 2\n", None, None),  # libyaml refuses a BOM inside the text, PyYAML reads it as part of the key
    ("a: b\x01\n", "yaml.control_char", (1, 5)),
]


@pytest.mark.parametrize("text, code, position", SYNTAX_MISTAKES, ids=[repr(t[0])[1:30] for t in SYNTAX_MISTAKES])
def test_each_syntax_mistake_has_its_own_message_and_place(parser: Any, text: str, code: str | None, position: Any) -> None:
    name = "libyaml" if parser is yaml.CSafeLoader else "pure-python"
    if code is None:
        if name == "libyaml":
            assert problem(text).code == "yaml.invisible_char"
        return
    found = problem(text)
    where = position[name] if isinstance(position, dict) else position
    assert (found.code, (found.line, found.column)) == (code, where)
    for lang in ("vi", "en"):
        assert "{" not in found.format(lang).replace("'{'", "").replace("{vi:", "")


def test_an_unclosed_quote_is_named_where_it_opened_and_where_the_reader_stopped(parser: Any) -> None:
    text = 'agency: "so-noi-vu"\nentries:\n  - id: "e1"\n    note: {vi: "Đã ban hành", en: "Issued}\n    status: "done"\n    reported: "2017-03-04"\n'
    assert problem(text).format("vi") == (
        "f.yaml:4:35: (file): dấu ngoặc kép \" mở ở dòng 4, cột 35 chưa được đóng (trình đọc YAML dừng ở dòng 5) — "
        "cách sửa: thêm dấu \" ở cuối văn bản đó, trên cùng dòng"
    )
    assert problem(text).format("en") == (
        "f.yaml:4:35: (file): the double quote \" opened at line 4, column 35 is never closed (the YAML reader stopped at line 5) — "
        "fix: add the closing \" at the end of that text, on the same line"
    )


def test_a_syntax_error_says_where_the_construct_began(parser: Any) -> None:
    found = problem("entries:\n  - id: e1\n    task: A-I-1\n   status: done\n")
    assert found.line == 4
    assert "bắt đầu ở dòng 2" in found.format("vi") and "begins at line 2" in found.format("en")


def test_a_missing_colon_points_at_the_key_not_the_next_line(parser: Any) -> None:
    found = problem("agency: so-noi-vu\nperiod 2017-q1\nsubmitted: \"2017-03-04\"\n")
    assert (found.code, found.line, found.column) == ("yaml.missing_colon", 2, 1)
    assert found.format("vi") == (
        "f.yaml:2:1: (file): dòng này có chữ nhưng thiếu dấu hai chấm ':' sau tên khóa — cách sửa: viết dạng `khóa: giá trị`; "
        "nếu đây là phần tiếp theo của văn bản ở dòng trên, đặt cả văn bản đó trong dấu ngoặc kép"
    )


# Every problem text the two parsers can produce from text (libyaml's scanner and parser, PyYAML's scanner.py
# and parser.py), with the context it comes with. Messages of the byte reader (UTF-8/UTF-16 decoding, input
# length), of the emitter and of the composer cannot occur: the loader decodes the bytes itself, never emits,
# and builds values from events.
PARSER_PROBLEMS = [
    ("while scanning a quoted scalar", "found unexpected end of stream"),
    ("while scanning a quoted scalar", "found unexpected document indicator"),
    ("while scanning a quoted scalar", "found unexpected document separator"),
    ("while scanning a plain scalar", "found a tab character that violates indentation"),
    ("while scanning a block scalar", "found a tab character where an indentation space is expected"),
    ("while scanning for the next token", "found character that cannot start any token"),
    ("while scanning for the next token", "found character '@' that cannot start any token"),
    (None, "mapping values are not allowed in this context"),
    (None, "mapping values are not allowed here"),
    (None, "mapping keys are not allowed in this context"),
    (None, "mapping keys are not allowed here"),
    (None, "block sequence entries are not allowed in this context"),
    (None, "sequence entries are not allowed here"),
    ("while scanning a simple key", "could not find expected ':'"),
    ("while parsing a block mapping", "did not find expected key"),
    ("while parsing a block mapping", "expected <block end>, but found '<scalar>'"),
    ("while parsing a block collection", "did not find expected '-' indicator"),
    ("while parsing a flow mapping", "did not find expected ',' or '}'"),
    ("while parsing a flow mapping", "expected ',' or '}', but got ':'"),
    ("while parsing a flow sequence", "did not find expected ',' or ']'"),
    ("while parsing a flow sequence", "expected ',' or ']', but got ':'"),
    ("while parsing a flow node", "did not find expected node content"),
    ("while parsing a block node", "expected the node content, but found ']'"),
    ("while parsing a quoted scalar", "found unknown escape character"),
    ("while scanning a double-quoted scalar", "found unknown escape character 'q'"),
    ("while parsing a quoted scalar", "did not find expected hexdecimal number"),
    ("while scanning a double-quoted scalar", "expected escape sequence of 2 hexadecimal numbers, but found 'Z'"),
    ("while parsing a quoted scalar", "found invalid Unicode character escape code"),
    ("while scanning a block scalar", "found an indentation indicator equal to 0"),
    ("while scanning a block scalar", "expected indentation indicator in the range 1-9, but found 0"),
    ("while scanning a block scalar", "did not find expected comment or line break"),
    ("while scanning a block scalar", "expected chomping or indentation indicators, but found 'x'"),
    ("while scanning a block scalar", "expected a comment or a line break, but found 'x'"),
    ("while scanning an anchor", "did not find expected alphabetic or numeric character"),
    ("while scanning an alias", "expected alphabetic or numeric character, but found '\\n'"),
    ("while scanning a tag", "did not find expected whitespace or line break"),
    ("while scanning a tag", "expected ' ', but found ','"),
    ("while scanning a tag", "did not find the expected '>'"),
    ("while parsing a tag", "expected '>', but found '\\n'"),
    ("while parsing a tag", "did not find expected tag URI"),
    ("while parsing a tag", "expected URI, but found '>'"),
    ("while scanning a tag", "did not find expected '!'"),
    ("while scanning a tag", "expected '!', but found 'x'"),
    ("while parsing a tag", "did not find URI escaped octet"),
    ("while scanning a tag", "expected URI escape sequence of 2 hexadecimal numbers, but found 'z'"),
    ("while parsing a tag", "found an incorrect leading UTF-8 octet"),
    ("while parsing a tag", "found an incorrect trailing UTF-8 octet"),
    ("while scanning a tag", "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"),
    ("while parsing a node", "found undefined tag handle"),
    ("while parsing a node", "found undefined tag handle '!x!'"),
    ("while scanning a directive", "found unknown directive name"),
    ("while scanning a directive", "found unexpected non-alphabetical character"),
    ("while scanning a directive", "could not find expected directive name"),
    ("while scanning a directive", "expected alphabetic or numeric character, but found '\\n'"),
    ("while scanning a %YAML directive", "did not find expected version number"),
    ("while scanning a directive", "expected a digit, but found 'x'"),
    ("while scanning a %YAML directive", "did not find expected digit or '.' character"),
    ("while scanning a directive", "expected a digit or '.', but found 'x'"),
    ("while scanning a directive", "expected a digit or ' ', but found 'x'"),
    ("while scanning a %YAML directive", "found extremely long version number"),
    ("while scanning a directive", "did not find expected comment or line break"),
    ("while scanning a %TAG directive", "did not find expected whitespace"),
    ("while scanning a directive", "expected ' ', but found 'y'"),
    (None, "found incompatible YAML document"),
    (None, "found incompatible YAML document (version 1.* is required)"),
    (None, "found duplicate %YAML directive"),
    (None, "found duplicate YAML directive"),
    (None, "found duplicate %TAG directive"),
    (None, "duplicate tag handle '!x!'"),
    (None, "did not find expected <document start>"),
    (None, "expected '<document start>', but found '<scalar>'"),
]


@pytest.mark.parametrize("context, text", PARSER_PROBLEMS, ids=[t for _, t in PARSER_PROBLEMS])
def test_every_parser_message_is_mapped_to_a_kind_of_mistake(context: str | None, text: str) -> None:
    kind = yamlload.classify(context, text)
    assert kind != "syntax" and f"yaml.{kind}" in MESSAGES


def test_an_unknown_parser_message_still_reads_in_the_chosen_language() -> None:
    assert yamlload.classify(None, "something new") == "syntax"
    generic = Problem("f.yaml", 1, 1, "(file)", "yaml.syntax", {"detail": "something new", "began_vi": "", "began_en": ""})
    assert generic.format("vi") == (
        "f.yaml:1:1: (file): cú pháp YAML không hợp lệ ở đây — cách sửa: kiểm tra thụt lề (dùng dấu cách, không dùng tab), dấu hai chấm và dấu ngoặc kép ở dòng này"
    )
