"""The model: versions in order, and what is in force on a date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from compiler.pipeline import compile_corpus

AUTHORITY = """id: council
name: A council
jurisdiction: england
calendar: england-and-wales
"""


def version(
    number: str, effective: str, status: str = "published", rule: str = "every 6 weeks"
) -> str:
    return f"""id: visits
title: Visits
version: "{number}"
status: {status}
effective_from: {effective}
source: {{title: Visits, date: "2020"}}
sections:
  - id: visits
    title: Visits
    statements:
      - id: cin-visits
        text: Children in need are seen {rule}.
        rules:
          - id: cin-visit
            subject: {{group: child_in_need}}
            activity: statutory_visit
            timescale: {rule} from the start of the plan
            strength: must
            words: {rule}
"""


def corpus(tmp_path: Path, versions: dict[str, str]) -> Path:
    folder = tmp_path / "council"
    (folder / "visits").mkdir(parents=True)
    (folder / "authority.yaml").write_text(AUTHORITY)
    for name, text in versions.items():
        (folder / "visits" / f"{name}.yaml").write_text(text)
    return tmp_path


def test_in_force_follows_effective_dates_and_skips_drafts_and_withdrawn(tmp_path: Path) -> None:
    root = corpus(
        tmp_path,
        {
            "1.0": version("1.0", "2020-01-01"),
            "2.0": version("2.0", "2022-06-01", rule="every 4 weeks"),
            "3.0": version("3.0", "2024-01-01", status="withdrawn"),
            "4.0": version("4.0", "2025-01-01", status="draft"),
        },
    )
    compiled = compile_corpus(root, today=date(2026, 1, 1))
    assert compiled.blocking == ()
    council = compiled.corpus.authority("council")
    document = council.document("visits")
    assert [v.version for v in document.versions] == ["1.0", "2.0", "3.0", "4.0"]
    assert document.in_force(date(2019, 12, 31)) is None
    assert document.in_force(date(2020, 1, 1)).version == "1.0"
    assert document.in_force(date(2022, 5, 31)).version == "1.0"
    assert document.in_force(date(2022, 6, 1)).version == "2.0"
    assert document.in_force(date(2024, 1, 1)) is None  # withdrawn
    assert document.in_force(date(2026, 1, 1)) is None  # a draft is never in force
    assert [r.id for _, r in council.rules_in_force(date(2023, 1, 1))] == ["cin-visit"]
    assert council.change_dates() == (date(2020, 1, 1), date(2022, 6, 1), date(2024, 1, 1))


def test_versions_out_of_order_are_reported(tmp_path: Path) -> None:
    root = corpus(
        tmp_path, {"1.0": version("1.0", "2022-01-01"), "2.0": version("2.0", "2020-01-01")}
    )
    findings = compile_corpus(root).findings
    (finding,) = [f for f in findings if f.code == "versions-out-of-order"]
    assert "version 1.0 of 'visits' takes effect after version 2.0" in finding.message
    assert finding.location.path.name == "1.0.yaml"


def test_versions_on_the_same_day_are_reported(tmp_path: Path) -> None:
    root = corpus(
        tmp_path, {"1.0": version("1.0", "2022-01-01"), "1.1": version("1.1", "2022-01-01")}
    )
    codes = [f.code for f in compile_corpus(root).findings]
    assert "versions-same-date" in codes


def test_withdrawn_statements_and_their_rules_are_written_but_not_in_force() -> None:
    corpus = compile_corpus(
        Path(__file__).parent / "fixtures" / "diff" / "corpus", run_checks=False
    ).corpus
    council = corpus.authority("diff-council")
    assert council is not None
    document = council.document("cp-visits")
    assert document is not None
    later = document.latest
    assert [s.id for s in later.statements()] == ["cp-visit-frequency", "cp-seen-alone"]
    assert [s.id for s in later.all_statements()] == [
        "cp-visit-frequency",
        "cp-seen-alone",
        "cp-recording",
    ]
    assert [r.id for r in later.rules()] == ["cp-visit"]
    assert [r.id for r in later.all_rules()] == ["cp-visit", "cp-visit-recording"]
    withdrawn = later.all_statements()[2].withdrawn
    assert withdrawn is not None
    assert withdrawn.moved_to == "recording-guide/cp-recording"
    # what is in force on a date leaves the withdrawn rule out
    in_force = council.rules_in_force(date(2025, 6, 1))
    assert sorted(f"{v.document_id}/{r.id}" for v, r in in_force) == [
        "cp-visits/cp-visit",
        "recording-guide/cp-visit-recording",
    ]
