"""Every malformed input gets a clear message at the right line and column, and exit status 1.

Each fixture in tests/fixtures/invalid is paired here with the finding it must
produce: its code, line, column and words of the message. The positions were
read off the fixture files by hand.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiler.cli import standards
from compiler.pipeline import compile_corpus

INVALID = Path(__file__).parent / "fixtures" / "invalid"

# fixture: (code, line, column, words the message must contain)
EXPECTED = {
    "yaml-syntax.yaml": ("yaml-syntax", 8, 1, "YAML syntax error"),
    "duplicate-key.yaml": (
        "duplicate-key",
        6,
        1,
        "duplicate key 'title' (first defined at line 3, column 1)",
    ),
    "tab-indentation.yaml": ("yaml-tab", 10, 1, "a tab character is used for indentation"),
    "python-tag.yaml": ("yaml-tag", 3, 8, "'!!python/object/apply:os.system' is not allowed"),
    "alias-bomb.yaml": ("yaml-alias", 2, 8, "aliases ('*a') are not allowed"),
    "unknown-property.yaml": ("unknown-field", 6, 1, "unknown field 'reviewed_by'"),
    "wrong-type.yaml": (
        "schema-type",
        11,
        17,
        "'statements' should be a list, not the text 'none yet'",
    ),
    "missing-required.yaml": ("schema-required", 2, 1, "missing required field 'status'"),
    "invalid-date.yaml": (
        "schema-date",
        6,
        17,
        "'2020-02-30' is not a valid date for 'effective_from'",
    ),
    "effective-after-review.yaml": (
        "review-before-effective",
        7,
        12,
        "the review date 2019-10-01 is before the effective date 2020-01-01",
    ),
    "unknown-activity.yaml": ("unknown-term", 17, 23, "unknown activity 'statutory_vist'"),
    "unknown-group.yaml": ("unknown-term", 16, 30, "unknown group 'child_protecton'"),
    "unknown-condition.yaml": ("unknown-term", 20, 26, "unknown condition 'manager_aproved'"),
    "qualifier-wrong-group.yaml": (
        "qualifier-group",
        16,
        48,
        "the qualifier 'placement_type' does not apply to the group 'child_protection'",
    ),
    "bad-status.yaml": ("schema-choice", 5, 9, "'publish' is not allowed for 'status'"),
    "duplicate-statement-id.yaml": (
        "duplicate-statement-id",
        21,
        13,
        "duplicate statement id 'cp-visits' (first used at line 12, column 13)",
    ),
    "duplicate-rule-id.yaml": (
        "duplicate-rule-id",
        21,
        17,
        "duplicate rule id 'cp-visit' (first used at line 15, column 17)",
    ),
    "wrong-version/1.0.yaml": (
        "file-name-version",
        4,
        10,
        "the file name '1.0.yaml' does not match the version it holds ('2.0')",
    ),
    "escaping-id.yaml": (
        "bad-id",
        9,
        9,
        "the id '../visits' may only use lower-case letters, digits and single hyphens",
    ),
    "empty.yaml": ("empty-file", 1, 1, "the file is empty"),
    "non-utf8.yaml": ("not-utf8", 3, 25, "byte 0xe9 is not valid UTF-8"),
    "bom.yaml": ("byte-order-mark", 1, 1, "byte-order mark"),
    "zero-amount.yaml": ("schema-minimum", 22, 37, "'amount' must be at least 1, not 0"),
    "negative-amount.yaml": ("schema-minimum", 22, 37, "'amount' must be at least 1, not -3"),
    "unknown-unit.yaml": ("schema-choice", 22, 46, "'fortnights' is not allowed for 'unit'"),
    "ambiguous-monthly.yaml": ("timescale", 18, 24, "monthly"),
    "unreadable-timescale.yaml": ("timescale", 18, 24, "fortnighly"),
    "words-not-in-text.yaml": (
        "rule-words-not-in-text",
        15,
        13,
        "rule 'cp-visit' quotes words that are not in its statement",
    ),
    "multiple-documents.yaml": ("yaml-documents", 21, 1, "more than one YAML document"),
    "string-version.yaml": ("schema-version", 4, 10, "'one' is not a version number"),
    "bad-url.yaml": ("schema-url", 7, 54, "'javascript:alert(1)' is not a web address"),
    "unknown-calendar/authority.yaml": (
        "unknown-term",
        5,
        11,
        "unknown calendar 'england-and-wale'",
    ),
    "tests/scenario-bad-date.yaml": (
        "schema-date",
        5,
        12,
        "'2025-13-01' is not a valid date for 'start'",
    ),
}


def test_every_fixture_has_an_expectation() -> None:
    files = {
        str(p.relative_to(INVALID))
        for p in INVALID.rglob("*.yaml")
        if p.relative_to(INVALID).parts[0] != "catalogue"  # test_bad_input_catalogue's inputs
    }
    assert files == set(EXPECTED)
    assert len(files) >= 25


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_input_reports_message_at_position(name: str) -> None:
    code, line, column, words = EXPECTED[name]
    findings = compile_corpus(INVALID / name).findings
    matching = [f for f in findings if f.code == code]
    assert matching, f"no {code} finding; got {[f.render() for f in findings]}"
    finding = matching[0]
    assert words in finding.message
    assert (finding.location.line, finding.location.column) == (line, column)
    assert finding.location.path == INVALID / name
    assert finding.hint, "every finding says what to do"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_check_command_exits_1_without_a_traceback(name: str) -> None:
    result = CliRunner().invoke(standards, ["check", str(INVALID / name)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    _code, line, column, _ = EXPECTED[name]
    assert f"{INVALID / name}:{line}:{column}: error:" in result.output


def test_unknown_terms_suggest_the_closest_term() -> None:
    findings = compile_corpus(INVALID / "unknown-activity.yaml").findings
    assert "did you mean 'statutory_visit'" in findings[0].hint


def test_alias_bomb_fails_fast_with_bounded_memory() -> None:
    tracemalloc.start()
    findings = compile_corpus(INVALID / "alias-bomb.yaml").findings
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [f.code for f in findings] == ["yaml-alias"]
    # expanded, the bomb is 9**9 strings (gigabytes); refused at its first shared node: kilobytes
    assert peak < 5_000_000


def test_missing_path_is_a_usage_error() -> None:
    result = CliRunner().invoke(standards, ["check", "no/such/folder"])
    assert result.exit_code == 2
    assert "does not exist" in result.output
