"""Which files make up a corpus, and what kind each one is.

The layout (see DESIGN.md)::

    <root>/<authority>/authority.yaml
    <root>/<authority>/<document>/<version>.yaml
    <root>/<authority>/tests/<anything>.yaml

``root`` may also be one authority's folder, or a single file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from compiler.errors import Finding, Location, warning

AUTHORITY_FILE = "authority.yaml"
TESTS_FOLDER = "tests"


@dataclass(frozen=True)
class CorpusFile:
    """A file to load: its path and kind (``authority``, ``document`` or ``scenario``)."""

    path: Path
    kind: str


def kind_of(path: Path) -> str:
    """The kind of a single file, from its name and folder."""
    if path.name == AUTHORITY_FILE:
        return "authority"
    if path.parent.name == TESTS_FOLDER:
        return "scenario"
    return "document"


def discover(root: Path) -> tuple[list[CorpusFile], list[Finding]]:
    """Every standards file under ``root`` in a stable order, and warnings for stray files."""
    if root.is_file():
        return [CorpusFile(root, kind_of(root))], []
    authority_folders = (
        [root]
        if (root / AUTHORITY_FILE).is_file()
        else sorted(p for p in root.iterdir() if p.is_dir())
    )
    files: list[CorpusFile] = []
    stray: list[Finding] = []
    for folder in authority_folders:
        if folder.name.startswith("."):
            continue
        if not (folder / AUTHORITY_FILE).is_file():
            if any(folder.rglob("*.yaml")):
                stray.append(
                    warning(
                        "no-authority-file",
                        f"the folder '{folder.name}' has no {AUTHORITY_FILE}, so its files are "
                        "not read",
                        Location(folder),
                        f"add {folder.name}/{AUTHORITY_FILE} naming the authority, or move the "
                        "folder out of the corpus",
                    )
                )
            continue
        files.append(CorpusFile(folder / AUTHORITY_FILE, "authority"))
        for path in sorted(folder.rglob("*.y*ml")):
            relative = path.relative_to(folder)
            if relative == Path(AUTHORITY_FILE):
                continue
            if len(relative.parts) == 2 and relative.parts[0] == TESTS_FOLDER:
                files.append(CorpusFile(path, "scenario"))
            elif len(relative.parts) == 2 and path.suffix == ".yaml":
                files.append(CorpusFile(path, "document"))
            else:
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
