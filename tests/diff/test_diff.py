"""The diff library: what changed between two versions, and whether it matters.

The fixtures under tests/fixtures/diff/ change one CP visiting standard
("at least every 10 working days", corpus/diff-council/cp-visits/1.0.yaml) in
the ways a reviewer must be able to tell apart. Witness dates below were worked
out by hand from the England and Wales calendar (the comparison's horizon
starts on Wed 1 Jan 2020, a bank holiday).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from compiler.calendar import load_calendar
from compiler.diff import diff_versions, limit_to_section
from compiler.diff.statements import apply_statement_changes, placed_statements
from compiler.diff.word_diff import reword
from compiler.model import Version
from compiler.pipeline import compile_corpus
from compiler.util.resources import bundled

FIXTURES = Path(__file__).parent.parent / "fixtures" / "diff"
COUNCIL = FIXTURES / "corpus" / "diff-council"
CALENDAR = load_calendar("england-and-wales")


def read(path: Path) -> Version:
    corpus = compile_corpus(path, run_checks=False).corpus
    (authority,) = corpus.authorities
    (document,) = authority.documents
    return document.latest


@pytest.fixture(scope="module")
def base() -> Version:
    return read(COUNCIL / "cp-visits" / "1.0.yaml")


def test_ten_working_days_to_fortnightly_is_incomparable_with_witnesses(base) -> None:
    diff = diff_versions(base, read(FIXTURES / "fortnightly.yaml"), CALENDAR)
    (change,) = diff.rules
    assert (change.id, change.change, change.effect) == ("cp-visit", "changed", "incomparable")
    timescale = change.timescale
    assert timescale is not None
    assert timescale.relation == "incomparable"
    assert timescale.old_reading == "every 10 working days from the start of the plan"
    assert timescale.new_reading == "fortnightly from the start of the plan"
    first = {("earlier" if w.new_date < w.old_date else "later"): w for w in timescale.witnesses}
    # fortnightly is earlier: the 8th visit of a plan from 1 Jan 2020 crosses Easter 2020
    earlier = next(w for w in timescale.witnesses if w.new_date < w.old_date)
    assert (earlier.start, earlier.occurrence) == (date(2020, 1, 1), 8)
    assert (earlier.new_date, earlier.old_date) == (date(2020, 4, 22), date(2020, 4, 24))
    # fortnightly is later: from a Saturday, 10 working days end on the second Friday
    later = next(w for w in timescale.witnesses if w.new_date > w.old_date)
    assert (later.start, later.occurrence) == (date(2020, 1, 4), 1)
    assert (later.new_date, later.old_date) == (date(2020, 1, 18), date(2020, 1, 17))
    assert later.words == (
        "for the start of the plan on Sat 4 Jan 2020, fortnightly from the start of the plan "
        "gives Sat 18 Jan 2020 and every 10 working days from the start of the plan gives "
        "Fri 17 Jan 2020"
    )
    assert set(first) == {"earlier", "later"}
    # the statement's words changed too
    (statement,) = diff.statements
    assert statement.id == "cp-visit-frequency"
    assert statement.rewording is not None
    assert [(s.old, s.new) for s in statement.rewording.segments if s.op != "equal"] == [
        ("every 10 working days.", "fortnightly.")
    ]


def test_ten_to_fifteen_working_days_is_looser(base) -> None:
    diff = diff_versions(base, read(FIXTURES / "every-15-working-days.yaml"), CALENDAR)
    (change,) = diff.rules
    assert (change.change, change.effect) == ("changed", "looser")
    assert change.timescale is not None
    # the earliest start that differs comes first (then the one that differs most)
    witness = change.timescale.witnesses[0]
    assert all(w.new_date > w.old_date for w in change.timescale.witnesses)
    assert (witness.start, witness.occurrence) == (date(2020, 1, 1), 1)
    assert (witness.new_date, witness.old_date) == (date(2020, 1, 22), date(2020, 1, 15))


def test_rewording_that_keeps_the_rule_changes_no_rule(base) -> None:
    diff = diff_versions(base, read(FIXTURES / "reworded.yaml"), CALENDAR)
    assert diff.rules == ()
    (statement,) = diff.statements
    assert (statement.id, statement.change, statement.moved) == (
        "cp-visit-frequency",
        "changed",
        False,
    )
    assert statement.rewording is not None and not statement.rewording.minor
    assert [(s.op, s.old, s.new) for s in statement.rewording.segments if s.op != "equal"] == [
        ("replace", "on", "subject to"),
        ("insert", "", "by their social worker "),
    ]
    assert [(m.field, m.old, m.new) for m in diff.metadata] == [
        ("version", "1.0", "1.1"),
        ("effective_from", "2024-01-01", "2024-06-01"),
    ]


def test_withdrawn_statement_and_lost_rule() -> None:
    corpus = compile_corpus(FIXTURES / "corpus", run_checks=False).corpus
    authority = corpus.authority("diff-council")
    assert authority is not None
    document = authority.document("cp-visits")
    assert document is not None
    old, new, _ = document.versions
    diff = diff_versions(old, new, CALENDAR)
    assert [(s.id, s.change) for s in diff.statements] == [
        ("cp-recording", "withdrawn"),
        ("cp-chronology", "removed"),
    ]
    withdrawn = diff.statements[0].withdrawal
    assert withdrawn is not None and withdrawn.moved_to == "recording-guide/cp-recording"
    assert [(r.id, r.change, r.effect, r.lost) for r in diff.rules] == [
        ("cp-visit-recording", "withdrawn", "looser", False),
        ("cp-chronology-update", "removed", "looser", True),
    ]
    # a rule goes with its withdrawn statement, to where the statement went
    note = diff.rules[0].withdrawal
    assert note is not None and note.moved_to == "recording-guide/cp-recording"
    # lost before withdrawn, for the reviewer
    assert [r.id for r in diff.rules_loosest_first()] == [
        "cp-chronology-update",
        "cp-visit-recording",
    ]


def test_a_version_against_itself_is_unchanged(base) -> None:
    assert not diff_versions(base, base, CALENDAR).changed


def test_st_helens_web_page_drops_one_statement_and_rewords_a_few() -> None:
    corpus = compile_corpus(bundled("standards"), run_checks=False).corpus
    st_helens = corpus.authority("st-helens")
    assert st_helens is not None
    standards = st_helens.document("practice-standards")
    web = st_helens.document("children-in-care-web")
    assert standards is not None and web is not None
    old = limit_to_section(standards.latest, "children-in-care-visits")
    diff = diff_versions(old, web.latest, CALENDAR)

    gone = [s for s in diff.statements if s.change != "changed"]
    assert [(s.id, s.change) for s in gone] == [("cic-legal-orders", "removed")]
    assert gone[0].old_text.startswith("I consider the appropriateness of any legal orders")
    reworded = [s for s in diff.statements if s.change == "changed"]
    assert all(s.rewording is not None and not s.moved and not s.renamed for s in reworded)
    # capitals and full stops only, except where the page adds words of its own
    assert all(s.rewording.minor for s in reworded if s.rewording is not None)
    by_id = {s.id: s.rewording for s in reworded}
    surroundings = by_id["cic-aware-of-surroundings"]
    assert surroundings is not None
    assert ("foster carers", "Foster Carer’s") in [
        (s.old, s.new) for s in surroundings.segments if s.op == "replace"
    ]
    frequency = by_id["cic-visit-frequency"]
    assert frequency is not None
    assert [(s.old, s.new) for s in frequency.segments if s.op != "equal"] == [
        ("manager.", "Manager."),
        ("manager,", "Manager,"),
        ("child.", "child"),
    ]
    # the one rule keeps its timescale: only its quoted words follow the capital M
    (rule,) = diff.rules
    assert (rule.id, rule.effect, rule.timescale) == ("cic-statutory-visits", "equivalent", None)
    assert [a.aspect for a in rule.aspects] == ["words", "interpretation"]
    # applying the statement changes to the 2018 section gives the web page
    rebuilt = apply_statement_changes(placed_statements(old), diff.statements)
    assert rebuilt == placed_statements(web.latest)


def test_word_diff_keeps_spaces_so_both_texts_rebuild() -> None:
    change = reword("seen  every 10 working days.", "seen every fortnight")
    assert change.old == "seen  every 10 working days."
    assert change.new == "seen every fortnight"
    assert [(s.op, s.old, s.new) for s in change.segments] == [
        ("equal", "seen", "seen"),
        ("replace", "  ", " "),
        ("equal", "every ", "every "),
        ("replace", "10 working days.", "fortnight"),
    ]
