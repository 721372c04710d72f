"""Issue 11's seven cases, each on a corpus written the way an authority writes its standards.

The corpora are under tests/fixtures/corpora/floor/ (its README says what each one is). Each test
names the case of the issue it holds fixed.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiler.calendar import load_calendar
from compiler.cli import standards
from compiler.diff.rules import compare_timescales
from compiler.emit.context import BuildContext
from compiler.emit.packfile import vocabulary_json
from compiler.emit.packs import emit_packs
from compiler.errors import Finding, Severity
from compiler.evaluator.evaluate import Pack, PackRule, due, pack_from_json, subject_of
from compiler.model import Subject
from compiler.pipeline import compile_corpus
from compiler.rules.scope import covers
from compiler.suite.scenarios import applicable
from compiler.timescale.compare import compare
from compiler.timescale.parse import parse_timescale
from compiler.vocabulary import vocabulary

FLOOR = Path(__file__).parent.parent / "fixtures" / "corpora" / "floor"
TODAY = date(2026, 1, 1)
ENGLAND = load_calendar("england-and-wales")
FLOOR_CODES = ("no-rule-looser-than-statute", "local-rule-silent-on-statutory-case")
GIVES = re.compile(
    r"for a case starting \w+ (\d+ \w+ \d+).*?the local rule gives \w+ (\d+ \w+ \d+) and the "
    r"statutory rule gives \w+ (\d+ \w+ \d+)"
)


def floor_findings(authority: str, today: date = TODAY) -> list[Finding]:
    compiled = compile_corpus(FLOOR / authority, today=today)
    assert compiled.blocking == ()
    return [f for f in compiled.findings if f.code in FLOOR_CODES]


def statutory_keys(finding: Finding) -> list[str]:
    return dict(finding.data)["rules"].split()[1:]


def spoken_date(text: str) -> date:
    from datetime import datetime

    return datetime.strptime(text, "%d %b %Y").date()


def test_case_1_every_version_is_held_to_the_floor_drafts_included() -> None:
    by_version = {dict(f.data)["version"]: f for f in floor_findings("hill-council")}
    assert set(by_version) == {"home-visiting@1.0", "home-visiting@2.0", "home-visiting@3.0"}
    # 1.0 restates regulation 28(2) and says nothing of the children the law singles out.
    assert by_version["home-visiting@1.0"].severity is Severity.WARNING
    assert "care-planning-regulations-2010/reg-28-2-visits" not in statutory_keys(
        by_version["home-visiting@1.0"]
    )
    # 2.0 shares the rule id with 1.0, and is looser than regulation 28(2) all the same.
    later = by_version["home-visiting@2.0"]
    assert later.severity is Severity.ERROR
    assert statutory_keys(later)[0] == "care-planning-regulations-2010/reg-28-2-visits"
    assert later.location.path.name == "2.0.yaml"
    draft = by_version["home-visiting@3.0"]
    assert "(draft version 3.0)" in draft.message.splitlines()[0]
    assert dict(draft.data)["draft"] == "true"


def test_case_1_a_superseded_version_is_no_longer_held() -> None:
    versions = {dict(f.data)["version"] for f in floor_findings("hill-council", date(2026, 7, 1))}
    assert versions == {"home-visiting@2.0", "home-visiting@3.0"}


def test_case_2_phases_after_until_an_event_are_compared() -> None:
    (finding,) = floor_findings("vale-council")
    assert finding.severity is Severity.ERROR
    assert statutory_keys(finding) == [
        "care-planning-regulations-2010/reg-28-4-connected-person-visits"
    ]
    witness = finding.message.splitlines()[2]
    assert "and first review on" in witness  # the phase after the review is where it is looser
    start, local, statutory = (spoken_date(d) for d in GIVES.search(witness).groups())
    assert local > statutory >= start


@pytest.mark.parametrize(
    ("after_review", "relation"),
    [("every 26 weeks", "looser"), ("every 6 weeks", "looser"), ("every 2 weeks", "stricter")],
)
def test_case_2_compare_and_diff_see_the_phase_after_the_review(
    after_review: str, relation: str
) -> None:
    four_weekly = (
        "weekly from the start of the placement until the first review, then every 4 weeks"
    )
    changed = four_weekly.replace("every 4 weeks", after_review)
    old, new = parse_timescale(four_weekly), parse_timescale(changed)
    assert compare(new, old, ENGLAND).relation == relation
    compiled = compile_corpus(FLOOR / "vale-council", today=TODAY)
    (version,) = compiled.corpus.authority("vale-council").documents[0].versions
    (rule,) = version.rules()
    change = compare_timescales(replace(rule, timescale=new), replace(rule, timescale=old), ENGLAND)
    assert change is not None and change.relation == relation


def test_case_3_a_conditional_override_hides_a_rule_only_where_it_applies() -> None:
    findings = floor_findings("dale-council")
    (general,) = [f for f in findings if "children-in-care/cic-visits" in f.message.splitlines()[0]]
    assert general.severity is Severity.ERROR
    assert statutory_keys(general)[0] == "care-planning-regulations-2010/reg-28-2-visits"
    # weekly is stricter than every statutory visiting rule, where the manager directs it
    assert not any("directed-weekly-visits" in f.message.splitlines()[0] for f in findings)


def test_case_4_a_single_file_is_checked_with_its_authority_and_the_baseline() -> None:
    runner = CliRunner()
    file = FLOOR / "hill-council" / "home-visiting" / "2.0.yaml"
    alone = runner.invoke(standards, ["check", str(file)])
    folder = runner.invoke(standards, ["check", str(FLOOR / "hill-council")])
    assert alone.exit_code == folder.exit_code == 1
    assert alone.output == folder.output
    assert "home-visiting/cic-statutory-visit (version 2.0) is looser than the law" in alone.output


@pytest.mark.parametrize("named", ["2.0.yaml", ".", "..", "../../hill-council/home-visiting"])
def test_case_4_a_file_or_folder_named_from_inside_the_authority_is_checked_with_it(
    named: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run inside a document folder, ``check NAME`` checks the whole authority and names
    files as paths from there: ``..`` is no folder called '..', and no path is absolute."""
    runner = CliRunner()
    whole = runner.invoke(standards, ["check", str(FLOOR / "hill-council")])
    monkeypatch.chdir(FLOOR / "hill-council" / "home-visiting")
    said = runner.invoke(standards, ["check", named])
    assert said.exit_code == whole.exit_code == 1
    assert "does not match its folder" not in said.output
    named_files = re.findall(r"^(\S+\.yaml):\d+:\d+: ", said.output, flags=re.MULTILINE)
    assert named_files  # the law is not shown on no findings
    assert all(not Path(f).is_absolute() and Path(f).is_file() for f in named_files)
    resolved = [str(Path(f).resolve()) for f in named_files]
    expected = re.findall(r"^(\S+\.yaml):\d+:\d+: ", whole.output, flags=re.MULTILINE)
    assert resolved == [str(Path(f).resolve()) for f in expected]


def dale_pack() -> Pack:
    compiled = compile_corpus(FLOOR / "dale-council", today=TODAY)
    files = emit_packs(BuildContext(compiled, TODAY, {}, site=False))
    return pack_from_json(json.loads(files[Path("packs/dale-council/current.json")]))


def test_case_5_a_pack_keeps_the_statutory_floor_and_the_earliest_date_binds() -> None:
    pack = dale_pack()
    adoption = subject_of("child_in_care", [("placement_type", "placed_for_adoption")])
    results = due(pack, adoption, "statutory_visit", date(2026, 1, 5), [date(2026, 1, 12)])
    (binding,) = [r for r in results if r.binding]
    assert binding.rule.id == "england/adoption-agencies-regulations-2005/reg-36-visits"
    assert binding.next_due == date(2026, 1, 19)  # weekly until the first review
    local = next(r for r in results if r.rule.id == "dale-council/children-in-care/cic-visits")
    assert local.next_due == date(2026, 3, 9)  # what the pack used to answer
    assert ("silent", "england/adoption-agencies-regulations-2005/reg-36-visits") in (
        local.rule.floor
    )
    assert ("looser", "england/care-planning-regulations-2010/reg-28-2-visits") in local.rule.floor


def test_case_6_witnesses_show_the_local_rule_later_on_a_date_both_are_in_force() -> None:
    (finding,) = floor_findings("moor-council")
    assert finding.message.splitlines()[0] == (
        "residential/residential-visits (version 1.0) is looser than the law for 1 statutory "
        "case: child in care (looked after) (reg 28(2))"
    )
    start, local, statutory = (spoken_date(d) for d in GIVES.search(finding.message).groups())
    assert local > statutory  # the direction claimed
    assert start >= date(2024, 1, 1)  # the local document takes effect on 1 January 2024
    assert local == date(2024, 1, 11) and statutory == date(2024, 1, 8)


def test_every_floor_finding_has_a_short_first_line() -> None:
    for authority in ("hill-council", "vale-council", "dale-council", "moor-council"):
        for finding in floor_findings(authority):
            assert len(finding.message.splitlines()[0]) < 200, finding.message


def pack_rule(subject: Subject) -> PackRule:
    return PackRule("x/y/z", False, subject, "statutory_visit", "must", (), None, "", (), {})  # type: ignore[arg-type]


@pytest.mark.parametrize("rule_group", ["all_children", "child_in_care", "child_protection"])
def test_case_7_one_answer_to_does_this_rule_cover_this_child(rule_group: str) -> None:
    words = vocabulary_json()
    pack = Pack(
        "x", "current", None, None, (date(2000, 1, 1), date(2040, 1, 1)), ENGLAND, (),
        group_includes={k: frozenset(v) for k, v in words["group_includes"].items()},
    )  # fmt: skip
    for case_group in vocabulary().groups:
        case = Subject(case_group)
        rule = Subject(rule_group)
        assert pack.covers(pack_rule(rule), case) == covers(rule, case)
    assert covers(Subject("all_children"), Subject("child_protection"))
    assert not covers(Subject("all_children"), Subject("social_worker"))


def test_case_7_scenarios_and_the_evaluator_find_the_same_applicable_rules() -> None:
    compiled = compile_corpus(FLOOR / "dale-council", today=TODAY)
    authority = compiled.corpus.authority("dale-council")
    pack = dale_pack()
    for facts in ({}, {"directed_otherwise": True}):
        local = applicable(authority, Subject("child_in_care"), "statutory_visit", TODAY, facts)
        from_pack = [
            r.id
            for r in pack.rules_for(Subject("child_in_care"), "statutory_visit", facts)
            if not r.inherited
        ]
        assert [f"dale-council/{v.document_id}/{r.id}" for v, r in local] == from_pack
        assert len(from_pack) == 1


def test_a_draft_is_checked_for_conflicts_as_if_published_and_reported_as_a_draft() -> None:
    compiled = compile_corpus(FLOOR / "fen-council", today=TODAY)
    (conflict,) = [f for f in compiled.findings if f.code == "no-conflicting-rules"]
    assert conflict.message.startswith("draft recording@2.0: conflicting timescales")
    assert conflict.location.path.name == "2.0.yaml"
    assert dict(conflict.data)["draft"] == "true"
    assert dict(conflict.data)["rules"] == "recording/cp-visit-fortnightly cp-visits/cp-visit"


def test_the_site_reads_the_floor_as_the_check_does() -> None:
    from compiler.emit.views import floor_comparisons

    compiled = compile_corpus(FLOOR / "dale-council", today=TODAY)
    authority = compiled.corpus.authority("dale-council")
    (version,) = authority.documents[0].versions
    general = next(r for r in version.rules() if r.id == "cic-visits")
    relations = {
        f.key: f.relation for f in floor_comparisons(compiled.corpus, authority, general, TODAY)
    }
    assert relations["care-planning-regulations-2010/reg-28-2-visits"] == "looser"
    assert relations["adoption-agencies-regulations-2005/reg-36-visits"] == "silent"
    (finding,) = [f for f in floor_findings("dale-council") if "cic-visits" in f.message[:40]]
    missed = set(statutory_keys(finding))
    assert {k for k, r in relations.items() if r in ("looser", "silent")} == missed
