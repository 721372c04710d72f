"""Oracles for the floor: `standards check` and the packs against brute force.

Hypothesis writes small local standards the way an authority does (a children-in-care visiting
rule, perhaps for one placement type, perhaps only under a condition, perhaps overridden where a
manager directs otherwise, perhaps with a second version), and the tests hold:

- the floor check to report a finding for a local rule exactly when brute force finds a case
  (every placement type, legal status, approval and fact), a statutory rule that applies to it,
  a start date and an occurrence where the local rule's latest date is later (or the local rule
  does not require the occurrence at all), trying the first review never, 4 weeks, 0 days, 1 day and
  6 months after the start ("latest date" is DESIGN.md's comparison: each occurrence on the
  latest day the rule allows);
- the pack's due date for any case to be the earliest of every applicable rule, and never later
  than any applicable statutory rule.

Both sides use a short horizon of start dates (:data:`HORIZON_DAYS`) so that brute force is
quick; the check uses 20 years in production. The brute force shares no code with the check
beyond the scalar schedule (compiler.timescale.due) and the corpus reader.
"""

from __future__ import annotations

import itertools
import json
import tempfile
from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import compiler.checks.floors as floors
from compiler.calendar import load_calendar
from compiler.emit.context import BuildContext
from compiler.emit.packs import emit_packs
from compiler.evaluator.evaluate import due, pack_from_json, subject_of
from compiler.model import Corpus, Rule
from compiler.pipeline import compile_corpus
from compiler.rules.floor import horizon_start
from compiler.timescale.due import next_due, schedule
from compiler.timescale.model import Recurrence, facts_of
from compiler.vocabulary import vocabulary

HORIZON_DAYS = 21
TODAY = date(2026, 1, 1)
OFFSETS = (None, 28, 0, 1, 182)
ENGLAND = load_calendar("england-and-wales")
QUALIFIERS = ("placement_type", "legal_status", "connected_person_approval")
PHRASES = (
    "every 6 weeks from the start of the placement",
    "within one week of the start of the placement, then every 6 weeks",
    "within one week of the start of the placement, then every 8 weeks",
    "within one week of the start of the placement, then every 6 weeks for the first year, "
    "then every 3 months",
    "weekly from the start of the placement until the first review, then every 4 weeks",
    "weekly from the start of the placement until the first review, then every 6 months",
    "weekly from the start of the placement",
    "every 10 days from the start of the placement",
    "every 5 working days from the start of the placement",
    "weekly for the first month from the start of the placement, then fortnightly where "
    "approved by the manager",
)
EXAMPLES = max(settings.default.max_examples // 20, 5)
"""7 in CI's profile (plus the pinned examples), 150 in the soak profile."""

ORACLE = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@st.composite
def local_rules(draw: st.DrawFn) -> dict[str, object]:
    placement = draw(st.sampled_from((None, *vocabulary().qualifiers["placement_type"].values)))
    subject = {"group": "child_in_care"} | ({"placement_type": placement} if placement else {})
    rule: dict[str, object] = {
        "subject": subject,
        "timescale": draw(st.sampled_from(PHRASES)),
    }
    if draw(st.integers(0, 3)) == 0:
        rule["conditions"] = {"manager_approved": draw(st.booleans())}
    return rule


@st.composite
def corpora(draw: st.DrawFn) -> list[dict[str, object]]:
    """One or two versions, each with one or two rules, perhaps a conditional override."""
    versions = []
    for number in range(draw(st.integers(1, 2))):
        rules = draw(st.lists(local_rules(), min_size=1, max_size=2))
        override = draw(st.booleans())
        versions.append({"number": number + 1, "rules": rules, "override": override})
    return versions


def write(folder: Path, versions: list[dict[str, object]]) -> None:
    (folder / "oracle-council").mkdir(parents=True)
    (folder / "oracle-council" / "authority.yaml").write_text(
        "id: oracle-council\nname: Oracle Council\njurisdiction: england\n"
        "calendar: england-and-wales\n"
    )
    (folder / "oracle-council" / "visits").mkdir()
    for version in versions:
        statements = []
        for index, rule in enumerate(version["rules"]):  # type: ignore[arg-type]
            data = {
                "id": f"rule-{index}",
                "subject": rule["subject"],
                "activity": "statutory_visit",
                "timescale": rule["timescale"],
                "strength": "must",
                "words": rule["timescale"],
            }
            if "conditions" in rule:
                data["conditions"] = rule["conditions"]
            statements.append({"id": f"s-{index}", "text": rule["timescale"], "rules": [data]})
        if version["override"]:
            statements.append(
                {
                    "id": "directed",
                    "text": "weekly from the start of the placement",
                    "rules": [
                        {
                            "id": "directed-weekly",
                            "subject": {"group": "child_in_care"},
                            "activity": "statutory_visit",
                            "conditions": {"directed_otherwise": True},
                            "timescale": "weekly from the start of the placement",
                            "strength": "must",
                            "words": "weekly from the start of the placement",
                            "overrides": [{"rule": "rule-0", "reason": "directed"}],
                        }
                    ],
                }
            )
        number = version["number"]
        document = {
            "id": "visits",
            "title": "Visits",
            "version": f"{number}.0",
            "status": "published",
            "effective_from": "2024-01-01" if number == 1 else "2026-06-01",
            "source": {"title": "Visits", "date": "2024"},
            "sections": [{"id": "visits", "title": "Visits", "statements": statements}],
        }
        path = folder / "oracle-council" / "visits" / f"{number}.0.yaml"
        path.write_text(json.dumps(document))  # JSON is YAML


def compiled_corpus(versions: list[dict[str, object]]):
    with tempfile.TemporaryDirectory() as folder:
        write(Path(folder), versions)
        compiled = compile_corpus(Path(folder), today=TODAY)
    assert compiled.blocking == (), [f.render() for f in compiled.blocking]
    return compiled


# The reference: plain loops, its own reading of "applies" ----------------------------------------


def applies(rule: Rule, case: Mapping[str, str], facts: Mapping[str, bool]) -> bool:
    if rule.activity != "statutory_visit" or rule.subject.group not in (
        "child_in_care",
        "all_children",
    ):
        return False
    for name, allowed in rule.subject.qualifiers:
        if case.get(name) not in allowed:
            return False
    return all(facts.get(name, False) == value for name, value in rule.conditions)


def in_effect(rules: list[tuple[str, Rule]], case, facts) -> list[tuple[str, Rule]]:
    found = [(key, rule) for key, rule in rules if applies(rule, case, facts)]
    hidden = set()
    for key, rule in found:
        document = key.split("/")[0]
        hidden |= {o.rule if "/" in o.rule else f"{document}/{o.rule}" for o in rule.overrides}
    return [(key, rule) for key, rule in found if key not in hidden]


def is_later(local: Rule, statutory: Rule, facts: Mapping[str, bool], first: date) -> bool:
    events = sorted(
        {
            p.until
            for r in (local, statutory)
            if isinstance(r.timescale, Recurrence)
            for p in r.timescale.phases
            if p.until
        }
    )
    for offsets in itertools.product(OFFSETS, repeat=len(events)):
        for day in range(HORIZON_DAYS):
            start = first + timedelta(days=day)
            happened = {
                e: start + timedelta(days=o)
                for e, o in zip(events, offsets, strict=True)
                if o is not None
            }
            a = schedule(local.timescale, start, ENGLAND, facts, happened)
            b = schedule(statutory.timescale, start, ENGLAND, facts, happened)
            for k, required in enumerate(b):
                if k >= len(a) or a[k] > required:
                    return True
    return False


def brute_force(corpus: Corpus) -> set[tuple[str, str]]:
    """(version, rule) of every local rule some case and start date shows later than the law."""
    local_authority = corpus.authority("oracle-council")
    england = corpus.authority("england")
    statutory = [(f"{v.document_id}/{r.id}", v, r) for v, r in england.rules_in_force(TODAY)]
    facts_named = sorted(
        {f for _, _, r in statutory for f, _ in r.conditions}
        | {f for _, _, r in statutory for f in facts_of(r.timescale)}
        | {"manager_approved", "directed_otherwise"}
    )
    words = vocabulary().qualifiers
    choices = [(None, *words[q].values) for q in QUALIFIERS]
    flagged = set()
    memo: dict[tuple, bool] = {}
    for version in local_authority.documents[0].versions:
        local = [(f"visits/{r.id}", r) for r in version.rules()]
        for values in itertools.product(*choices):
            case = {q: v for q, v in zip(QUALIFIERS, values, strict=True) if v is not None}
            for setting in itertools.product((False, True), repeat=len(facts_named)):
                facts = dict(zip(facts_named, setting, strict=True))
                laws = in_effect([(k, r) for k, _, r in statutory], case, facts)
                for _, rule in in_effect(local, case, facts):
                    if (version.key, rule.id) in flagged:
                        continue
                    for _, law in laws:
                        wanted = facts_of(rule.timescale) | facts_of(law.timescale)
                        timing = tuple(sorted((f, facts[f]) for f in wanted))
                        memo_key = (rule.timescale, law.timescale, timing, version.effective_from)
                        if memo_key not in memo:
                            memo[memo_key] = is_later(
                                rule,
                                law,
                                dict(timing),
                                horizon_start(max(version.effective_from, date(2015, 4, 1))),
                            )
                        if memo[memo_key]:
                            flagged.add((version.key, rule.id))
                            break
    return flagged


@pytest.fixture
def short_horizon(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(floors, "HORIZON_DAYS", HORIZON_DAYS)


@ORACLE
@given(corpora())
@example(
    [
        {
            "number": 1,
            "rules": [
                {
                    "subject": {"group": "child_in_care", "placement_type": "connected_person"},
                    "timescale": PHRASES[5],
                }
            ],
            "override": False,
        }
    ]
)
@example(
    [
        {
            "number": 1,
            "rules": [{"subject": {"group": "child_in_care"}, "timescale": PHRASES[2]}],
            "override": True,
        }
    ]
)
def test_the_floor_check_reports_exactly_the_rules_brute_force_finds_later(
    short_horizon: None, versions: list[dict[str, object]]
) -> None:
    compiled = compiled_corpus(versions)
    reported = {
        (dict(f.data)["version"], dict(f.data)["rules"].split()[0].split("/")[1])
        for f in compiled.findings
        if f.code in floors.FLOOR_CODES
    }
    assert reported == brute_force(compiled.corpus)


@ORACLE
@given(
    corpora(),
    st.sampled_from((None, *vocabulary().qualifiers["placement_type"].values)),
    st.sampled_from((None, "temporary")),
    st.sampled_from((None, "interim_care_order", "care_order")),
    st.fixed_dictionaries(
        {
            "manager_approved": st.booleans(),
            "directed_otherwise": st.booleans(),
            "parent_assessment_incomplete": st.booleans(),
        }
    ),
    st.integers(0, 200),
    st.lists(st.integers(1, 120), max_size=3),
    st.one_of(st.none(), st.integers(1, 120)),
)
def test_the_pack_due_date_is_the_earliest_and_never_later_than_the_law(
    versions, placement, approval, legal, facts, start_day, visits, review
) -> None:
    compiled = compiled_corpus(versions)
    files = emit_packs(BuildContext(compiled, TODAY, {}, site=False))
    pack = pack_from_json(json.loads(files[PurePosixPath("packs/oracle-council/current.json")]))
    pairs = [
        (q, v)
        for q, v in (
            ("placement_type", placement),
            ("connected_person_approval", approval),
            ("legal_status", legal),
        )
        if v is not None
    ]
    subject = subject_of("child_in_care", pairs)
    start = date(2024, 1, 1) + timedelta(days=start_day)
    done = sorted(start + timedelta(days=d) for d in visits)
    events = {"first_review": start + timedelta(days=review)} if review is not None else {}
    results = due(pack, subject, "statutory_visit", start, done, facts, events)
    dates = [r.next_due for r in results if r.next_due is not None]
    binding = [r for r in results if r.binding]
    if not dates:
        assert binding == []
        return
    (chosen,) = binding
    assert chosen.next_due == min(dates)
    # Every statutory rule that applies, found here from the corpus, not from the pack.
    case = dict(pairs)
    england = compiled.corpus.authority("england")
    laws = in_effect(
        [(f"{v.document_id}/{r.id}", r) for v, r in england.rules_in_force(TODAY)], case, facts
    )
    for _, law in laws:
        required = next_due(law.timescale, start, ENGLAND, done, facts, events)
        if required is not None:
            assert chosen.next_due <= required
