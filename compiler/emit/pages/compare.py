"""Comparison: for each activity, every authority side by side with the statutory floor.

One page per activity (``compare/<activity>.md``), a section per group of
children, each with a table of the rules in force, how each compares to the
statutory minimum in words, and a timeline picture of the first three months
with the same dates in a table beside it.

Authorities whose rule reads the same (the same children, timescale, strength,
relation to the floor and dates) share one row that names them all: at 150
authorities a row each made a page of a megabyte, while the rules themselves
come in a few dozen shapes. The statutory row stays first and alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from compiler.calendar import load_calendar
from compiler.checks.comparing import describe
from compiler.emit.pages.base import Asset, National, Page, Site
from compiler.emit.parts import PART_BUDGET, statement_page
from compiler.emit.summary import CompareRow
from compiler.emit.timeline import (
    EXAMPLE_START,
    PictureRow,
    TimelineRow,
    draw,
    latest_dates,
    window_end,
)
from compiler.emit.views import (
    COMPARE_INDEX,
    compare_page,
    floor_summary,
)
from compiler.model import Authority
from compiler.timescale.compare import spoken
from compiler.vocabulary import vocabulary
from compiler.wording import activity_title, group_title, who_words


def compared_activities(national: National) -> list[str]:
    """Every activity some rule in force today times, in the vocabulary's order."""
    used = {row.activity for summary in national.summaries for row in summary.compare}
    return [a for a in vocabulary().activities if a in used]


def compare(national: National) -> Iterator[Page | Asset]:
    """The comparison index, then a page (and its timeline pictures) per activity."""
    activities = compared_activities(national)
    index = [
        (activity_title(a), vocabulary().activities[a].description, compare_page(a))
        for a in activities
    ]
    yield Page(
        COMPARE_INDEX,
        national.render("compare_index.md.j2", COMPARE_INDEX, activities=index),
        nav=(),
    )
    for activity in activities:
        yield from _activity(national, activity)


@dataclass(frozen=True)
class SharedRow:
    """Rows that read the same, one per authority: shown as one row naming them all."""

    rows: tuple[CompareRow, ...]

    @property
    def first(self) -> CompareRow:
        return self.rows[0]

    @property
    def statutory(self) -> bool:
        return self.first.statutory

    @property
    def label(self) -> str:
        """What the timeline picture calls the row: the authority, or how many share it."""
        count = len(self.rows)
        return self.first.authority_name if count == 1 else f"{count} authorities"


def shared_rows(rows: list[CompareRow]) -> list[SharedRow]:
    """Rows that read the same as one, in the order of their first authority.

    Statutory rows are never merged with local ones, and come first as the
    authorities do (:attr:`Site.authorities`).
    """
    merged: dict[tuple[object, ...], list[CompareRow]] = {}
    for row in rows:
        key = (
            row.statutory,
            row.who,
            row.timescale,
            row.strength,
            row.floors,
            row.dates,
            row.authority_id if row.statutory else "",
        )
        merged.setdefault(key, []).append(row)
    return [SharedRow(tuple(same)) for same in merged.values()]


def _activity(site: National, activity: str) -> Iterator[Page | Asset]:
    path = compare_page(activity)
    groups = []
    for group in vocabulary().groups:
        rows = shared_rows(site.compared.get((activity, group), []))
        if not rows:
            continue
        picture = path.with_name(f"{path.stem}--{group.replace('_', '-')}.svg")
        title = (
            f"{activity_title(activity)} for {group_title(group).lower()}: latest permitted "
            f"dates in the three months from {spoken(EXAMPLE_START)}"
        )
        yield Asset(picture, _picture(title, rows))
        statutory_rows = any(row.statutory for row in rows)
        groups.append(
            {
                "id": group.replace("_", "-"),
                "title": group_title(group),
                "rows": rows,
                "picture": picture,
                "picture_title": title,
                "has_floor": statutory_rows,
                "authorities": sum(len(row.rows) for row in rows),
            }
        )
    term = vocabulary().activities[activity]
    values = {
        "title": term.title,
        "description": term.description,
        "start": EXAMPLE_START,
        "end": window_end(),
        "compare_index": COMPARE_INDEX,
    }
    pages: dict[str, PurePosixPath] = {}
    if sum(_weight(group) for group in groups) > PART_BUDGET:  # a page per group of children
        for group in groups:
            pages[group["id"]] = path.with_name(f"{path.stem}--{group['id']}.md")
            yield Page(
                pages[group["id"]],
                site.render(
                    "compare.md.j2",
                    pages[group["id"]],
                    **values,
                    groups=[group],
                    group_pages=[],
                    group_of=(group["title"], path),
                ),
                nav=None,
            )
    yield Page(
        path,
        site.render(
            "compare.md.j2",
            path,
            **values,
            groups=[] if pages else groups,
            group_of=None,
            group_pages=[{**group, "page": pages[group["id"]]} for group in groups if pages],
        ),
        nav=None,  # reached from the comparison index: the menu stays the same size on every page
    )


GROUP_WEIGHT = 2_000
"""A group's heading, filter and tables, in bytes of HTML, besides its rows."""
ROW_WEIGHT = 900
"""A row of both tables (the children, the timescale, the floor in words, the dates)."""
NAME_WEIGHT = 160
"""An authority named in a row: its name and the link to its statement."""


def _weight(group: dict[str, Any]) -> int:
    """An estimate of a group's HTML: with 150 authorities, the names alone pass 150 KB.

    Worked out from the rows, before the page is rendered; a comparison whose groups
    together pass :data:`~compiler.emit.parts.PART_BUDGET` gets a page per group.
    """
    rows = group["rows"]
    return GROUP_WEIGHT + ROW_WEIGHT * len(rows) + NAME_WEIGHT * group["authorities"]


def authority_rows(site: Site, authority: Authority) -> tuple[CompareRow, ...]:
    """The authority's rules in force on the build date, as the comparison pages show them.

    Worked out with the authority's model and kept in its summary
    (:class:`~compiler.emit.summary.AuthoritySummary`): the comparison pages are made
    from the summaries of every authority, without reading their standards again.
    """
    calendar = load_calendar(authority.calendar, authority.closures)
    rows = []
    for version, rule in site.in_force(authority):
        statement = next(s.id for s in version.statements() if any(r is rule for r in s.rules))
        who = who_words(rule.subject, rule.conditions)
        statutory = authority.statutory
        line = TimelineRow(authority.name, who, rule.timescale, rule.conditions, statutory)
        days = latest_dates(line, calendar)
        rows.append(
            CompareRow(
                activity=rule.activity,
                group=rule.subject.group,
                authority_id=authority.id,
                authority_name=authority.name,
                statutory=authority.statutory,
                who=who,
                timescale=describe(rule),
                strength=rule.strength,
                floors=floor_summary(site.floor_comparisons(authority, rule, site.today)),
                page=statement_page(authority, version, statement),
                statement=statement,
                dates=tuple(spoken(d) for d in days),
                days=tuple(d.isoformat() for d in days),
            )
        )
    return tuple(rows)


def _picture(title: str, rows: list[SharedRow]) -> bytes:
    """The timeline of the shared rows: the dates of each row's first authority."""
    return draw(
        title,
        [PictureRow(row.label, row.first.who, row.statutory) for row in rows],
        [[date.fromisoformat(day) for day in row.first.days] for row in rows],
    )
