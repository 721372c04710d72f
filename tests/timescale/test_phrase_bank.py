"""A bank of timescale phrases quoted from other authorities' published documents.

Beside :mod:`tests.timescale.test_source_phrases` (the five bundled documents), this holds the way
authorities actually write: each phrase in ``tests/fixtures/phrase_bank/*.yaml`` is quoted
exactly from a published procedures manual, practice standard, guide or regulation, with its
source and a reading written by hand, before the reader was run on it. Each phrase must be
read as the hand reading says (the same canonical timescale, rule conditions and notes), or
refused with a reason that contains the words written. A misreading fails the test; so does
a bank that stops covering at least 30 authorities or bodies and 300 phrases, or whose share
of refusals grows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from compiler.timescale.model import TimescaleError
from compiler.timescale.parse import parse_timescale, read_timescale

BANK = Path(__file__).parent.parent / "fixtures" / "phrase_bank"


@dataclass(frozen=True)
class Phrase:
    authority: str
    url: str
    words: str
    event: str | None
    reads: str | None
    refuse: str | None
    conditions: dict[str, bool]
    notes: tuple[str, ...]


def _bank() -> Iterator[Phrase]:
    for path in sorted(BANK.glob("*.yaml")):
        sources: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
        for source in sources:
            for phrase in source["phrases"]:
                yield Phrase(
                    source["authority"],
                    source["url"],
                    phrase["words"],
                    phrase.get("event"),
                    phrase.get("reads"),
                    phrase.get("refuse"),
                    phrase.get("conditions", {}),
                    tuple(phrase.get("notes", ())),
                )


PHRASES = list(_bank())


def _id(phrase: Phrase) -> str:
    return f"{phrase.authority[:20]}:{phrase.words[:50]}"


@pytest.mark.parametrize("phrase", PHRASES, ids=[_id(p) for p in PHRASES])
def test_bank_phrase_is_read_as_by_hand_or_refused_with_the_reason(phrase: Phrase) -> None:
    assert (phrase.reads is None) != (phrase.refuse is None), "give a reading or a refusal"
    if phrase.refuse is not None:
        with pytest.raises(TimescaleError) as caught:
            read_timescale(phrase.words, phrase.event)
        assert phrase.refuse in caught.value.message, caught.value.message
        for reading in caught.value.readings:
            parse_timescale(reading, phrase.event)  # every reading offered reads
        return
    reading = read_timescale(phrase.words, phrase.event)
    assert reading.timescale == parse_timescale(phrase.reads, phrase.event)
    assert dict(reading.conditions) == phrase.conditions
    assert reading.notes == phrase.notes


def test_bank_quotes_at_least_30_authorities_and_300_phrases() -> None:
    authorities = {phrase.authority for phrase in PHRASES}
    assert len(authorities) >= 30, sorted(authorities)
    assert len(PHRASES) >= 300


def test_bank_refusals_stay_under_one_in_ten() -> None:
    """The share refused, today 29 of 300 (9.7%), must stay under one in ten (issue 14).

    The refusals left have no single reading: ranges, durations ("for a period of up to 16
    weeks"), working hours that give different days, weeks of pregnancy, school days and
    terms, vague words, bare amounts that could be a deadline or an interval, two events or
    deadlines the model cannot combine, two amounts, and visits counted between events.
    """
    refused = [phrase.words for phrase in PHRASES if phrase.refuse is not None]
    assert len(refused) * 10 < len(PHRASES), f"{len(refused)} of {len(PHRASES)} refused"


def test_every_bank_phrase_has_a_source_address() -> None:
    assert all(phrase.url.startswith(("http://", "https://")) for phrase in PHRASES)
