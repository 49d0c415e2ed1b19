"""JSON Schemas: saved files in sync, every property described in both languages, every YAML file points to its schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import pytest
from jsonschema import Draft7Validator

from partracker.reading import schemas as schemas

ROOT = Path(__file__).resolve().parent.parent


def properties(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield f"{path}.{name}", sub
        for key, sub in node.items():
            yield from properties(sub, f"{path}/{key}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            yield from properties(sub, f"{path}[{i}]")


@pytest.mark.parametrize("name", schemas.names())
def test_saved_schema_is_in_sync(name: str) -> None:
    saved = (schemas.SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")
    assert saved == schemas.rendered(name), "run `partracker schemas` and commit the result"


@pytest.mark.parametrize("name", schemas.names())
def test_schema_is_valid_draft7_and_every_property_is_bilingual(name: str) -> None:
    schema = json.loads((schemas.SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    found = list(properties(schema))
    assert found
    for where, prop in found:
        desc = prop.get("x-description", {})
        assert desc.get("vi") and desc.get("en") and desc["vi"] != desc["en"], where
        assert prop["description"] == f"{desc['vi']} — {desc['en']}", where


def test_report_schema_is_included() -> None:
    assert "report" in schemas.names()


def test_every_yaml_file_names_its_schema() -> None:
    files = sorted((ROOT / "plan-data").rglob("*.yaml"))
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.is_file() and target.parent == schemas.SCHEMA_DIR, path


# The fast path: most files are valid, so a compiled validator (fastjsonschema) answers first and jsonschema only
# explains the files it rejects. The two must agree on every document, or a bad file would pass unexplained.

def _sample_documents() -> list[tuple[str, Any]]:
    from partracker.reading.yamlload import load_text

    by_name = {"plan": "plan.yaml", "agencies": "agencies.yaml", "glossary": "glossary.yaml", "groups": "groups.yaml",
               "reporting": "reporting.yaml", "responsibilities": "responsibilities.yaml"}
    out = [(name, load_text((ROOT / "plan-data" / file).read_text(encoding="utf-8"), file).data) for name, file in by_name.items()]
    out += [("section", load_text(p.read_text(encoding="utf-8"), p.name).data) for p in sorted((ROOT / "plan-data" / "tasks").glob("*.yaml"))[:3]]
    out += [("report", load_text(p.read_text(encoding="utf-8"), p.name).data) for p in sorted((ROOT / "demo" / "progress").rglob("*.yaml"))[:6]]
    return out


_ODD_VALUES = [None, True, False, 0, -1, 1.5, 10**20, "", " ", "x", "2017-q1", "2017-02-30", "in_progress", [], [None], {}, {"x": 1}]


def _mutations(value: Any) -> Iterator[Any]:
    """Documents one small change away from ``value``: each node replaced, dropped or given an extra key."""
    yield from _ODD_VALUES
    if isinstance(value, dict):
        for key in list(value)[:12]:
            yield {k: v for k, v in value.items() if k != key}
            for changed in _mutations(value[key]):
                yield {**value, key: changed}
        yield {**value, "unexpected": 1}
    elif isinstance(value, list) and value:
        yield value[:-1]
        yield value + value[:1]
        for changed in _mutations(value[0]):
            yield [changed] + value[1:]


def test_compiled_validator_agrees_with_jsonschema() -> None:
    import itertools

    from partracker.reading.checks import fast_validator, validator

    checked = rejected = 0
    for name, document in _sample_documents():
        for candidate in itertools.islice(_mutations(document), 3000):
            try:
                fast_validator(name)(candidate)
                fast_ok = True
            except Exception as error:  # fastjsonschema.JsonSchemaException
                assert type(error).__name__ in {"JsonSchemaValueException", "JsonSchemaException"}, error
                fast_ok = False
            assert fast_ok == validator(name).is_valid(candidate), (name, candidate)
            checked += 1
            rejected += not fast_ok
    assert checked > 5000 and 0 < rejected < checked
