"""A scenario case that names no rule is due on the earliest date of every rule that applies,
statutory ones included, and names the rule that binds: the same answer as ``standards due``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from compiler.errors import Location
from compiler.evaluator.evaluate import due, open_pack, subject_of
from compiler.pipeline import compile_corpus
from compiler.suite.scenarios import run_case
from compiler.util.resources import bundled

ADOPTION_CASE = {
    "name": "placed for adoption, visited a week after the start",
    "subject": {"group": "child_in_care", "placement_type": "placed_for_adoption"},
    "activity": "statutory_visit",
    "start": "2026-01-05",
    "done": ["2026-01-12"],
}


@pytest.fixture(scope="module")
def gloucestershire():
    corpus = compile_corpus(bundled("standards")).corpus
    return corpus, next(a for a in corpus.authorities if a.id == "gloucestershire")


def run(gloucestershire, expect: dict) -> object:
    corpus, authority = gloucestershire
    return run_case(corpus, authority, {**ADOPTION_CASE, "expect": expect}, Location(Path("t")))


def test_the_statutory_rule_binds_where_it_is_earlier_than_the_local_one(gloucestershire) -> None:
    # Issue 11, case 5: the local rule allows 6 weeks after 12 Jan (23 Feb); the Adoption
    # Agencies Regulations reg 36 require weekly visits until the first review (19 Jan).
    result = run(gloucestershire, {"next_due": "2026-01-19", "overdue_on": ["2026-01-20"]})
    assert result.problems == ()
    assert result.rule == "england/adoption-agencies-regulations-2005/reg-36-visits"
    local_answer = run(gloucestershire, {"next_due": "2026-02-23"})
    assert local_answer.problems == (
        "next due: expected Mon 23 Feb 2026, computed Mon 19 Jan 2026",
    )


def test_the_scenario_runner_and_the_evaluator_give_one_answer(
    gloucestershire, packs: Path
) -> None:
    pack = open_pack(packs, "gloucestershire", date(2026, 1, 20))
    adoption = subject_of("child_in_care", [("placement_type", "placed_for_adoption")])
    results = due(pack, adoption, "statutory_visit", date(2026, 1, 5), [date(2026, 1, 12)])
    (binding,) = [r for r in results if r.binding]
    scenario = run(gloucestershire, {"next_due": binding.next_due.isoformat()})
    assert scenario.problems == ()
    assert scenario.rule == binding.rule.id
