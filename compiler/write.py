"""Writing a whole output tree at once, or not at all.

A build writes into a fresh folder beside the target and swaps it into place
only when everything succeeded, so a failed build leaves the previous output
untouched and a reader never sees half a build.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath


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
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
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
