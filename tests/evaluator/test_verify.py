"""``standards verify``: a folder of packs matches its manifest, or each bad file is named."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiler.build import build
from compiler.cli import standards
from compiler.util.resources import bundled


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("verify") / "build"
    corpus = bundled("standards") / "walsall"
    build(corpus, out, site=False, run_checks=False, today=date(2025, 6, 2))
    return out


@pytest.fixture
def packs(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "packs"
    shutil.copytree(built / "packs", copy)
    return copy


def verify(folder: Path) -> tuple[int, str]:
    result = CliRunner().invoke(standards, ["verify", str(folder)])
    return result.exit_code, result.output


def test_untouched_packs_verify(packs: Path) -> None:
    code, output = verify(packs)
    assert code == 0, output
    assert "every file matches the manifest" in output


def test_the_build_folder_may_be_given_instead_of_its_packs_folder(built: Path) -> None:
    assert verify(built)[0] == 0


def test_the_manifest_lists_every_other_file_under_packs(packs: Path) -> None:
    listed = set(json.loads((packs / "manifest.json").read_text())["files"])
    on_disk = {p.relative_to(packs).as_posix() for p in packs.rglob("*") if p.is_file()}
    assert listed == on_disk - {"manifest.json"}
    assert {"index.json", "walsall/current.json", "schema/rulepack.schema.json"} <= listed


def test_a_pack_changed_by_one_byte_fails_and_is_named(packs: Path) -> None:
    pack = packs / "walsall" / "current.json"
    pack.write_bytes(pack.read_bytes().replace(b'"must"', b'"should"', 1))
    code, output = verify(packs)
    assert code == 1
    assert f"{pack}: changed since the build" in output
    assert "1 file(s)" in output


def test_a_missing_and_an_extra_file_are_each_named(packs: Path) -> None:
    (packs / "walsall" / "current.csv").unlink()
    (packs / "walsall" / "notes.txt").write_text("added later")
    code, output = verify(packs)
    assert code == 1
    assert "walsall/current.csv: missing" in output
    assert "walsall/notes.txt: not in the manifest" in output
    assert "2 file(s)" in output


def test_a_folder_without_a_manifest_fails_with_a_message(tmp_path: Path) -> None:
    code, output = verify(tmp_path)
    assert code == 1
    assert "no manifest.json" in output
    assert "Traceback" not in output


def test_a_manifest_naming_a_file_outside_the_folder_is_reported(packs: Path) -> None:
    manifest = json.loads((packs / "manifest.json").read_text())
    manifest["files"]["../secret"] = "0" * 64
    (packs / "manifest.json").write_text(json.dumps(manifest))
    code, output = verify(packs)
    assert code == 1
    assert "../secret: not a file inside the packs folder" in output
