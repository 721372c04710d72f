"""Diffs between two git revisions of a corpus: every document whose files changed.

For each authority with a changed document version file, the authority's
folder is read at both revisions (``git show REV:path`` into a temporary
folder, so that the files are checked exactly as ``standards check`` would),
and each changed document's latest version at the first revision is compared
with its latest version at the second. Adding ``2.0.yaml`` therefore shows
what changed since ``1.0``; a document new at the second revision is compared
with nothing, so that every statement and rule shows as added.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path, PurePosixPath

from compiler.diff.compare import DiffError, diff_versions, side_of
from compiler.diff.model import VersionDiff
from compiler.diff.sides import calendar_of, unreadable
from compiler.discover import AUTHORITY_FILE, TESTS_FOLDER
from compiler.model import Authority, Version
from compiler.pipeline import compile_corpus


def _git(top: Path, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(top), *args], capture_output=True, text=True, check=False
        )
    except FileNotFoundError as missing:
        raise DiffError("--git needs the git program, which is not installed") from missing
    if done.returncode != 0:
        raise DiffError(f"git {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout


def parse_range(spec: str) -> tuple[str, str]:
    """``REV1..REV2`` as two revisions; ``REV1`` alone means ``REV1..HEAD``.

    >>> parse_range("v1.0..main"), parse_range("HEAD~2")
    (('v1.0', 'main'), ('HEAD~2', 'HEAD'))
    """
    old, dots, new = spec.partition("..")
    if not old or (dots and not new) or new.startswith("."):
        raise DiffError(f"'{spec}' is not a range: write REV1..REV2 (for example main..HEAD)")
    return old, new or "HEAD"


def repository_of(root: Path) -> Path:
    """The top folder of the git repository holding ``root``; a DiffError if there is none."""
    folder = root if root.is_dir() else root.parent
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError as missing:
        raise DiffError("--git needs the git program, which is not installed") from missing
    if done.returncode != 0:
        raise DiffError(
            f"'{root}' is not in a git repository, so --git has no revisions to compare: "
            "compare two files or two document versions instead"
        )
    return Path(done.stdout.strip())


def diff_revisions(root: Path, old_rev: str, new_rev: str) -> list[VersionDiff]:
    """One diff per document whose version files changed under ``root`` between the revisions."""
    top = repository_of(root)
    for rev in (old_rev, new_rev):
        _git(top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    inside = PurePosixPath(root.resolve().relative_to(top.resolve()).as_posix())
    changed = _git(top, "diff", "--name-only", old_rev, new_rev, "--", str(inside) or ".")
    documents = sorted({d for d in map(_document_of, changed.splitlines()) if d is not None})
    diffs: list[VersionDiff] = []
    for authority_folder in sorted({folder for folder, _ in documents}):
        wanted = [name for folder, name in documents if folder == authority_folder]
        diffs.extend(_authority_diffs(top, authority_folder, wanted, old_rev, new_rev))
    return diffs


def _document_of(path: str) -> tuple[PurePosixPath, str] | None:
    """``(authority folder, document id)`` for a document version file's path, else None."""
    parts = PurePosixPath(path)
    if parts.suffix not in (".yaml", ".yml") or len(parts.parts) < 3:
        return None
    document = parts.parent
    if document.name == TESTS_FOLDER or parts.name == AUTHORITY_FILE:
        return None
    return document.parent, document.name


def _authority_diffs(
    top: Path, folder: PurePosixPath, documents: list[str], old_rev: str, new_rev: str
) -> Iterator[VersionDiff]:
    with tempfile.TemporaryDirectory() as scratch:
        old = _authority_at(top, folder, old_rev, Path(scratch) / "old")
        new = _authority_at(top, folder, new_rev, Path(scratch) / "new")
        if new is None and old is None:
            return
        calendar = calendar_of(new or old)
        for document_id in documents:
            before = _latest(old, document_id)
            after = _latest(new, document_id)
            if before is None and after is None:
                continue
            before = before or _empty(after)  # type: ignore[arg-type]
            after = after or _empty(before)
            yield diff_versions(
                before,
                after,
                calendar,
                old_side=side_of(before, _label(old_rev, folder, before)),
                new_side=side_of(after, _label(new_rev, folder, after)),
            )


def _label(rev: str, folder: PurePosixPath, version: Version) -> str:
    if not version.version:
        return f"{rev}:{folder.name}/{version.document_id} (none)"
    return f"{rev}:{folder.name}/{version.key}"


def _empty(version: Version) -> Version:
    """A version with nothing in it: the other side of a document added or removed."""
    return replace(version, version="", sections=(), notes="")


def _latest(authority: Authority | None, document_id: str) -> Version | None:
    document = authority.document(document_id) if authority is not None else None
    return document.latest if document is not None else None


def _authority_at(top: Path, folder: PurePosixPath, rev: str, into: Path) -> Authority | None:
    """The authority in ``folder`` as it was at ``rev`` (None if it did not exist then)."""
    listed = _git(top, "ls-tree", "-r", "--name-only", rev, "--", str(folder))
    files = [
        PurePosixPath(line) for line in listed.splitlines() if line.endswith((".yaml", ".yml"))
    ]
    if not any(f.name == AUTHORITY_FILE and f.parent == folder for f in files):
        return None
    into = into / folder.name  # the folder's name must match the authority's id
    for file in files:
        target = into / file.relative_to(folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_git(top, "show", f"{rev}:{file}"), encoding="utf-8")
    compiled = compile_corpus(into, run_checks=False)
    if compiled.blocking:
        shown = tuple(
            replace(f, location=replace(f.location, path=_at(rev, folder, into, f.location.path)))
            for f in compiled.blocking
        )
        raise unreadable(shown, f"{folder} at {rev}")
    return next(
        (a for a in compiled.corpus.authorities if a.path.resolve() == into.resolve()), None
    )


def _at(rev: str, folder: PurePosixPath, into: Path, path: Path) -> Path:
    """A temporary file's path as the revision's path: ``REV:standards/x/y.yaml``."""
    try:
        return Path(f"{rev}:{folder / path.relative_to(into).as_posix()}")
    except ValueError:
        return path
