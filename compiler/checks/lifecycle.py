"""A document's life: review dates, and versions that follow one another."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from compiler.errors import Finding, Severity, warning
from compiler.model import Corpus
from compiler.timescale.compare import spoken


def review_dates_are_not_passed(corpus: Corpus, today: date) -> Iterable[Finding]:
    """A document in force whose review date has passed, with no later version, is out of date."""
    for authority in corpus.authorities:
        for version in authority.in_force(today):
            document = authority.document(version.document_id)
            if version.review_by is None or version.review_by >= today:
                continue
            if document is not None and document.latest is not version:
                continue  # a later version exists (a draft or one not yet in force)
            found = warning(
                "review-date-passed",
                f"{version.key} was due for review on {spoken(version.review_by)}, "
                f"{_ago(version.review_by, today)}, and no later version exists",
                version.location,
                "review the document and publish a new version (standards new-version), or "
                "set a new review_by date if it was reviewed without change",
            )
            yield replace(found, data=(("authority", authority.id), ("rules", version.key)))


def versions_follow_their_reviews(corpus: Corpus, today: date) -> Iterable[Finding]:
    """Note when a version stayed in force after its review date, until its successor came."""
    for authority in corpus.authorities:
        for document in authority.documents:
            published = [v for v in document.versions if v.status != "draft"]
            for earlier, later in itertools.pairwise(published):
                if earlier.review_by is not None and earlier.review_by < later.effective_from:
                    yield Finding(
                        Severity.INFO,
                        "review-gap",
                        f"{earlier.key} stayed in force {_ago(earlier.review_by, later.effective_from, 'after its review date')} "  # noqa: E501
                        f"until {later.key} took effect on {spoken(later.effective_from)}",
                        later.location,
                        "nothing to do now; a reviewer may want to know the gap",
                    )


def _ago(then: date, now: date, suffix: str = "ago") -> str:
    months = (now.year - then.year) * 12 + now.month - then.month - (now.day < then.day)
    years, months = divmod(max(months, 0), 12)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if months:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    if not parts:
        days = (now - then).days
        parts.append(f"{days} day{'s' if days != 1 else ''}")
    return " and ".join(parts) + f" {suffix}"
