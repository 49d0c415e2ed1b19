"""Schema checks that speak the clerk's language (Kiểm tra theo lược đồ).

jsonschema finds the errors; this module turns each one into a located, bilingual
:class:`~partracker.reading.errors.Problem` with a concrete fix.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Callable, Iterable

import fastjsonschema
from jsonschema import Draft7Validator

from partracker.language.folding import fold_diacritics, slugify
from partracker.language.labels import FAMILIES, LABELS
from partracker.reading import schemas
from partracker.reading.errors import Problem, char_name, is_invisible, quote
from partracker.reading.yamlload import Document, NodePath

_VALIDATORS: dict[str, Draft7Validator] = {}
_FAST: dict[str, Callable[[Any], Any]] = {}

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
    schemas.FILING_PATTERN: ("tên báo cáo <kỳ> hoặc <kỳ>-<n>", "report name <period> or <period>-<n>", "2017-q1"),
    schemas.SITE_URL: ("địa chỉ https:// của trang", "https:// address of the site", '"https://<owner>.github.io/<repo>/"'),
    schemas.REPOSITORY: ("kho GitHub chủ-sở-hữu/tên-kho", "GitHub repository owner/name", '"<owner>/<repo>"'),
    schemas.BRANCH: ("tên nhánh git", "git branch name", '"main"'),
    schemas.ORGANISATION: ("tên tổ chức GitHub", "GitHub organisation name", '"<org>"'),
}

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c]")
_PLACEHOLDERS = {"...", "…", "todo", "tbd", "fixme", "xxx", "?", "-", "n/a"}


def validator(name: str) -> Draft7Validator:
    """A cached validator for a schema: it finds every error and where it is."""
    if name not in _VALIDATORS:
        _VALIDATORS[name] = Draft7Validator(schemas.schema(name))
    return _VALIDATORS[name]


def fast_validator(name: str) -> Callable[[Any], Any]:
    """The same schema compiled to Python code: it only says whether a document is valid, some twenty times faster.

    Most files are valid, so this answers first and :func:`validator` explains the rest. Defaults are never
    filled in, formats never checked: like jsonschema's Draft7Validator without a format checker.
    """
    if name not in _FAST:
        _FAST[name] = fastjsonschema.compile(schemas.schema(name), use_default=False, use_formats=False)
    return _FAST[name]


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
    """A safe ASCII slug close to ``value``, for fix hints (the one slug rule, :func:`partracker.language.folding.slugify`)."""
    return slugify(value) or "ten-don-vi"


def schema_problems(doc: Document, name: str) -> list[Problem]:
    """Every schema violation in ``doc`` as a located problem (deduplicated, sorted)."""
    try:
        fast_validator(name)(doc.data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
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
        allowed = error.schema.get("properties", {})
        unknown = [str(k) for k in instance if k not in allowed] if isinstance(instance, dict) else []
        for missing in error.validator_value:
            if isinstance(instance, dict) and missing not in instance:
                # A key written with a typo or an invisible character is reported once, as that key, with the fix.
                if missing in {_bare(k) for k in unknown} or difflib.get_close_matches(missing, unknown, n=1, cutoff=0.75):
                    continue
                yield doc.problem(path, "schema.required", name=missing)
        return
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        for key in sorted(k for k in instance if k not in allowed):
            close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
            bare = _bare(str(key))
            hidden = _names(str(key), every=True)
            if bare in allowed and hidden:
                vi, en = f"xóa ký tự ẩn {hidden} khỏi tên khóa, để còn '{bare}'", f"delete the invisible {hidden} from the key, leaving '{bare}'"
            elif bare in allowed:
                vi, en = f"xóa dấu cách trong tên khóa, để còn '{bare}'", f"delete the spaces in the key, leaving '{bare}'"
            elif close:
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
        got_vi = f"{quote(instance)} ({TYPE_NAMES[type_of(instance)][0]})"
        got_en = f"{quote(instance)} ({TYPE_NAMES[type_of(instance)][1]})"
        hint_vi, hint_en = _type_hint(instance, expected, error.schema, quoted=path in doc.quoted)
        yield doc.problem(path, "schema.type", expected_vi=exp_vi, expected_en=exp_en, got_vi=got_vi, got_en=got_en, hint_vi=hint_vi, hint_en=hint_en)
        return
    if kind == "enum":
        choices = ", ".join("null" if c is None else f"'{c}'" for c in error.validator_value)
        aliases = error.schema.get("x-aliases", {})
        suggestion = aliases.get(str(instance).strip().lower()) if isinstance(instance, str) else None
        if suggestion is None and isinstance(instance, str):
            suggestion = _code_named(instance, [str(c) for c in error.validator_value])
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
        if error.validator_value == schemas.ISO_DATE and isinstance(instance, str):
            example = _iso_example(instance) or example
        yield doc.problem(path, "schema.pattern", got=quote(instance), what_vi=what_vi, what_en=what_en, example=example)
        return
    if kind in ("minItems", "maxItems"):
        if error.schema.get("minItems") == error.schema.get("maxItems") == 2:
            yield doc.problem(path, "schema.line_range", got=quote(instance))
            return
        items = error.schema.get("items", {})
        if items.get("$ref") == "#/definitions/text":
            hint_vi, hint_en = 'thêm phần tử, mỗi phần tử một dòng `- {vi: "…", en: "…"}`', 'add items, each on a line `- {vi: "…", en: "…"}`'
        elif items.get("type") == "object" and _fields(items):
            hint_vi, hint_en = f"thêm phần tử, mỗi phần tử bắt đầu bằng '- ' với các trường {_fields(items)}", f"add items, each starting with '- ' with the fields {_fields(items)}"
        else:
            hint_vi, hint_en = "thêm phần tử, mỗi phần tử một dòng bắt đầu bằng '- '", "add items, each on a line starting with '- '"
        limit = error.validator_value
        yield doc.problem(path, "schema.min_items", limit=limit, items_en="item" if limit == 1 else "items", hint_vi=hint_vi, hint_en=hint_en)
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
        yield doc.problem(
            path, "schema.type", expected_vi="văn bản song ngữ {vi, en} hoặc null", expected_en="a bilingual text {vi, en} or null",
            got_vi=f"{quote(instance)} ({TYPE_NAMES[type_of(instance)][0]})", got_en=f"{quote(instance)} ({TYPE_NAMES[type_of(instance)][1]})",
            hint_vi="viết dạng `vi: \"…\"` và `en: \"…\"` trên hai dòng thụt vào", hint_en="write `vi: \"…\"` and `en: \"…\"` on two indented lines",
        )
        return
    if kind == "oneOf":
        # Descend into the branch that matches the value's shape so the message is concrete.
        for sub in sorted(error.context, key=lambda e: len(e.absolute_path), reverse=True):
            if sub.validator != "type":
                yield from _convert(doc, sub, name)
                return
    described = error.schema.get("x-description", {}) if isinstance(error.schema, dict) else {}
    yield doc.problem(
        path, "schema.other", detail=error.message[:120],
        hint_vi=f"sửa cho khớp mô tả của trường: {described['vi']}" if described else f"đối chiếu với lược đồ {name}.schema.json",
        hint_en=f"make it fit the field's description: {described['en']}" if described else f"compare with the schema {name}.schema.json",
    )


def _bare(key: str) -> str:
    """A key without its invisible characters and spaces."""
    return "".join(c for c in key if not is_invisible(c) and not c.isspace())


def _folded(text: str) -> str:
    return " ".join(fold_diacritics(text).lower().split())


def _code_named(value: str, choices: list[str]) -> str | None:
    """The code whose name in the label catalogue (either language) is ``value``: 'cao' → 'high', 'Đang thực hiện' → 'in_progress'."""
    wanted = _folded(value)
    for family in FAMILIES:
        if all(f"{family}.{c}" in LABELS for c in choices):
            for c in choices:
                if wanted in {_folded(name) for name in LABELS[f"{family}.{c}"]}:
                    return c
    return None


def _iso_example(value: str) -> str | None:
    """A date written day/month/year (05/3/2017, 5-3-2017, 5.3.2017) or year/month/day, as it should be written: '"2017-03-05"'."""
    m = re.match(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$", value)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = re.match(r"^\s*(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})\s*$", value)
        if not m:
            return None
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return f'"{year:04d}-{month:02d}-{day:02d}"'


def _fields(schema: dict[str, Any]) -> str:
    return ", ".join(schema.get("required", ())) or ", ".join(schema.get("properties", {}))


def _type_hint(instance: Any, expected: list[str], schema: dict[str, Any], *, quoted: bool) -> tuple[str, str]:
    """A fix for a value of the wrong type: what to write, from the value written and the type the field takes."""
    shown = quote(instance) if isinstance(instance, str) else "true" if instance is True else "false" if instance is False else str(instance)
    if "string" in expected:
        if isinstance(instance, dict):
            return ("viết văn bản ngay sau dấu hai chấm, trên cùng dòng, trong dấu ngoặc kép \"…\"", 'write the text right after the colon, on the same line, in double quotes "…"')
        if isinstance(instance, list):
            return ("viết một văn bản trong dấu ngoặc kép \"…\", không phải một danh sách", 'write one text in double quotes "…", not a list')
        if instance is None:
            return ("điền văn bản sau dấu hai chấm, trong dấu ngoặc kép \"…\"", 'fill in the text after the colon, in double quotes "…"')
        return (f'viết "{shown}" (trong dấu ngoặc kép)', f'write "{shown}" (in double quotes)')
    if "integer" in expected or "number" in expected:
        whole = "integer" in expected
        if isinstance(instance, str):
            text = instance.strip()
            unquote_vi, unquote_en = (" và dấu ngoặc kép", " and the quotes") if quoted else ("", "")
            if re.fullmatch(r"0+[0-9]+", text):
                return (f"viết {int(text)} (bỏ số 0 ở đầu{unquote_vi})", f"write {int(text)} (drop the leading zero{unquote_en})")
            if re.fullmatch(r"[+-]?[0-9]+(?:\.[0-9]+)?", text):
                return (f"viết {text} không có dấu ngoặc kép", f"write {text} without quotes")
            if re.fullmatch(r"[0-9]+(?:[.,][0-9]+)?\s*%", text):
                number = text.rstrip("% ").replace(",", ".")
                return (f"viết {number} (không có dấu %)", f"write {number} (without the % sign)")
            if re.fullmatch(r"[0-9]+,[0-9]+", text) and not whole:
                number = text.replace(",", ".")
                return (f"viết {number} (phần thập phân sau dấu chấm)", f"write {number} (a point before the decimals)")
            others = ", ".join(f"'{c}'" for c in dict.fromkeys(c for c in text if not c.isdigit()))
            if any(c.isdigit() for c in text):
                return (f"chỉ viết chữ số, bỏ {others}", f"write digits only, without {others}")
            return ("viết con số bằng chữ số, ví dụ 3 thay cho 'ba'", "write the number in digits, e.g. 3 instead of 'three'")
        if isinstance(instance, float) and whole:
            return (f"viết một số nguyên, ví dụ {int(instance)}", f"write a whole number, e.g. {int(instance)}")
        if instance is None:
            return ("điền một số sau dấu hai chấm", "fill in a number after the colon")
        if isinstance(instance, bool):
            return ("viết một số, không phải true hay false", "write a number, not true or false")
        return ("viết một số bằng chữ số, trên cùng dòng với khóa", "write a number in digits, on the same line as the key")
    if "object" in expected:
        if set(schema.get("properties", {})) == {"vi", "en"}:
            return ('viết hai dòng thụt vào: `vi: "…"` và `en: "…"`', 'write two indented lines: `vi: "…"` and `en: "…"`')
        fields = _fields(schema)
        if isinstance(instance, list):
            return (f"bỏ dấu '- ': ở đây là một nhóm trường ({fields}), không phải danh sách", f"remove the '- ': this is a group of fields ({fields}), not a list")
        if fields:
            return (f"viết các trường {fields} trên các dòng thụt vào bên dưới, mỗi dòng `khóa: giá trị`", f"write the fields {fields} on indented lines below, one `key: value` a line")
        return ("viết các cặp `khóa: giá trị` trên các dòng thụt vào bên dưới", "write `key: value` pairs on indented lines below")
    if "array" in expected:
        if instance is None:
            return ("viết [] nếu không có gì, hoặc mỗi phần tử trên một dòng bắt đầu bằng '- '", "write [] when there is nothing, or each item on a line starting with '- '")
        if isinstance(instance, dict):
            return ("thêm '- ' trước nhóm trường này: ở đây là một danh sách", "put '- ' before this group of fields: this is a list")
        items = schema.get("items", {})
        if items.get("$ref") == "#/definitions/text":
            return ('viết mỗi phần tử trên một dòng bắt đầu bằng \'- \', dạng `- {vi: "…", en: "…"}`', 'write each item on a line starting with \'- \', as `- {vi: "…", en: "…"}`')
        if items.get("type") == "object":
            fields = _fields(items)
            return (f"viết mỗi phần tử trên một dòng bắt đầu bằng '- ', với các trường {fields}", f"write each item on a line starting with '- ', with the fields {fields}")
        return (f"viết [{shown}], hoặc mỗi phần tử trên một dòng bắt đầu bằng '- '", f"write [{shown}], or each item on a line starting with '- '")
    return ("viết true hoặc false", "write true or false")


_TODO = re.compile(r"\b(TODO|FIXME|lorem ipsum)\b", re.IGNORECASE)


def _suspect(texts: list[str]) -> bool:
    """Whether any of a file's texts may have a problem (each distinct text looked at once; most files have none)."""
    distinct = set(texts)
    if any(t.strip().lower() in _PLACEHOLDERS for t in distinct):
        return True
    joined = "\n".join(distinct)
    return bool(_UNSAFE.search(joined) or _TODO.search(joined))


def text_problems(doc: Document) -> list[Problem]:
    """Control, bidi and zero-width characters, and placeholder texts, anywhere in the file."""
    if not _suspect(doc.texts):
        return []
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
            elif value.strip().lower() in _PLACEHOLDERS or _TODO.search(value):
                out.append(doc.problem(path, "text.placeholder", got=quote(value)))

    walk(doc.data, ())
    return out


def unsafe_char_names() -> dict[str, str]:
    """Every character refused as unsafe in a text, with its name as messages give it (for the report builder)."""
    ranges = [m.group(0) for m in re.finditer(r".-.|.", _UNSAFE.pattern[1:-1], re.S)]
    chars = [chr(c) for r in ranges for c in range(ord(r[0]), ord(r[-1]) + 1)]
    return {c: char_name(c) for c in chars}


def _names(value: str, *, every: bool = False) -> str:
    """The unsafe (or, with ``every``, all invisible) characters of ``value``, named: ``U+200B ZERO WIDTH SPACE``."""
    found = {c for c in value if is_invisible(c)} if every else set(_UNSAFE.findall(value))
    return ", ".join(char_name(c) for c in sorted(found))
