"""``standards new-version``: a draft copy of the latest version, comments and layout kept."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiler.authoring.new_version import NewVersionError, _write_new, set_line
from compiler.cli import standards
from compiler.pipeline import compile_corpus

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    copy = tmp_path / "standards"
    shutil.copytree(ROOT / "standards" / "st-helens", copy / "st-helens")
    return copy


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(standards, ["new-version", *args])
    return result.exit_code, result.stdout, result.stderr


def test_copy_changes_only_version_dates_and_status(corpus: Path) -> None:
    code, out, _ = run(
        "st-helens/practice-standards", "--effective", "2026-04-01", "--corpus", str(corpus)
    )
    assert code == 0
    folder = corpus / "st-helens" / "practice-standards"
    assert out == (
        f"wrote {folder / '1.1.yaml'}: version 1.1 (draft), effective 2026-04-01, "
        "review by 2027-04-01, copied from practice-standards@1.0\n"
    )
    old = (folder / "1.0.yaml").read_text(encoding="utf-8").splitlines()
    new = (folder / "1.1.yaml").read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    assert changed == [
        ('version: "1.0"', 'version: "1.1"'),
        ("status: published", "status: draft"),
        ("effective_from: 2018-10-01", "effective_from: 2026-04-01"),
        ("review_by: 2019-10-01", "review_by: 2027-04-01"),
    ]
    assert new[0].startswith("# yaml-language-server: $schema=")  # comments kept
    compiled = compile_corpus(corpus / "st-helens", today=date(2026, 5, 1))
    assert compiled.blocking == ()
    # every rule id carried over, so nothing is lost
    assert [f for f in compiled.findings if f.code == "rule-id-lost"] == []


def test_version_and_effective_date_must_come_after_the_latest(corpus: Path) -> None:
    args = ("st-helens/practice-standards", "--corpus", str(corpus))
    code, _, err = run(*args, "--version", "0.9")
    assert (code, "must be numbers with dots, above the latest (1.0)" in err) == (2, True)
    code, _, err = run(*args, "--effective", "2018-10-01")
    assert code == 2
    assert "must take effect after practice-standards@1.0 (2018-10-01)" in err
    code, _, err = run(*args, "--effective", "1 April")
    assert (code, "'1 April' is not a date: write YYYY-MM-DD" in err) == (2, True)
    code, _, err = run("st-helens/nothing", "--corpus", str(corpus))
    assert (code, "st-helens has no document 'nothing'" in err) == (2, True)
    assert sorted(p.name for p in (corpus / "st-helens" / "practice-standards").iterdir()) == [
        "1.0.yaml"
    ]


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "1.1.yaml"
    target.write_text("mine\n", encoding="utf-8")
    with pytest.raises(NewVersionError, match="already exists"):
        _write_new(target, "theirs\n")
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["1.1.yaml"]


def test_set_line_keeps_quotes_and_comments_and_touches_only_top_level() -> None:
    text = "effective_from: '2024-01-01'  # inferred\nsource:\n  effective_from: 2020-01-01\n"
    assert set_line(text, "effective_from", "2025-01-01") == (
        "effective_from: '2025-01-01'  # inferred\nsource:\n  effective_from: 2020-01-01\n"
    )
    with pytest.raises(NewVersionError, match="0 top-level 'review_by:' lines"):
        set_line(text, "review_by", "2026-01-01")
