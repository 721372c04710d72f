"""``standards timescale`` and ``standards compare`` from the command line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from compiler.cli import standards
from compiler.timescale.forms import FORMS
from tests.timescale.test_phrase_bank import PHRASES, Phrase


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(standards, list(args))
    return result.exit_code, result.output


def test_timescale_gives_the_deadline_across_christmas() -> None:
    # Fri 19 Dec 2025 + 5 working days: 22, 23, 24, (25, 26 bank holidays), 29, 30 December.
    code, output = run(
        "timescale",
        "within 5 working days of the visit",
        "--from",
        "2025-12-19",
        "--format",
        "json",
    )
    assert code == 0
    data = json.loads(output)
    assert data["due"] == ["2025-12-30"]
    assert data["canonical"] == {
        "deadline": {"within": {"amount": 5, "unit": "working_days"}, "after": "visit"}
    }


def test_timescale_lists_occurrences_with_facts() -> None:
    code, output = run(
        "timescale",
        "weekly for the first month, then fortnightly where approved by the manager",
        "--from",
        "2026-01-01",
        "--fact",
        "manager_approved=true",
        "--count",
        "6",
        "--format",
        "json",
    )
    assert code == 0
    # DESIGN.md's example: 8, 15, 22, 29 January, 5 February, then 19 February.
    assert json.loads(output)["due"] == [
        "2026-01-08",
        "2026-01-15",
        "2026-01-22",
        "2026-01-29",
        "2026-02-05",
        "2026-02-19",
    ]


def test_ambiguous_phrase_exits_1_with_its_readings() -> None:
    code, output = run("timescale", "twice a month")
    assert code == 1
    assert "twice a calendar month" in output
    assert "every 2 weeks" in output


def test_monthly_in_a_document_s_words_is_read_with_the_other_reading_noted() -> None:
    code, output = run("timescale", "at least monthly")
    assert code == 0
    assert "reading:   every calendar month" in output
    assert "some authorities mean every 4 weeks" in output


def test_unreadable_phrase_points_at_the_word() -> None:
    code, output = run("timescale", "every 2 fortnights")
    assert code == 1
    assert "fortnights" in output


def test_compare_finds_ten_working_days_and_fortnightly_incomparable() -> None:
    code, output = run("compare", "every 10 working days", "fortnightly", "--format", "json")
    assert code == 0
    data = json.loads(output)
    assert data["relation"] == "incomparable"
    starts = {w["start"] for w in data["witnesses"]}
    # a weekend start: Sat 4 Jan 2020 gives Fri 17 Jan (10 working days) and Sat 18 Jan (14 days)
    assert "2020-01-04" in starts
    first = next(w for w in data["witnesses"] if w["start"] == "2020-01-04")
    assert (first["first"], first["second"]) == ("2020-01-17", "2020-01-18")


def test_compare_relations_are_named_from_the_first_phrase() -> None:
    assert (
        json.loads(
            run("compare", "every 15 working days", "every 10 working days", "--format", "json")[1]
        )["relation"]
        == "looser"
    )
    assert (
        json.loads(run("compare", "every 2 weeks", "every 14 days", "--format", "json")[1])[
            "relation"
        ]
        == "equivalent"
    )


def test_bad_fact_is_a_usage_error() -> None:
    code, output = run("timescale", "weekly", "--from", "2026-01-01", "--fact", "manager_approved")
    assert code == 2
    assert "name=true or name=false" in output


@pytest.mark.parametrize(
    "arguments",
    [
        ("timescale", "weekly", "--from", "2026-01-01"),
        ("compare", "weekly for a month, then fortnightly where approved by the manager", "weekly"),
    ],
)
def test_a_misspelt_fact_is_a_usage_error_naming_the_nearest(arguments: tuple[str, ...]) -> None:
    """Quietly unknown, 'manger_approved=true' would show the dates of a case without approval."""
    code, output = run(*arguments, "--event", "plan_start", "--fact", "manger_approved=true")
    assert code == 2
    assert "unknown condition 'manger_approved'" in output
    assert "did you mean 'manager_approved'?" in output


def test_a_fact_the_phrase_does_not_use_is_still_a_known_condition() -> None:
    code, output = run(
        "timescale", "weekly", "--from", "2026-01-01", "--fact", "short_break_placement=true"
    )
    assert code == 0, output


def test_timescale_shows_notes_and_the_conditions_a_rule_must_carry() -> None:
    code, output = run(
        "timescale",
        "at least every 10 days or as directed by the conference chair, wherever possible",
        "--event",
        "plan_start",
    )
    assert code == 0
    assert "condition: conference_chair_directed_otherwise=false" in output
    assert "note:      wherever possible" in output


@pytest.mark.parametrize("phrase", ["on the same day as the visit", "on the day of the visit"])
def test_the_same_day_is_due_on_the_event_and_the_note_says_the_reading_includes_it(
    phrase: str,
) -> None:
    """'at least once before the visit' reads as if the visit's day were too late: it is not."""
    code, output = run("timescale", phrase, "--from", "2026-01-05")
    assert code == 0, output
    assert "reading:   at least once before the visit" in output
    assert "the event's own day included" in output
    assert "due 1:     Mon 5 Jan 2026" in output


def test_a_refusal_offers_the_nearest_forms_it_reads() -> None:
    code, output = run("timescale", "every 4-6 weeks", "--event", "plan_start")
    assert code == 1
    assert "is a range, from 4 to 6" in output
    assert "a form it reads: every 6 weeks" in output


@pytest.mark.parametrize("form", FORMS)
def test_every_form_offered_is_read(form: str) -> None:
    code, output = run("timescale", form)
    assert code == 0, output


@pytest.mark.parametrize(
    "phrase", [p for p in PHRASES if p.refuse is not None], ids=lambda p: p.words[:40]
)
def test_every_refusal_in_the_bank_offers_readings_or_the_nearest_forms(phrase: Phrase) -> None:
    arguments = ("--event", phrase.event) if phrase.event else ()
    code, output = run("timescale", phrase.words, *arguments)
    assert code == 1
    assert "error: cannot read" in output
    assert "    reading: " in output or "    a form it reads: " in output


def test_compare_says_which_side_is_later_for_each_witness_after_the_first_review() -> None:
    # Issue 11, case 2: the phase after "until the first review" is compared.
    after_review = "weekly from the start of the placement until the first review, then every"
    code, output = run(
        "compare", f"{after_review} 4 weeks", f"{after_review} 6 weeks", "--format", "json"
    )
    assert code == 0
    data = json.loads(output)
    assert data["relation"] == "stricter"
    assert data["witnesses"] and {w["later"] for w in data["witnesses"]} == {"second"}
    assert all("first_review" in w["events"] for w in data["witnesses"])
    code, text = run("compare", "every 10 working days", "fortnightly")
    assert ": the first is later" in text and ": the second is later" in text
