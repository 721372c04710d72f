"""The benchmarks' corpus generator makes a valid, varied, reproducible corpus; the scripts run.

The figures themselves are not tested (speed targets live in the benchmark
scripts): these tests only keep the scripts working, on tiny corpora.
"""

from __future__ import annotations

import doctest
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

import benchmarks.generate_corpus
from benchmarks import bench_checks, bench_packs, bench_site
from benchmarks.generate_corpus import generate_corpus
from compiler.pipeline import compile_corpus

TODAY = date(2026, 6, 1)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_the_same_seed_gives_the_same_files(tmp_path: Path) -> None:
    first = _files(generate_corpus(tmp_path / "a", 9, seed=7))
    second = _files(generate_corpus(tmp_path / "b", 9, seed=7))
    assert first == second
    assert "synthetic-0008/authority.yaml" in first


def test_another_seed_gives_other_dates(tmp_path: Path) -> None:
    first = _files(generate_corpus(tmp_path / "a", 9, seed=7))
    other = _files(generate_corpus(tmp_path / "b", 9, seed=8))
    assert first != other


def test_n_authorities_each_with_its_own_id(tmp_path: Path) -> None:
    corpus = compile_corpus(generate_corpus(tmp_path / "c", 6), run_checks=False).corpus
    ids = [a.id for a in corpus.authorities]
    assert sorted(ids) == [
        "england",
        "synthetic-0000",
        "synthetic-0001",
        "synthetic-0002",
        "synthetic-0003",
        "synthetic-0004",
        "synthetic-0005",
    ]
    names = {a.name for a in corpus.authorities}
    assert len(names) == 7


def test_the_copies_take_the_bundled_authorities_in_turn(tmp_path: Path) -> None:
    corpus = compile_corpus(generate_corpus(tmp_path / "c", 5), run_checks=False).corpus
    documents = {a.id: {d.id for d in a.documents} for a in corpus.authorities}
    assert documents["synthetic-0000"] == {"home-visiting"}  # gloucestershire
    assert documents["synthetic-0001"] == {"children-in-care-web", "practice-standards"}
    assert documents["synthetic-0002"] == {"planning-and-seeing-children"}  # the trust
    assert documents["synthetic-0003"] == {"cin-visits-and-reviews"}  # walsall
    assert documents["synthetic-0004"] == {"home-visiting"}  # gloucestershire again


def test_effective_dates_move_within_the_stated_range(tmp_path: Path) -> None:
    corpus = compile_corpus(generate_corpus(tmp_path / "c", 8), run_checks=False).corpus
    walsall_copies = [a for a in corpus.authorities if a.id in ("synthetic-0003", "synthetic-0007")]
    firsts = [a.documents[0].versions[0].effective_from for a in walsall_copies]
    walsall = date(2024, 3, 4)
    assert all(walsall - timedelta(days=400) <= d <= walsall + timedelta(days=120) for d in firsts)
    assert len(set(firsts)) == 2


def test_a_small_generated_corpus_compiles_without_blocking_errors(tmp_path: Path) -> None:
    compiled = compile_corpus(generate_corpus(tmp_path / "c", 3), today=TODAY)
    assert compiled.blocking == ()
    assert len(compiled.corpus.authorities) == 4
    rules = [
        r
        for a in compiled.corpus.authorities
        if not a.statutory
        for _, r in a.rules_in_force(TODAY)
    ]
    assert len(rules) > 20


def test_scenario_tests_are_kept_for_the_floor_and_dropped_for_the_copies(tmp_path: Path) -> None:
    root = generate_corpus(tmp_path / "c", 4)
    assert (root / "england" / "tests").is_dir()
    assert not list(root.glob("synthetic-*/tests"))


def test_generating_into_a_folder_in_use_is_refused(tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        generate_corpus(tmp_path / "c", 2)


def test_the_generator_docstring_example_holds() -> None:
    assert doctest.testmod(benchmarks.generate_corpus).failed == 0


def test_bench_packs_prints_its_ratio(capsys: pytest.CaptureFixture[str]) -> None:
    bench_packs.main(["--authorities", "3", "--repeat", "1"])
    printed = capsys.readouterr().out
    assert "corpus: 3 synthetic authorities + england" in printed
    assert re.search(
        r"^ratio: build / parse = \d+\.\d\dx \(target <= 3x\) (PASS|MISS)$", printed, re.M
    )
    assert re.search(r"^  validate \(JSON Schema\) +\d+ ms", printed, re.M)


def test_bench_checks_prints_its_growth(capsys: pytest.CaptureFixture[str]) -> None:
    bench_checks.main(["--authorities", "4", "--repeat", "1"])
    printed = capsys.readouterr().out
    assert re.search(r"^checks, +1 authorities", printed, re.M)
    assert re.search(r"^checks, +4 authorities", printed, re.M)
    assert re.search(r"^growth ratio: 4/1 authorities = \d+\.\dx \(linear: 4\.0x\)$", printed, re.M)
    assert re.search(
        r"^checks over 4 authorities: \d+\.\d\d s \(target < 60 s\) PASS$", printed, re.M
    )


def test_bench_checks_sizes_are_a_quarter_a_half_and_all() -> None:
    assert bench_checks.sizes_for(200) == (50, 100, 200)
    assert bench_checks.sizes_for(3) == (1, 3)


def test_bench_ssd_prints_its_rate_ratio_and_memory(capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks import bench_ssd

    bench_ssd.main(["--visits", "20000", "--scale", "0.01", "--history-children", "50"])
    printed = capsys.readouterr().out
    assert re.search(r"^20,000 visit rows, 5,300 open cases", printed, re.M)
    assert re.search(r"^audit from DuckDB: .* visit rows/s \(target 500,000\): (PASS|MISS)$",
                     printed, re.M)  # fmt: skip
    assert re.search(r"the audit takes \d+\.\dx the scan$", printed, re.M)
    assert re.search(r"^peak memory of the audit process: .* MB .*: (PASS|MISS)$", printed, re.M)
    assert re.search(r"^history of one authority \(50 children, .* intervals in", printed, re.M)


def test_bench_site_prints_every_target_with_its_verdict(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bench_site.main(["--authorities", "4", "--repeat", "1", "--verify"])
    printed = capsys.readouterr().out
    for what in ("site folder", "largest page", "first-search data", "full build", "incremental"):
        line = next(line for line in printed.splitlines() if line.startswith(what))
        assert re.search(r"target .* (PASS|MISS)", line), line
    assert "incremental output the same as a full build's: yes" in printed
