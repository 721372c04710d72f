"""Which files make up a corpus, and what kind each one is.

The layout (see DESIGN.md)::

    <root>/<authority>/authority.yaml
    <root>/<authority>/<document>/<version>.yaml
    <root>/<authority>/tests/<anything>.yaml

``root`` may also be one authority's folder, a single file, or a repository
that keeps its corpus one level down (``<repository>/standards/<authority>``):
every folder holding an ``authority.yaml`` at most two levels below ``root``
is an authority.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from compiler.errors import Finding, Location, error, warning

AUTHORITY_FILE = "authority.yaml"
AUTHORITY_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
"""An id as the schemas have it (authorities, documents): lower-case letters, digits, single
hyphens."""
ACCEPTED_FILE = "accepted.yaml"
LOCAL_VOCABULARY_FILE = "vocabulary.yaml"
"""An authority's own terms (:mod:`compiler.local_vocabulary`), beside its authority.yaml."""
TESTS_FOLDER = "tests"
_IGNORED = {"build", "node_modules", "site", "__pycache__"}


@dataclass(frozen=True)
class CorpusFile:
    """A file to load: its path and kind (authority, document, scenario or accepted)."""

    path: Path
    kind: str


def kind_of(path: Path) -> str:
    """The kind of a single file, from its name and folder."""
    if path.name == AUTHORITY_FILE:
        return "authority"
    if path.name == ACCEPTED_FILE and (path.parent / AUTHORITY_FILE).is_file():
        return "accepted"
    if path.name == LOCAL_VOCABULARY_FILE and (path.parent / AUTHORITY_FILE).is_file():
        return "vocabulary"
    if path.parent.name == TESTS_FOLDER:
        return "scenario"
    return "document"


def authority_folders(root: Path) -> list[Path]:
    """Every folder with an authority.yaml, at most two levels below ``root``, in order."""
    found = [root / AUTHORITY_FILE, *root.glob(f"*/{AUTHORITY_FILE}")]
    found += root.glob(f"*/*/{AUTHORITY_FILE}")
    folders = {
        path.parent
        for path in found
        if path.is_file()
        and not any(
            part.startswith(".") or part in _IGNORED for part in path.relative_to(root).parts[:-1]
        )
    }
    return sorted(folders)


def _authority_files_that_are_not_files(root: Path) -> list[Finding]:
    """An ``authority.yaml`` that is a folder (or a FIFO, a device) is reported, not skipped."""
    candidates = [root / AUTHORITY_FILE, *root.glob(f"*/{AUTHORITY_FILE}")]
    candidates += root.glob(f"*/*/{AUTHORITY_FILE}")
    return [
        error(
            "authority-file",
            f"{AUTHORITY_FILE} is {'a folder' if path.is_dir() else 'not a regular file'}, so "
            "the authority it names cannot be read",
            Location(path),
            f"make {AUTHORITY_FILE} a file holding the authority's id, name, jurisdiction and "
            "calendar",
        )
        for path in sorted(candidates)
        if (path.exists() or path.is_symlink())
        and not path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(root).parts[:-1])
    ]


def checking_root(path: Path) -> Path:
    """What to check when ``path`` is named: the authority folder it is in, else ``path``.

    A principal social worker checks the file they edited, or the folder they are in; its
    floor and conflict checks need the authority's other documents and the statutory
    baseline, so a file or folder inside an authority's folder is checked exactly as if the
    authority's folder had been named. A corpus, or anything outside an authority, is
    checked as named. The folder is given as the user named ``path`` (relative stays
    relative), so that messages name files as they typed them.
    """
    if path.is_dir() and (authority_folders(path) or _authority_files_that_are_not_files(path)):
        return path
    if not path.exists():
        return path
    for folder in path.resolve().parents:
        if (folder / AUTHORITY_FILE).is_file():
            return folder if path.is_absolute() else _from_here(folder)
    return path


def _from_here(folder: Path) -> Path:
    """``folder`` relative to the folder the user is in (absolute if that has gone)."""
    try:
        return Path(os.path.relpath(folder, Path.cwd().resolve()))
    except OSError:
        return folder


def discover(root: Path) -> tuple[list[CorpusFile], list[Finding]]:
    """Every standards file under ``root`` in a stable order, and findings for stray files."""
    if root.is_file():
        single = CorpusFile(root, kind_of(root))
        authority = root.parent.parent  # a document may use the terms its authority defines
        local = authority / LOCAL_VOCABULARY_FILE
        if single.kind == "document" and (authority / AUTHORITY_FILE).is_file() and local.is_file():
            return [CorpusFile(local, "vocabulary"), single], []
        return [single], []
    folders = authority_folders(root)
    unreadable = _authority_files_that_are_not_files(root)
    if unreadable:
        return [], unreadable
    if not folders:
        return [], [
            error(
                "no-standards",
                f"no standards found in '{root}': no folder holds an {AUTHORITY_FILE}",
                Location(root),
                "point at a corpus folder (with one folder per authority), an authority folder, "
                "or a single file",
            )
        ]
    files: list[CorpusFile] = []
    stray: list[Finding] = []
    for folder in folders:
        files.append(CorpusFile(folder / AUTHORITY_FILE, "authority"))
        for path in sorted(folder.rglob("*.y*ml")):
            relative = path.relative_to(folder)
            if relative == Path(AUTHORITY_FILE) or relative.parts[0].startswith("."):
                continue
            if relative == Path(ACCEPTED_FILE):
                files.append(CorpusFile(path, "accepted"))
            elif relative == Path(LOCAL_VOCABULARY_FILE):
                files.append(CorpusFile(path, "vocabulary"))
            elif len(relative.parts) == 2 and relative.parts[0] == TESTS_FOLDER:
                files.append(CorpusFile(path, "scenario"))
            elif len(relative.parts) == 2 and path.suffix == ".yaml":
                files.append(CorpusFile(path, "document"))
            elif not (folder / relative.parts[0] / AUTHORITY_FILE).is_file():
                stray.append(
                    warning(
                        "stray-file",
                        "this file is not where a standards file can be, so it is not read",
                        Location(path),
                        "documents go in <authority>/<document>/<version>.yaml and scenario "
                        "tests in <authority>/tests/",
                    )
                )
    return files, stray
