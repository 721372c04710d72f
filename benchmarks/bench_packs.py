"""Does building rule packs cost little beyond reading the YAML? Both timed in one run.

Run: python benchmarks/bench_packs.py [--authorities 200] [--seed 0]

Generates a corpus of synthetic authorities (benchmarks/generate_corpus.py) into
a temporary folder, then times, best of 3 each, over the same files:

- a bare parse: read every YAML file and ``yaml.load(text, Loader=yaml.CSafeLoader)``,
  the least any compiler must spend to read its input;
- ``compiler.build.build(root, out, site=False, run_checks=False)``, which is what
  ``standards build --no-site`` does (load -> validate -> model -> emit packs -> write),
  each time from empty caches into a new folder, as a new ``standards build`` process
  starts (:func:`cold`): no authority is taken from the build before. Authorities are
  made on every core, as the command makes them; the parse runs on one.

It prints both, the ratio build / parse against the target (at most 3x: "the
compiler should cost little beyond reading its input"), and, from one more
build with each pipeline stage wrapped in a timer, where the build's time goes.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import compiler.build
import compiler.calendar
import compiler.load
import compiler.pipeline
import compiler.units
from benchmarks.generate_corpus import generate_corpus
from benchmarks.timing import best_of
from compiler.discover import discover
from compiler.emit import rulesets
from compiler.rules.floor import _compare
from compiler.util.gc_pause import no_garbage_collection

TARGET = 3.0
TODAY = date(2026, 6, 1)
"""A fixed build date, so that every run builds the same packs."""
STAGES = (
    ("discover files", compiler.build, "discover"),
    ("load: YAML compose (C parser)", compiler.load.yaml, "compose"),
    ("load: alias scan (C parser)", compiler.load, "_refuse_aliases"),
    ("load: the rest (positions, plain data)", compiler.pipeline, "load"),
    ("validate (JSON Schema)", compiler.pipeline, "validate"),
    ("model (assemble, statutory floor)", compiler.pipeline, "assemble"),
    ("model (assemble, statutory floor)", compiler.pipeline, "_with_statutory_floors"),
    ("model (assemble, statutory floor)", compiler.pipeline, "jurisdictions_exist"),
    ("emit packs (JSON, CSV, manifest)", compiler.units, "authority_pack_files"),
    ("emit packs (JSON, CSV, manifest)", compiler.build, "national"),
    ("write (staging folder, swap)", compiler.build, "write_atomically"),
)
"""(label, module, function): each function is timed where the pipeline calls it. A stage
nested in another (compose and the alias scan run inside load) is taken out of its parent."""
_NESTED = {"load: the rest (positions, plain data)": ("compose", "_refuse_aliases")}


def cold() -> None:
    """Empty the caches a fresh ``standards build`` process starts without.

    Comparisons, calendars and floor marks are memoised; without this the second and
    third builds would reuse the first one's, and the best of three would flatter the build.
    """
    _compare.cache_clear()
    compiler.calendar._load.cache_clear()
    rulesets._SHARED.clear()
    rulesets._IN_PLAY.clear()


def bare_parse(files: list[Path]) -> None:
    """Read and parse every file with PyYAML's C loader, and nothing else."""
    for path in files:
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


@contextmanager
def timed_stages() -> Iterator[dict[str, float]]:
    """Wrap each function of STAGES in a timer for the duration; yield seconds per name."""
    spent: dict[str, float] = {}
    originals = []

    def wrap(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - began

        return timed

    for _, module, name in STAGES:
        function = getattr(module, name)
        originals.append((module, name, function))
        setattr(module, name, wrap(name, function))
    try:
        yield spent
    finally:
        for module, name, function in reversed(originals):
            setattr(module, name, function)


def stage_times(spent: dict[str, float]) -> dict[str, float]:
    """Seconds per stage label, nested stages taken out of their parents."""
    by_label: dict[str, float] = {}
    for label, _, name in STAGES:
        own = spent.get(name, 0.0) - sum(spent.get(n, 0.0) for n in _NESTED.get(label, ()))
        by_label[label] = by_label.get(label, 0.0) + own
    return by_label


def main(argv: list[str] | None = None) -> None:
    """Generate the corpus, time the parse and the build, print figures and the verdict."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--authorities", type=int, default=200, help="corpus size (200)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (0)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, best kept (3)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-packs-") as temporary:
        root = generate_corpus(Path(temporary) / "corpus", args.authorities, args.seed)
        out = Path(temporary) / "build"
        files = sorted(root.rglob("*.yaml"))
        discovered, stray = discover(root)
        assert sorted(f.path for f in discovered) == files and not stray, "not the same files"
        size = sum(p.stat().st_size for p in files)

        def build() -> None:
            cold()
            shutil.rmtree(out, ignore_errors=True)  # no authority kept from the last build
            compiler.build.build(root, out, site=False, run_checks=False, today=TODAY)

        plain_parse = best_of(lambda: bare_parse(files), args.repeat)
        with no_garbage_collection():  # the build pauses the collector: give the parse the same
            paused_parse = best_of(lambda: bare_parse(files), args.repeat)
        parse_time = min(plain_parse, paused_parse)  # the faster parse: the stricter ratio
        build_time = best_of(build, args.repeat)
        serial = compiler.units.workers
        compiler.units.workers = lambda: 1  # the timers see only this process's stages
        try:
            with timed_stages() as spent:
                began = time.perf_counter()
                build()
                instrumented = time.perf_counter() - began
        finally:
            compiler.units.workers = serial
        written = [p for p in out.rglob("*") if p.is_file()]
        written_size = sum(p.stat().st_size for p in written)

    print(f"Python {sys.version.split()[0]}, PyYAML {yaml.__version__} (libyaml)")
    print(
        f"corpus: {args.authorities} synthetic authorities + england, seed {args.seed}: "
        f"{len(files)} YAML files, {size / 2**20:.1f} MiB"
    )
    print(f"packs written: {len(written)} files, {written_size / 2**20:.1f} MiB")
    print(f"bare parse (read + yaml.load, CSafeLoader): {plain_parse * 1e3:9.0f} ms  (best of 3)")
    print(f"  the same, cycle collector paused:         {paused_parse * 1e3:9.0f} ms  (best of 3)")
    print(
        f"build (site=False, run_checks=False):       {build_time * 1e3:9.0f} ms  (best of 3, "
        f"authorities made on {serial()} core(s))"
    )
    print(
        "where the build time goes (one more build, on one core, stages timed: "
        f"{instrumented * 1e3:.0f} ms):"
    )
    stages = stage_times(spent)
    stages["other (between the stages)"] = instrumented - sum(stages.values())
    for label, seconds in stages.items():
        share = seconds / instrumented
        times_parse = seconds / parse_time
        print(f"  {label:<40} {seconds * 1e3:8.0f} ms  {share:6.1%}  {times_parse:5.2f}x parse")
    ratio = build_time / parse_time  # against the faster of the two parses
    verdict = "PASS" if ratio <= TARGET else "MISS"
    print(f"ratio: build / parse = {ratio:.2f}x (target <= {TARGET:.0f}x) {verdict}")


if __name__ == "__main__":
    main()
