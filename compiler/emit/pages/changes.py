"""Per document version with a previous one: what changed since it, looser changes first.

The words come from :mod:`compiler.diff.render` (the same as ``standards diff
--format markdown``), with new words marked as insertions; every piece of
author text in them is escaped there, as on every other page.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from markupsafe import Markup

from compiler.diff import diff_versions
from compiler.diff.render import render_markdown, summary
from compiler.diff.sides import calendar_of
from compiler.emit.pages.base import Page, Site
from compiler.emit.views import authority_page, changes_page, version_page
from compiler.model import Authority, Document, Version


def previous_version(authority: Authority, version: Version) -> Version | None:
    """The version of the same document just before ``version``, if any."""
    document: Document | None = authority.document(version.document_id)
    versions = document.versions if document is not None else ()
    return next((old for old, new in pairwise(versions) if new is version), None)


def changes(site: Site, authority: Authority) -> Iterator[Page]:
    """``<authority>/<document>/<version>-changes.md`` for every version with a previous one."""
    calendar = calendar_of(authority)
    for document in authority.documents:
        for old, new in pairwise(document.versions):
            site.progress(f"site pages: what changed in {new.key}")
            diff = diff_versions(old, new, calendar)
            path = changes_page(authority, new)
            yield Page(
                path,
                site.render(
                    "changes.md.j2",
                    path,
                    authority=authority,
                    authority_page=authority_page(authority),
                    old=old,
                    new=new,
                    old_page=version_page(authority, old),
                    new_page=version_page(authority, new),
                    summary=Markup(summary(diff)),
                    body=Markup(render_markdown([diff], site=True)),
                ),
                nav=None,
            )
