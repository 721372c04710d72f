"""Running MkDocs over the staged pages: ``docs/`` into ``site/``, strict and offline.

MkDocs runs in this process (``load_config`` and ``build``), so a broken link
or anchor becomes a :class:`SiteBuildError` naming it, and the build folder is
left as it was (see :func:`compiler.util.write.write_atomically`).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compiler.emit.docs import SEARCH_PARTS
from compiler.emit.search_split import split_search_index
from compiler.errors import StandardsError
from compiler.util.gc_pause import no_garbage_collection


class SiteBuildError(StandardsError):
    """MkDocs refused the pages: each message says which page and which link."""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _quiet_mkdocs() -> Iterator[_Collect]:
    """Collect MkDocs' warnings instead of printing them, and silence its 2.0 notice."""
    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    old_level, old_propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    previous = os.environ.get("NO_MKDOCS_2_WARNING")
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
        logger.propagate = old_propagate
        if previous is None:
            os.environ.pop("NO_MKDOCS_2_WARNING", None)
        else:
            os.environ["NO_MKDOCS_2_WARNING"] = previous


def build_site(staging: Path, cache_from: Path | None = None) -> SiteBuilt:
    """Build ``staging/docs`` (mkdocs.yml and pages) into ``staging/site``.

    Strict: any warning (a link to a missing page, a missing anchor) fails the
    build with every warning in the message. The search index is then split so
    that a first search fetches only what it needs (:mod:`compiler.emit.search_split`).

    ``cache_from`` is the previous build's output folder: pages whose sources
    did not change since are taken from its cache instead of being rendered
    again (:mod:`compiler.emit.site_cache`); ``staging`` gets the new cache.
    When the previous site was built under the same key, only the changed pages
    go through MkDocs and every other file is linked from the previous site
    (:mod:`compiler.emit.site_fast`); the output is the same, byte for byte.
    """
    with _quiet_mkdocs() as collected:
        from mkdocs.exceptions import Abort, MkDocsException

        try:
            built = _fast(staging, cache_from) if cache_from is not None else None
            if built is None:
                collected.messages.clear()  # a full build says again whatever it finds
            elif collected.messages:
                raise Abort(f"Aborted with {len(collected.messages)} warnings in strict mode!")
            built = built or _full(staging, cache_from)
        except (Abort, MkDocsException) as failed:
            problems = "\n".join(collected.messages) or str(failed)
            raise SiteBuildError(f"the guidance site did not build:\n{problems}") from failed
    return built


def _config(staging: Path) -> Any:
    from mkdocs.config import load_config

    config_file = staging / "docs" / "mkdocs.yml"
    return load_config(str(config_file), site_dir=str(staging / "site"), strict=True)


def _fast(staging: Path, cache_from: Path) -> SiteBuilt | None:
    """The fast path (:mod:`compiler.emit.site_fast`), or None when a full build is needed."""
    try:
        from compiler.emit.site_fast import build_fast
    except ImportError:  # MkDocs without the internals the fast path calls: a full build
        return None
    with no_garbage_collection():  # a build's model fills the heap: 0.14 s of scans for nothing
        counts = build_fast(_config(staging), staging, cache_from)
    return None if counts is None else SiteBuilt(*counts)


def _full(staging: Path, cache_from: Path | None) -> SiteBuilt:
    """MkDocs' own build, reusing the pages the previous cache holds, then the manifest."""
    from mkdocs import utils
    from mkdocs.commands.build import build

    from compiler.emit.site_cache import CACHE_FOLDER, PageCache
    from compiler.emit.site_manifest import (
        Manifest,
        fast_key,
        page_record,
        site_files,
        static_digests,
        theme_files,
    )

    config = _config(staging)
    previous = cache_from / CACHE_FOLDER if cache_from is not None else None
    cache = PageCache(staging / "docs", staging / CACHE_FOLDER, previous)
    config.plugins["standards-page-cache"] = cache
    build(config)
    site = staging / "site"
    split_search_index(site, config.extra.get(SEARCH_PARTS, ()))
    _without_source_maps(site)
    assert cache.files is not None
    records = {
        file.src_uri: page_record(file.page, cache.names[file.src_uri])
        for file in cache.files.documentation_pages()
        if file.page is not None
    }
    key = fast_key(cache.key, utils.get_build_date())
    static = static_digests(cache.files, config.docs_dir)
    theme = theme_files(cache.files, config.docs_dir)
    Manifest(key, records, static, site_files(site), theme).write(staging / CACHE_FOLDER)
    return SiteBuilt(rendered=len(cache.rendered), reused=len(cache.restored))


def _without_source_maps(site: Path) -> None:
    """Remove the theme's source maps: 1.3 MB that only a developer's browser tools read.

    They were the difference between a national site over and under 50 MB; a reader's
    browser never fetches them (a developer's tools say the map is missing).
    """
    for path in sorted((site / "assets").rglob("*.map")):
        path.unlink()


@dataclass(frozen=True)
class SiteBuilt:
    """How many pages MkDocs rendered, and how many it took from the previous build's cache."""

    rendered: int
    reused: int
