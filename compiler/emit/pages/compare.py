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
from pathlib import PurePosixPath

from compiler.calendar import load_calendar
from compiler.checks.comparing import describe
from compiler.emit.pages.base import Asset, Page, Site
from compiler.emit.timeline import EXAMPLE_START, TimelineRow, draw, latest_dates, window_end
from compiler.emit.views import (
    COMPARE_INDEX,
    compare_page,
    floor_comparisons,
    floor_summary,
    version_page,
)
from compiler.model import Authority, Rule, Version
from compiler.timescale.compare import spoken
from compiler.vocabulary import vocabulary
from compiler.wording import activity_title, group_title, who_words


@dataclass(frozen=True)
class CompareRow:
    """One authority's rule for the activity and group, and how it compares to the floor."""

    authority: Authority
    version: Version
    rule: Rule
    who: str
    timescale: str
    floors: str
    page: PurePosixPath
    statement: str
    dates: tuple[str, ...]


def compared_activities(site: Site) -> list[str]:
    """Every activity some rule in force today times, in the vocabulary's order."""
    used = {r.activity for a in site.corpus.authorities for _, r in site.in_force(a)}
    return [a for a in vocabulary().activities if a in used]


def compare(site: Site) -> Iterator[Page | Asset]:
    """The comparison index, then a page (and its timeline pictures) per activity."""
    activities = compared_activities(site)
    index = [
        (activity_title(a), vocabulary().activities[a].description, compare_page(a))
        for a in activities
    ]
    yield Page(
        COMPARE_INDEX,
        site.render("compare_index.md.j2", COMPARE_INDEX, activities=index),
        nav=(),
    )
    for activity in activities:
        yield from _activity(site, activity)


@dataclass(frozen=True)
class SharedRow:
    """Rows that read the same, one per authority: shown as one row naming them all."""

    rows: tuple[CompareRow, ...]

    @property
    def first(self) -> CompareRow:
        return self.rows[0]

    @property
    def statutory(self) -> bool:
        return self.first.authority.statutory

    @property
    def label(self) -> str:
        """What the timeline picture calls the row: the authority, or how many share it."""
        count = len(self.rows)
        return self.first.authority.name if count == 1 else f"{count} authorities"


def shared_rows(rows: list[CompareRow]) -> list[SharedRow]:
    """Rows that read the same as one, in the order of their first authority.

    Statutory rows are never merged with local ones, and come first as the
    authorities do (:attr:`Site.authorities`).
    """
    merged: dict[tuple[object, ...], list[CompareRow]] = {}
    for row in rows:
        key = (
            row.authority.statutory,
            row.who,
            row.timescale,
            row.rule.strength,
            row.floors,
            row.dates,
            row.authority.id if row.authority.statutory else "",
        )
        merged.setdefault(key, []).append(row)
    return [SharedRow(tuple(same)) for same in merged.values()]


def _activity(site: Site, activity: str) -> Iterator[Page | Asset]:
    path = compare_page(activity)
    groups = []
    for group in vocabulary().groups:
        rows = shared_rows(_rows(site, activity, group))
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
    yield Page(
        path,
        site.render(
            "compare.md.j2",
            path,
            title=term.title,
            description=term.description,
            groups=groups,
            start=EXAMPLE_START,
            end=window_end(),
            compare_index=COMPARE_INDEX,
        ),
        nav=None,  # reached from the comparison index: the menu stays the same size on every page
    )


def _rows(site: Site, activity: str, group: str) -> list[CompareRow]:
    rows = []
    for authority in site.authorities:
        calendar = load_calendar(authority.calendar, authority.closures)
        for version, rule in site.in_force(authority):
            if rule.activity != activity or rule.subject.group != group:
                continue
            line = TimelineRow(
                authority.name,
                who_words(rule.subject, rule.conditions),
                rule.timescale,
                rule.conditions,
                authority.statutory,
            )
            rows.append(
                CompareRow(
                    authority=authority,
                    version=version,
                    rule=rule,
                    who=who_words(rule.subject, rule.conditions),
                    timescale=describe(rule),
                    floors=floor_summary(
                        floor_comparisons(site.corpus, authority, rule, site.today)
                    ),
                    page=version_page(authority, version),
                    statement=next(
                        s.id for s in version.statements() if any(r is rule for r in s.rules)
                    ),
                    dates=tuple(spoken(d) for d in latest_dates(line, calendar)),
                )
            )
    return rows


def _picture(title: str, rows: list[SharedRow]) -> bytes:
    lines = [
        TimelineRow(
            row.label,
            row.first.who,
            row.first.rule.timescale,
            row.first.rule.conditions,
            row.statutory,
        )
        for row in rows
    ]
    dates = []
    for row, line in zip(rows, lines, strict=True):
        authority = row.first.authority
        calendar = load_calendar(authority.calendar, authority.closures)
        dates.append(latest_dates(line, calendar))
    return draw(title, lines, dates)
