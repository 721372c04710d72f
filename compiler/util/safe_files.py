"""Reading the files people hand us without trusting them: regular files only, size-capped.

Standards arrive as pull requests from many hands, case tables from case
management systems, packs from other machines. A file among them may be a
symbolic link to ``/dev/zero`` (reading it never ends), a FIFO (opening it
waits forever for a writer), or a link to a file outside the corpus (a CI
runner's secrets, echoed into a log by an error message). So every input is
checked with ``lstat`` before it is opened, opened without blocking, checked
again on the open descriptor (the file may be swapped in between), and read
no further than :data:`MAX_FILE_BYTES`. The refusal names the file and what
it is, never what it holds.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "a.yaml").write_text("id: a")
>>> read_regular(folder / "a.yaml", inside=folder)
b'id: a'
>>> (folder / "b.yaml").symlink_to("/etc/hostname")
>>> read_regular(folder / "b.yaml", inside=folder)
Traceback (most recent call last):
...
compiler.util.safe_files.UnsafeFileError: ...b.yaml: a symbolic link to a file outside ...
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from compiler.errors import StandardsError

MAX_FILE_BYTES = 10 * 1024 * 1024
"""The most one input file may hold: ten times the largest real standards file or pack
we know of would still be far below this; a larger file is refused, not read."""


class UnsafeFileError(StandardsError):
    """A file that is not read: a special file, a link leaving its folder, or too large."""

    def __init__(self, path: Path, reason: str, hint: str) -> None:
        self.path = path
        self.reason = reason
        self.hint = hint
        super().__init__(f"{path}: {reason}; {hint}")


def read_regular(path: Path, *, inside: Path | None = None, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of ``path`` if it is a regular file (inside ``inside``) of at most ``limit`` bytes.

    Raises :class:`UnsafeFileError` otherwise, and ``OSError`` if the file cannot be
    opened at all (missing, no permission).
    """
    check_regular(path, inside=inside, limit=limit)
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        status = os.fstat(descriptor)  # the file opened may not be the one checked
        if not stat.S_ISREG(status.st_mode):
            raise UnsafeFileError(path, f"{_kind(status.st_mode)}, not a regular file", _REGULAR)
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise UnsafeFileError(path, _too_large(limit), _SMALLER)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def check_regular(path: Path, *, inside: Path | None = None, limit: int = MAX_FILE_BYTES) -> None:
    """Refuse, unopened, anything but a regular file (inside ``inside``) of at most ``limit``."""
    status = os.lstat(path)
    if stat.S_ISLNK(status.st_mode):
        target = path.resolve()
        if inside is not None and not _within(target, inside):
            raise UnsafeFileError(
                path,
                f"a symbolic link to a file outside {inside}",
                "copy the file into the folder instead of linking to it",
            )
        status = os.stat(path)
    if not stat.S_ISREG(status.st_mode):
        raise UnsafeFileError(path, f"{_kind(status.st_mode)}, not a regular file", _REGULAR)
    if status.st_size > limit:
        raise UnsafeFileError(path, _too_large(limit), _SMALLER)


def confined(folder: Path, name: str) -> Path:
    """``folder / name`` if ``name`` is a relative path that stays inside ``folder``.

    Used for the paths a packs folder's own files name (``index.json``), which a
    tampered folder could point anywhere.
    """
    parts = Path(name).parts
    if not name or Path(name).is_absolute() or ".." in parts or "\x00" in name:
        raise UnsafeFileError(
            folder / name,
            "a path that leaves its folder",
            "the file naming it was changed after the build: rebuild the packs",
        )
    return folder.joinpath(*parts)


def _within(target: Path, folder: Path) -> bool:
    try:
        target.relative_to(folder.resolve())
    except ValueError:
        return False
    return True


_REGULAR = "only regular files are read: replace it with the file itself"
_SMALLER = "split it, or check that it is the file you meant"


def _too_large(limit: int) -> str:
    return f"larger than {limit // (1024 * 1024)} MB, the most one file may hold"


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "a special file")
