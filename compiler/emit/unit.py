"""One authority's share of the site: its pages, its packs zipped, and its summary.

An authority's files depend on its own standards and its statutory floor only, so
a build makes them one authority at a time and may keep them for the next build
while neither changes (:mod:`compiler.units`). The pages about every authority are
made afterwards from the summaries (:func:`compiler.emit.docs.national_docs`), so
that they need no authority's model.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any

from compiler.emit.context import Files
from compiler.emit.packs import PACKS
from compiler.emit.pages import AUTHORITY_PAGES, Site
from compiler.emit.pages.compare import authority_rows
from compiler.emit.pages.downloads import authority_zip
from compiler.emit.summary import AuthoritySummary
from compiler.errors import Severity
from compiler.model import Authority


def summary_of_packs(
    authority: Authority, packs: Mapping[PurePosixPath, bytes], listing: dict[str, Any]
) -> AuthoritySummary:
    """What the packs' index, the manifest and the pack format page need of the authority."""
    inside = sorted(
        (path.relative_to(PACKS).as_posix(), content) for path, content in packs.items()
    )
    first_csv = next((content for path, content in inside if path.endswith(".csv")), b"")
    columns = next(csv.reader(io.StringIO(first_csv.decode("utf-8-sig"))), [])
    return AuthoritySummary(
        id=authority.id,
        name=authority.name,
        statutory=authority.statutory,
        listing=listing,
        pack_files=tuple((path, hashlib.sha256(content).hexdigest()) for path, content in inside),
        csv_columns=tuple(columns),
    )


def authority_docs(
    site: Site,
    authority: Authority,
    packs: Mapping[PurePosixPath, bytes],
    listing: dict[str, Any],
) -> tuple[Files, AuthoritySummary]:
    """The authority's pages and its packs zipped (by path under the pages folder), and its
    summary.

    ``packs`` are the authority's pack files (by path in the build folder).
    """
    files: Files = {}
    for page_function in AUTHORITY_PAGES:
        for item in page_function(site, authority):
            target = item.path
            if target in files:
                raise ValueError(f"two pages claim the same file: {item.path}")
            files[target] = item.content
    zipped = authority_zip(
        authority.id,
        authority.name,
        [(path.relative_to(PACKS), content) for path, content in packs.items()],
    )
    offered = None
    if zipped is not None:
        asset, offered = zipped
        files[asset.path] = asset.content
    findings = site.findings_of(authority)
    summary = summary_of_packs(authority, packs, listing)
    return files, AuthoritySummary(
        **{
            **summary.__dict__,
            "documents": len(authority.in_force(site.today)),
            "rules": len(site.in_force(authority)),
            "errors": sum(1 for f in findings if f.severity is Severity.ERROR),
            "warnings": sum(1 for f in findings if f.severity is Severity.WARNING),
            "offered": offered,
            "compare": authority_rows(site, authority),
        }
    )
