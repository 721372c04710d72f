"""The statutory floor cannot be lowered from inside a corpus (compiler.shipped).

The laws: a corpus's copy of the shipped baseline builds when it reads as shipped (its
comments and wording may differ) and stops the build, naming the file, when anything a
floor reads differs; an authority that calls itself statutory but is not a shipped
baseline stops the build; and no authority's ``checks:`` setting lowers the floor check.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compiler.cli import standards
from compiler.errors import Severity
from compiler.pipeline import compile_corpus
from tests.conftest import FIXTURES, ROOT, SITE_DATE

ENGLAND = ROOT / "standards" / "england"
REG_28 = Path("care-planning-regulations-2010") / "2015.yaml"
TIMESCALES = [
    "every 6 weeks from the start of the placement",
    "every 16 weeks from the start of the placement",
    "within one week of the start of the placement, then every 6 weeks",
    "every week until the first review, then every 6 weeks",
    "every 6 months",
    "within 3 working days of the start of the placement",
]


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(ENGLAND, corpus / "england")
    shutil.copytree(ROOT / "standards" / "walsall", corpus / "walsall")
    return corpus


def _blocking(corpus: Path) -> list[str]:
    compiled = compile_corpus(corpus, run_checks=False, today=SITE_DATE)
    return [f.render() for f in compiled.blocking]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_copy_that_reads_as_shipped_builds(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    with (corpus / "england" / REG_28).open("a", encoding="utf-8") as file:
        file.write("# a comment the copy adds\n")
    _edit(corpus / "england" / REG_28, "title: The Care Planning", "title: Care Planning")
    assert _blocking(corpus) == []


@pytest.mark.parametrize(
    ("change", "old", "new", "said"),
    [
        (
            "a looser timescale",
            "then every 6 weeks for the first year",
            "then every 16 weeks for the first year",
            "changes the rule reg-28-2-visits",
        ),
        (
            "a later date",
            "effective_from: 2015-",
            "effective_from: 2035-",
            "another status or date",
        ),
        ("a draft", "status: published", "status: draft", "another status or date"),
        (
            "a narrower subject",
            "subject: {group: child_in_care}",
            "subject: {group: child_in_care, placement_type: long_term_foster}",
            "changes the rule",
        ),
    ],
)
def test_a_copy_changed_where_a_floor_reads_stops_the_build(
    change: str, old: str, new: str, said: str, tmp_path: Path
) -> None:
    corpus = _corpus(tmp_path)
    _edit(corpus / "england" / REG_28, old, new)
    blocking = _blocking(corpus)
    assert any(said in line and "is not the one this tool ships" in line for line in blocking), (
        change,
        blocking,
    )
    assert any(line.startswith(str(corpus / "england" / REG_28)) for line in blocking)
    out = tmp_path / "out"
    result = CliRunner().invoke(standards, ["build", str(corpus), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert not out.exists()


def test_a_copy_that_drops_a_document_or_adds_one_stops_the_build(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    shutil.rmtree(corpus / "england" / "working-together")
    assert any("lacks working-together@" in line for line in _blocking(corpus))
    corpus = _corpus(tmp_path / "again")
    shutil.copytree(
        corpus / "walsall" / "cin-visits-and-reviews", corpus / "england" / "cin-visits-and-reviews"
    )
    assert any("adds cin-visits-and-reviews@5.0" in line for line in _blocking(corpus))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rule=st.integers(min_value=0, max_value=200),
    timescale=st.one_of(st.none(), st.sampled_from(TIMESCALES)),  # None: the same, re-written
)
def test_any_rule_of_the_copy_given_another_timescale_is_refused_unless_it_reads_the_same(
    rule: int, timescale: str | None, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The law over every rule of the baseline: refused exactly when the reading changes."""
    corpus = _corpus(tmp_path_factory.mktemp("copy"))
    files = sorted((corpus / "england").glob("*/*.yaml"))
    lines = [
        (f, n)
        for f in files
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines())
        if line.strip().startswith("timescale:")
    ]
    path, number = lines[rule % len(lines)]
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    before = compile_corpus(corpus, run_checks=False, today=SITE_DATE)
    indent = text[number][: len(text[number]) - len(text[number].lstrip())]
    written = text[number].strip().removeprefix("timescale:").strip()
    text[number] = f"{indent}timescale: {timescale or written}  # re-written\n"
    path.write_text("".join(text), encoding="utf-8")
    after = compile_corpus(corpus, run_checks=False, today=SITE_DATE)
    if any(f.code != "baseline-changed" for f in after.blocking):
        return  # the phrase does not read in that rule (an event it lacks): refused anyway
    readings = {
        name: {
            (v.key, r.id): r.timescale
            for a in compiled.corpus.authorities
            if a.id == "england"
            for d in a.documents
            for v in d.versions
            for r in v.rules()
        }
        for name, compiled in (("before", before), ("after", after))
    }
    refused = any(f.code == "baseline-changed" for f in after.blocking)
    assert refused == (readings["before"] != readings["after"])


def test_an_authority_that_calls_itself_statutory_stops_the_build(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    identity = corpus / "walsall" / "authority.yaml"
    _edit(identity, "jurisdiction: england", "jurisdiction: walsall\nstatutory: true")
    blocking = _blocking(corpus)
    statutory_line = 1 + identity.read_text(encoding="utf-8").splitlines().index("statutory: true")
    assert any(
        line.startswith(f"{identity}:{statutory_line}:") and "ships no statutory baseline" in line
        for line in blocking
    ), blocking


@pytest.mark.parametrize("setting", ["off", "warning", "info"])
def test_the_floor_check_cannot_be_lowered_or_turned_off(setting: str, tmp_path: Path) -> None:
    authority = tmp_path / "hill-council"
    shutil.copytree(FIXTURES / "corpora" / "floor" / "hill-council", authority)
    with (authority / "authority.yaml").open("a", encoding="utf-8") as file:
        file.write(f"checks:\n  no-rule-looser-than-statute: {setting}\n")
    findings = compile_corpus(authority, today=SITE_DATE).findings
    looser = [f for f in findings if f.code == "no-rule-looser-than-statute"]
    assert looser and all(f.severity is Severity.ERROR for f in looser)
    (refused,) = [f for f in findings if f.code == "check-cannot-be-lowered"]
    assert refused.location.path == authority / "authority.yaml"
    assert re.search(rf"setting '{setting}' is not taken", refused.message)


@pytest.mark.parametrize("calendar", ["scotland", "northern-ireland"])
def test_an_authority_counting_another_calendar_than_its_jurisdiction_stops_the_build(
    calendar: str, tmp_path: Path
) -> None:
    """Working days of the law counted on another nation's bank holidays could fall later."""
    corpus = _corpus(tmp_path)
    identity = corpus / "walsall" / "authority.yaml"
    _edit(identity, "calendar: england-and-wales", f"calendar: {calendar}")
    line = 1 + identity.read_text(encoding="utf-8").splitlines().index(f"calendar: {calendar}")
    blocking = _blocking(corpus)
    assert any(
        b.startswith(f"{identity}:{line}:") and "its jurisdiction 'england'" in b for b in blocking
    ), blocking
