"""Each check fires on the synthetic authority, with the expected message and location.

tests/fixtures/corpora/synthetic/synthetic-council breaks each check once; the
lines and columns below were read off its files by hand. The statutory floor
is the bundled England baseline, which the pipeline adds when a corpus names
a jurisdiction it does not hold.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from compiler.errors import Finding, Severity
from compiler.pipeline import compile_corpus

SYNTHETIC = Path(__file__).parent.parent / "fixtures" / "corpora" / "synthetic"
COUNCIL = SYNTHETIC / "synthetic-council"
TODAY = date(2026, 11, 24)


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    return list(compile_corpus(SYNTHETIC, today=TODAY).findings)


def only(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


def where(finding: Finding) -> tuple[str, int, int]:
    return (
        str(finding.location.path.relative_to(COUNCIL)),
        finding.location.line,
        finding.location.column,
    )


def test_ten_working_days_conflicts_with_fortnightly_and_every_two_weeks(findings) -> None:
    conflicts = only(findings, "no-conflicting-rules")
    assert sorted(where(f) for f in conflicts) == [
        ("recording-guide/1.0.yaml", 15, 13),
        ("visits-guide/1.0.yaml", 16, 13),
    ]
    fortnightly = next(f for f in conflicts if "recording-guide" in str(f.location.path))
    assert "recording-guide/cp-visit-fortnightly says 'fortnightly from the start of the plan'" in (
        fortnightly.message
    )
    assert "visits-guide/cp-visit says 'every 10 working days from the start of the plan'" in (
        fortnightly.message
    )
    assert "neither is always the stricter" in fortnightly.message
    # the witness names a start date and the two dates each rule gives
    assert "for a case starting" in fortnightly.message
    assert [str(r.path.relative_to(COUNCIL)) for r in fortnightly.related] == [
        "visits-guide/1.0.yaml"
    ]


def test_fortnightly_and_every_two_weeks_do_not_conflict(findings) -> None:
    pairs = [
        f
        for f in only(findings, "no-conflicting-rules")
        if "cp-visit-weeks" in f.message and "cp-visit-fortnightly" in f.message
    ]
    assert pairs == []


def test_rule_looser_than_regulation_28(findings) -> None:
    (floor,) = only(findings, "no-rule-looser-than-statute")
    assert where(floor) == ("cic-guide/1.0.yaml", 15, 13)
    first, *detail = floor.message.splitlines()
    assert first.startswith(
        "cic-guide/residential-visit (version 1.0) is looser than the law for 1 statutory case: "
        "child in care (looked after) (reg 28(2))"
    )
    assert detail[0] == "  the local rule: 'every 8 weeks from the start of the placement'"
    assert "care-planning-regulations-2010/reg-28-2-visits" in detail[1]
    # The witness shows the local rule later, on a date both rules are in force.
    assert (
        "the local rule gives Mon 26 Feb 2024 and the statutory rule gives Mon 8 Jan 2024"
        in (detail[1])
    )


def test_words_say_working_days_but_rule_says_days(findings) -> None:
    (mismatch,) = only(findings, "rule-disagrees-with-words")
    assert where(mismatch) == ("recording-guide/1.0.yaml", 27, 24)
    assert (
        "rule 'visit-recording' reads 'within 5 days of the visit' but its words say "
        "'within 5 working days'" in mismatch.message
    )


def test_timescale_words_no_rule_reads(findings) -> None:
    (unread,) = only(findings, "timescale-words-not-encoded")
    assert where(unread) == ("recording-guide/1.0.yaml", 30, 9)
    assert "the words '10 days' in statement 'chronology'" in unread.message
    assert unread.severity is Severity.WARNING


def test_override_of_a_rule_that_does_not_exist(findings) -> None:
    (unknown,) = only(findings, "override-unknown-rule")
    assert where(unknown) == ("visits-guide/1.0.yaml", 54, 25)
    assert "'visits-guide/supervision-c' overrides 'no-such-rule'" in unknown.message


def test_circle_of_overrides(findings) -> None:
    (cycle,) = only(findings, "override-cycle")
    assert where(cycle) == ("visits-guide/1.0.yaml", 40, 25)
    assert cycle.message.endswith(
        "visits-guide/supervision-a -> visits-guide/supervision-b -> visits-guide/supervision-a"
    )


def test_review_date_passed_says_how_long_ago(findings) -> None:
    (review,) = only(findings, "review-date-passed")
    assert where(review) == ("visits-guide/1.0.yaml", 2, 1)
    assert "due for review on Wed 1 Jan 2025, 1 year and 10 months ago" in review.message
    assert review.severity is Severity.WARNING


def test_severity_can_be_changed_per_authority(tmp_path: Path) -> None:
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(SYNTHETIC, corpus)
    authority = corpus / "synthetic-council" / "authority.yaml"
    authority.write_text(
        authority.read_text() + "checks:\n  review-date-passed: error\n  "
        "timescale-words-not-encoded: off\n"
    )
    found = compile_corpus(corpus, today=TODAY).findings
    assert only(list(found), "review-date-passed")[0].severity is Severity.ERROR
    assert only(list(found), "timescale-words-not-encoded") == []


DIFF_CORPUS = Path(__file__).parent.parent / "fixtures" / "diff" / "corpus"


def test_rule_dropped_without_withdrawal_is_lost_and_withdrawn_one_is_not() -> None:
    found = list(compile_corpus(DIFF_CORPUS, today=TODAY).findings)
    (lost,) = only(found, "rule-id-lost")
    council = DIFF_CORPUS / "diff-council"
    # cp-visits@2.0 drops the chronology statement and its rule, and withdraws recording
    assert (str(lost.location.path.relative_to(council)), lost.location.line) == (
        "cp-visits/2.0.yaml",
        2,
    )
    assert "rule 'cp-chronology-update' of cp-visits@1.0 is not in version 2.0" in lost.message
    assert [(str(r.path.relative_to(council)), r.line, r.column) for r in lost.related] == [
        ("cp-visits/1.0.yaml", 37, 13)
    ]
    assert only(found, "withdrawn-moved-to-unknown") == []


def test_withdrawal_moved_to_an_id_nobody_holds(tmp_path: Path) -> None:
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(DIFF_CORPUS, corpus)
    version = corpus / "diff-council" / "cp-visits" / "2.0.yaml"
    version.write_text(version.read_text().replace("recording-guide/cp-recording", "cp-records"))
    (unknown,) = only(
        list(compile_corpus(corpus, today=TODAY).findings), "withdrawn-moved-to-unknown"
    )
    assert (unknown.location.line, unknown.location.column) == (28, 11)
    assert (
        "'cp-recording' in cp-visits@2.0 is withdrawn and said to have moved to 'cp-records'"
        in (unknown.message)
    )
