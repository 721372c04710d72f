"""Checking a folder of rule packs against its manifest: every file present, unchanged, no extra.

A tool that receives packs (copied, downloaded, unpacked) can trust them only
if they are exactly what the build wrote. ``packs/manifest.json`` holds the
SHA-256 of every other file under ``packs/``; :func:`verify_packs` recomputes
them and names each file that differs, is missing, or was not in the build.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "a.json").write_text("{}")
>>> digest = hashlib.sha256(b"{}").hexdigest()
>>> _ = (folder / "manifest.json").write_text(json.dumps({"files": {"a.json": digest}}))
>>> verify_packs(folder)
[]
>>> _ = (folder / "a.json").write_text("{ }")
>>> verify_packs(folder)
['a.json: changed since the build (its SHA-256 does not match the manifest)']
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from compiler.errors import StandardsError

MANIFEST = "manifest.json"


class ManifestError(StandardsError):
    """A folder with no readable manifest: nothing in it can be checked."""


def verify_packs(folder: Path) -> list[str]:
    """One line per bad file under ``folder`` (changed, missing or extra); empty if all match.

    ``folder`` is the ``packs`` folder, or a build folder that holds one.
    """
    folder = packs_folder(folder)
    expected = _manifest(folder / MANIFEST)
    present = {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}
    present.discard(MANIFEST)
    problems = []
    for name in sorted(expected.keys() | present):
        if _outside(name):
            problems.append(f"{name}: not a file inside the packs folder (the manifest is wrong)")
        elif name not in present:
            problems.append(f"{name}: missing (the manifest lists it)")
        elif name not in expected:
            problems.append(f"{name}: not in the manifest (added after the build)")
        elif _digest(folder / name) != expected[name]:
            problems.append(
                f"{name}: changed since the build (its SHA-256 does not match the manifest)"
            )
    return problems


def packs_folder(folder: Path) -> Path:
    """``folder`` if it holds a manifest, else its ``packs`` sub-folder if that does."""
    if not (folder / MANIFEST).is_file() and (folder / "packs" / MANIFEST).is_file():
        return folder / "packs"
    return folder


def read_packs_json(path: Path, error: type[StandardsError]) -> Any:
    """A JSON file of a packs folder, or ``error`` saying plainly why it cannot be read."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error(
            f"no {path.name} in {path.parent}: give the packs folder that `standards build` "
            "wrote (for example build/packs)"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise error(f"{path} cannot be read as JSON: {exc}") from None


def _manifest(path: Path) -> dict[str, str]:
    data = read_packs_json(path, ManifestError)
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in files.items()
    ):
        raise ManifestError(f"{path} has no 'files' mapping of file names to SHA-256 digests")
    return files


def _outside(name: str) -> bool:
    parts = Path(name).parts
    return not parts or Path(name).is_absolute() or ".." in parts


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
