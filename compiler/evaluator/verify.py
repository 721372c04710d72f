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
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compiler.errors import StandardsError
from compiler.util.safe_files import UnsafeFileError, confined, read_regular

MANIFEST = "manifest.json"


class ManifestError(StandardsError):
    """A folder with no readable manifest: nothing in it can be checked."""


class UntrustedPackError(StandardsError):
    """A packs file that is not exactly what the build wrote: changed, foreign or unsafe."""


@dataclass(frozen=True)
class TrustedPacks:
    """A packs folder whose manifest was read; each file is checked against it as it is read.

    Every consumer of packs (``due``, ``audit``) reads through this, so a pack
    changed by one byte, a file the build did not write, or a path that leaves
    the folder is refused before a date is computed from it.
    """

    folder: Path
    digests: dict[str, str]

    def read_json(self, name: str) -> Any:
        """The parsed JSON of the file ``name`` (relative), if its SHA-256 matches the manifest."""
        try:
            path = confined(self.folder, name)
            raw = read_regular(path, inside=self.folder)
        except UnsafeFileError as exc:
            raise UntrustedPackError(f"{exc.path}: not used: {exc.reason}; {exc.hint}") from None
        except FileNotFoundError:
            raise UntrustedPackError(
                f"{self.folder / name}: missing, though the packs name it; rebuild the packs"
            ) from None
        except OSError as exc:
            raise UntrustedPackError(
                f"{self.folder / name}: cannot be read: {exc.strerror}"
            ) from None
        expected = self.digests.get(name)
        if expected is None:
            raise UntrustedPackError(
                f"{path}: not in {MANIFEST}, so not written by the build; rebuild the packs"
            )
        if hashlib.sha256(raw).hexdigest() != expected:
            raise UntrustedPackError(
                f"{path}: changed since the build (its SHA-256 does not match {MANIFEST}); "
                "rebuild the packs or copy them again, and run `standards verify`"
            )
        try:
            return json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError) as exc:  # not UTF-8, not JSON, a 5000-digit number
            raise UntrustedPackError(f"{path} cannot be read as JSON: {_clip(str(exc))}") from None


def trusted_packs(folder: Path, reads_major: int) -> TrustedPacks:
    """The packs folder ``folder`` (or its ``packs`` sub-folder), its manifest read and checked.

    Refuses a folder with no manifest, or one written in a format version whose major
    number is not ``reads_major``.
    """
    folder = packs_folder(folder)
    data = read_packs_json(folder / MANIFEST, UntrustedPackError)
    version = data.get("format_version") if isinstance(data, dict) else None
    if not isinstance(version, str) or version.split(".")[0] != str(reads_major):
        raise UntrustedPackError(
            f"{folder / MANIFEST}: format version {_clip(repr(version))} cannot be read here, "
            f"which reads {reads_major}.x; use a matching version of the standards tool"
        )
    return TrustedPacks(folder, _manifest(folder / MANIFEST, UntrustedPackError))


def verify_packs(folder: Path) -> list[str]:
    """One line per bad file under ``folder`` (changed, missing or extra); empty if all match.

    ``folder`` is the ``packs`` folder, or a build folder that holds one.
    """
    folder = packs_folder(folder)
    expected = _manifest(folder / MANIFEST)
    special = _special_files(folder)
    present = {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if not path.is_dir() or path.is_symlink()
    }
    present.discard(MANIFEST)
    problems = []
    for name in sorted(expected.keys() | present):
        if name in special:
            problems.append(f"{name}: {special[name]}, not a regular file of the build")
        elif _outside(name):
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
        return json.loads(read_regular(path, inside=path.parent).decode("utf-8"))
    except FileNotFoundError:
        raise error(
            f"no {path.name} in {path.parent}: give the packs folder that `standards build` "
            "wrote (for example build/packs)"
        ) from None
    except UnsafeFileError as exc:
        raise error(f"{path}: not read: {exc.reason}; {exc.hint}") from None
    except OSError as exc:
        raise error(f"{path} cannot be read: {exc.strerror}") from None
    except (ValueError, RecursionError) as exc:  # not UTF-8, not JSON, a 5000-digit number
        raise error(f"{path} cannot be read as JSON: {_clip(str(exc))}") from None


def _clip(text: str, limit: int = 200) -> str:
    """At most ``limit`` characters of ``text``: messages never quote a whole hostile file."""
    return text if len(text) <= limit else text[:limit] + f"... ({len(text) - limit} more)"


def _special_files(folder: Path) -> dict[str, str]:
    """Every entry under ``folder`` that is not a plain file or folder, with what it is."""
    found = {}
    for path in folder.rglob("*"):
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode):
            found[path.relative_to(folder).as_posix()] = "a symbolic link"
        elif not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            found[path.relative_to(folder).as_posix()] = "a special file (FIFO, socket or device)"
    return found


def _manifest(path: Path, error: type[StandardsError] = ManifestError) -> dict[str, str]:
    data = read_packs_json(path, error)
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in files.items()
    ):
        raise error(f"{path} has no 'files' mapping of file names to SHA-256 digests")
    return files


def _outside(name: str) -> bool:
    parts = Path(name).parts
    return not parts or Path(name).is_absolute() or ".." in parts


def _digest(path: Path) -> str:
    """The SHA-256 of a file, or a description of why it has none (too large, unreadable)."""
    try:
        return hashlib.sha256(read_regular(path)).hexdigest()
    except UnsafeFileError as exc:
        return f"not read: {exc.reason}"
    except OSError as exc:
        return f"not read: {exc.strerror}"
