"""The live preview behind ``standards serve``: pages rebuilt from the YAML on every save.

MkDocs' own server watches the corpus folder as well as the pages; before
each build it calls :func:`on_pre_build` (this module is named in the
``hooks`` of the preview's configuration), which compiles the corpus again and
rewrites whichever pages changed. If the standards cannot be read, the
findings are printed and the previous pages stay, so the author can fix the
file and save again.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Set
from pathlib import Path, PurePosixPath
from typing import Any

import click

from compiler.build import build_date, make_files
from compiler.errors import FindingsError
from compiler.util.build_cache import CACHE_FOLDER

ROOT_VARIABLE = "STANDARDS_PREVIEW_ROOT"
"""Names the corpus folder for the hook, which MkDocs loads on its own."""
HOOK_FILE = Path(__file__)
KEPT = ("site", ".site-cache")
"""Folders of the staging folder that are MkDocs' output, not pages: never removed by sync."""


def write_pages(root: Path, staging: Path) -> list[PurePosixPath]:
    """Build ``root`` and bring ``staging`` up to date; return the files that changed.

    As ``standards build`` into the same folder: only the authorities whose files changed
    since the last save are made again (the staging folder keeps the build cache).
    Raises :class:`~compiler.errors.FindingsError` if the standards cannot be read.
    """
    previous = staging if (staging / CACHE_FOLDER).is_dir() else None
    built = make_files(root, previous, today=build_date())
    return sync(staging, built.files, set(built.reused))


def sync(
    staging: Path, files: Mapping[PurePosixPath, bytes], kept: Set[PurePosixPath] = frozenset()
) -> list[PurePosixPath]:
    """Write the files whose content changed and remove the ones no longer emitted.

    ``kept`` are files already in ``staging`` as they should be (taken from the last build).
    Writing only what changed keeps MkDocs' watcher from rebuilding again for nothing.
    """
    changed = []
    for relative, content in sorted(files.items()):
        path = staging.joinpath(*relative.parts)
        if path.is_file() and path.read_bytes() == content:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        changed.append(relative)
    wanted = {staging.joinpath(*relative.parts) for relative in [*files, *kept]}
    for path in sorted(staging.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted and path.relative_to(staging).parts[0] not in KEPT:
            path.unlink()
            changed.append(PurePosixPath(path.relative_to(staging).as_posix()))
    return changed


def on_config(config: Any, **_: Any) -> Any:
    """MkDocs hook: between rebuilds, reuse the pages whose sources did not change.

    The preview keeps one cache in its staging folder (see :mod:`compiler.emit.site_cache`).
    """
    from compiler.emit.site_cache import CACHE_FOLDER, PageCache

    docs = Path(config.config_file_path).parent
    cache = docs.parent / CACHE_FOLDER
    config.plugins["standards-page-cache"] = PageCache(docs, cache, cache)
    return config


def on_post_build(config: Any, **_: Any) -> None:
    """MkDocs hook: say how many pages the rebuild rendered and how many it reused."""
    cache = config.plugins.get("standards-page-cache")
    if cache is not None and cache.rendered:
        click.echo(
            f"rendered {len(cache.rendered)} page(s), reused {len(cache.restored)}", err=True
        )


def on_pre_build(config: Any, **_: Any) -> None:
    """MkDocs hook: rewrite the pages from the YAML before each build of the preview."""
    root = os.environ.get(ROOT_VARIABLE)
    if not root:
        return
    staging = Path(config.config_file_path).parent.parent
    try:
        changed = write_pages(Path(root), staging)
    except FindingsError as failed:  # printed, not logged: a logged error would stop the preview
        for finding in failed.findings:
            click.echo(finding.render(), err=True)
        click.echo(
            "the standards could not be read: the preview shows the last good pages", err=True
        )
        return
    if changed:
        click.echo(f"rewrote {len(changed)} page file(s) from the standards", err=True)
