"""The fast path of a site build: render the changed pages, take every other file as it was.

With the page cache alone (:mod:`compiler.emit.site_cache`) MkDocs still walks
every page of a national site after a one-page edit: the search plugin parses
each restored page's HTML again, every page goes through the templates and is
written out. Yet a page's HTML is a function of the site's key, its path and its
Markdown (the invariant the cache rests on), and the sitemap and 404 page of the
page set and the build date. So when the previous build's manifest
(:mod:`compiler.emit.site_manifest`) has this build's key and the same pages and
files, :func:`build_fast`:

- hard-links (or copies) every file of the previous ``site/`` that does not change:
  unchanged pages, the theme's files, unchanged pictures and downloads, the 404
  page, the sitemap, the search parts of authorities with no changed page;
- renders only the changed pages, as MkDocs' own ``build`` does (its
  ``_populate_page`` and ``_build_page``, with every plugin event), the others
  standing in with their title, anchors and links from the manifest;
- copies the changed static files from the pages folder;
- validates every page's links to anchors against every page's anchors, in both
  directions, so strict mode still fails on a broken anchor;
- rebuilds the national search index and the changed authorities' parts
  (:mod:`compiler.emit.site_search`), and writes the new cache and manifest.

Anything else (another key, a page or file added or removed, the manifest or a
previous file missing or damaged) returns None before a file is written that a
full build would not overwrite: the caller then builds in full. A file of the
previous output is never written: new files are linked or written beside it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from material.plugins.search.plugin import SearchPlugin
from mkdocs import utils
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, set_exclusions
from mkdocs.structure.files import get_files as mkdocs_files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from compiler.emit.docs import SEARCH_PARTS
from compiler.emit.site_cache import CACHE_FOLDER, PageCache, site_key
from compiler.emit.site_manifest import (
    Manifest,
    PageRecord,
    fast_key,
    page_record,
    read_manifest,
    static_digests,
)
from compiler.emit.site_prerender import search_plugin
from compiler.emit.site_search import StaleIndex, merge_search_index, national_index, rewritten


class _Fallback(Exception):
    """The previous site cannot be reused file by file (the message says why)."""


def build_fast(config: MkDocsConfig, staging: Path, previous: Path) -> tuple[int, int] | None:
    """Build ``staging/site`` from ``previous`` (the last output folder) and the changed pages.

    Returns (pages rendered, pages reused), or None when only a full build will do;
    then ``staging/site`` and the cache folder are as they were before the call.
    """
    manifest = read_manifest(previous / CACHE_FOLDER)
    if manifest is None:
        return None
    try:
        return _build(config, staging, previous, manifest)
    except (_Fallback, StaleIndex):
        shutil.rmtree(staging / "site", ignore_errors=True)
        shutil.rmtree(staging / CACHE_FOLDER, ignore_errors=True)
        return None


def _build(
    config: MkDocsConfig, staging: Path, previous: Path, manifest: Manifest
) -> tuple[int, int]:
    cache = PageCache(staging / "docs", staging / CACHE_FOLDER, previous / CACHE_FOLDER)
    config.plugins["standards-page-cache"] = cache
    national = national_index(previous / "site" / "search")
    search = _search_plugin(config)
    for name in ("lang", "separator", "pipeline"):  # spares it three theme environments (50 ms)
        search.config[name] = search.config[name] or national["config"][name]
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    files = mkdocs_files(config)
    env = config.theme.get_env()
    theme = config.theme.dirs[-1]  # the files are linked, never read: any of its folders will do
    for uri in manifest.theme:  # as files.add_files_from_theme finds them, without 15,000 lookups
        files.append(File(uri, theme, config.site_dir, config.use_directory_urls))
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = get_navigation(files, config)
    pages = files.documentation_pages()
    for file in pages:
        if file.page is None:  # out of the menu: MkDocs makes these as it reads them
            Page(None, file, config)
    cache.known_key = site_key(staging / "docs", config)
    if fast_key(cache.known_key, utils.get_build_date()) != manifest.key:
        raise _Fallback("another site key")
    if [file.src_uri for file in pages] != list(manifest.pages):
        raise _Fallback("pages added, removed or reordered")
    static = static_digests(files, config.docs_dir)
    if static.keys() != manifest.static.keys():
        raise _Fallback("static files added or removed")
    nav = config.plugins.on_nav(nav, config=config, files=files)  # names every page's entry
    changed = [
        file for file in pages if cache.names[file.src_uri] != manifest.pages[file.src_uri].name
    ]
    copied = [
        file
        for file in files
        if file.src_uri in static and static[file.src_uri] != manifest.static[file.src_uri]
    ]
    authorities = config.extra.get(SEARCH_PARTS, ())
    fresh_search = {file.url: [] for file in changed}
    written = {file.dest_uri for file in changed + copied} | rewritten(fresh_search, authorities)
    site = staging / "site"
    kept = [each for each in manifest.site if each not in written]
    _link_all(previous / "site", site, kept)
    _link_all(
        previous / CACHE_FOLDER,
        staging / CACHE_FOLDER,
        (manifest.pages[file.src_uri].name for file in pages if file not in changed),
    )

    by_path = {file.src_uri: file for file in files}
    for file in pages:
        if file not in changed:
            _stand_in(file.page, manifest.pages[file.src_uri], by_path)
    for file in changed:
        _populate_page(file.page, config, files)
    env = config.plugins.on_env(env, config=config, files=files)
    for file in copied:
        file.copy_file()
    already = len(search.search_index.entries)
    for file in changed:
        _build_page(file.page, config, pages, nav, env)
        fresh_search[file.url] = search.search_index.entries[already:]
        already = len(search.search_index.entries)
    for file in pages:
        file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
    merge_search_index(
        previous / "site" / "search",
        national,
        site / "search",
        [file.url for file in pages],
        fresh_search,
        authorities,
    )
    records = dict(manifest.pages)
    for file in changed:
        records[file.src_uri] = page_record(file.page, cache.names[file.src_uri])
    made = sorted(kept + [each for each in written if (site / each).is_file()])
    Manifest(manifest.key, records, static, made, manifest.theme).write(staging / CACHE_FOLDER)
    return len(changed), len(pages) - len(changed)


def _stand_in(page: Page | None, record: PageRecord, files: dict[str, File]) -> None:
    """Give an unchanged page what other pages read of it: its title, anchors and links."""
    assert page is not None
    page.markdown = ""  # read, as far as MkDocs can tell: the title is then the recorded one
    page.content = ""
    page._title_from_render = record.title
    page.present_anchor_ids = set(record.anchors)
    page.links_to_anchors = {}
    for uri, links in record.links.items():
        if uri not in files:
            raise _Fallback(f"{uri} is gone")
        page.links_to_anchors[files[uri]] = links


def _search_plugin(config: MkDocsConfig) -> SearchPlugin:
    """Material's search plugin: the fast path gathers the changed pages' entries from it."""
    plugin = search_plugin(config)
    if plugin is None:
        raise _Fallback("no search plugin")
    return plugin


def _link_all(source: Path, target: Path, names: Iterable[str]) -> None:
    """Hard-link each named file of ``source`` into ``target`` (a copy across file systems)."""
    made: set[str] = set()
    for name in names:
        into = os.path.join(target, name)
        folder = os.path.dirname(into)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        try:
            os.link(os.path.join(source, name), into)
        except FileNotFoundError:
            raise _Fallback(f"{source / name} is missing") from None
        except OSError:
            shutil.copyfile(os.path.join(source, name), into)
