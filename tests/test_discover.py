"""Finding the standards files: corpus, authority folder, repository, single file."""

from __future__ import annotations

import shutil
from pathlib import Path

from compiler.discover import discover

ROOT = Path(__file__).resolve().parent.parent
GLOUCESTERSHIRE = ROOT / "standards" / "gloucestershire"


def kinds(root: Path) -> list[tuple[str, str]]:
    files, _ = discover(root)
    return [(f.kind, str(f.path.relative_to(root))) for f in files]


def test_an_authority_folder(tmp_path: Path) -> None:
    shutil.copytree(GLOUCESTERSHIRE, tmp_path / "gloucestershire")
    assert kinds(tmp_path / "gloucestershire") == [
        ("authority", "authority.yaml"),
        ("document", "home-visiting/1.0.yaml"),
        ("scenario", "tests/home-visiting.yaml"),
    ]


def test_a_repository_that_keeps_its_corpus_one_level_down(tmp_path: Path) -> None:
    shutil.copytree(GLOUCESTERSHIRE, tmp_path / "standards" / "gloucestershire")
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "ci.yaml").write_text("on: push\n")
    assert [k for k, _ in kinds(tmp_path)] == ["authority", "document", "scenario"]


def test_a_file_in_the_wrong_place_is_reported_not_read(tmp_path: Path) -> None:
    shutil.copytree(GLOUCESTERSHIRE, tmp_path / "gloucestershire")
    stray = tmp_path / "gloucestershire" / "home-visiting" / "old" / "0.9.yaml"
    stray.parent.mkdir()
    stray.write_text("id: home-visiting\n")
    files, findings = discover(tmp_path)
    assert stray not in [f.path for f in files]
    assert [(f.code, f.location.path) for f in findings] == [("stray-file", stray)]


def test_no_standards_at_all_is_an_error(tmp_path: Path) -> None:
    files, findings = discover(tmp_path)
    assert files == []
    assert [f.code for f in findings] == ["no-standards"]
