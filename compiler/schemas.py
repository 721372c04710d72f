"""The JSON Schemas: loading them, and generating the vocabulary schema from the vocabulary data.

The schemas in ``schema/`` are written by hand, except
``vocabulary.schema.json``, which is generated from ``schema/vocabulary/*.yaml``
so that an editor's YAML language server offers every term, with its
description, as completion and hover help. A test keeps the generated file in
step with the data (``python -m compiler.schemas`` rewrites it).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compiler.util.resources import bundled
from compiler.vocabulary import Vocabulary, vocabulary

if TYPE_CHECKING:  # imported where used: `standards check` of valid files needs only jsonschema-rs
    import jsonschema_rs
    from jsonschema import Draft202012Validator
    from referencing import Registry

SCHEMA_FILES = {
    "authority": "authority.schema.json",
    "document": "document.schema.json",
    "scenario": "scenario.schema.json",
    "accepted": "accepted.schema.json",
    "timescale": "timescale.schema.json",
    "rulepack": "rulepack.schema.json",
    "rulepack-index": "rulepack-index.schema.json",
    "rulepack-manifest": "rulepack-manifest.schema.json",
    "diff": "diff.schema.json",
    "vocabulary": "local-vocabulary.schema.json",
}
VOCABULARY_SCHEMA = "vocabulary.schema.json"


def _choice(title: str, kind: str, terms: dict[str, Any], description: str) -> dict[str, Any]:
    return {
        "title": title,
        "description": description,
        "x-vocabulary": kind,
        "examples": [next(iter(terms))],
        "type": "string",
        "anyOf": [
            {"const": term.id, "title": term.title, "description": term.description}
            for term in terms.values()
        ],
    }


def vocabulary_schema(vocab: Vocabulary) -> dict[str, Any]:
    """The vocabulary as JSON Schema definitions, one ``$defs`` entry per vocabulary."""
    defs: dict[str, Any] = {
        "group": _choice(
            "Group", "groups", dict(vocab.groups), "A group of children (or workers or carers)."
        ),
        "activity": _choice("Activity", "activities", dict(vocab.activities), "What a rule times."),
        "event": _choice(
            "Event", "events", dict(vocab.events), "An event that starts or ends a clock."
        ),
        "condition": _choice(
            "Condition", "conditions", dict(vocab.conditions), "A case fact, true or false."
        ),
        "calendar": {
            "title": "Calendar",
            "description": "A bank-holiday calendar.",
            "x-vocabulary": "calendars",
            "examples": [next(iter(vocab.calendars))],
            "type": "string",
            "anyOf": [
                {"const": key, "title": value["title"], "description": value["description"]}
                for key, value in vocab.calendars.items()
            ],
        },
        "conditions": {
            "title": "Conditions",
            "description": "Case facts from the conditions vocabulary, each true or false.",
            "examples": [{"manager_approved": True}],
            "type": "object",
            "propertyNames": {"$ref": "#/$defs/condition"},
            "additionalProperties": {"type": "boolean"},
        },
    }
    subject_properties: dict[str, Any] = {"group": {"$ref": "#/$defs/group"}}
    for qualifier in vocab.qualifiers.values():
        value_def = _choice(
            qualifier.title,
            f"qualifiers.{qualifier.id}",
            dict(qualifier.values),
            qualifier.description,
        )
        defs[f"qualifier_{qualifier.id}"] = value_def
        reference = {"$ref": f"#/$defs/qualifier_{qualifier.id}"}
        subject_properties[qualifier.id] = {
            "title": qualifier.title,
            "description": qualifier.description + " One value, or a list meaning any of them.",
            "examples": [next(iter(qualifier.values))],
            "anyOf": [reference, {"type": "array", "minItems": 1, "items": reference}],
        }
    defs["subject"] = {
        "title": "Subject",
        "description": "A group from the groups vocabulary, narrowed by qualifiers; a qualifier "
        "left out means any.",
        "examples": [{"group": "child_in_care", "placement_type": "placed_with_parents"}],
        "type": "object",
        "required": ["group"],
        "properties": subject_properties,
        "additionalProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Controlled vocabularies",
        "description": "Generated from schema/vocabulary/*.yaml by `python -m compiler.schemas`; "
        "do not edit by hand.",
        "$defs": defs,
    }


def render_vocabulary_schema(vocab: Vocabulary | None = None) -> str:
    """The generated vocabulary schema as the exact text committed in ``schema/``."""
    return json.dumps(vocabulary_schema(vocab or vocabulary()), indent=2, ensure_ascii=False) + "\n"


@cache
def registry(folder: Path | None = None) -> Registry:
    """Every schema file, registered under its file name so relative ``$ref`` s resolve."""
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    folder = folder or bundled("schema")
    resources = []
    for name in [*SCHEMA_FILES.values(), VOCABULARY_SCHEMA]:
        contents = json.loads((folder / name).read_text(encoding="utf-8"))
        contents.pop("$schema", None)  # all are 2020-12; kept, jsonschema would swap our validator
        resources.append(
            (name, Resource.from_contents(contents, default_specification=DRAFT202012))
        )
    return Registry().with_resources(resources)


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Any:
    """``pattern`` as JSON Schema means it: ``$`` is the end of the text, not before a last
    line break (Python's ``re`` lets "1.0\\n" match ``^[0-9.]+$``; jsonschema-rs does not)."""
    from jsonschema import ValidationError

    if not isinstance(instance, str):
        return
    found = re.search(pattern, instance)
    if found is None or (pattern.endswith("$") and found.end() != len(instance)):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def _strict_patterns() -> type[Draft202012Validator]:
    """Draft 2020-12 with :func:`_pattern` for ``pattern``."""
    from jsonschema import Draft202012Validator, validators

    return validators.extend(Draft202012Validator, {"pattern": _pattern})


@cache
def validator(kind: str) -> Draft202012Validator:
    """A validator for authority, document, scenario or timescale files, or for diffs."""
    from jsonschema import Draft202012Validator

    name = SCHEMA_FILES[kind]
    schema = registry().contents(name)
    return _strict_patterns()(
        {"$ref": name, **{k: v for k, v in schema.items() if k == "$schema"}},
        registry=registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


@cache
def quick_validator(kind: str) -> jsonschema_rs.Validator:
    """The same schema compiled by jsonschema-rs: about 100 times faster, used to pass valid files.

    Only its yes or no is used; a file it refuses is validated again by :func:`validator`,
    whose errors the findings are written from. The tests hold the two to the same answer.
    """
    import jsonschema_rs

    base = "https://standards.invalid/schema/"
    folder = bundled("schema")
    resources = [
        (base + name, json.loads((folder / name).read_text(encoding="utf-8")))
        for name in [*SCHEMA_FILES.values(), VOCABULARY_SCHEMA]
    ]
    return jsonschema_rs.validator_for(
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$ref": base + SCHEMA_FILES[kind],
        },
        registry=jsonschema_rs.Registry(resources),
        validate_formats=True,
    )


if __name__ == "__main__":
    target = bundled("schema") / VOCABULARY_SCHEMA
    target.write_text(render_vocabulary_schema(), encoding="utf-8")
    print(f"wrote {target}")
