"""How do the consistency checks grow with the number of authorities? Measured in one run.

Run: python benchmarks/bench_checks.py [--authorities 200] [--seed 0]

Generates corpora of a quarter, a half and all of ``--authorities`` synthetic
authorities (50, 100 and 200 by default; benchmarks/generate_corpus.py), reads
each with ``compile_corpus(root, run_checks=False)``, then times
``compiler.checks.check(corpus, today)`` on the model, best of 3, each run
with the comparison and calendar caches emptied as in a fresh process (the checks
alone: the same as ``compile_corpus`` with ``run_checks=True`` minus the same
with ``run_checks=False``). It prints each time, the growth from the smallest to
the largest corpus beside what linear growth would be, and PASS if the largest
corpus is checked in under 60 seconds. One more run over the largest corpus,
with each check timed on its own, shows where the time goes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Iterable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import compiler.checks
from benchmarks.generate_corpus import generate_corpus
from benchmarks.timing import best_of
from compiler import calendar
from compiler.checks.comparing import _compare
from compiler.errors import Finding
from compiler.model import Corpus
from compiler.pipeline import compile_corpus

TARGET_SECONDS = 60.0
TODAY = date(2026, 6, 1)
"""A fixed date to judge review dates on, so that every run finds the same."""


def sizes_for(authorities: int) -> tuple[int, ...]:
    """A quarter, a half and all of ``authorities`` (at least one each, no repeats)."""
    return tuple(sorted({max(1, authorities // 4), max(1, authorities // 2), authorities}))


def cold() -> None:
    """Empty the caches a fresh ``standards check`` process starts without.

    The checks memoise timescale comparisons and calendars; without this, the
    second and third runs would reuse the first run's comparisons.
    """
    _compare.cache_clear()
    calendar._load.cache_clear()


def per_check(corpus: Corpus) -> tuple[dict[str, float], float, int]:
    """One run of ``check`` with each check timed: (seconds per check, total, findings)."""
    spent: dict[str, float] = {}

    def timed(run: compiler.checks.Check) -> compiler.checks.Check:
        def wrapper(corpus: Corpus, today: date) -> Iterable[Finding]:
            began = time.perf_counter()
            found = list(run(corpus, today))
            spent[run.__name__] = time.perf_counter() - began
            return found

        return wrapper

    original = compiler.checks.CHECKS
    compiler.checks.CHECKS = tuple(timed(run) for run in original)
    cold()
    try:
        began = time.perf_counter()
        findings = compiler.checks.check(corpus, TODAY)
        total = time.perf_counter() - began
    finally:
        compiler.checks.CHECKS = original
    return spent, total, len(findings)


def main(argv: list[str] | None = None) -> None:
    """Generate the corpora, time the checks over each, print figures and the verdict."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--authorities", type=int, default=200, help="largest corpus (200)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (0)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, best kept (3)")
    args = parser.parse_args(argv)
    times: dict[int, float] = {}
    counts: dict[int, tuple[int, int]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-checks-") as temporary:
        for size in sizes_for(args.authorities):
            root = generate_corpus(Path(temporary) / str(size), size, args.seed)
            compiled = compile_corpus(root, run_checks=False, today=TODAY)
            assert not compiled.blocking, f"the generated corpus does not read: {compiled.blocking}"
            corpus = compiled.corpus
            rules = sum(
                len(v.rules()) for a in corpus.authorities for d in a.documents for v in d.versions
            )
            times[size] = best_of(
                lambda corpus=corpus: compiler.checks.check(corpus, TODAY), args.repeat, cold
            )
            counts[size] = (rules, len(compiler.checks.check(corpus, TODAY)))
        spent, total, _ = per_check(corpus)

    print(f"Python {sys.version.split()[0]}; checks judged on {TODAY}, seed {args.seed}")
    for size, seconds in times.items():
        rules, findings = counts[size]
        print(
            f"checks, {size:>4} authorities + england ({rules:>5} rules, {findings:>5} findings): "
            f"{seconds:8.2f} s  (best of {args.repeat})"
        )
    smallest, largest = min(times), max(times)
    print(f"where the time goes, {largest} authorities (one more run: {total:.2f} s):")
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        print(f"  {name:<40} {seconds:8.2f} s  {seconds / total:6.1%}")
    rest = total - sum(spent.values())
    print(f"  {'(severities chosen by authorities)':<40} {rest:8.2f} s  {rest / total:6.1%}")
    growth = times[largest] / times[smallest]
    linear = largest / smallest
    print(f"growth ratio: {largest}/{smallest} authorities = {growth:.1f}x (linear: {linear:.1f}x)")
    verdict = "PASS" if times[largest] < TARGET_SECONDS else "MISS"
    print(
        f"checks over {largest} authorities: {times[largest]:.2f} s "
        f"(target < {TARGET_SECONDS:.0f} s) {verdict}"
    )


if __name__ == "__main__":
    main()
