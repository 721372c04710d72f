"""The home page: what the site is, the authorities, and where to start."""

from __future__ import annotations

from collections.abc import Iterator

from compiler.emit.pages.base import National, Page
from compiler.emit.pages.compare import compared_activities
from compiler.emit.views import (
    COMPARE_INDEX,
    DOWNLOADS,
    HOME,
    PACK_FORMAT,
    authority_page,
    compare_page,
)
from compiler.wording import activity_title

FEATURED = (
    "statutory_visit",
    "visit_recording",
    "case_recording",
    "cin_meeting",
    "review_conference",
    "looked_after_review",
)
"""The activities most readers come to compare, offered first on the home page."""


def home(national: National) -> Iterator[Page]:
    """One page, ``index.md``: a row per authority with what is in force and what was found."""
    rows = [
        {
            "authority": summary,
            "page": authority_page(summary),
            "documents": summary.documents,
            "rules": summary.rules,
            "errors": summary.errors,
            "warnings": summary.warnings,
        }
        for summary in national.authorities
    ]
    compared = compared_activities(national)
    activities = [(activity_title(a), compare_page(a)) for a in FEATURED if a in compared]
    yield Page(
        HOME,
        national.render(
            "home.md.j2",
            HOME,
            rows=rows,
            activities=activities,
            compare_index=COMPARE_INDEX,
            downloads=DOWNLOADS,
            pack_format=PACK_FORMAT,
        ),
    )
