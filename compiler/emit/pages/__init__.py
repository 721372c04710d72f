"""The site's page kinds: a tuple of small functions, one per kind of page.

Each takes the :class:`~compiler.emit.pages.base.Site` and yields pages (and
the files they link to). One more kind of page is one more function here.
"""

from __future__ import annotations

from compiler.emit.pages.authority import authority
from compiler.emit.pages.base import Asset, Page, PageFunction, Site
from compiler.emit.pages.changes import changes
from compiler.emit.pages.compare import compare
from compiler.emit.pages.downloads import downloads
from compiler.emit.pages.home import home
from compiler.emit.pages.pack_format import pack_format
from compiler.emit.pages.version import version

PAGES: tuple[PageFunction, ...] = (
    home,
    authority,
    version,
    changes,  # what changed since the previous version, linked from the version page
    compare,
    downloads,
    pack_format,
)

__all__ = ["PAGES", "Asset", "Page", "PageFunction", "Site"]
