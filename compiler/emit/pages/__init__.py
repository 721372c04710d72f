"""The site's page kinds: a tuple of small functions, one per kind of page.

An authority's pages take the :class:`~compiler.emit.pages.base.Site` (the model of
the authority and its statutory floor) and the authority; the national pages take the
:class:`~compiler.emit.pages.base.National` summaries of every authority. Each yields
pages (and the files they link to). One more kind of page is one more function here.
"""

from __future__ import annotations

from compiler.emit.pages.authority import authority
from compiler.emit.pages.base import (
    Asset,
    AuthorityPages,
    National,
    NationalPages,
    Page,
    Site,
)
from compiler.emit.pages.changes import changes
from compiler.emit.pages.compare import compare
from compiler.emit.pages.downloads import downloads
from compiler.emit.pages.home import home
from compiler.emit.pages.pack_format import pack_format
from compiler.emit.pages.version import version

AUTHORITY_PAGES: tuple[AuthorityPages, ...] = (
    authority,
    version,
    changes,  # what changed since the previous version, linked from the version page
)
"""An authority's own pages: made from its model, kept between builds while it is unchanged."""
NATIONAL_PAGES: tuple[NationalPages, ...] = (
    home,
    compare,
    downloads,
    pack_format,
)
"""The pages about every authority: made on every build from the authorities' summaries."""

__all__ = [
    "AUTHORITY_PAGES",
    "NATIONAL_PAGES",
    "Asset",
    "AuthorityPages",
    "National",
    "NationalPages",
    "Page",
    "Site",
]
