"""Accepted findings (accepted.yaml): shown, marked accepted, failing nothing until their date."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from compiler.cli import standards
from compiler.errors import Severity
from compiler.pipeline import compile_corpus

ACCEPTED = Path(__file__).parent.parent / "fixtures" / "corpora" / "accepted"


def floor_finding(today: date):
    compiled = compile_corpus(ACCEPTED, today=today)
    (finding,) = [f for f in compiled.findings if f.code == "no-rule-looser-than-statute"]
    return compiled, finding


def test_an_accepted_finding_is_shown_marked_and_fails_nothing_until_its_date() -> None:
    _, finding = floor_finding(date(2026, 3, 31))
    assert finding.severity is Severity.ERROR
    assert finding.accepted.startswith("by A. Person, principal social worker until 2026-03-31:")
    assert not finding.fails
    assert ": error (accepted): residential/residential-visits" in finding.render()
    assert finding.as_json()["accepted"] == finding.accepted


def test_an_acceptance_whose_date_has_passed_fails_again_and_says_so() -> None:
    _, finding = floor_finding(date(2026, 4, 1))
    assert finding.fails
    assert "until 2026-03-31, which has passed" in finding.message


def test_an_acceptance_that_matches_no_finding_is_a_warning() -> None:
    compiled, _ = floor_finding(date(2026, 1, 1))
    (stale,) = [f for f in compiled.findings if f.code == "accepted-finding-not-found"]
    assert stale.severity is Severity.WARNING
    assert stale.location.path.name == "accepted.yaml" and stale.location.line == 10
    assert "residential/no-such-rule" in stale.message


def test_an_accepted_file_is_held_to_its_schema(tmp_path: Path) -> None:
    shutil.copytree(ACCEPTED, tmp_path / "corpus")
    accepted = tmp_path / "corpus" / "moor-council" / "accepted.yaml"
    accepted.write_text(
        "accepted:\n  - finding: no-rule-looser-than-statute\n"
        "    rules: [residential/residential-visits]\n    until: 2026-03-31\n"
    )
    result = CliRunner().invoke(standards, ["check", str(tmp_path / "corpus")])
    assert result.exit_code == 1
    assert f"{accepted}:2:5: error:" in result.output
    assert "reason" in result.output and "accepted_by" in result.output


def test_check_exits_0_when_every_error_is_accepted(tmp_path: Path) -> None:
    shutil.copytree(ACCEPTED, tmp_path / "corpus")
    accepted = tmp_path / "corpus" / "moor-council" / "accepted.yaml"
    text = accepted.read_text().replace("until: 2026-03-31", "until: 2999-12-31")
    accepted.write_text(text.split("  - finding: no-conflicting-rules")[0])
    result = CliRunner().invoke(standards, ["check", str(tmp_path / "corpus")])
    assert result.exit_code == 0, result.output
    assert "1 error(s) (1 accepted)" in result.output
