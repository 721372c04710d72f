"""Drafts: a document version still being written is not in force, and an author is told so."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from compiler.errors import Finding, Severity
from compiler.model import Corpus

DRAFT_NOTE = "draft-version"


def drafts_are_noted(corpus: Corpus, today: date) -> Iterable[Finding]:
    """Note every draft version: its rules are checked, but no pack or site reader relies on it.

    A new author's first check should not leave them thinking their rules are live; this note
    is listed even without ``--verbose``.
    """
    del today  # a draft is a draft whatever the date
    for authority in corpus.authorities:
        for document in authority.documents:
            for version in document.versions:
                if version.status != "draft":
                    continue
                found = Finding(
                    Severity.INFO,
                    DRAFT_NOTE,
                    f"{version.key} is a draft: its rules are checked, but it is not in force "
                    "and no rule pack includes it",
                    version.location,
                    "set status: published (and effective_from) when the document is approved",
                )
                yield replace(found, data=(("authority", authority.id),))
