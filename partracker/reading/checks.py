"""Schema checks that speak the clerk's language (Kiểm tra theo lược đồ).

jsonschema finds the errors; this module turns each one into a located, bilingual
:class:`~partracker.reading.errors.Problem` with a concrete fix.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Any, Iterable

from jsonschema import Draft7Validator

from partracker.reading import schemas
from partracker.reading.errors import Problem, quote
from partracker.reading.yamlload import Document, NodePath

_VALIDATORS: dict[str, Draft7Validator] = {}

TYPE_NAMES = {
    "string": ("văn bản", "text"),
    "integer": ("số nguyên", "a whole number"),
    "number": ("số", "a number"),
    "object": ("một nhóm trường (khóa: giá trị)", "a mapping (key: value)"),
    "array": ("một danh sách (các dòng bắt đầu bằng '- ')", "a list (lines starting with '- ')"),
    "boolean": ("true hoặc false", "true or false"),
    "null": ("null", "null"),
}

# What a pattern means, for messages: (vi, en, example).
PATTERN_NAMES = {
    schemas.ID_SLUG: ("mã (chữ thường ASCII và dấu gạch ngang)", "id (lowercase ASCII and hyphens)", "so-noi-vu"),
    schemas.TASK_ID: ("mã nhiệm vụ", "task id", "A-I-1"),
    schemas.SECTION_ID: ("mã mục", "section id", "A-I"),
    schemas.ISO_DATE: ("ngày", "date", '"2017-03-05"'),
    "^[A-C]$": ("mã nhóm", "group id", "A"),
    "^[IVX]+$": ("số La Mã", "Roman numeral", "IV"),
    "^t[1-9][0-9]*$": ("mã chỉ tiêu", "target id", "t1"),
    schemas.PERIOD_PATTERN: ("kỳ báo cáo", "reporting period", "2017-q1"),
    schemas.ENTRY_ID: ("mã mục", "entry id", "e1"),
    schemas.REF_PATTERN: ("tham chiếu <kỳ>#<mã mục>", "<period>#<entry id> reference", "2017-q1#e1"),
}

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c]")
_PLACEHOLDERS = {"...", "…", "todo", "tbd", "fixme", "xxx", "?", "-", "n/a"}


def validator(name: str) -> Draft7Validator:
    """A cached validator for a schema."""
    if name not in _VALIDATORS:
        _VALIDATORS[name] = Draft7Validator(schemas.schema(name))
    return _VALIDATORS[name]


def type_of(value: Any) -> str:
    """The JSON type name of a loaded value, as shown in messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def slug_example(value: str) -> str:
    """A safe ASCII slug close to ``value``, for fix hints."""
    folded = unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
    ascii_ = "".join(c for c in folded if c.isascii())
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return slug or "ten-don-vi"


def schema_problems(doc: Document, name: str) -> list[Problem]:
    """Every schema violation in ``doc`` as a located problem (deduplicated, sorted)."""
    seen: set[tuple[Any, ...]] = set()
    out: list[Problem] = []
    for error in validator(name).iter_errors(doc.data):
        for problem in _convert(doc, error, name):
            key = (problem.line, problem.column, problem.field, problem.code, tuple(sorted(map(str, problem.params.items()))))
            if key not in seen:
                seen.add(key)
                out.append(problem)
    return sorted(out, key=Problem.sort_key)


def _convert(doc: Document, error: Any, name: str) -> Iterable[Problem]:
    path: NodePath = tuple(error.absolute_path)
    instance = error.instance
    kind = error.validator
    if kind == "required":
        for missing in error.validator_value:
            if isinstance(instance, dict) and missing not in instance:
                yield doc.problem(path, "schema.required", name=missing)
        return
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        for key in sorted(k for k in instance if k not in allowed):
            close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
            if close:
                vi, en = f"có phải ý bạn là '{close[0]}'? Đổi tên khóa", f"did you mean '{close[0]}'? Rename the key"
            else:
                vi = "xóa khóa này; các khóa được phép: " + ", ".join(allowed)
                en = "delete it; allowed keys: " + ", ".join(allowed)
            yield doc.problem(path + (key,), "schema.unknown_key", key=True, name=key, suggestion_vi=vi, suggestion_en=en)
        return
    if kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        exp_vi = " hoặc ".join(TYPE_NAMES[t][0] for t in expected)
        exp_en = " or ".join(TYPE_NAMES[t][1] for t in expected)
        got = f"{quote(instance)} ({TYPE_NAMES[type_of(instance)][1]})"
        hint_vi, hint_en = _type_hint(instance, expected)
        yield doc.problem(path, "schema.type", expected_vi=exp_vi, expected_en=exp_en, got=got, hint_vi=hint_vi, hint_en=hint_en)
        return
    if kind == "enum":
        choices = ", ".join("null" if c is None else str(c) for c in error.validator_value)
        aliases = error.schema.get("x-aliases", {})
        suggestion = aliases.get(str(instance).strip().lower()) if isinstance(instance, str) else None
        if suggestion is None and isinstance(instance, str):
            close = difflib.get_close_matches(instance, [str(c) for c in error.validator_value], n=1, cutoff=0.5)
            suggestion = close[0] if close else None
        if suggestion is not None:
            hint_vi, hint_en = f"dùng '{suggestion}'", f"use '{suggestion}'"
        else:
            hint_vi, hint_en = f"dùng một trong: {choices}", f"use one of: {choices}"
        yield doc.problem(path, "schema.enum", choices=choices, got=quote(instance), hint_vi=hint_vi, hint_en=hint_en)
        return
    if kind == "pattern":
        what_vi, what_en, example = PATTERN_NAMES.get(error.validator_value, ("giá trị", "value", error.validator_value))
        if error.validator_value == schemas.ID_SLUG and isinstance(instance, str) and (not instance.isascii() or _UNSAFE.search(instance)):
            yield doc.problem(path, "id.unsafe", got=quote(instance), example=slug_example(instance))
            return
        yield doc.problem(path, "schema.pattern", got=quote(instance), what_vi=what_vi, what_en=what_en, example=example)
        return
    if kind in ("minItems", "maxItems"):
        if error.schema.get("minItems") == error.schema.get("maxItems") == 2:
            yield doc.problem(path, "schema.line_range", got=quote(instance))
            return
        yield doc.problem(path, "schema.min_items", limit=error.validator_value)
        return
    if kind == "minLength":
        yield doc.problem(path, "schema.min_length")
        return
    if kind in ("minimum", "maximum"):
        low, high = error.schema.get("minimum"), error.schema.get("maximum")
        if low is not None and high is not None:
            yield doc.problem(path, "schema.range", got=quote(instance), minimum=low, maximum=high)
        elif kind == "minimum":
            yield doc.problem(path, "schema.minimum", got=quote(instance), minimum=low)
        else:
            yield doc.problem(path, "schema.maximum", got=quote(instance), maximum=high)
        return
    if kind == "uniqueItems":
        yield doc.problem(path, "schema.unique")
        return
    if kind == "oneOf" and isinstance(instance, (str, int, float, bool, list)):
        yield doc.problem(path, "schema.type", expected_vi="văn bản song ngữ {vi, en} hoặc null", expected_en="a bilingual text {vi, en} or null", got=quote(instance), hint_vi="viết dạng `vi: \"…\"` và `en: \"…\"` trên hai dòng thụt vào", hint_en="write `vi: \"…\"` and `en: \"…\"` on two indented lines")
        return
    if kind == "oneOf":
        # Descend into the branch that matches the value's shape so the message is concrete.
        for sub in sorted(error.context, key=lambda e: len(e.absolute_path), reverse=True):
            if sub.validator != "type":
                yield from _convert(doc, sub, name)
                return
    yield doc.problem(path, "schema.other", detail=error.message[:120], schema=f"{name}.schema.json")


def _type_hint(instance: Any, expected: list[str]) -> tuple[str, str]:
    if "string" in expected and not isinstance(instance, (dict, list)):
        return ('đặt giá trị trong dấu ngoặc kép, ví dụ "…"', 'put the value in double quotes, e.g. "…"')
    if "integer" in expected and isinstance(instance, str) and instance.lstrip("0").isdigit():
        return (f"viết {int(instance)} (không có số 0 ở đầu, không có dấu ngoặc kép)", f"write {int(instance)} (no leading zero, no quotes)")
    if "integer" in expected or "number" in expected:
        return ("viết một số, không có dấu ngoặc kép", "write a number without quotes")
    if "object" in expected and isinstance(instance, str):
        return ("viết dạng `vi: \"…\"` và `en: \"…\"` trên các dòng thụt vào", "write `vi: \"…\"` and `en: \"…\"` on indented lines")
    if "array" in expected:
        return ("viết mỗi phần tử trên một dòng bắt đầu bằng '- '", "write each item on its own line starting with '- '")
    if "boolean" in expected:
        return ("viết true hoặc false", "write true or false")
    return ("sửa theo mẫu trong lược đồ", "follow the schema")


def text_problems(doc: Document) -> list[Problem]:
    """Control, bidi and zero-width characters, and placeholder texts, anywhere in the file."""
    out: list[Problem] = []

    def walk(value: Any, path: NodePath) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                if isinstance(k, str) and _UNSAFE.search(k):
                    out.append(doc.problem(path + (k,), "text.unsafe_chars", key=True, chars=_names(k)))
                walk(v, path + (k,))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, path + (i,))
        elif isinstance(value, str):
            if _UNSAFE.search(value):
                out.append(doc.problem(path, "text.unsafe_chars", chars=_names(value)))
            elif value.strip().lower() in _PLACEHOLDERS or re.search(r"\b(TODO|FIXME|lorem ipsum)\b", value, re.I):
                out.append(doc.problem(path, "text.placeholder", got=quote(value)))

    walk(doc.data, ())
    return out


def _names(value: str) -> str:
    found = sorted({f"U+{ord(c):04X}" for c in _UNSAFE.findall(value)})
    return ", ".join(found)
