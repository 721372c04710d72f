"""Reusing the pages of the previous site build whose sources did not change.

MkDocs renders every page on every build: at 150 authorities that is most of a
build, though editing one document changes only a handful of pages (the
document's, its authority's, the home page's counts, the comparisons of the
rules it touches, the downloads). :class:`PageCache` is an MkDocs plugin that
build_site registers (mkdocs.yml stays plain): for each page it works out a key
from everything the page's HTML depends on, and when the previous build's
cache holds that key it restores the page instead of rendering it.

What a page depends on, and so what the key covers:

- its own Markdown and path;
- mkdocs.yml (the menu, extensions, theme options), the source of our own
  Markdown extensions (``compiler.emit.safe_markdown``), the theme overrides,
  and the versions of MkDocs, Material, Markdown and PyMdown Extensions;
- the list of every file in the site (links resolve to files) and the first
  line of every page in the menu (the menu on every page shows their titles).

A restored page still goes through MkDocs: its anchors and links are checked
against every other page, and the search plugin indexes it from the restored
content, so the output is the same, byte for byte, as a full build's (a test
checks this). Entries are JSON, never pickles; the cache folder is part of the
build output and is carried from one build to the next (the fast path,
:mod:`compiler.emit.site_fast`, spares MkDocs the unchanged pages altogether).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from compiler.emit.site_prerender import SEARCH_ENTRIES, prerender, take_search_entries

CACHE_FOLDER = ".site-cache"
CACHE_FORMAT = "1"
"""Bump when what an entry holds changes: every earlier entry is then ignored."""
CACHED_TEMPLATE = "standards-cached-page.html"
"""A theme template (in site/overrides) that prints ``page.content`` and nothing else."""
_PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2")


def site_key(docs: Path, config: MkDocsConfig) -> bytes:
    """What every page of this build depends on besides its own source (see the module)."""
    digest = hashlib.sha256(f"format {CACHE_FORMAT}\n".encode())
    for package in _PACKAGES:
        digest.update(f"{package} {version(package)}\n".encode())
    digest.update((docs / "mkdocs.yml").read_bytes())
    for extension in config.markdown_extensions:  # ours, such as the escaping of author text
        module = sys.modules.get(extension) if extension.startswith("compiler.") else None
        if module is not None and module.__file__:
            digest.update(Path(module.__file__).read_bytes())
    pages = Path(config.docs_dir)
    for folder in (docs / "overrides", pages):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(docs).as_posix().encode() + b"\n")
                if folder.name == "overrides":
                    digest.update(path.read_bytes())
    for page in _menu_pages(config.nav or []):
        source = pages / page
        first_line = source.read_bytes().split(b"\n", 1)[0] if source.is_file() else b""
        digest.update(page.encode() + b"\n" + first_line + b"\n")
    return digest.digest()


def _menu_pages(nav: list[Any]) -> list[str]:
    found: list[str] = []
    for item in nav:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                found.extend(_menu_pages(value) if isinstance(value, list) else [str(value)])
    return found


class PageCache(BasePlugin):  # type: ignore[type-arg]
    """Restores unchanged pages from ``previous`` and records every page into ``folder``."""

    def __init__(self, docs: Path, folder: Path, previous: Path | None) -> None:
        super().__init__()
        self.docs, self.folder, self.previous = docs, folder, previous
        self.key = b""
        self.restored: set[str] = set()
        self.rendered: set[str] = set()
        self.entries: dict[str, dict[str, Any]] = {}
        self.names: dict[str, str] = {}
        self.prerendered: dict[str, dict[str, Any]] = {}
        self.files: Files | None = None
        self.known_key: bytes | None = None  # the site's key, when the fast path has it

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Trim the theme's template lines: 1.5 MB of indentation at 150 authorities.

        Jinja's own ``trim_blocks`` and ``lstrip_blocks`` drop the line break after a
        block tag and the spaces before one; what a reader sees does not change.
        """
        env.trim_blocks = True
        env.lstrip_blocks = True
        return env

    def on_nav(self, nav: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Work out the site's key once the pages are written (the preview writes them late)."""
        self.key = self.known_key or site_key(self.docs, config)
        self.files = files  # the site manifest reads every page's record from it after the build
        self.restored.clear()
        self.rendered.clear()
        pages = [file.page for file in files.documentation_pages() if file.page is not None]
        self.names = {page.file.src_uri: self.name(page) for page in pages}
        missing = [page for page in pages if not self._held(self.names[page.file.src_uri])]
        self.prerendered = prerender(missing, config, files, _entry)
        ready = {
            uri: found
            for uri, made in self.prerendered.items()
            if (found := made.pop(SEARCH_ENTRIES, None)) is not None
        }
        take_search_entries(config, ready)
        return nav

    def name(self, page: Page) -> str:
        """The name of the page's entry: the site's key, the page's path and its Markdown."""
        source = Path(page.file.abs_src_path or "").read_bytes()
        digest = hashlib.sha256(self.key)
        digest.update(page.file.src_uri.encode() + b"\n" + source)
        return digest.hexdigest() + ".json"

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        name = self.names.get(page.file.src_uri) or self.name(page)
        self.names[page.file.src_uri] = name
        entry = self._load(name)
        render = page.render  # the bound method: Page.render of this page

        def restore(config: MkDocsConfig, files: Files) -> None:
            assert entry is not None
            page.content = entry["content"]
            page.toc = TableOfContents([_anchor(item) for item in entry["toc"]])
            page._title_from_render = entry["title"]
            page.present_anchor_ids = set(entry["anchors"])
            page.links_to_anchors = {
                target: entry["links"][target.src_uri]
                for target in files
                if target.src_uri in entry["links"]
            }
            if cached:  # the whole page, not only its content, is the previous build's
                page.meta = {**page.meta, "template": CACHED_TEMPLATE}

        def render_and_record(config: MkDocsConfig, files: Files) -> None:
            render(config, files)
            self.entries[page.file.src_uri] = _entry(page)

        cached = entry is not None
        if entry is None and page.file.src_uri in self.prerendered:
            entry = self.prerendered.pop(page.file.src_uri)  # rendered by a worker
            self.entries[page.file.src_uri] = entry
        if cached:
            self.restored.add(page.file.src_uri)
            page.render = restore  # type: ignore[method-assign]
        elif entry is not None:
            self.rendered.add(page.file.src_uri)
            page.render = restore  # type: ignore[method-assign]
        else:
            self.rendered.add(page.file.src_uri)
            page.render = render_and_record  # type: ignore[method-assign]
        return page

    @event_priority(-100)  # after the search plugin has indexed the page's own content
    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        if page.file.src_uri in self.restored:
            entry = self._load(self.names[page.file.src_uri])
            assert entry is not None
            page.content = entry["html"]  # printed whole by the cached-page template
        return context

    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        name = self.names[page.file.src_uri]
        self.folder.mkdir(parents=True, exist_ok=True)
        if page.file.src_uri in self.restored:
            assert self.previous is not None
            _link_or_copy(self.previous / name, self.folder / name)
        else:
            entry = {**self.entries.pop(page.file.src_uri), "html": output}
            (self.folder / name).write_text(
                json.dumps(entry, ensure_ascii=False, sort_keys=True), encoding="utf-8"
            )
        return output

    def _held(self, name: str) -> bool:
        """Whether the previous cache has an entry of that name (read later, if at all)."""
        return self.previous is not None and (self.previous / name).is_file()

    def _load(self, name: str) -> dict[str, Any] | None:
        if self.previous is None:
            return None
        path = self.previous / name
        try:
            loaded = json.loads(path.read_bytes())
        except (OSError, ValueError):
            return None  # absent or unreadable: render the page
        return loaded if isinstance(loaded, dict) else None


def _entry(page: Page) -> dict[str, Any]:
    """What a rendered page's cache entry holds, besides the whole page's HTML."""
    return {
        "content": page.content,
        "toc": [_plain(item) for item in page.toc],
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": {
            target.src_uri: dict(sorted(links.items()))
            for target, links in sorted(
                (page.links_to_anchors or {}).items(), key=lambda item: item[0].src_uri
            )
        },
    }


def _plain(link: AnchorLink) -> dict[str, Any]:
    return {
        "title": link.title,
        "id": link.id,
        "level": link.level,
        "children": [_plain(child) for child in link.children],
    }


def _anchor(item: dict[str, Any]) -> AnchorLink:
    link = AnchorLink(item["title"], item["id"], item["level"])
    link.children = [_anchor(child) for child in item["children"]]
    return link


def _link_or_copy(source: Path, target: Path) -> None:
    """A hard link where the file system allows one (the entry is never written again)."""
    if source == target or target.exists():  # the preview keeps one cache between builds
        return
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
