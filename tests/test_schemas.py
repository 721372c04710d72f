"""The JSON Schemas help an author in an editor: every property explained, none unknown."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from compiler.schemas import VOCABULARY_SCHEMA, render_vocabulary_schema
from compiler.vocabulary import vocabulary

SCHEMA = Path(__file__).resolve().parent.parent / "schema"
INPUT_SCHEMAS = [
    "authority.schema.json",
    "document.schema.json",
    "scenario.schema.json",
    "timescale.schema.json",
]


def load(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA / name).read_text(encoding="utf-8"))


def objects(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema object with properties, and where it is."""
    if isinstance(node, dict):
        if "properties" in node:
            yield path, node
        for key, value in node.items():
            yield from objects(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from objects(value, f"{path}/{index}")


@pytest.mark.parametrize("name", INPUT_SCHEMAS)
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    Draft202012Validator.check_schema(load(name))


@pytest.mark.parametrize("name", INPUT_SCHEMAS)
def test_every_property_has_a_title_a_description_and_an_example(name: str) -> None:
    missing = [
        f"{path}/properties/{prop}: {field}"
        for path, node in objects(load(name))
        for prop, spec in node["properties"].items()
        for field in ("title", "description", "examples")
        if field not in spec
    ]
    assert missing == []


@pytest.mark.parametrize("name", INPUT_SCHEMAS)
def test_unknown_properties_are_errors(name: str) -> None:
    open_objects = [
        path for path, node in objects(load(name)) if node.get("additionalProperties") is not False
    ]
    # subject's properties live in the generated vocabulary schema; every object here is closed
    assert open_objects == []


def test_generated_vocabulary_schema_is_up_to_date() -> None:
    assert (SCHEMA / VOCABULARY_SCHEMA).read_text(encoding="utf-8") == render_vocabulary_schema()


def test_every_vocabulary_term_has_a_description() -> None:
    words = vocabulary()
    for kind in ("groups", "activities", "events", "conditions"):
        for term in words.terms(kind).values():
            assert term.title and len(term.description) > 20, (kind, term.id)
    for qualifier in words.qualifiers.values():
        assert qualifier.description
        for value in qualifier.values.values():
            assert value.description, (qualifier.id, value.id)
    for kind in ("events", "conditions"):
        for term in words.terms(kind).values():
            assert term.phrases, (kind, term.id)  # the shorthand needs words for it


def test_diff_schema_is_valid_closed_and_explains_every_property() -> None:
    schema = load("diff.schema.json")
    Draft202012Validator.check_schema(schema)
    nodes = list(objects(schema))
    assert [path for path, node in nodes if node.get("additionalProperties") is not False] == []
    missing = [
        f"{path}/properties/{prop}: {field}"
        for path, node in nodes
        for prop, spec in node["properties"].items()
        for field in ("title", "description")
        if field not in spec
    ]
    assert missing == []
