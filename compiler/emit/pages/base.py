"""What every page function gets (:class:`Site`) and gives back (:class:`Page`, :class:`Asset`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import PurePosixPath
from typing import Any

import jinja2
from markupsafe import Markup

from compiler.emit.summary import AuthoritySummary, CompareRow
from compiler.emit.views import (
    HOME,
    FloorComparison,
    findings_by_authority,
    floor_comparisons,
    link,
)
from compiler.errors import Finding
from compiler.model import Authority, Corpus, Rule, Version
from compiler.pipeline import Compiled
from compiler.util.escaping import site_link


@dataclass(frozen=True)
class Page:
    """A Markdown page under the docs folder, and where it sits in the navigation.

    ``nav`` names the sections it belongs to, outermost first (``()`` for the top level);
    ``None`` keeps the page out of the site-wide menu. An authority's pages are reached
    from its page and the authority index, not from a menu every page would carry: a
    menu of every authority made each page grow with their number (half a megabyte at
    150 authorities).
    """

    path: PurePosixPath
    content: bytes
    nav: tuple[str, ...] | None = ()


@dataclass(frozen=True)
class Asset:
    """Any other file the pages link to (a timeline picture, a download)."""

    path: PurePosixPath
    content: bytes


@dataclass(frozen=True)
class Site:
    """The compiled corpus, the build date, the files emitted so far, and the templates."""

    compiled: Compiled
    today: date
    files: Mapping[PurePosixPath, bytes]
    templates: jinja2.Environment
    progress: Callable[[str], None] = field(default=lambda _: None)

    @property
    def corpus(self) -> Corpus:
        return self.compiled.corpus

    @property
    def authorities(self) -> tuple[Authority, ...]:
        """Statutory baselines first, then the authorities by name."""
        return tuple(
            sorted(self.corpus.authorities, key=lambda a: (not a.statutory, a.name.lower(), a.id))
        )

    def in_force(self, authority: Authority) -> tuple[tuple[Version, Rule], ...]:
        """``authority.rules_in_force(today)``, worked out once per build.

        Comparison pages ask for every authority's rules once per activity and
        group: at 150 authorities, recomputing them was most of the pages' time.
        """
        return self._in_force[authority.id]

    @cached_property
    def _in_force(self) -> dict[str, tuple[tuple[Version, Rule], ...]]:
        return {a.id: tuple(a.rules_in_force(self.today)) for a in self.corpus.authorities}

    def floor_comparisons(
        self, authority: Authority, rule: Rule, on: date
    ) -> tuple[FloorComparison, ...]:
        """:func:`compiler.emit.views.floor_comparisons`, worked out once per rule and date.

        A rule in force is shown on its version's page and in its comparison row, on
        the same date: at 150 authorities the comparisons were a third of the pages' time.
        """
        key = (authority.id, id(rule), on)
        known = self._floors.get(key)
        if known is None or known[0] is not rule:
            known = (rule, floor_comparisons(self.corpus, authority, rule, on))
            self._floors[key] = known
        return known[1]

    @cached_property
    def _floors(self) -> dict[tuple[str, int, date], tuple[Rule, tuple[FloorComparison, ...]]]:
        return {}

    def findings_of(self, authority: Authority) -> list[Finding]:
        """The findings about ``authority``, as :func:`compiler.emit.views.authority_findings`."""
        return self._findings.get(authority.id, [])

    @cached_property
    def _findings(self) -> dict[str, list[Finding]]:
        return findings_by_authority(self.compiled)

    def render(self, template: str, page: PurePosixPath, **values: Any) -> bytes:
        """Render ``template`` for the page at ``page``: ``href(target, anchor)`` links from it."""
        return render(self.templates, self.today, template, page, values)


@dataclass(frozen=True)
class National:
    """What the pages about every authority are made from: a summary of each, no model.

    ``files`` holds the packs' national files (index, manifest, schemas) made in this build.
    """

    summaries: tuple[AuthoritySummary, ...]
    today: date
    files: Mapping[PurePosixPath, bytes]
    templates: jinja2.Environment

    @cached_property
    def authorities(self) -> tuple[AuthoritySummary, ...]:
        """Statutory baselines first, then the authorities by name (as :attr:`Site.authorities`)."""
        return tuple(sorted(self.summaries, key=lambda a: a.sort_key))

    @cached_property
    def compared(self) -> dict[tuple[str, str], list[CompareRow]]:
        """Every comparison row by activity and group, in the order of :attr:`authorities`."""
        rows: dict[tuple[str, str], list[CompareRow]] = {}
        for summary in self.authorities:
            for row in summary.compare:
                rows.setdefault((row.activity, row.group), []).append(row)
        return rows

    def render(self, template: str, page: PurePosixPath, **values: Any) -> bytes:
        """Render ``template`` for the page at ``page``, as :meth:`Site.render` does."""
        return render(self.templates, self.today, template, page, values)


def render(
    templates: jinja2.Environment,
    today: date,
    template: str,
    page: PurePosixPath,
    values: dict[str, Any],
) -> bytes:
    """Render ``template`` for the page at ``page``: ``href(target, anchor)`` links from it."""

    def href(target: PurePosixPath, fragment: str = "") -> Markup:
        return site_link(link(page, target, fragment))

    values.setdefault("today", today)
    values.setdefault("home", HOME)  # every page can link the way home
    return templates.get_template(template).render(href=href, **values).encode("utf-8")


AuthorityPages = Callable[[Site, Authority], Iterable[Page | Asset]]
"""An authority's pages of one kind, made from the model of that authority and its floor."""
NationalPages = Callable[[National], Iterable[Page | Asset]]
"""A page about every authority, made from their summaries."""
