"""Per authority: its timescales at a glance, its documents and versions, its findings."""

from __future__ import annotations

from collections.abc import Iterator

from compiler.emit.pages.base import Page, Site
from compiler.emit.views import (
    authority_page,
    in_force_words,
    inherited_duties,
    review_words,
    source_path,
    source_roots,
    timescale_rows,
    version_page,
)
from compiler.errors import Severity
from compiler.model import Authority

FINDING_GROUPS = {
    Severity.ERROR: {
        "heading": "Errors",
        "anchor": "errors",
        "label": "Error",
        "explanation": "Conflicts between documents, and local rules that allow a later date "
        "than the law: each needs a decision by the standards' owner.",
    },
    Severity.WARNING: {
        "heading": "Warnings",
        "anchor": "warnings",
        "label": "Warning",
        "explanation": "Things to look at, such as a review date that has passed.",
    },
    Severity.INFO: {
        "heading": "Notes",
        "anchor": "notes",
        "label": "Note",
        "explanation": "For information: nothing needs to change.",
    },
}


def authority(site: Site, each: Authority) -> Iterator[Page]:
    """``<authority>/index.md``: its timescales at a glance, documents and findings."""
    roots = source_roots(site.corpus)
    path = authority_page(each)
    findings = site.findings_of(each)
    documents = [
        {
            "version": version,
            "page": version_page(each, version),
            "state": in_force_words(version, each, site.today),
            "review": review_words(version, site.today),
        }
        for document in sorted(each.documents, key=lambda d: d.latest.title.lower())
        for version in reversed(document.versions)
    ]
    groups = [
        {**FINDING_GROUPS[s], "found": [f for f in findings if f.severity is s]} for s in Severity
    ]
    yield Page(
        path,
        site.render(
            "authority.md.j2",
            path,
            authority=each,
            rows=timescale_rows(each, site.in_force(each)),
            inherited=inherited_duties(site.corpus, each, site.today),
            documents=documents,
            findings=[group for group in groups if group["found"]],
            where=lambda finding: source_path(site.corpus, finding.location.path, roots),
        ),
        nav=None,
    )
