"""compare and diff against a brute-force reference on phased timescales whose phases end at events.

The reference tries every start date of a short horizon and the first review on every day from
the start to 8 months later (and never), not just the few review dates compare tries, and judges
each occurrence's latest date as DESIGN.md does. Both must give the same relation for each pair
of phrases a reviewer would meet (first review, first year, placements intended to last until 18).
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from compiler.calendar import load_calendar
from compiler.diff.rules import compare_timescales
from compiler.errors import Location
from compiler.model import Rule, Subject
from compiler.timescale.compare import compare
from compiler.timescale.due import schedule
from compiler.timescale.parse import parse_timescale

ENGLAND = load_calendar("england-and-wales")
START = date(2025, 12, 1)
HORIZON_DAYS = 14
OCCURRENCES = 12
PHRASES = (
    "weekly from the start of the placement until the first review, then every 4 weeks",
    "weekly from the start of the placement until the first review, then every 6 weeks",
    "weekly from the start of the placement until the first review, then every 6 months",
    "weekly from the start of the placement until the first review",
    "within one week of the start of the placement, then every 6 weeks for the first year, "
    "then every 3 months where the placement is intended to last until the child is 18",
    "within one week of the start of the placement, then every 6 weeks",
    "every 4 weeks from the start of the placement",
)
PAIRS = list(itertools.permutations(range(len(PHRASES)), 2))


def reference(a, b, facts) -> str:
    earlier = later = False
    for day in range(HORIZON_DAYS):
        start = START + timedelta(days=day)
        for review in [None, *range(0, 245)]:
            events = {} if review is None else {"first_review": start + timedelta(days=review)}
            first = schedule(a, start, ENGLAND, facts, events, OCCURRENCES)
            second = schedule(b, start, ENGLAND, facts, events, OCCURRENCES)
            for k in range(OCCURRENCES):
                x = first[k] if k < len(first) else None
                y = second[k] if k < len(second) else None
                if x == y:
                    continue
                if x is None or (y is not None and x > y):
                    later = True
                else:
                    earlier = True
        if earlier and later:
            return "incomparable"
    return {(True, False): "stricter", (False, True): "looser"}.get((earlier, later), "equivalent")


@pytest.mark.parametrize(("i", "j"), PAIRS)
@pytest.mark.parametrize("until_18", [False, True])
def test_compare_and_diff_agree_with_brute_force_on_phases_ended_by_events(
    i: int, j: int, until_18: bool
) -> None:
    a = parse_timescale(PHRASES[i])
    b = parse_timescale(PHRASES[j])
    facts = {"placement_intended_until_18": until_18}
    expected = reference(a, b, facts)
    found = compare(
        a, b, ENGLAND, facts, horizon_start=START, horizon_days=HORIZON_DAYS,
        occurrences=OCCURRENCES,
    )  # fmt: skip
    assert found.relation == expected
    if not until_18:
        return
    rule = Rule(
        "r", Subject("child_in_care"), "statutory_visit", a, "must", "", Location(Path("x"))
    )
    change = compare_timescales(rule, replace(rule, timescale=b), ENGLAND)
    full = {
        compare(a, b, ENGLAND, {"placement_intended_until_18": v}).relation for v in (False, True)
    } - {"equivalent"}
    wanted = "equivalent" if not full else full.pop() if len(full) == 1 else "incomparable"
    assert change is not None and change.relation == wanted
