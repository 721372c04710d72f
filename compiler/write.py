"""Writing a whole output tree at once, or not at all.

A build writes into a fresh folder beside the target and swaps it into place
only when everything succeeded, so a failed build leaves the previous output
untouched and a reader never sees half a build.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath

from compiler.errors import StandardsError

BUILD_MARK = ".standards-build"
"""Written into every output folder, so that a later build knows it may replace the folder."""
_MARK_TEXT = "Written by `standards build`. The next build replaces this whole folder.\n"


class OutputError(StandardsError):
    """The output folder cannot be written or replaced; nothing was written."""


def write_atomically(
    target: Path,
    files: Mapping[PurePosixPath, bytes],
    finish: Callable[[Path], None] | None = None,
) -> None:
    """Write ``files`` (relative path -> bytes) as the new contents of ``target``.

    ``finish`` runs on the staged folder before the swap (the site build uses
    it to run MkDocs over the staged Markdown); if it raises, ``target`` is
    left as it was.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "build"
    >>> write_atomically(out, {PurePosixPath("packs/a.json"): b"{}"})
    >>> (out / "packs" / "a.json").read_bytes()
    b'{}'
    """
    target = target.resolve()
    check_replaceable(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        (staging / BUILD_MARK).write_text(_MARK_TEXT, encoding="utf-8")
        for relative, content in sorted(files.items()):
            path = staging.joinpath(*_safe_parts(relative))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        if finish is not None:
            finish(staging)
        _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def check_replaceable(target: Path) -> None:
    """Refuse a target that holds anything but an earlier output: the swap would delete it.

    A new or empty folder is fine, and so is one holding :data:`BUILD_MARK`, which every
    output gets. Anything else (the standards themselves, a home folder) is refused.
    """
    if not target.exists():
        return
    if not target.is_dir():
        raise OutputError(f"{target} is a file: give --out a folder for the build")
    if (target / BUILD_MARK).is_file() or not any(target.iterdir()):
        return
    raise OutputError(
        f"{target} holds files that `standards build` did not write, and a build replaces "
        "its output folder entirely: give --out a new or empty folder (such as build)"
    )


def _safe_parts(relative: PurePosixPath) -> tuple[str, ...]:
    """Refuse any path that would leave the output folder."""
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise ValueError(f"refusing to write outside the output folder: {relative}")
    return relative.parts


def _swap(staging: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
    staging.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def write_file_atomically(target: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``target`` through a temporary file beside it, then rename.

    A reader never sees half a file, and a failure leaves any earlier ``target`` as it was.
    """
    descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}-")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.chmod(name, 0o666 & ~_umask())  # as open() would have made it, not mkstemp's 0600
        os.replace(name, target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
