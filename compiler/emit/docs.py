"""The guidance site's sources: Markdown pages, mkdocs.yml and the theme's files.

``emit_docs`` runs every page function (:data:`compiler.emit.pages.PAGES`) and
lays the result out for MkDocs under the build folder's ``docs/``::

    docs/mkdocs.yml       the configuration (plain: no plugins beyond search)
    docs/pages/...        the Markdown pages, pictures, downloads, stylesheets
    docs/overrides/...    theme overrides (accessibility fixes)

:func:`compiler.emit.site.build_site` then runs MkDocs over it into ``site/``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

import jinja2
import yaml

from compiler.emit.pages import NATIONAL_PAGES, National, Page, Site
from compiler.emit.summary import AuthoritySummary
from compiler.emit.templates import environment
from compiler.emit.unit import authority_docs
from compiler.util.escaping import without_controls
from compiler.util.resources import bundled

if TYPE_CHECKING:
    from compiler.emit.context import BuildContext

DOCS = PurePosixPath("docs")
PAGES_FOLDER = "pages"
OVERRIDES = "overrides"
STYLESHEETS = ("assets/stylesheets/site.css", "assets/stylesheets/print.css")
SITE_NAME = "Practice standards"
SEARCH_PARTS = "search_parts"
"""The key of ``extra`` in mkdocs.yml naming the authorities with a search index of their own."""
COPYRIGHT = (
    "Each document's words belong to its authority; statutory extracts are Crown copyright, "
    "reused under the Open Government Licence v3.0. Not legal advice."
)

Files = dict[PurePosixPath, bytes]


def emit_docs(context: BuildContext) -> Files:
    """Every page of the guidance site, with mkdocs.yml and the theme's files, under ``docs/``.

    The whole corpus at once, from its model: each authority's pages, then the national
    pages from every authority's summary, as a build makes them one authority at a time.
    """
    templates = environment()
    site = Site(
        compiled=context.compiled,
        today=context.today,
        files=context.files,
        templates=templates,
        progress=getattr(context, "progress", lambda _: None),
    )
    files: Files = {}
    summaries = []
    for authority in site.authorities:
        folder = PurePosixPath("packs", authority.id)
        packs = {path: c for path, c in context.files.items() if path.parent == folder}
        made, summary = authority_docs(site, authority, packs, {})
        files.update(under_docs(made))
        summaries.append(summary)
    ids = {authority.id for authority in site.authorities}
    national = {
        path: content
        for path, content in context.files.items()
        if path.parts[0] == "packs" and not (len(path.parts) > 2 and path.parts[1] in ids)
    }
    files.update(national_docs(summaries, context.today, national, templates))
    return files


def under_docs(pages: Mapping[PurePosixPath, bytes]) -> Files:
    """Pages and pictures by path in the site, as files of the build folder (``docs/pages/``)."""
    return {DOCS / PAGES_FOLDER / path: content for path, content in pages.items()}


def national_docs(
    summaries: Iterable[AuthoritySummary],
    today: date,
    packs: Mapping[PurePosixPath, bytes],
    templates: jinja2.Environment,
) -> Files:
    """The pages about every authority, the theme's files and mkdocs.yml, under ``docs/``.

    ``packs`` are the packs' national files (index, manifest, schemas).
    """
    national = National(tuple(summaries), today, packs, templates)
    files: Files = {}
    pages: list[Page] = []
    for page_function in NATIONAL_PAGES:
        for item in page_function(national):
            target = DOCS / PAGES_FOLDER / item.path
            if target in files:
                raise ValueError(f"two pages claim the same file: {item.path}")
            files[target] = item.content
            if isinstance(item, Page):
                pages.append(item)
    files.update(_theme_files())
    local = [each.id for each in national.authorities if not each.statutory]
    files[DOCS / "mkdocs.yml"] = mkdocs_config(pages, local).encode("utf-8")
    return files


def mkdocs_config(pages: Iterable[Page], search_parts: Iterable[str] = ()) -> str:
    """mkdocs.yml: strict, offline, Material without web fonts, the national pages in the menu.

    Page titles come from each page's first heading, which Markdown has already
    escaped; section titles are author text too, so they are HTML-escaped here
    (the theme prints navigation titles as HTML).

    ``search_parts`` names the authorities whose text gets a search index of its
    own (:mod:`compiler.emit.search_split`); it rides in ``extra``, which MkDocs
    passes through untouched.
    """
    config: dict[str, Any] = {
        "site_name": SITE_NAME,
        "site_description": "Children's social care practice standards, readable and comparable.",
        "docs_dir": PAGES_FOLDER,
        "site_dir": "../site",
        "use_directory_urls": False,
        "strict": True,
        "validation": {
            "omitted_files": "info",  # authorities' pages are out of the menu on purpose
            "absolute_links": "warn",
            "unrecognized_links": "warn",
            "anchors": "warn",
        },
        "theme": {
            "name": "material",
            "custom_dir": OVERRIDES,
            "font": False,
            "language": "en",
        },
        "plugins": ["search"],
        "copyright": COPYRIGHT,
        "extra_css": list(STYLESHEETS),
        "markdown_extensions": [
            "compiler.emit.safe_markdown",
            "tables",
            "attr_list",
            "admonition",
            "pymdownx.blocks.html",
            "pymdownx.tilde",  # ~~words~~: words a new version deleted (what-changed pages)
            "pymdownx.caret",  # ^^words^^: words a new version inserted
            {"toc": {"toc_depth": 3}},
        ],
        "nav": _nav(pages),
        "extra": {SEARCH_PARTS: sorted(search_parts)},
    }
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=100)


def _nav(pages: Iterable[Page]) -> list[Any]:
    """The navigation tree, in the order the page functions produced the pages.

    Pages whose ``nav`` is ``None`` stay out of it (see :class:`Page`).
    """
    root: dict[str, Any] = {}
    for page in pages:
        if page.nav is None:
            continue
        node = root
        for section in page.nav:
            node = node.setdefault(html.escape(without_controls(section), quote=False), {})
        node[str(page.path)] = None
    return _as_list(root)


def _as_list(node: dict[str, Any]) -> list[Any]:
    return [key if value is None else {key: _as_list(value)} for key, value in node.items()]


def _theme_files() -> Files:
    """The stylesheets (into the pages) and the theme overrides (beside them)."""
    folder = bundled("site")
    files: Files = {}
    for source, target in (("assets", PAGES_FOLDER + "/assets"), ("overrides", OVERRIDES)):
        for path in sorted((folder / source).rglob("*")):
            if path.is_file():
                relative = PurePosixPath(path.relative_to(folder / source).as_posix())
                files[DOCS / target / relative] = path.read_bytes()
    return files
