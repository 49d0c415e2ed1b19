"""The strict loader: YAML 1.1 surprises, positions, limits — never a traceback."""

from __future__ import annotations

import pytest

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
