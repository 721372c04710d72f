"""The bundled corpus: it reads cleanly, its findings are the genuine ones, and it is complete.

- Reading the corpus gives no error of the format (syntax, schema, ids, timescales).
- `standards check` reports exactly the findings listed and explained in standards/README.md.
- Every authority's scenario cases pass, and each authority has at least five, including cases
  across Christmas and across Easter.
- Every timescale phrase in each source document is in the encoding, read by a rule or listed as
  not a rule (with the reason).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import holidays
import pytest

from compiler.errors import Severity
from compiler.pipeline import Compiled, compile_corpus
from compiler.suite.scenarios import run_scenarios
from compiler.timescale.phrases import find_phrases
from compiler.util.resources import bundled

STANDARDS = bundled("standards")
SOURCES = Path(__file__).parent / "fixtures" / "sources"
TODAY = date(2026, 11, 24)


@pytest.fixture(scope="module")
def compiled() -> Compiled:
    return compile_corpus(STANDARDS, today=TODAY)


def listed_findings() -> set[tuple[str, str, str]]:
    """(check, authority, rules) from the tables of standards/README.md."""
    rows = set()
    for line in (STANDARDS / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].startswith("`") and cells[1].startswith("`"):
            rules = " ".join(re.findall(r"`([^`]+)`", cells[2]))
            rows.add((cells[0].strip("`"), cells[1].strip("`"), rules))
    return rows


def test_the_corpus_reads_without_errors(compiled: Compiled) -> None:
    assert [f.render() for f in compiled.blocking] == []
    assert {a.id for a in compiled.corpus.authorities} == {
        "england",
        "gloucestershire",
        "st-helens",
        "unnamed-trust",
        "walsall",
    }


def test_findings_are_exactly_those_listed_in_the_corpus_readme(compiled: Compiled) -> None:
    reported = {
        (f.code, dict(f.data).get("authority", ""), dict(f.data).get("rules", ""))
        for f in compiled.findings
        if f.severity is not Severity.INFO
    }
    listed = listed_findings()
    assert len(listed) >= 20  # one floor finding per local rule, not per statutory rule
    assert reported - listed == set(), "findings not listed in standards/README.md"
    assert listed - reported == set(), "listed in standards/README.md but no longer found"


def test_every_finding_has_a_location_in_the_corpus(compiled: Compiled) -> None:
    for finding in compiled.findings:
        assert STANDARDS.resolve() in finding.location.path.resolve().parents
        assert finding.location.line >= 1


@pytest.mark.parametrize(
    "authority_id", ["england", "gloucestershire", "st-helens", "unnamed-trust", "walsall"]
)
def test_scenario_cases_pass(compiled: Compiled, authority_id: str) -> None:
    authority = compiled.corpus.authority(authority_id)
    assert authority is not None
    results = run_scenarios(compiled.corpus, authority)
    assert len(results) >= 5
    failures = [f"{r.name}: {'; '.join(r.problems)}" for r in results if not r.passed]
    assert failures == []


@pytest.mark.parametrize(
    "authority_id", ["england", "gloucestershire", "st-helens", "unnamed-trust", "walsall"]
)
def test_scenarios_cross_christmas_and_easter(compiled: Compiled, authority_id: str) -> None:
    authority = compiled.corpus.authority(authority_id)
    assert authority is not None
    spans = [_span(case) for scenario in authority.scenarios for case in scenario.cases]
    christmases = {date(year, 12, 25) for year in range(2015, 2035)}
    easters = {
        day
        for day, name in holidays.country_holidays(
            "GB", subdiv="ENG", years=range(2015, 2035)
        ).items()
        if name in ("Good Friday", "Easter Monday")
    }
    assert any(any(lo <= d <= hi for d in christmases) for lo, hi in spans)
    assert any(any(lo <= d <= hi for d in easters) for lo, hi in spans)


def _span(case: dict) -> tuple[date, date]:
    expect = case["expect"]
    days = [
        case["start"],
        *case.get("done", []),
        *expect.get("due", []),
        *expect.get("overdue_on", []),
        *expect.get("in_time_on", []),
    ]
    if expect.get("next_due"):
        days.append(expect["next_due"])
    parsed = [date.fromisoformat(d) for d in days]
    return min(parsed), max(parsed)


def _encoded(compiled: Compiled) -> dict[str, list]:
    by_source: dict[str, list] = {}
    for authority in compiled.corpus.authorities:
        for document in authority.documents:
            for version in document.versions:
                if version.source.file:
                    by_source.setdefault(version.source.file, []).append(version)
    return by_source


@pytest.mark.parametrize("source", sorted(p.name for p in SOURCES.glob("0*.txt")))
def test_every_timescale_phrase_of_the_source_is_encoded(compiled: Compiled, source: str) -> None:
    versions = _encoded(compiled)[source]
    text = " ".join((SOURCES / source).read_text(encoding="utf-8").split())
    in_source = Counter(p.words.lower() for p in find_phrases(text))
    in_statements: Counter[str] = Counter()
    uncovered = []
    rules = not_rules = 0
    for version in versions:
        for statement in version.statements():
            normal = " ".join(statement.text.split())
            spans = [
                (start, start + len(words))
                for words in [r.words for r in statement.rules]
                + [n.words for n in statement.not_rules]
                for start in [normal.lower().find(" ".join(words.split()).lower())]
                if start >= 0
            ]
            for phrase in find_phrases(normal):
                in_statements[phrase.words.lower()] += 1
                if not any(lo <= phrase.start and phrase.end <= hi for lo, hi in spans):
                    uncovered.append(f"{statement.id}: {phrase.words}")
            rules += len(statement.rules)
            not_rules += len(statement.not_rules)
    missing = in_source - in_statements
    print(
        f"{source}: {sum(in_source.values())} timescale phrases in the source, "
        f"{sum(in_statements.values())} in the encoding, {rules} rules, {not_rules} not_rules"
    )
    assert missing == Counter(), "phrases of the source missing from the encoded statements"
    assert uncovered == [], "phrases neither read by a rule nor listed as not a rule"


def test_floor_findings_have_a_first_line_a_person_can_read(compiled: Compiled) -> None:
    floors = [
        f
        for f in compiled.findings
        if f.code in ("no-rule-looser-than-statute", "local-rule-silent-on-statutory-case")
    ]
    assert floors
    for finding in floors:
        first, *cases = finding.message.splitlines()
        assert len(first) < 200, first
        # one line per statutory rule missed, after the local rule's own timescale
        assert len(cases) - 1 == len(dict(finding.data)["rules"].split()) - 1
