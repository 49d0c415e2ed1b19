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
