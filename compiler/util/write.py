"""Writing a whole output tree at once, or not at all.

A build writes into a fresh folder beside the target and swaps it into place
only when everything succeeded, so a failed build leaves the previous output
untouched and a reader never sees half a build.

The swap keeps the old or the new output in place at every instant, even if
the process is killed (``kill -9``, a CI timeout) between any two steps:

1. the staging folder is named ``.<out>.standards-<pid>-<random>`` and holds
   :data:`BUILD_MARK` before anything else: that name and that mark are what
   allow a later build to remove it, and nothing else is ever removed;
2. on Linux the staging folder and the output are exchanged in one step
   (``renameat2(RENAME_EXCHANGE)``); the old output, now under the staging
   name, is then removed. Elsewhere the output is first renamed aside
   (``.<out>.standards-old-<pid>-<random>``) and the staging folder renamed
   into place; a kill between the two renames leaves no output, and the next
   build (or the next reader of this module) puts the old one back;
3. every build first removes the litter of earlier killed builds: folders
   with such a name, holding the mark, whose process is no longer running
   (and earlier versions' ``.<out>-XXXXXXXX`` folders holding the mark, once
   an hour old).

The environment variables ``STANDARDS_FAULT_AT`` and ``STANDARDS_NO_EXCHANGE``
are for the tests only: the first names a step at which the process ends at
once, as a kill would end it; the second takes the two-rename path on Linux too.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path, PurePosixPath

from compiler.errors import StandardsError

BUILD_MARK = ".standards-build"
"""Written into every output folder, so that a later build knows it may replace the folder."""
_MARK_TEXT = "Written by `standards build`. The next build replaces this whole folder.\n"
OUTPUT_NAMES = frozenset({"packs", "docs", "site", ".site-cache", ".build-cache", BUILD_MARK})
"""What a build writes at the top of its output folder; anything else there is not ours.
(``.site-cache`` is :data:`compiler.emit.site_cache.CACHE_FOLDER`, not imported: that
module brings MkDocs; ``.build-cache`` is :data:`compiler.util.build_cache.CACHE_FOLDER`.)"""
STEPS = ("staged", "written", "finished", "moved-aside", "exchanged", "swapped")
"""The steps of :func:`write_atomically`, at which ``STANDARDS_FAULT_AT`` may end the process."""


class OutputError(StandardsError):
    """The output folder cannot be written or replaced; nothing was written."""


def write_atomically(
    target: Path,
    files: Mapping[PurePosixPath, bytes],
    finish: Callable[[Path], None] | None = None,
    *,
    reused: Mapping[PurePosixPath, Path] | None = None,
) -> None:
    """Write ``files`` (relative path -> bytes) as the new contents of ``target``.

    ``reused`` (relative path -> an existing file, such as one of the previous output's)
    are linked into place rather than written: a hard link where the file system allows
    one, else a copy. Nothing ever writes into a file once it is in an output, so the
    previous output and the new one may share it.

    ``finish`` runs on the staged folder before the swap (the site build uses
    it to run MkDocs over the staged Markdown); if it raises, ``target`` is
    left as it was.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "build"
    >>> write_atomically(out, {PurePosixPath("packs/a.json"): b"{}"})
    >>> (out / "packs" / "a.json").read_bytes()
    b'{}'
    """
    target = target.expanduser().resolve()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"cannot make the folder {target.parent} for the output: {exc.strerror}"
        ) from None
    recover(target)
    check_replaceable(target, {PurePosixPath(p).parts[0] for p in files})
    mode = stat.S_IMODE(target.stat().st_mode) if target.is_dir() else 0o777 & ~_umask()
    try:
        staging = Path(tempfile.mkdtemp(prefix=_prefix(target, os.getpid()), dir=target.parent))
    except OSError as exc:
        raise OutputError(f"cannot write beside {target}: {exc.strerror}") from None
    try:
        (staging / BUILD_MARK).write_text(_MARK_TEXT, encoding="utf-8")
        _step("staged")
        for relative, content in sorted(files.items()):
            path = staging.joinpath(*_safe_parts(relative))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        for relative, source in sorted((reused or {}).items()):
            path = staging.joinpath(*_safe_parts(relative))
            path.parent.mkdir(parents=True, exist_ok=True)
            _link_or_copy(source, path)
        _step("written")
        if finish is not None:
            finish(staging)
        _step("finished")
        os.chmod(staging, mode)  # mkdtemp makes 0700; keep what the output had
        _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def check_replaceable(target: Path, writes: Iterable[str] = ()) -> None:
    """Refuse a target that holds anything but an earlier output: the swap would delete it.

    A new or empty folder is fine, and so is one holding :data:`BUILD_MARK`, which every
    output gets, and nothing else at its top but what a build writes (``packs``, ``docs``,
    ``site``). Anything else (the standards themselves, a home folder, a corpus someone
    put inside an earlier output) is refused.
    """
    if not target.exists():
        return
    if not target.is_dir():
        raise OutputError(f"{target} is a file: give --out a folder for the build")
    present = {entry.name for entry in target.iterdir()}
    if not present:
        return
    if (target / BUILD_MARK).is_file():
        foreign = sorted(present - OUTPUT_NAMES - set(writes))
        if not foreign:
            return
        raise OutputError(
            f"{target} is an earlier build, but also holds {', '.join(map(repr, foreign))}, "
            "which `standards build` did not write, and a build replaces its output folder "
            "entirely: move it out, or give --out a new or empty folder"
        )
    raise OutputError(
        f"{target} holds files that `standards build` did not write, and a build replaces "
        "its output folder entirely: give --out a new or empty folder (such as build)"
    )


def recover(target: Path) -> None:
    """Undo what killed builds of ``target`` left: put a moved-aside output back, remove litter.

    Only folders named as :func:`write_atomically` names them, holding :data:`BUILD_MARK`,
    whose build process is no longer running, are touched.
    """
    litter = _litter(target)
    if not target.exists():
        aside = sorted(path for path, old in litter if old)
        if aside:
            os.rename(aside[-1], target)
            litter = [(path, old) for path, old in litter if path != aside[-1]]
    for path, _ in litter:
        shutil.rmtree(path, ignore_errors=True)


def _prefix(target: Path, pid: int, old: bool = False) -> str:
    return f".{target.name}.standards-{'old-' if old else ''}{pid}-"


def _litter(target: Path) -> list[tuple[Path, bool]]:
    """Folders of dead builds of ``target``: (path, whether it is a moved-aside output)."""
    pattern = re.compile(re.escape(f".{target.name}.standards-") + r"(old-)?([0-9]+)-[^/]+")
    found = _legacy_litter(target)
    for entry in target.parent.iterdir():
        matched = pattern.fullmatch(entry.name)
        if (
            matched
            and not entry.is_symlink()
            and (entry / BUILD_MARK).is_file()
            and not _running(int(matched.group(2)))
        ):
            found.append((entry, bool(matched.group(1))))
    return found


LEGACY_AGE = 3600
"""Seconds after which an earlier version's staging folder is taken to be abandoned."""


def _legacy_litter(target: Path) -> list[tuple[Path, bool]]:
    """Staging folders of earlier versions of this tool (``.<out>-XXXXXXXX``, holding the
    mark), which no build removed when killed; left alone for an hour, in case one runs."""
    pattern = re.compile(re.escape(f".{target.name}-") + r"[a-z0-9_]{8}")
    now = time.time()
    return [
        (entry, False)
        for entry in target.parent.iterdir()
        if pattern.fullmatch(entry.name)
        and not entry.is_symlink()
        and (entry / BUILD_MARK).is_file()
        and now - entry.stat().st_mtime > LEGACY_AGE
    ]


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # this build's own earlier folders cannot still be in use
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _safe_parts(relative: PurePosixPath) -> tuple[str, ...]:
    """Refuse any path that would leave the output folder."""
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise ValueError(f"refusing to write outside the output folder: {relative}")
    return relative.parts


def _swap(staging: Path, target: Path) -> None:
    """Put ``staging`` in place of ``target``; old or new output is there at every instant."""
    if not target.exists():
        os.rename(staging, target)
        _step("swapped")
        return
    if _exchange(staging, target):  # staging now holds the old output
        _step("exchanged")
        shutil.rmtree(staging, ignore_errors=True)
        _step("swapped")
        return
    aside = Path(tempfile.mkdtemp(prefix=_prefix(target, os.getpid(), old=True), dir=target.parent))
    os.rename(target, aside)  # replaces the empty folder just made
    _step("moved-aside")
    os.rename(staging, target)
    shutil.rmtree(aside, ignore_errors=True)
    _step("swapped")


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Exchange two paths in one step (Linux ``renameat2``); False where that is not available."""
    if os.environ.get("STANDARDS_NO_EXCHANGE"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    return result == 0


def _step(name: str) -> None:
    """End the process here, as a kill would, if the tests ask for a fault at this step."""
    if os.environ.get("STANDARDS_FAULT_AT") == name:
        os._exit(137)


def write_file_atomically(target: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``target`` through a temporary file beside it, then rename.

    A reader never sees half a file, and a failure leaves any earlier ``target`` as it was.
    A target that is not a regular file (``/dev/null``, ``/dev/stdout``, a named pipe) is
    written into as the shell's ``>`` would: renaming over it would replace the device
    itself, and as root that turns ``--out /dev/null`` into a file every program then
    writes into. A symbolic link to a regular file is followed, not replaced.
    """
    try:
        status = os.stat(target)
    except FileNotFoundError:
        status = None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(21, "is a folder, not a file", str(target))
    if status is not None and not stat.S_ISREG(status.st_mode):
        with open(target, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        return
    target = Path(os.path.realpath(target))
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
