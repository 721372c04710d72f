"""Writing an authority's pages on every core: forked workers, results in the authorities' order.

The version pages are most of the Markdown's time at national scale (each rule's
comparison with the statutory floor is worked out case by case), and one
authority's pages do not depend on another's. :func:`by_authority` forks a worker
per core (see :func:`compiler.emit.site_prerender.workers`), gives each authority
to one, and yields each authority's pages in the order of :attr:`Site.authorities`,
so the output is the same as writing them one by one. The floor comparisons the
workers made come back too, for the comparison pages written afterwards.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from typing import Any

from compiler.emit.pages.base import Page, Site
from compiler.emit.site_prerender import workers
from compiler.model import Authority

Work = Callable[[Site, Authority], list[Page]]
MIN_AUTHORITIES = 8
"""Fewer authorities than this are written faster than the workers start."""

_job: tuple[Site, Work] | None = None
"""What the forked workers write: set just before they are forked, read by them."""


def by_authority(site: Site, work: Work) -> Iterator[list[Page]]:
    """``work(site, authority)`` for every authority, in order, on every core."""
    authorities = site.authorities
    count = workers()
    if count < 2 or len(authorities) < MIN_AUTHORITIES:
        for each in authorities:
            site.progress(f"site pages: {each.name}")
            yield work(site, each)
        return
    global _job
    _job = (site, work)
    try:
        with multiprocessing.get_context("fork").Pool(count) as pool:
            for each, (pages, floors) in zip(
                authorities, pool.imap(_work, range(len(authorities))), strict=True
            ):
                site.progress(f"site pages: {each.name}")
                _keep_floors(site, each, floors)
                yield pages
    finally:
        _job = None


def _work(index: int) -> tuple[list[Page], list[tuple[Any, Any]]]:
    """In a worker: one authority's pages, and the floor comparisons made for them."""
    assert _job is not None
    site, work = _job
    authority = site.authorities[index]
    pages = work(site, authority)
    return pages, site.floors_made(authority)


def _keep_floors(site: Site, authority: Authority, floors: list[tuple[Any, Any]]) -> None:
    """Give the parent's site the comparisons a worker made (rules are the parent's objects)."""
    rules = {
        id(rule): rule
        for document in authority.documents
        for version in document.versions
        for rule in version.all_rules()
    }
    for key, comparisons in floors:
        rule = rules.get(key[1])
        if rule is not None:  # the worker is a fork: the same rule has the same id
            site.keep_floors(key, rule, comparisons)
