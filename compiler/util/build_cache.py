"""What a build keeps for the next one: each authority's outputs, keyed by content.

A build writes, beside its outputs, ``.build-cache/<key>.json`` for every authority
(:mod:`compiler.units`): the files it made (path and size), its summary for the
national pages and its findings. The key is a SHA-256 of everything those depend on:
the authority's own files, the statutory baselines' files, this program (every source
file and bundled resource, see :func:`program_digest`), the build date and options,
and where the corpus is. The next build into the same folder takes an authority whose
key is unchanged from there: its files are linked from the previous output, not made
again. Entries are JSON, never pickles: a damaged or foreign entry is not read, and
the authority is made again.
"""

from __future__ import annotations

import hashlib
import json
import stat
import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path, PurePosixPath
from typing import Any

from compiler.errors import Finding, Location, Severity, StandardsError
from compiler.util.resources import bundled
from compiler.util.safe_files import read_regular

CACHE_FOLDER = ".build-cache"
FORMAT = "1"
"""Bump when what an entry holds changes: every earlier entry is then ignored."""
_PACKAGES = ("jinja2", "pyyaml", "holidays")
"""Libraries whose version can change the outputs besides this program's own files."""


def digest(*parts: str | bytes) -> str:
    """The SHA-256 of ``parts``, each prefixed by its length so that no two lists collide."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hashed.update(f"{len(data)}:".encode())
        hashed.update(data)
    return hashed.hexdigest()


def files_digest(paths: Iterable[Path], base: Path) -> str:
    """The digest of some files' paths (relative to ``base``) and contents, in the order given.

    Read as the loader reads them (:func:`~compiler.util.safe_files.read_regular`): a FIFO,
    a device or a link out of ``base`` is not opened, and counts as what it is said to be,
    so that the unit holding it is made again, and its loader says what is wrong.
    """
    parts: list[str | bytes] = []
    for path in paths:
        parts += [path.relative_to(base).as_posix() if path.is_relative_to(base) else str(path)]
        try:
            parts += [read_regular(path, inside=base)]
        except (StandardsError, OSError) as refused:
            parts += [f"unreadable: {refused} {time.time_ns()}"]  # never the same key twice
    return digest(*parts)


@cache
def program_digest() -> str:
    """This program: its source files, bundled resources and the libraries that shape output.

    Worked out once per process; a change to any of them gives every authority a new key.
    """
    package = Path(__file__).resolve().parent.parent
    sources = sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)
    resources = [
        path
        for name in ("schema", "site", "standards")
        for path in sorted(bundled(name).rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    ]
    versions = [f"{name} {version(name)}" for name in _PACKAGES]
    return digest(
        files_digest(sources, package), files_digest(resources, package.parent), *versions
    )


@dataclass(frozen=True)
class Entry:
    """What one authority's build left: its outputs (path -> size), summaries and findings."""

    outputs: dict[str, int]
    summaries: list[dict[str, Any]]
    findings: list[dict[str, Any]]

    def to_bytes(self) -> bytes:
        data = {
            "format": FORMAT,
            "outputs": self.outputs,
            "summaries": self.summaries,
            "findings": self.findings,
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")


def entry_path(key: str) -> PurePosixPath:
    """Where the entry of ``key`` lies in a build folder."""
    return PurePosixPath(CACHE_FOLDER, f"{key}.json")


def read_entry(out: Path, key: str) -> Entry | None:
    """The entry of ``key`` in the build folder ``out``, if it is whole and its outputs are there.

    An entry whose outputs were since removed, changed in size or replaced by anything but
    a regular file (a symbolic link to a file elsewhere) is not used.
    """
    try:
        data = json.loads((out / entry_path(key)).read_bytes())
        if data["format"] != FORMAT:
            return None
        entry = Entry(dict(data["outputs"]), list(data["summaries"]), list(data["findings"]))
        for path, size in entry.outputs.items():
            if PurePosixPath(path).is_absolute() or ".." in PurePosixPath(path).parts:
                return None
            found = (out / path).lstat()  # a link planted in the folder is not followed
            if not stat.S_ISREG(found.st_mode) or found.st_size != size:
                return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return entry


def finding_to_json(finding: Finding) -> dict[str, Any]:
    """A finding as JSON, whole (unlike :meth:`Finding.as_json`, which is for readers)."""
    return {
        "severity": finding.severity.value,
        "code": finding.code,
        "message": finding.message,
        "location": _location_to_json(finding.location),
        "hint": finding.hint,
        "related": [_location_to_json(other) for other in finding.related],
        "data": [list(pair) for pair in finding.data],
        "accepted": finding.accepted,
    }


def finding_from_json(data: dict[str, Any]) -> Finding:
    """The finding :func:`finding_to_json` wrote."""
    return Finding(
        severity=Severity(data["severity"]),
        code=data["code"],
        message=data["message"],
        location=_location_from_json(data["location"]),
        hint=data["hint"],
        related=tuple(_location_from_json(other) for other in data["related"]),
        data=tuple((str(key), str(value)) for key, value in data["data"]),
        accepted=data["accepted"],
    )


def _location_to_json(location: Location) -> list[Any]:
    return [str(location.path), location.line, location.column]


def _location_from_json(data: list[Any]) -> Location:
    return Location(Path(data[0]), int(data[1]), int(data[2]))
