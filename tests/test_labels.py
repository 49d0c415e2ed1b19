"""The one label catalogue: every key in both languages, every key used, every code of the domain worded."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from partracker.domain import model, periods, schedule
from partracker.language.labels import FAMILIES, LABELS, bilingual, labels

PACKAGE = Path(__file__).resolve().parent.parent / "partracker"

# Each family's codes, from the domain's own vocabularies (or the wording rules that use them).
FAMILY_CODES: dict[str, set[str]] = {
    "status": set(schedule.STATUSES),
    "role": set(model.ROLES) | {"tier"},
    "rule_kind": set(model.RULE_KINDS),
    "report_kind": set(model.REPORT_KINDS),
    "period": set(periods.PERIOD_KINDS),
    "band": {"above_90", "70_90", "below_70"},
    "confidence": set(model.CONFIDENCES),
    "comparator": set(model.COMPARATORS),
    "agency_kind": set(model.AGENCY_KINDS),
    "when": set(model.RULE_KINDS) | {"per_regulation_cited"},
    "reason": {"no_date", "no_tier", "before_decision", "before_possible_dates", "before_decision_month", "before_plan", "date_dependent"},
    "title": {f"report_{k}" for k in model.REPORT_KINDS} | {"target"} | (set(model.RULE_KINDS) - {"periodic_reports"}),
}


def _sources() -> str:
    files = [*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.j2"), *(PACKAGE.parent / "overrides").rglob("*.html")]
    return "\n".join(p.read_text(encoding="utf-8") for p in files if p.name != "labels.py")


def test_every_key_has_both_languages_with_the_same_fields() -> None:
    for key, (vi, en) in LABELS.items():
        assert vi.strip() and en.strip(), key
        fields = [{f for _, f, _, _ in string.Formatter().parse(text) if f} for text in (vi, en)]
        # Quarters are Roman numerals in Vietnamese ("Quý {roman}") and digits in English ("Q{quarter}").
        assert fields[0] ^ fields[1] <= {"roman", "quarter"}, (key, fields)
        # No field is misspelled.
        assert fields[0] | fields[1] <= {"date", "timezone", "number", "year", "roman", "quarter", "recipient", "target", "task", "end", "citation", "due", "month",
                          "value", "n", "count", "status", "percent", "period", "agency", "id", "items", "note", "ref", "content", "role", "text",
                          "base", "head", "data", "tasks", "agencies", "reports", "site", "demo", "detail", "metric", "level",
                          "title", "group", "groups", "sections", "lead", "coordinating", "column", "shown", "total", "done",
                          "reading", "line", "dates", "owed", "on_time", "late", "missing", "open", "share", "band", "all", "name", "short",
                          "subscribe", "doubts", "summary"}, (key, fields)


def test_families_cover_the_domain_vocabularies_exactly() -> None:
    assert set(FAMILY_CODES) == set(FAMILIES)
    for family, codes in FAMILY_CODES.items():
        keys = {k.split(".", 1)[1] for k in LABELS if k.startswith(family + ".")}
        assert keys == codes, f"{family}: missing {sorted(codes - keys)}, unused {sorted(keys - codes)}"


def test_every_plain_key_is_used_somewhere() -> None:
    sources = _sources()
    unused = []
    for key in LABELS:
        if key.split(".", 1)[0] in FAMILIES:
            continue
        pattern = rf"(\b(words|vi|en|labels\([^)]*\))\.{key}\b|[\"']{re.escape(key)}[\"'])"
        if not re.search(pattern, sources):
            unused.append(key)
    assert unused == []


def test_one_wording_per_status_everywhere() -> None:
    assert labels("vi").status_name("not_started") == "Chưa thực hiện"
    assert labels("en").role_name("tier-2") == "Reporting tier 2"
    assert bilingual("status.not_assessed").en == "No report filed yet"
    with pytest.raises(KeyError, match="Unknown label: 'nope'"):
        labels("vi")["nope"]
    with pytest.raises(ValueError, match="Expected one of"):
        labels("fr")  # type: ignore[arg-type]


def test_english_counts_follow_the_number() -> None:
    en, vi = labels("en"), labels("vi")
    assert [en.count("count.report_files", n) for n in (0, 1, 2)] == ["0 report files", "1 report file", "2 report files"]
    assert [vi.count("count.report_files", n) for n in (1, 2)] == ["1 tệp báo cáo", "2 tệp báo cáo"]
    for key, (vi_text, en_text) in LABELS.items():
        if key.startswith("count."):
            singular, plural = en_text.split("|")
            assert singular.startswith("{n} ") and plural.startswith("{n} ") and singular != plural, key
            assert "|" not in vi_text, key


def test_no_message_leaves_the_plural_to_the_reader() -> None:
    # "1 report files", "2 problem(s)": every count a reader sees is worded through Labels.count (or the noun's own rule).
    import ast

    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.search(r"\w\(s\)", node.value):
                found.append(f"{path.relative_to(PACKAGE)}: {node.value[:60]}")
    assert found == []
