"""Finding timescale words in a statement's text: the forms the reader learned (issue 14).

The drift checks ask whether every timescale phrase in a statement is read by a rule; a form
the reader reads but the finder misses would pass unchecked, and a reading the finder does
not offer would flag a rule that encodes the words rightly.
"""

from __future__ import annotations

import pytest

from compiler.timescale.parse import read_timescale
from compiler.timescale.phrases import find_phrases, timescale_readings


@pytest.mark.parametrize(
    ("text", "words", "phrase", "event"),
    [
        (
            "Foster carers are visited twice a year.",
            "twice a year",
            "twice a year",
            "carer_approved",
        ),
        ("Visits with a minimum of one per month.", "one per month", "one per month", "plan_start"),
        ("Visits at least once a week.", "at least once a week", "once a week", "plan_start"),
        (
            "Papers go out at least 5 clear working days in advance of the Board meeting date.",
            "5 clear working days",
            "at least 5 clear working days in advance of the Board meeting date",
            None,
        ),
        (
            "Screened within 4 working hours.",
            "4 working hours",
            "within 4 working hours",
            "referral_received",
        ),
    ],
)
def test_a_new_form_is_found_with_the_reading_the_reader_gives(
    text: str, words: str, phrase: str, event: str | None
) -> None:
    (found,) = find_phrases(text)
    assert found.words == words
    reading = read_timescale(phrase, event)
    assert timescale_readings(reading.timescale) <= found.readings
