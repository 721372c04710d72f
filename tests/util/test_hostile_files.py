"""Special files, links out of the corpus and tampered packs are refused, never read blindly.

Issue 13, defects 1 and 5: a symbolic link to /dev/zero grew `check` until the
machine ran out of memory, a FIFO hung it, a link to a file outside the corpus
had its contents echoed in an error message, and a pack changed after the
build was used by `due` and `audit` without a word.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiler.cli import standards
from compiler.util.safe_files import UnsafeFileError, confined, read_regular
from tests.conftest import ROOT

SECRET = "SECRET-RUNNER-TOKEN-d41d8cd9"


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The CLI in a child process, so that a hang fails the test instead of freezing the run."""
    return subprocess.run(
        [sys.executable, "-m", "compiler.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(ROOT / "standards" / "walsall", root / "walsall")
    return root


def document_folder(corpus: Path) -> Path:
    return next(p for p in (corpus / "walsall").iterdir() if p.is_dir() and p.name != "tests")


def test_link_to_dev_zero_is_refused_without_reading(corpus: Path) -> None:
    (document_folder(corpus) / "9.0.yaml").symlink_to("/dev/zero")
    result = run("check", str(corpus), timeout=30)
    assert result.returncode == 1, result.stderr
    assert "9.0.yaml: error: not read:" in result.stdout


def test_fifo_is_refused_without_hanging(corpus: Path) -> None:
    os.mkfifo(document_folder(corpus) / "9.0.yaml")
    result = run("check", str(corpus), timeout=30)
    assert result.returncode == 1
    assert "9.0.yaml: error: not read: a FIFO (named pipe), not a regular file" in result.stdout


def test_fifo_does_not_hang_build(corpus: Path, tmp_path: Path) -> None:
    os.mkfifo(document_folder(corpus) / "9.0.yaml")
    result = run("build", str(corpus), "--out", str(tmp_path / "out"), "--no-site", timeout=60)
    assert result.returncode == 1
    assert not (tmp_path / "out").exists()


def test_link_out_of_the_corpus_is_not_read_or_quoted(corpus: Path, tmp_path: Path) -> None:
    secret = tmp_path / "runner-secrets.yaml"
    secret.write_text(f"token: {SECRET}\n: : broken [\n", encoding="utf-8")
    (document_folder(corpus) / "9.0.yaml").symlink_to(secret)
    result = run("check", str(corpus))
    assert result.returncode == 1
    assert "a symbolic link to a file outside" in result.stdout
    assert SECRET not in result.stdout + result.stderr


def test_link_inside_the_corpus_is_read(corpus: Path) -> None:
    folder = document_folder(corpus)
    original = sorted(folder.glob("*.yaml"))[0]
    target = corpus / "kept.yaml"
    original.rename(target)
    original.symlink_to(target)
    assert read_regular(original, inside=corpus) == target.read_bytes()


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(11 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(UnsafeFileError, match="larger than 10 MB"):
        read_regular(big)


def test_growing_file_is_cut_off_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"x" * 2000)
    with pytest.raises(UnsafeFileError, match="larger than"):
        read_regular(path, limit=1000)


def test_audit_of_a_device_is_a_usage_error(packs: Path) -> None:
    result = run(
        "audit", "/dev/zero", "--authority", "walsall", "--on", "2025-06-02", "--packs", str(packs)
    )
    assert result.returncode == 2
    assert "/dev/zero: error: not read: a device" in result.stderr


@pytest.mark.parametrize("name", ["../../etc/hostname", "/etc/hostname", "a/../../b", ""])
def test_paths_named_by_packs_stay_in_the_folder(tmp_path: Path, name: str) -> None:
    with pytest.raises(UnsafeFileError, match="leaves its folder"):
        confined(tmp_path, name)


# --- packs: every consumer checks the manifest before use ------------------------------------

DUE = (
    "due",
    "--authority",
    "walsall",
    "--subject",
    "child_in_need",
    "--activity",
    "statutory_visit",
    "--from",
    "2025-05-01",
    "--on",
    "2025-06-02",
)


@pytest.fixture
def copied_packs(packs: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "packs"
    shutil.copytree(packs, folder)
    return folder


def rewrite_manifest(folder: Path, changed: str) -> None:
    """Make the manifest agree with a changed file, as a careful attacker would."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"][changed] = hashlib.sha256((folder / changed).read_bytes()).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(standards, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_untouched_packs_are_used(copied_packs: Path) -> None:
    code, output = invoke(*DUE, "--packs", str(copied_packs))
    assert code == 0, output


def test_due_refuses_a_pack_changed_by_one_byte(copied_packs: Path) -> None:
    code, output = invoke(*DUE, "--packs", str(copied_packs))
    assert code == 0
    pack = copied_packs / "walsall" / "2024-03-04.json"
    data = pack.read_bytes()
    pack.write_bytes(data.replace(b'"amount": 1', b'"amount": 2', 1))
    assert pack.read_bytes() != data
    code, output = invoke(*DUE, "--packs", str(copied_packs))
    assert code == 2
    assert f"{pack}: changed since the build" in output


def test_audit_refuses_a_tampered_pack(copied_packs: Path, tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text("case_id,group,event,date\nC1,child_in_need,plan_start,2025-05-01\n")
    index = copied_packs / "index.json"
    index.write_text(index.read_text(encoding="utf-8") + " ", encoding="utf-8")
    args = ("audit", str(cases), "--authority", "walsall", "--on", "2025-06-02")
    code, output = invoke(*args, "--packs", str(copied_packs))
    assert code == 2
    assert f"{index}: changed since the build" in output


def test_index_path_leaving_the_folder_is_refused(copied_packs: Path) -> None:
    index = json.loads((copied_packs / "index.json").read_text(encoding="utf-8"))
    for entry in index["authorities"]:
        for pack in [entry["current"], *entry["packs"]]:
            pack["json"] = "../../../../etc/hostname"
    (copied_packs / "index.json").write_text(json.dumps(index), encoding="utf-8")
    rewrite_manifest(copied_packs, "index.json")
    code, output = invoke(*DUE, "--packs", str(copied_packs))
    assert code == 2
    assert "a path that leaves its folder" in output


@pytest.mark.parametrize(
    "index",
    [
        [],
        {"format_version": "1.0.0"},
        {"format_version": "1.0.0", "authorities": [{"id": "walsall"}]},
        {"format_version": "1.0.0", "authorities": [{"id": "walsall", "current": None}]},
        {"format_version": "1.0.0", "authorities": None},
    ],
    ids=["list", "no-authorities", "no-packs", "null-current", "null-authorities"],
)
def test_malformed_index_is_refused_naming_it(copied_packs: Path, index: object) -> None:
    (copied_packs / "index.json").write_text(json.dumps(index), encoding="utf-8")
    rewrite_manifest(copied_packs, "index.json")
    code, output = invoke(*DUE, "--packs", str(copied_packs))
    assert code == 2, output
    assert "index.json" in output


def test_pack_with_null_subject_is_refused_naming_it(copied_packs: Path) -> None:
    name = "walsall/2024-03-04.json"
    data = json.loads((copied_packs / name).read_text(encoding="utf-8"))
    data["rules"][0]["subject"] = None
    (copied_packs / name).write_text(json.dumps(data), encoding="utf-8")
    rewrite_manifest(copied_packs, name)
    code, output = invoke(*DUE, "--packs", str(copied_packs))
    assert code == 2, output
    assert name in output


def test_foreign_format_version_is_refused(copied_packs: Path) -> None:
    manifest = json.loads((copied_packs / "manifest.json").read_text(encoding="utf-8"))
    manifest["format_version"] = "9.0.0"
    (copied_packs / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    code, output = invoke(*DUE, "--packs", str(copied_packs))
    assert code == 2
    assert "manifest.json: format version '9.0.0' cannot be read" in output


def test_verify_notices_a_fifo_added_to_the_folder(copied_packs: Path) -> None:
    os.mkfifo(copied_packs / "walsall" / "extra.json")
    result = run("verify", str(copied_packs), timeout=30)
    assert result.returncode == 1
    assert "walsall/extra.json: a special file" in result.stderr


def test_audit_output_guards_formula_like_case_ids(packs: Path, tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text(
        "case_id,group,event,date\n"
        '"=HYPERLINK(""http://x"",""y"")",child_in_need,plan_start,2025-05-01\n'
        "+cmd|' /C calc'!A0,child_in_need,plan_start,2025-05-01\n"
        "@SUM(1),child_in_need,plan_start,2025-05-01\n"
        "C-1,child_in_need,plan_start,2025-05-01\n",
        encoding="utf-8",
    )
    out = tmp_path / "result.csv"
    code, _ = invoke(
        "audit", str(cases), "--authority", "walsall", "--on", "2025-06-02",
        "--packs", str(packs), "--out", str(out),
    )  # fmt: skip
    assert code == 0
    import csv

    first_cells = {row[0] for row in list(csv.reader(out.open(encoding="utf-8")))[1:]}
    assert first_cells == {
        '\'=HYPERLINK("http://x","y")',
        "'+cmd|' /C calc'!A0",
        "'@SUM(1)",
        "C-1",
    }


def test_audit_refuses_to_overwrite_its_own_input(packs: Path, tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    text = "case_id,group,event,date\nC1,child_in_need,plan_start,2025-05-01\n"
    cases.write_text(text, encoding="utf-8")
    linked = tmp_path / "same.csv"
    linked.symlink_to(cases)
    for out in (cases, linked, tmp_path / "." / "cases.csv"):
        code, output = invoke(
            "audit", str(cases), "--authority", "walsall", "--on", "2025-06-02",
            "--packs", str(packs), "--out", str(out),
        )  # fmt: skip
        assert code == 2
        assert "is the table being audited" in output
    assert cases.read_text(encoding="utf-8") == text
