"""A rule the importer proposes: the words it read, its reading, and what a person must confirm.

Its own module so that :mod:`~compiler.authoring.importer.propose` (which makes them) and
:mod:`~compiler.authoring.importer.phased` (which joins a sentence's phases into one) share
it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProposedRule:
    """A rule read from the words, with what a person must confirm (empty if nothing)."""

    words: str
    timescale: str
    group: str
    activity: str
    strength: str
    event: str | None = None
    confirm: str = ""
