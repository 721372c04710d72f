"""Downloads: the rule packs, CSVs, schemas and manifest, copied into the site.

The packs emitter writes them under ``packs/`` of the build folder; the site
needs its own copy (under ``downloads/``) so that its links work when the site
is published alone and so that MkDocs' strict mode can check them. Whatever
``packs/`` holds is offered, so the page follows the packs emitter as it grows.
The schemas of the standards files themselves are offered too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import PurePosixPath

from compiler.emit.pages.base import Asset, Page, Site
from compiler.emit.views import DOWNLOADS, PACK_FORMAT
from compiler.resources import bundled

PACKS = PurePosixPath("packs")
FOLDER = PurePosixPath("downloads")


def pack_files(site: Site) -> list[tuple[PurePosixPath, bytes]]:
    """The files under ``packs/`` emitted so far, as (path inside packs/, content), sorted."""
    return sorted(
        (path.relative_to(PACKS), content)
        for path, content in site.files.items()
        if path.parts[:1] == PACKS.parts and len(path.parts) > 1
    )


def standards_schemas() -> list[tuple[PurePosixPath, bytes]]:
    """The JSON Schemas of the standards files (``schema/*.schema.json``)."""
    folder = bundled("schema")
    return [(PurePosixPath(p.name), p.read_bytes()) for p in sorted(folder.glob("*.schema.json"))]


def kind_of(path: PurePosixPath) -> str:
    """What a downloadable file is, from its name.

    >>> kind_of(PurePosixPath("st-helens/2026-01-01.csv"))
    'rule pack (CSV, for spreadsheets)'
    """
    name = path.name
    if name == "manifest.json":
        return "manifest: every file with its SHA-256 digest"
    if name.endswith(".schema.json"):
        return "JSON Schema"
    if name.endswith(".json"):
        return "rule pack (JSON)"
    if name.endswith(".csv"):
        return "rule pack (CSV, for spreadsheets)"
    return "file"


def size_words(size: int) -> str:
    """``812 bytes``, ``12.3 kB``, ``1.2 MB``."""
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1_000_000:.1f} MB"


def downloads(site: Site) -> Iterator[Page | Asset]:
    """``downloads.md``, with a copy of every pack file and schema under ``downloads/``."""
    tables = []
    for heading, folder, files in (
        ("Rule packs", FOLDER / "packs", pack_files(site)),
        ("Schemas of the standards files", FOLDER / "schema", standards_schemas()),
    ):
        rows = []
        for relative, content in files:
            target = folder / relative
            yield Asset(target, content)
            rows.append(
                {
                    "name": str(relative),
                    "target": target,
                    "kind": kind_of(relative),
                    "size": size_words(len(content)),
                    "digest": hashlib.sha256(content).hexdigest(),
                }
            )
        tables.append({"heading": heading, "rows": rows})
    yield Page(
        DOWNLOADS,
        site.render("downloads.md.j2", DOWNLOADS, tables=tables, pack_format=PACK_FORMAT),
    )
