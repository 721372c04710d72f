"""The hypothesis searches behind `standards test` can fail: they find real disagreements."""

from __future__ import annotations

from pathlib import Path

from compiler.errors import Location
from compiler.model import Authority, Rule, Subject
from compiler.suite.corpus_properties import search_disagreement, search_floor_breach
from compiler.timescale.parse import parse_timescale

AUTHORITY = Authority(
    id="test",
    name="Test",
    jurisdiction="england",
    calendar="england-and-wales",
    path=Path("."),
    location=Location(Path("authority.yaml")),
)


def rule(rule_id: str, timescale: str) -> tuple[str, Rule]:
    return (
        f"doc/{rule_id}",
        Rule(
            id=rule_id,
            subject=Subject("child_protection"),
            activity="statutory_visit",
            timescale=parse_timescale(timescale, event="plan_start"),
            strength="must",
            words=timescale,
            location=Location(Path("doc.yaml"), 1, 1),
        ),
    )


def test_search_finds_where_ten_working_days_and_fortnightly_disagree() -> None:
    found = search_disagreement(
        AUTHORITY, rule("a", "every 10 working days"), rule("b", "fortnightly")
    )
    assert found is not None
    assert "give different dates although the checks call them equivalent" in found
    assert "for a case starting" in found


def test_search_finds_nothing_between_fortnightly_and_every_14_days() -> None:
    assert (
        search_disagreement(AUTHORITY, rule("a", "fortnightly"), rule("b", "every 14 days")) is None
    )


def test_search_finds_a_local_rule_later_than_its_floor() -> None:
    found = search_floor_breach(
        AUTHORITY, rule("local", "every 8 weeks"), rule("law", "every 6 weeks")
    )
    assert found is not None
    assert "allows a later date than its statutory floor" in found


def test_search_accepts_a_local_rule_stricter_than_its_floor() -> None:
    assert (
        search_floor_breach(AUTHORITY, rule("local", "weekly"), rule("law", "every 6 weeks"))
        is None
    )
