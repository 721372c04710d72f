"""Downloads: the rule packs, CSVs, schemas and manifest, copied into the site.

The packs emitter writes them under ``packs/`` of the build folder; the site
needs its own copy (under ``downloads/``) so that its links work when the site
is published alone and so that MkDocs' strict mode can check them. Whatever
``packs/`` holds is offered, so the page follows the packs emitter as it grows.
The schemas of the standards files themselves are offered too.

Each authority's packs are offered as one zip (``downloads/packs/<authority>.zip``,
holding ``<authority>/<file>`` as under ``packs/``): at 150 authorities the
plain copies were 52 MB of a 105 MB site, and zipped they are a sixth of that.
The index, manifest and pack schemas stay plain files, so the manifest's
digests check the unzipped packs.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import PurePosixPath

from compiler.emit.pages.base import Asset, National, Page
from compiler.emit.summary import OfferedZip
from compiler.emit.views import DOWNLOADS, PACK_FORMAT
from compiler.util.resources import bundled

PACKS = PurePosixPath("packs")
FOLDER = PurePosixPath("downloads")


def pack_files(files: Mapping[PurePosixPath, bytes]) -> list[tuple[PurePosixPath, bytes]]:
    """The files under ``packs/`` among ``files``, as (path inside packs/, content), sorted."""
    return sorted(
        (path.relative_to(PACKS), content)
        for path, content in files.items()
        if path.parts[:1] == PACKS.parts and len(path.parts) > 1
    )


def standards_schemas() -> list[tuple[PurePosixPath, bytes]]:
    """The JSON Schemas of the standards files (``schema/*.schema.json``)."""
    folder = bundled("schema")
    return [(PurePosixPath(p.name), p.read_bytes()) for p in sorted(folder.glob("*.schema.json"))]


ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""Every zipped file's timestamp: the earliest a zip can hold, so two builds give the same bytes."""


def zipped(files: Iterable[tuple[PurePosixPath, bytes]]) -> bytes:
    """A zip of ``files`` (path inside the zip, content), byte for byte the same every build.

    >>> data = zipped([(PurePosixPath("walsall/current.csv"), b"a,b\\n")])
    >>> zipfile.ZipFile(io.BytesIO(data)).read("walsall/current.csv")
    b'a,b\\n'
    >>> data == zipped([(PurePosixPath("walsall/current.csv"), b"a,b\\n")])
    True
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, content in sorted(files):
            info = zipfile.ZipInfo(str(path), date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            # the strongest level: 0.2 MB less for 150 authorities, the same bytes each build
            archive.writestr(info, content, compresslevel=9)
    return buffer.getvalue()


def authority_zip(
    authority: str, name: str, files: Iterable[tuple[PurePosixPath, bytes]]
) -> tuple[Asset, OfferedZip] | None:
    """An authority's packs (paths inside packs/, content) as one zip to download, if any."""
    inside = sorted(files)
    if not inside:
        return None
    count = f"{len(inside)} file{'' if len(inside) == 1 else 's'}"
    content = zipped(inside)
    offered = OfferedZip(
        f"{authority}.zip",
        len(content),
        hashlib.sha256(content).hexdigest(),
        f"rule packs of {name}, zipped ({count})",
    )
    return Asset(FOLDER / "packs" / offered.name, content), offered


def offered_packs(national: National) -> list[tuple[PurePosixPath, bytes | None, OfferedZip]]:
    """What the page offers from ``packs/``: (name, content, what it is).

    An authority's folder is one zip, made with the authority's own pages (its content
    is ``None`` here: :func:`authority_zip` wrote it); every other file is offered as it is.
    """
    plain: list[tuple[PurePosixPath, bytes | None, OfferedZip]] = [
        (
            relative,
            content,
            OfferedZip(
                str(relative),
                len(content),
                hashlib.sha256(content).hexdigest(),
                kind_of(relative),
            ),
        )
        for relative, content in pack_files(national.files)
    ]
    plain += [
        (PurePosixPath(each.offered.name), None, each.offered)
        for each in national.summaries
        if each.offered is not None
    ]
    return sorted(plain, key=lambda offered: (offered[0].suffix == ".zip", str(offered[0])))


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


def downloads(national: National) -> Iterator[Page | Asset]:
    """``downloads.md``, with a copy of every national pack file and schema under ``downloads/``."""
    tables = []
    schemas = [
        (
            path,
            content,
            OfferedZip(str(path), len(content), hashlib.sha256(content).hexdigest(), kind_of(path)),
        )
        for path, content in standards_schemas()
    ]
    for heading, folder, files in (
        ("Rule packs", FOLDER / "packs", offered_packs(national)),
        ("Schemas of the standards files", FOLDER / "schema", schemas),
    ):
        rows = []
        for relative, content, offered in files:
            target = folder / relative
            if content is not None:
                yield Asset(target, content)
            rows.append(
                {
                    "name": str(relative),
                    "target": target,
                    "kind": offered.kind,
                    "size": size_words(offered.size),
                    "digest": offered.digest,
                }
            )
        tables.append({"heading": heading, "rows": rows})
    yield Page(
        DOWNLOADS,
        national.render("downloads.md.j2", DOWNLOADS, tables=tables, pack_format=PACK_FORMAT),
    )
