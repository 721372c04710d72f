"""An authority's own vocabulary terms, end to end (issue 14).

``tests/fixtures/corpora/local-terms`` holds an authority whose document keeps its own
category, the "Lifestages team", defined in its ``vocabulary.yaml`` as narrowing the national
care leavers group; its pathway plan reviews every seven months are looser than the
statutory six (Care Leavers (England) Regulations 2010, reg 7), which the floor check must
find through the local term.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path, PurePosixPath

import pytest

from compiler.emit.context import BuildContext
from compiler.emit.docs import emit_docs
from compiler.emit.packs import emit_packs
from compiler.evaluator.evaluate import due, pack_from_json
from compiler.model import Subject
from compiler.pipeline import compile_corpus
from compiler.schemas import validator

CORPUS = Path(__file__).parent / "fixtures" / "corpora" / "local-terms"
COUNCIL = CORPUS / "lifestages-council"
TODAY = date(2026, 6, 1)


@pytest.fixture(scope="module")
def compiled():
    return compile_corpus(CORPUS, today=TODAY)


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(CORPUS, tmp_path / "corpus")
    return tmp_path / "corpus"


def test_a_defined_local_group_is_used_without_an_unknown_term_finding(compiled) -> None:
    assert not compiled.blocking, [f.message for f in compiled.blocking]
    (council,) = [a for a in compiled.corpus.authorities if a.id == "lifestages-council"]
    assert {(t.kind, t.id, t.narrows) for t in council.local_terms} == {
        ("groups", "lifestages_team", "care_leaver"),
        ("conditions", "reg_24_not_approved", None),
    }
    (rule,) = [r for _, r in council.rules_in_force(TODAY)]
    assert rule.subject == Subject("lifestages_team", (), narrows="care_leaver")


def test_a_local_group_is_held_to_the_statutory_rules_of_the_national_group(compiled) -> None:
    floors = [f for f in compiled.errors if "looser than the law" in f.message]
    assert len(floors) == 1, [f.message for f in compiled.findings]
    assert floors[0].location.path == COUNCIL / "leaving-care" / "1.0.yaml"
    assert "care-leavers-regulations-2010/pathway-plan-review" in floors[0].message


def test_without_the_vocabulary_file_the_local_group_is_an_unknown_term(tmp_path: Path) -> None:
    corpus = _copy(tmp_path)
    (corpus / "lifestages-council" / "vocabulary.yaml").unlink()
    found = compile_corpus(corpus, today=TODAY, run_checks=False).blocking
    assert [(f.code, f.message) for f in found] == [
        ("unknown-term", "unknown group 'lifestages_team'")
    ]
    assert "define the authority's own term in its vocabulary.yaml" in found[0].hint


def test_a_local_term_must_narrow_a_national_term_and_not_reuse_a_national_id(
    tmp_path: Path,
) -> None:
    corpus = _copy(tmp_path)
    path = corpus / "lifestages-council" / "vocabulary.yaml"
    text = path.read_text(encoding="utf-8").replace("narrows: care_leaver", "narrows: care_levaer")
    text += "events:\n  placement_start:\n    title: Placed\n    description: A placement.\n"
    path.write_text(text, encoding="utf-8")
    found = compile_corpus(corpus, today=TODAY, run_checks=False).findings
    by_code = {f.code: f for f in found if f.code.startswith("local-term")}
    narrows = by_code["local-term-narrows"]
    assert (narrows.location.path, narrows.location.line, narrows.location.column) == (path, 6, 14)
    assert "did you mean 'care_leaver'?" in narrows.hint
    national = by_code["local-term-national"]
    assert national.location.line == 12  # the key, after the 10 lines of the fixture and "events:"
    assert "has the id of a national term" in national.message


def test_a_bad_vocabulary_file_is_refused_with_its_position(tmp_path: Path) -> None:
    corpus = _copy(tmp_path)
    path = corpus / "lifestages-council" / "vocabulary.yaml"
    path.write_text("groups:\n  lifestages_team:\n    title: Lifestages team\n", encoding="utf-8")
    found = compile_corpus(corpus, today=TODAY, run_checks=False).blocking
    messages = [(f.location.line, f.message) for f in found if f.location.path == path]
    assert (3, "missing required field 'description'") in messages


def test_packs_export_local_terms_and_consumers_apply_the_national_rules(compiled) -> None:
    files = emit_packs(BuildContext(compiled, TODAY, {}, site=False))
    data = json.loads(files[PurePosixPath("packs/lifestages-council/current.json")])
    assert list(validator("rulepack").iter_errors(data)) == []
    words = data["vocabulary"]
    assert words["local"]["groups"] == [
        {
            "id": "lifestages_team",
            "title": "Lifestages team",
            "description": "Young people aged 16 to 25 supported by the Lifestages team, the "
            "council's leaving care service.",
            "narrows": "care_leaver",
        }
    ]
    assert "lifestages_team" in words["group_includes"]["care_leaver"]
    pack = pack_from_json(data)
    found = due(pack, Subject("lifestages_team"), "pathway_plan_review", date(2026, 1, 5))
    dates = sorted((d.next_due, d.rule.id) for d in found)
    assert [day for day, _ in dates] == [date(2026, 7, 5), date(2026, 8, 5)]
    assert "care-leavers-regulations-2010" in dates[0][1]  # the statutory 6 months binds


def test_the_site_lists_the_authority_s_own_terms_escaped(compiled) -> None:
    files = emit_docs(BuildContext(compiled, TODAY, {}, site=True))
    page = files[PurePosixPath("docs/pages/lifestages-council/index.md")].decode()
    assert "## Terms of its own" in page
    assert "| Lifestages team | lifestages&#95;team | Young people aged 16 to 25" in page
    assert "Lifestages team (part of care leaver)" in page  # the at-a-glance row, by title
    assert "lifestages&#95;team (part of" not in page


def test_local_events_and_conditions_are_usable_checked_and_exported(tmp_path: Path) -> None:
    corpus = _copy(tmp_path)
    council = corpus / "lifestages-council"
    with (council / "vocabulary.yaml").open("a", encoding="utf-8") as words:
        words.write(
            "events:\n  lifestages_transfer:\n    title: Transfer to the Lifestages team\n"
            "    description: The day a case transfers to the Lifestages team.\n"
        )
    with (council / "leaving-care" / "1.0.yaml").open("a", encoding="utf-8") as document:
        document.write(
            "      - id: transfer\n"
            "        text: A worker visits within 10 working days of the transfer.\n"
            "        rules:\n"
            "          - id: transfer-visit\n"
            "            subject: {group: lifestages_team}\n"
            "            activity: statutory_visit\n"
            "            event: lifestages_transfer\n"
            "            conditions: {reg_24_not_approved: true}\n"
            "            timescale: within 10 working days\n"
            "            strength: must\n"
            "            words: within 10 working days\n"
        )
    compiled = compile_corpus(corpus, today=TODAY)
    assert not compiled.blocking, [f.message for f in compiled.blocking]
    looser = [f.message for f in compiled.errors if "lifestages_transfer" in f.message]
    assert looser and "reg_24_not_approved" in looser[0]  # checked, the condition named
    files = emit_packs(BuildContext(compiled, TODAY, {}, site=False))
    data = json.loads(files[PurePosixPath("packs/lifestages-council/current.json")])
    assert list(validator("rulepack").iter_errors(data)) == []
    assert [t["id"] for t in data["vocabulary"]["local"]["events"]] == ["lifestages_transfer"]
    assert "lifestages_transfer" in data["vocabulary"]["events"]


def test_a_document_checked_on_its_own_may_use_its_authority_s_terms() -> None:
    found = compile_corpus(COUNCIL / "leaving-care" / "1.0.yaml", today=TODAY).findings
    assert not [f for f in found if f.code == "unknown-term"], [f.message for f in found]


def test_a_vocabulary_file_checked_on_its_own_is_validated_as_one(tmp_path: Path) -> None:
    corpus = _copy(tmp_path)
    path = corpus / "lifestages-council" / "vocabulary.yaml"
    path.write_text("groups:\n  Lifestages:\n    title: x\n    description: y\n", encoding="utf-8")
    found = compile_corpus(path, today=TODAY, run_checks=False).blocking
    assert [(f.location.line, f.location.column, f.code) for f in found] == [
        (2, 3, "local-term-id")
    ]
    assert "the local group id 'Lifestages' may only use lower-case letters" in found[0].message


def _with_rule(tmp_path: Path, words: str, rule: str) -> Path:
    """The fixture corpus with local terms ``words`` and one more statement holding ``rule``."""
    corpus = _copy(tmp_path)
    council = corpus / "lifestages-council"
    with (council / "vocabulary.yaml").open("a", encoding="utf-8") as vocabulary:
        vocabulary.write(words)
    with (council / "leaving-care" / "1.0.yaml").open("a", encoding="utf-8") as document:
        document.write(
            "      - id: visits\n"
            "        text: Visits.\n"
            "        rules:\n"
            "          - id: local-visits\n"
            "            activity: statutory_visit\n"
            "            event: placement_start\n"
            "            strength: must\n"
            "            words: Visits\n" + rule
        )
    return corpus


def _looser(corpus: Path) -> list[str]:
    compiled = compile_corpus(corpus, today=TODAY)
    assert not compiled.blocking, [f.message for f in compiled.blocking]
    return [
        f.message
        for f in compiled.errors
        if f.code == "no-rule-looser-than-statute" and "local-visits" in f.message
    ]


REVIEW = (
    "events:\n  first_lifestages_review:\n    title: First Lifestages review\n"
    "    description: The first looked-after review held by the Lifestages team.\n"
)
PLACED_WITH_PARENTS = (
    "            subject: {group: child_in_care, placement_type: placed_with_parents}\n"
    "            conditions: {parent_assessment_incomplete: true}\n"
)


@pytest.mark.parametrize(("every", "looser"), [("every week", False), ("every 2 weeks", True)])
def test_a_local_event_narrowing_a_national_one_is_held_to_the_floor_like_it(
    tmp_path: Path, every: str, looser: bool
) -> None:
    """Reg 28(3): weekly until the first review, then 6-weekly; the local rule counts to
    its own first review, which is one of the first reviews."""
    timescale = (
        f"            timescale: {every} until the first Lifestages review, then every 6 weeks\n"
    )
    narrowed = _with_rule(
        tmp_path / "narrowed",
        REVIEW + "    narrows: first_review\n",
        PLACED_WITH_PARENTS + timescale,
    )
    national = _with_rule(
        tmp_path / "national",
        "",
        PLACED_WITH_PARENTS + timescale.replace("first Lifestages review", "first review"),
    )
    assert bool(_looser(narrowed)) == bool(_looser(national)) == looser
    # Not narrowed, the local review could come before the national one: a later date.
    unrelated = _with_rule(tmp_path / "unrelated", REVIEW, PLACED_WITH_PARENTS + timescale)
    assert _looser(unrelated)


def test_a_local_condition_narrowing_a_national_one_is_held_to_the_floor_like_it(
    tmp_path: Path,
) -> None:
    """Reg 28(3A): 6-monthly in a long-term placement after a year, if the child agrees."""
    agrees = (
        "  lifestages_child_agrees:\n    title: Child agrees (Lifestages)\n"
        "    description: The child agrees to fewer visits, recorded by the Lifestages team.\n"
    )
    rule = (
        "            subject: {group: child_in_care, placement_type: long_term_foster}\n"
        "            conditions:\n"
        "              {lifestages_child_agrees: true, in_placement_at_least_one_year: true}\n"
        "            timescale: every 6 months\n"
    )
    narrowed = _with_rule(tmp_path / "narrowed", agrees + "    narrows: child_agrees\n", rule)
    assert _looser(narrowed) == []
    unrelated = _with_rule(tmp_path / "unrelated", agrees, rule)
    assert _looser(unrelated)  # the child's agreement is not known: 6 weeks or 3 months bind


LONG_TERM = (
    "qualifiers:\n  placement_type:\n    lifestages_long_term:\n"
    "      title: Lifestages long-term home\n"
    "      description: A long-term foster home matched by the Lifestages team.\n"
)
SIX_MONTHLY = (
    "            subject: {group: child_in_care, placement_type: lifestages_long_term}\n"
    "            conditions: {child_agrees: true, in_placement_at_least_one_year: true}\n"
    "            timescale: every 6 months\n"
)


def test_a_local_qualifier_value_is_used_checked_as_the_national_value_and_exported(
    tmp_path: Path,
) -> None:
    """Reg 28(3A) is for long-term foster placements; the council's own kind of one is too."""
    narrowed = _with_rule(
        tmp_path / "narrowed", LONG_TERM + "      narrows: long_term_foster\n", SIX_MONTHLY
    )
    assert _looser(narrowed) == []  # held to reg 28(3A), which its 6 months meet
    unrelated = _with_rule(tmp_path / "unrelated", LONG_TERM, SIX_MONTHLY)
    assert _looser(unrelated)  # only reg 28(2) covers it: 6 weeks or 3 months
    compiled = compile_corpus(narrowed, today=TODAY)
    files = emit_packs(BuildContext(compiled, TODAY, {}, site=False))
    data = json.loads(files[PurePosixPath("packs/lifestages-council/current.json")])
    assert list(validator("rulepack").iter_errors(data)) == []
    assert data["vocabulary"]["local"]["qualifiers"] == [
        {
            "id": "lifestages_long_term",
            "title": "Lifestages long-term home",
            "description": "A long-term foster home matched by the Lifestages team.",
            "narrows": "long_term_foster",
            "qualifier": "placement_type",
        }
    ]
    assert "lifestages_long_term" in data["vocabulary"]["qualifiers"]["placement_type"]
    case = Subject("child_in_care", (("placement_type", ("lifestages_long_term",)),))
    facts = {"child_agrees": True, "in_placement_at_least_one_year": True}
    found = due(pack_from_json(data), case, "statutory_visit", date(2026, 1, 5), facts=facts)
    assert {d.rule.id.split("/")[-1] for d in found} >= {"reg-28-3a-visits", "local-visits"}
    site = emit_docs(BuildContext(compiled, TODAY, {}, site=True))
    page = site[PurePosixPath("docs/pages/lifestages-council/index.md")].decode()
    assert "placement type: lifestages long-term home" in page


def test_a_local_qualifier_value_must_belong_to_a_national_qualifier(tmp_path: Path) -> None:
    corpus = _with_rule(tmp_path, LONG_TERM.replace("placement_type:", "placement_kind:"), "")
    found = compile_corpus(corpus, today=TODAY, run_checks=False).findings
    (wrong,) = [f for f in found if f.code == "local-term-qualifier"]
    assert "'placement_kind' is not a national qualifier" in wrong.message
    assert "did you mean 'placement_type'?" in wrong.hint
