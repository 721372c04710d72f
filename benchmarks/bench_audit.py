"""How fast ``standards audit`` judges a table of case events, against a per-row Python loop.

Run: python benchmarks/bench_audit.py [--rows 1000000] [--reference-rows 100000]

Builds the bundled packs (no site), generates ROWS event rows for St Helens
(the largest pack) with ``generate_cases.py``, and times, in this one run:

- the audit as the command does it: read the CSV, add the events activities imply and leave
  out rows after the audit date, judge every case, write the result CSV
  (best of 3);
- the case-by-case reference (:mod:`compiler.evaluator.audit_reference`: a Python loop over rows and
  cases with the scalar due-date code) over the first REFERENCE_ROWS rows, once, as rows/s.

Target: at least 500,000 rows per second for the audit.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate_cases import generate_cases
from benchmarks.timing import best_of
from compiler.build import build
from compiler.evaluator.assumptions import assume
from compiler.evaluator.audit import audit
from compiler.evaluator.audit_reference import audit_case_by_case
from compiler.evaluator.audit_report import render_audit
from compiler.evaluator.cases import read_cases
from compiler.evaluator.evaluate import open_pack
from compiler.util.resources import bundled

ON = date(2026, 1, 9)
TARGET = 500_000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--reference-rows", type=int, default=100_000)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "build"
        build(bundled("standards"), out, site=False, run_checks=False, today=ON)
        packs = out / "packs"
        pack = open_pack(packs, "st-helens", ON)
        raw = json.loads((packs / "st-helens" / f"{pack.name}.json").read_text())
    text = generate_cases(raw, args.rows, on=ON, seed=1)
    head = "".join(text.splitlines(keepends=True)[: args.reference_rows + 1])

    clock_events = {rule.event for rule in pack.rules}

    def vectorised() -> None:  # as the command: read, assume, judge, write
        table, _ = assume(read_cases(text, pack), ON, clock_events)
        render_audit(audit(table, pack, ON))

    seconds = best_of(vectorised, 3)
    began = time.perf_counter()
    audit_case_by_case(head, pack, ON)
    loop_seconds = time.perf_counter() - began

    rate = args.rows / seconds
    loop_rate = args.reference_rows / loop_seconds
    print(f"rows: {args.rows:,} ({len(text) / 2**20:.1f} MiB of CSV), st-helens pack {pack.name}")
    print(f"audit (read, judge, write CSV): {seconds:.3f} s best of 3 = {rate:,.0f} rows/s")
    print(f"per-row Python loop on {args.reference_rows:,} rows: {loop_seconds:.3f} s"
          f" = {loop_rate:,.0f} rows/s")  # fmt: skip
    print(f"ratio audit / loop: {rate / loop_rate:.1f}x")
    verdict = "PASS" if rate >= TARGET else "MISS"
    print(f"{verdict}: target at least {TARGET:,} rows/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
