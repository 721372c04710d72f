"""The guidance site at national scale: its size, and full and incremental build times, in one run.

Run: python benchmarks/bench_site.py [--authorities 150] [--seed 0] [--verify]

Generates a corpus of synthetic authorities (benchmarks/generate_corpus.py) into a
temporary folder and runs ``standards build`` over it as a reader would, each in a
fresh process (so each peak memory is its own):

- a packs-only build (``--no-site``), best of 3: the yardstick for the full build;
- a full build (packs and site) into a new folder;
- an incremental build: one statement of one authority's document is reworded and
  the same output folder is built again, reusing the pages that did not change.

Then it prints each figure beside its target with PASS or MISS:

- site folder under 50 MB; no HTML page over 150 KB;
- search data fetched for a first search (the national index and the largest
  authority's part, see compiler/emit/search_split.py) under 3 MB;
- full build within 10x the packs-only build;
- incremental build under 5% of the full build.

``--verify`` builds the edited corpus once more from nothing and says whether the
incremental output is byte for byte the same (``tests/emit/test_site.py`` checks this on
the bundled corpus on every run).
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate_corpus import authority_id, generate_corpus

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000
KB = 1_000
SITE_LIMIT = 50 * MB
PAGE_LIMIT = 150 * KB
FIRST_SEARCH_LIMIT = 3 * MB
FULL_OVER_PACKS = 10.0
INCREMENTAL_SHARE = 0.05
EDITED = ("cin-visits-and-reviews", "5.0.yaml")
"""The document reworded for the incremental build: Walsall's, copied into every fourth
authority by the generator (the fourth of them, ``synthetic-0003``, is edited)."""
WORDS = ("a non family interpreter should", "an interpreter from outside the family should")


def run_build(corpus: Path, out: Path, *extra: str) -> tuple[float, int]:
    """``standards build`` in a fresh process: (seconds, peak resident memory in bytes)."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1780272000"}
    command = [sys.executable, "-m", "compiler.cli", "build", str(corpus), "--out", str(out)]
    began = time.perf_counter()
    process = subprocess.Popen([*command, "--quiet", *extra], env=environment, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - began
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):  # 1: the checks found something, the build is made
        raise SystemExit(f"the build failed ({process.returncode}): {' '.join(command)}")
    peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return seconds, peak


def edit_one_document(corpus: Path) -> Path:
    """Reword one statement of one authority's document; the file edited."""
    document = corpus.joinpath(authority_id(3), *EDITED)
    text = document.read_text(encoding="utf-8")
    if WORDS[0] not in text:
        raise SystemExit(f"{document} no longer holds {WORDS[0]!r}: choose other words")
    document.write_text(text.replace(WORDS[0], WORDS[1]), encoding="utf-8")
    return document


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def first_search_bytes(site: Path) -> tuple[int, str]:
    """The national index plus the largest authority part: what the first search may fetch."""
    national = site / "search" / "search_index.json"
    parts = sorted((site / "search" / "authorities").glob("*.json"), key=lambda p: p.stat().st_size)
    largest = parts[-1] if parts else None
    total = national.stat().st_size + (largest.stat().st_size if largest else 0)
    return total, largest.stem if largest else "none"


def differing(first: Path, second: Path) -> list[str]:
    """Files not byte for byte the same in two output folders."""
    names = {p.relative_to(first) for p in first.rglob("*") if p.is_file()}
    names |= {p.relative_to(second) for p in second.rglob("*") if p.is_file()}
    return sorted(
        str(name)
        for name in names
        if not ((first / name).is_file() and (second / name).is_file())
        or not filecmp.cmp(first / name, second / name, shallow=False)
    )


def report(what: str, figure: str, target: str, met: bool, note: str = "") -> None:
    """One line: the figure, its target, PASS or MISS, and a note in brackets."""
    verdict = "PASS" if met else "MISS"
    print(
        f"{what:<20} {figure:>28}   target {target:<8} {verdict}" + (f"   ({note})" if note else "")
    )


def main(argv: list[str] | None = None) -> None:
    """Generate the corpus, build it three ways, print every figure beside its target."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--authorities", type=int, default=150, help="corpus size (150)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (0)")
    parser.add_argument("--repeat", type=int, default=3, help="packs-only builds, best kept (3)")
    parser.add_argument("--verify", action="store_true", help="compare with a full build too")
    args = parser.parse_args(argv)
    if args.authorities < 4:
        parser.error("--authorities must be at least 4: the fourth (a copy of Walsall) is edited")
    with tempfile.TemporaryDirectory(prefix="bench-site-") as temporary:
        folder = Path(temporary)
        corpus = generate_corpus(folder / "corpus", args.authorities, args.seed)
        packs_runs = [
            run_build(corpus, folder / f"packs-{n}", "--no-site") for n in range(args.repeat)
        ]
        packs_time = min(seconds for seconds, _ in packs_runs)
        out = folder / "build"
        full_time, full_peak = run_build(corpus, out)
        site = out / "site"
        site_size = folder_size(site)
        pages = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size)
        largest_page = pages[-1]
        search_size, search_part = first_search_bytes(site)
        edit_one_document(corpus)
        incremental_time, incremental_peak = run_build(corpus, out)
        same = None
        if args.verify:
            run_build(corpus, folder / "fresh")
            same = differing(out, folder / "fresh")

        size = largest_page.stat().st_size
        ratio = full_time / packs_time
        share = incremental_time / full_time
        print(f"corpus: {args.authorities} synthetic authorities + england, seed {args.seed}")
        print(f"site: {len(pages)} HTML pages")
        report(
            "site folder",
            f"{site_size / MB:.1f} MB",
            f"< {SITE_LIMIT / MB:.0f} MB",
            site_size < SITE_LIMIT,
        )
        report(
            "largest page",
            f"{size / KB:.1f} KB",
            f"<= {PAGE_LIMIT / KB:.0f} KB",
            size <= PAGE_LIMIT,
            str(largest_page.relative_to(site)),
        )
        report(
            "first-search data",
            f"{search_size / MB:.2f} MB",
            f"< {FIRST_SEARCH_LIMIT / MB:.0f} MB",
            search_size < FIRST_SEARCH_LIMIT,
            f"national index + {search_part}",
        )
        print(f"{'packs-only build':<20} {packs_time:9.1f} s   (best of {args.repeat})")
        report(
            "full build",
            f"{full_time:.1f} s = {ratio:.1f}x packs-only",
            f"<= {FULL_OVER_PACKS:.0f}x",
            ratio <= FULL_OVER_PACKS,
            f"peak memory {full_peak / MB:.0f} MB",
        )
        report(
            "incremental build",
            f"{incremental_time:.1f} s = {share:.1%} of full",
            f"< {INCREMENTAL_SHARE:.0%}",
            share < INCREMENTAL_SHARE,
            f"peak memory {incremental_peak / MB:.0f} MB",
        )
        if same is not None:
            print(
                "incremental output the same as a full build's: "
                + ("yes" if not same else f"NO, {len(same)} files differ: {same[:5]}")
            )


if __name__ == "__main__":
    main()
