"""What a site build records about the whole site, so the next build can take the fast path.

The page cache (:mod:`compiler.emit.site_cache`) keeps one entry per page; the
fast path (:mod:`compiler.emit.site_fast`) must also know, without opening
those entries, everything MkDocs would otherwise learn by walking every page:

- ``key``: the site's key (:func:`compiler.emit.site_cache.site_key`) with the
  build date, which the sitemap carries (MkDocs dates every page with it);
- ``pages``, in MkDocs' order: each page's cache entry name, its title (the
  menu on a changed page shows the others'), the anchors it has and the links
  it makes to anchors (strict validation in both directions);
- ``static``: the SHA-256 of every file of the pages folder that is not a page
  (pictures, downloads, stylesheets), so a changed one is copied again;
- ``site``: every file of the finished ``site/`` folder, each taken from the
  previous site unless the fast path writes it again;
- ``theme``: the files the theme adds to the site (links may point at them).

Written as ``manifest.json`` into the cache folder beside the pages' entries: a
first line with the SHA-256 of the rest, so that an edited or truncated manifest
is not trusted (the next build is then a full one), then the rest as JSON.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

MANIFEST = "manifest.json"
MANIFEST_FORMAT = "1"
"""Bump when what the manifest holds changes: an older one then means a full build."""


@dataclass(frozen=True)
class PageRecord:
    """What the fast path needs of an unchanged page instead of its entry."""

    name: str
    title: str | None
    anchors: list[str]
    links: dict[str, dict[str, str]]


@dataclass(frozen=True)
class Manifest:
    """The previous build's record of its site (see the module)."""

    key: str
    pages: dict[str, PageRecord]
    static: dict[str, str]
    site: list[str]
    theme: list[str]

    def write(self, folder: Path) -> None:
        """Write ``manifest.json`` into ``folder`` (a new file: never one of a previous build)."""
        body = json.dumps(self._body(), ensure_ascii=False, separators=(",", ":")).encode()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / MANIFEST
        target.unlink(missing_ok=True)  # it may be a hard link to the previous build's
        target.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)

    def _body(self) -> dict[str, Any]:
        return {
            "format": MANIFEST_FORMAT,
            "key": self.key,
            "pages": [
                [uri, page.name, page.title, page.anchors, page.links]
                for uri, page in self.pages.items()
            ],
            "static": self.static,
            "site": self.site,
            "theme": self.theme,
        }


def read_manifest(folder: Path) -> Manifest | None:
    """The manifest in ``folder``, or None if it is absent, unreadable, of another format,
    does not match its own check or names a path outside its folders."""
    try:
        check, body = (folder / MANIFEST).read_bytes().split(b"\n", 1)
        if check != hashlib.sha256(body).hexdigest().encode():
            return None
        loaded = json.loads(body)
        if loaded.get("format") != MANIFEST_FORMAT:
            return None
        pages = {
            uri: PageRecord(name, title, anchors, links)
            for uri, name, title, anchors, links in loaded["pages"]
        }
        manifest = Manifest(loaded["key"], pages, loaded["static"], loaded["site"], loaded["theme"])
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    paths = [*manifest.site, *manifest.theme, *(page.name for page in pages.values())]
    return manifest if all(_inside(path) for path in paths) else None


def _inside(path: object) -> bool:
    """Whether a path read from the manifest stays inside the folder it is joined to."""
    return (
        isinstance(path, str)
        and bool(path)
        and not path.startswith("/")
        and "\\" not in path
        and ".." not in path.split("/")
    )


def fast_key(site_key: bytes, build_date: str) -> str:
    """The key under which a previous site may be reused file by file."""
    return hashlib.sha256(site_key + b"\nbuilt " + build_date.encode()).hexdigest()


def page_record(page: Page, name: str) -> PageRecord:
    """A rendered (or restored) page's record."""
    return PageRecord(
        name=name,
        title=page._title_from_render,
        anchors=sorted(page.present_anchor_ids or ()),
        links={
            target.src_uri: dict(sorted(links.items()))
            for target, links in sorted(
                (page.links_to_anchors or {}).items(), key=lambda item: item[0].src_uri
            )
        },
    )


def theme_files(files: Files, docs_dir: str) -> list[str]:
    """The files the theme adds (MkDocs lists them from the theme's folders on every build)."""
    return [file.src_uri for file in files if file.src_dir != docs_dir and file.abs_src_path]


def static_digests(files: Files, docs_dir: str) -> dict[str, str]:
    """The SHA-256 of each file of the pages folder that MkDocs copies as it is."""
    digests = {}
    for file in files:
        if file.is_documentation_page() or file.src_dir != docs_dir or not file.abs_src_path:
            continue
        digests[file.src_uri] = hashlib.sha256(Path(file.abs_src_path).read_bytes()).hexdigest()
    return digests


def site_files(site: Path) -> list[str]:
    """Every file of a finished site folder, by its path inside it."""
    found = []
    for folder, _, names in os.walk(site):
        inside = os.path.relpath(folder, site).replace(os.sep, "/")
        found.extend(name if inside == "." else f"{inside}/{name}" for name in names)
    return sorted(found)
