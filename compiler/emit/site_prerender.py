"""Rendering the pages' Markdown on every core before MkDocs builds the site.

MkDocs renders one page after another; at 150 authorities turning Markdown into
HTML is most of the site's build, and each page's HTML depends only on its own
Markdown, the configuration and the list of files. :func:`prerender` renders the
pages the cache (:mod:`compiler.emit.site_cache`) does not hold in forked worker
processes, each doing exactly what MkDocs does for a page (read it, run the
``page_markdown`` events, render), and hands back what a cache entry holds. MkDocs
then takes each page's result as it would a cached one, so the output is the same
byte for byte as rendering the pages one by one (a test checks this).

A page whose rendering logged a warning (a broken link) or failed is left to
MkDocs, so the message is raised in the build as before. Nothing is forked when
there is one core, few pages, or other threads running (``standards serve``).
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable, Sequence
from typing import Any

from material.plugins.search.plugin import SearchIndex, SearchPlugin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from compiler.util.workers import workers

Entry = dict[str, Any]
MIN_PAGES = 40
"""Fewer pages than this render faster than the workers start."""

_job: tuple[Sequence[Page], MkDocsConfig, Files, Callable[[Page], Entry]] | None = None
"""What the forked workers render: set just before they are forked, read by them."""


class _Warned(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def prerender(
    pages: Sequence[Page], config: MkDocsConfig, files: Files, entry: Callable[[Page], Entry]
) -> dict[str, Entry]:
    """Each page's cache entry (``entry(page)`` once rendered), by its source path.

    Pages that could not be rendered cleanly in a worker are missing from the result.
    """
    count = workers()
    if count < 2 or len(pages) < MIN_PAGES:
        return {}
    global _job
    _job = (pages, config, files, entry)
    try:
        with multiprocessing.get_context("fork").Pool(count) as pool:
            results = pool.map(_render, range(len(pages)), chunksize=4)
    finally:
        _job = None
    return {
        page.file.src_uri: result
        for page, result in zip(pages, results, strict=True)
        if result is not None
    }


SEARCH_ENTRIES = "search entries"
"""The key of a worker's result holding the page's search entries (not kept in the cache)."""


def search_plugin(config: MkDocsConfig) -> SearchPlugin | None:
    """Material's search plugin, if the site has it (found by its class)."""
    return next((p for p in config.plugins.values() if isinstance(p, SearchPlugin)), None)


def search_entries(page: Page, config: MkDocsConfig) -> list[dict[str, Any]] | None:
    """What Material's search plugin adds to the index for the rendered ``page``.

    Worked out in the worker from the page's HTML, as the plugin does it in the build
    (its ``on_page_context``), into an index of its own: parsing every page's HTML again,
    one after another, was a fifth of a national site's build. None without the plugin.
    """
    plugin = search_plugin(config)
    if plugin is None or not plugin.config.enabled:
        return None
    index = SearchIndex(**plugin.search_index.config)
    index.add_entry_from_context(page)
    return index.entries


def take_search_entries(config: MkDocsConfig, ready: dict[str, list[dict[str, Any]]]) -> None:
    """Have the search plugin take the entries the workers made instead of parsing again.

    ``ready`` holds them by page source; a page not in it is indexed by the plugin itself.
    """
    plugin = search_plugin(config)
    if plugin is None or not ready:
        return
    index = plugin.search_index
    parse = index.add_entry_from_context

    def add_entry_from_context(page: Page) -> None:
        found = ready.pop(page.file.src_uri, None)
        if found is None:
            parse(page)
        else:
            index.entries.extend(found)

    index.add_entry_from_context = add_entry_from_context


def _render(index: int) -> Entry | None:
    """In a worker: render one page as :func:`mkdocs.commands.build._populate_page` does."""
    assert _job is not None
    pages, config, files, entry = _job
    page = pages[index]
    logger = logging.getLogger("mkdocs")
    warned = _Warned()
    logger.addHandler(warned)
    config._current_page = page
    try:
        page.read_source(config)
        assert page.markdown is not None
        page.markdown = config.plugins.on_page_markdown(
            page.markdown, page=page, config=config, files=files
        )
        page.render(config, files)
        return (
            None if warned.count else {**entry(page), SEARCH_ENTRIES: search_entries(page, config)}
        )
    except Exception:
        return None
    finally:
        config._current_page = None
        logger.removeHandler(warned)
