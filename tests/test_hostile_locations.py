"""Problems that were reported nowhere, or at 1:1, now point at their own line and column.

Issue 13, defect 8: a control character anywhere was reported at 1:1; a closure day
outside the calendar had no file or line and stopped `check`; a document id that
differs from its folder, a `replaces:` naming a statement no earlier version had,
and a folder named `authority.yaml` were not reported at all.
"""

from __future__ import annotations

from pathlib import Path

from compiler.pipeline import compile_corpus
from tests.conftest import FIXTURES

BASE = FIXTURES / "invalid" / "catalogue"


def corpus(tmp_path: Path, document: str | None = None, authority: str | None = None) -> Path:
    folder = tmp_path / "sample"
    (folder / "sample").mkdir(parents=True)
    (folder / "authority.yaml").write_text(
        authority or (BASE / "authority.yaml").read_text(), encoding="utf-8"
    )
    (folder / "sample" / "1.0.yaml").write_text(
        document or (BASE / "document.yaml").read_text(), encoding="utf-8"
    )
    return tmp_path


def where(root: Path, code: str) -> list[tuple[str, int, int]]:
    found = compile_corpus(root, run_checks=False).findings
    return [
        (str(f.location.path.relative_to(root)), f.location.line, f.location.column)
        for f in found
        if f.code == code
    ]


def test_a_control_character_is_reported_where_it_is(tmp_path: Path) -> None:
    text = (
        (BASE / "document.yaml").read_text().replace("    title: Visits", "    title: Vis\x1bits")
    )
    # line 10 of the document is "    title: Visits": the escape is its 15th character
    assert where(corpus(tmp_path, document=text), "yaml-character") == [
        ("sample/sample/1.0.yaml", 10, 15)
    ]


def test_a_closure_day_outside_the_calendar_is_reported_at_its_line(tmp_path: Path) -> None:
    text = (
        (BASE / "authority.yaml")
        .read_text()
        .replace("closures: [2025-12-29]", "closures: [2025-12-29, 2150-01-01]")
    )
    # line 6 is "closures: [2025-12-29, 2150-01-01]": the second day starts at column 24
    assert where(corpus(tmp_path, authority=text), "closure-outside-calendar") == [
        ("sample/authority.yaml", 6, 24)
    ]


def test_a_document_id_that_differs_from_its_folder_is_reported_at_the_id(tmp_path: Path) -> None:
    text = (BASE / "document.yaml").read_text().replace("id: sample\n", "id: other\n", 1)
    assert where(corpus(tmp_path, document=text), "document-folder") == [
        ("sample/sample/1.0.yaml", 2, 5)
    ]


def test_replaces_naming_no_earlier_statement_is_reported_at_the_statement(
    tmp_path: Path,
) -> None:
    root = corpus(tmp_path)
    later = (
        (BASE / "document.yaml")
        .read_text()
        .replace('version: "1.0"', 'version: "2.0"')
        .replace("effective_from: 2020-01-01", "effective_from: 2021-01-01")
        .replace("      - id: cp-visits\n", "      - id: cp-visits\n        replaces: cp-seen\n")
    )
    (root / "sample" / "sample" / "2.0.yaml").write_text(later, encoding="utf-8")
    # line 12 is "      - id: cp-visits", the statement that names the unknown id
    assert where(root, "replaces-unknown-statement") == [("sample/sample/2.0.yaml", 12, 9)]


def test_replaces_naming_an_earlier_statement_is_fine(tmp_path: Path) -> None:
    root = corpus(tmp_path)
    later = (
        (BASE / "document.yaml")
        .read_text()
        .replace('version: "1.0"', 'version: "2.0"')
        .replace("effective_from: 2020-01-01", "effective_from: 2021-01-01")
        .replace("      - id: cp-visits\n", "      - id: cp-seen\n        replaces: cp-visits\n")
    )
    (root / "sample" / "sample" / "2.0.yaml").write_text(later, encoding="utf-8")
    assert where(root, "replaces-unknown-statement") == []


def test_a_folder_named_authority_yaml_is_reported(tmp_path: Path) -> None:
    (tmp_path / "sample" / "authority.yaml").mkdir(parents=True)
    assert where(tmp_path, "authority-file") == [("sample/authority.yaml", 0, 0)]


def test_a_scenario_dated_outside_the_calendar_fails_with_a_reason(tmp_path: Path) -> None:
    from compiler.suite.scenarios import run_scenarios

    root = corpus(tmp_path)
    (root / "sample" / "tests").mkdir()
    scenario = (BASE / "scenario.yaml").read_text().replace("2025-12-19", "2150-12-19")
    (root / "sample" / "tests" / "cases.yaml").write_text(scenario, encoding="utf-8")
    compiled = compile_corpus(root, run_checks=False)
    authority = compiled.corpus.authority("sample")
    assert authority is not None
    [result] = run_scenarios(compiled.corpus, authority)
    assert not result.passed
    assert "2150-12-19 is outside the england-and-wales calendar" in result.problems[0]
    assert (result.location.line, result.location.column) == (3, 5)
