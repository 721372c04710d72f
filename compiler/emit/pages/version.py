"""Per document version: the full text in the document's order, each rule beside its words."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath

from compiler.checks.comparing import describe
from compiler.emit.pages.base import Page, Site
from compiler.emit.pages.changes import previous_version
from compiler.emit.parts import part_page, parts, statement_page
from compiler.emit.views import (
    FloorComparison,
    authority_page,
    changes_page,
    floor_date,
    in_force_words,
    review_words,
    strength_words,
    version_page,
)
from compiler.model import Authority, Rule, Section, Version
from compiler.util.escaping import web_link
from compiler.wording import activity_title, who_words

KIND_LABELS = {
    "heading": "",
    "standard": "",
    "summary": "Summary",
    "guidance": "Guidance",
    "quote": "Quotation",
    "reference": "Reference",
    "template": "Recording template",
}


@dataclass(frozen=True)
class RuleView:
    """A rule as the page shows it: its reading in words and how it compares to the floor."""

    rule: Rule
    who: str
    activity: str
    timescale: str
    strength: str
    floors: tuple[FloorComparison, ...]
    has_floor: bool


def version(site: Site, authority: Authority) -> list[Page]:
    """``<authority>/<document>/<version>.md`` for every version of the authority's documents,
    its documents by title."""
    return [
        page
        for document in sorted(authority.documents, key=lambda d: d.latest.title.lower())
        for current in document.versions
        for page in _pages(site, authority, current)
    ]


@dataclass(frozen=True)
class PartView:
    """A part of a long document (:mod:`compiler.emit.parts`) and its page."""

    number: int
    sections: tuple[Section, ...]
    page: PurePosixPath


def _pages(site: Site, authority: Authority, current: Version) -> Iterator[Page]:
    """The version's page, and a page for each further part of a long document."""
    views = [
        PartView(part.number, part.sections, part_page(authority, current, part.number))
        for part in parts(current)
    ]
    for view in views:
        yield _page(site, authority, current, view, views)


def _page(
    site: Site, authority: Authority, current: Version, part: PartView, views: list[PartView]
) -> Page:
    path = part.page
    on = floor_date(current, site.today)
    statutory = site.corpus.jurisdiction_of(authority) is not None
    sections = [
        (
            section,
            [
                (
                    statement,
                    [
                        _rule_view(site, authority, r, on, statutory)
                        for r in statement.rules_in_force()
                    ],
                )
                for statement in section.statements
            ],
        )
        for section in part.sections
    ]
    document = authority.document(current.document_id)
    others = [v for v in (document.versions if document else ()) if v is not current]
    source = current.source
    return Page(
        path,
        site.render(
            "version.md.j2",
            path,
            authority=authority,
            authority_page=authority_page(authority),
            version=current,
            state=in_force_words(current, authority, site.today),
            review=review_words(current, site.today),
            compared_on=on,
            others=[(v, version_page(authority, v)) for v in others],
            source=source,
            source_link=web_link(source.url) if source.url else None,
            sections=sections,
            part=part.number,
            parts=views,
            page_of=lambda statement: statement_page(authority, current, statement),
            confirmations=to_confirm(current),
            kinds=KIND_LABELS,
            changes=changes_page(authority, current)
            if previous_version(authority, current) is not None
            else None,
        ),
        nav=None,
    )


def to_confirm(current: Version) -> list[tuple[str, str, str]]:
    """``(statement id, what, what to confirm)`` for every reading still marked ``confirm``.

    An imported draft carries one per guess; the page lists them at the top, so a
    principal social worker reviewing the draft sees what is left to do.
    """
    return [
        (statement.id, what, confirm)
        for statement in current.all_statements()
        for what, confirm in [
            *((f"rule {rule.id}", rule.confirm) for rule in statement.rules),
            *((f"words '{item.words}'", item.confirm) for item in statement.not_rules),
            *(
                (f"withdrawal of {what}", marked.confirm)
                for what, marked in (
                    ("the statement", statement.withdrawn),
                    *((f"rule {rule.id}", rule.withdrawn) for rule in statement.rules),
                )
                if marked is not None
            ),
        ]
        if confirm
    ]


def _rule_view(site: Site, authority: Authority, rule: Rule, on: date, statutory: bool) -> RuleView:
    floors = site.floor_comparisons(authority, rule, on) if statutory else ()
    return RuleView(
        rule=rule,
        who=who_words(rule.subject, rule.conditions),
        activity=activity_title(rule.activity),
        timescale=describe(rule),
        strength=strength_words(rule.strength),
        floors=floors,
        has_floor=statutory,
    )
