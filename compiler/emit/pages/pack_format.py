"""The pack format for integrators, written from the published JSON Schemas themselves.

The page lists each schema's fields with their descriptions, so it cannot
drift from what the packs emitter validates against: the canonical timescale
(``schema/timescale.schema.json``, always), every ``*.schema.json`` the packs
emitter publishes under ``packs/``, and the columns of its CSV files.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from compiler.emit.pages.base import National, Page
from compiler.emit.pages.downloads import FOLDER, pack_files
from compiler.emit.views import DOWNLOADS, PACK_FORMAT
from compiler.util.resources import bundled


def type_words(field: Mapping[str, Any]) -> str:
    """A field's type in words: ``string``, ``one of: must, should``, ``a duration``.

    >>> type_words({"enum": ["must", "should"]})
    'one of: must, should'
    >>> type_words({"type": "array", "items": {"$ref": "#/$defs/phase"}})
    'list of phase'
    """
    if "enum" in field:
        return "one of: " + ", ".join(str(v) for v in field["enum"])
    if "const" in field:
        return f"always {field['const']}"
    if "$ref" in field:
        return str(field["$ref"]).rsplit("/", 1)[-1].removesuffix(".schema.json")
    kind = field.get("type")
    if kind == "array":
        return "list of " + type_words(field.get("items", {}))
    if isinstance(kind, list):
        return " or ".join(str(k) for k in kind)
    if kind:
        return str(kind) + (f" ({field['format']})" if "format" in field else "")
    for combinator in ("oneOf", "anyOf"):
        if combinator in field:
            return " or ".join(type_words(option) for option in field[combinator])
    return "any"


def describe_object(schema: Mapping[str, Any]) -> list[dict[str, str]]:
    """One row per property: name, type, required or optional, description."""
    required = set(schema.get("required", ()))
    return [
        {
            "name": name,
            "type": type_words(field),
            "required": "required" if name in required else "optional",
            "description": str(field.get("description") or field.get("title") or ""),
        }
        for name, field in schema.get("properties", {}).items()
    ]


def describe_schema(name: str, schema: Mapping[str, Any]) -> dict[str, Any]:
    """A schema as the page shows it: its fields, then each of its definitions' fields."""
    parts = [{"name": "", "description": "", "fields": describe_object(schema)}]
    for key, definition in schema.get("$defs", {}).items():
        parts.append(
            {
                "name": key,
                "description": str(definition.get("description", "")),
                "fields": describe_object(definition),
            }
        )
    return {
        "file": name,
        "anchor": name.removesuffix(".json").replace(".", "-").replace("_", "-").lower(),
        "title": str(schema.get("title", name)),
        "description": str(schema.get("description", "")),
        "parts": [p for p in parts if p["fields"] or p["description"]],
    }


def pack_format(national: National) -> Iterator[Page]:
    """``pack-format.md``: the canonical timescale, the pack schemas and the CSV columns."""
    schemas = []
    for relative, content in pack_files(national.files):
        if relative.name.endswith(".schema.json"):
            schemas.append(describe_schema(relative.name, json.loads(content)))
    timescale = bundled("schema") / "timescale.schema.json"
    schemas.append(describe_schema(timescale.name, json.loads(timescale.read_bytes())))
    packs = sorted(
        [str(relative) for relative, _ in pack_files(national.files)]
        + [path for summary in national.summaries for path, _ in summary.pack_files]
    )
    csvs = sorted(
        (next(path for path, _ in summary.pack_files if path.endswith(".csv")), columns)
        for summary in national.summaries
        if (columns := summary.csv_columns)
    )
    example, columns = csvs[0] if csvs else ("", ())
    yield Page(
        PACK_FORMAT,
        national.render(
            "pack_format.md.j2",
            PACK_FORMAT,
            schemas=schemas,
            columns=list(columns),
            csv_example=example,
            packs=packs,
            downloads=DOWNLOADS,
            folder=FOLDER,
        ),
    )
