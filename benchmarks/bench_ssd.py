"""How fast ``standards audit --ssd`` judges national-scale visit histories held in DuckDB.

Run: python benchmarks/bench_ssd.py [--visits 10000000] [--db /tmp/ssd-bench.duckdb]

England has about 50,000 children on child protection plans, 80,000 looked after and
400,000 in need; a year of their visits is about 10 million rows. This writes such an SSD
into a DuckDB file with DuckDB's own SQL (the real table and column names; plans, periods of
care and placements, and VISITS visit rows shared between the three groups), then, in a
fresh child process so that its peak memory is the audit's alone, times in one run:

- the audit as the command does it: read the SSD tables, link and judge every case (the
  snapshot on 30 June 2026, Walsall's pack), render the result table (best of 2);
- a bare DuckDB scan of the same visit columns into Arrow, the floor any reader pays;

and prints rows per second, the ratio of the two, and the child's peak resident memory.
For information (no target), it also times the history (--from/--to: every interval of a
year judged case by case with the evaluator) over one authority of 5,000 children.

Targets: at least 500,000 visit rows per second, under 2 GB.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ON = date(2026, 6, 30)
TARGET_RATE = 500_000
TARGET_BYTES = 2 * 1024**3
GROUPS = (  # table, children, share of the visits
    ("cp", 50_000, 0.13),
    ("cin", 400_000, 0.68),
    ("cla", 80_000, 0.19),
)


def write(path: Path, visits: int, scale: float = 1.0) -> None:
    """The SSD tables, generated inside DuckDB (seconds for 10 million rows).

    ``scale`` shrinks the number of children (1.0: England's), for a quick trial run.
    """
    import duckdb

    cp, cin, cla = (max(int(children * scale), 1) for _, children, _ in GROUPS)
    connection = duckdb.connect(str(path))
    start = "TIMESTAMP '2025-07-01' + to_days(CAST(i % 180 AS INTEGER))"
    connection.execute(f"""
        CREATE TABLE ssd_cp_plans AS SELECT 'CP' || i AS cppl_cp_plan_id,
          'P' || i AS cppl_person_id, {start} AS cppl_cp_plan_start_date,
          NULL::TIMESTAMP AS cppl_cp_plan_end_date FROM range({cp}) t(i);
        CREATE TABLE ssd_cin_plans AS SELECT 'CIN' || i AS cinp_cin_plan_id,
          'Q' || i AS cinp_person_id, {start} AS cinp_cin_plan_start_date,
          NULL::TIMESTAMP AS cinp_cin_plan_end_date, 'Team ' || (i % 40) AS cinp_cin_plan_team,
          'W' || (i % 3000) AS cinp_cin_plan_worker_id FROM range({cin}) t(i);
        CREATE TABLE ssd_cla_episodes AS SELECT 'E' || i AS clae_cla_episode_id,
          'R' || i AS clae_person_id, 'LA' || i AS clae_cla_id,
          {start} AS clae_cla_episode_start_date, NULL::TIMESTAMP AS clae_cla_episode_ceased_date,
          {start} AS clae_entered_care_date FROM range({cla}) t(i);
        CREATE TABLE ssd_cla_placement AS SELECT 'PL' || i AS clap_cla_placement_id,
          'LA' || i AS clap_cla_id, 'R' || i AS clap_person_id,
          {start} AS clap_cla_placement_start_date,
          ['U6', 'U4', 'K2', 'P1'][1 + i % 4] AS clap_cla_placement_type FROM range({cla}) t(i);
    """)
    for (name, _, share), children in zip(GROUPS, (cp, cin, cla), strict=True):
        rows = int(visits * share)
        gap = 180 // max(rows // children, 1)
        day = f"TIMESTAMP '2025-07-01' + to_days(CAST((i % {children}) % 180 + "
        day += f"(i // {children} + 1) * {gap} - (i % 3) AS INTEGER))"
        seen = "CASE WHEN i % 50 = 0 THEN 'N' ELSE 'Y' END"
        if name == "cp":
            select = (f"'V' || i AS cppv_cp_visit_id, 'P' || (i % {children}) AS cppv_person_id, "
                      f"'CP' || (i % {children}) AS cppv_cp_plan_id, {day} AS cppv_cp_visit_date, "
                      f"{seen} AS cppv_cp_visit_seen")  # fmt: skip
        elif name == "cin":
            select = (f"'V' || i AS cinv_cin_visit_id, 'Q' || (i % {children}) AS cinv_person_id, "
                      f"{day} AS cinv_cin_visit_date, {seen} AS cinv_cin_visit_seen")  # fmt: skip
        else:
            select = (f"'V' || i AS clav_cla_visit_id, 'LA' || (i % {children}) AS clav_cla_id, "
                      f"'R' || (i % {children}) AS clav_person_id, {day} AS clav_cla_visit_date, "
                      f"{seen} AS clav_cla_visit_seen")  # fmt: skip
        table = f"ssd_{name}_visits"
        connection.execute(f"CREATE TABLE {table} AS SELECT {select} FROM range({rows}) t(i)")
    connection.close()


def measure(path: Path, packs: Path) -> dict[str, float]:
    """In this process: the audit and the bare scan, timed."""
    import duckdb

    from benchmarks.timing import best_of
    from compiler.evaluator.audit import audit
    from compiler.evaluator.audit_report import render_audit
    from compiler.evaluator.evaluate import open_pack
    from compiler.sources import ssd_mapping
    from compiler.sources.database import open_database
    from compiler.sources.judgeable import judgeable
    from compiler.sources.records_audit import open_only
    from compiler.sources.ssd import read_ssd

    pack = open_pack(packs, "walsall", ON)
    judged = judgeable(pack, "the SSD", ssd_mapping.groups(), ssd_mapping.kinds,
                       ssd_mapping.qualifiers).pack  # fmt: skip
    found: dict[str, int] = {}

    def run() -> None:
        records = read_ssd(open_database(str(path)), pack, ON)
        cases, _ = open_only(records, ON)
        found["rows"] = len(render_audit(audit(cases, judged, ON)).splitlines()) - 1
        found["cases"] = len(cases.case_ids)

    seconds = best_of(run, 2)
    connection = duckdb.connect(str(path), read_only=True)

    def scan() -> None:
        for name, columns in (("cp", "cppv_cp_visit_id, cppv_person_id, cppv_cp_plan_id, "
                               "cppv_cp_visit_date, cppv_cp_visit_seen"),
                              ("cin", "cinv_cin_visit_id, cinv_person_id, cinv_cin_visit_date, "
                               "cinv_cin_visit_seen"),
                              ("cla", "clav_cla_visit_id, clav_cla_id, clav_person_id, "
                               "clav_cla_visit_date, clav_cla_visit_seen")):  # fmt: skip
            connection.sql(f"SELECT {columns} FROM ssd_{name}_visits").to_arrow_table()

    bare = best_of(scan, 2)
    visits = sum(
        connection.execute(f"SELECT count(*) FROM ssd_{name}_visits").fetchone()[0]
        for name, _, _ in GROUPS
    )
    return {"seconds": seconds, "bare": bare, "visits": visits, **found}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=10_000_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--scale", type=float, default=1.0, help="children: 1.0 is England's")
    parser.add_argument("--history-children", type=int, default=5000)
    parser.add_argument("--measure", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(*args.measure)))
        return 0

    from compiler.build import build
    from compiler.util.resources import bundled

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "build"
        build(bundled("standards"), out, site=False, run_checks=False, today=ON)
        path = args.db or Path(folder) / "ssd.duckdb"
        if not path.exists():
            began = time.perf_counter()
            write(path, args.visits, args.scale)
            print(f"wrote {path} in {time.perf_counter() - began:.1f} s")
        child = subprocess.run(
            [sys.executable, __file__, "--measure", str(path), str(out / "packs")],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        figures = json.loads(child.stdout)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    history_seconds, history_rows, intervals = _history(args.history_children)
    rate = figures["visits"] / figures["seconds"]
    bare_rate = figures["visits"] / figures["bare"]
    verdict = "PASS" if rate >= TARGET_RATE else "MISS"
    memory = "PASS" if peak < TARGET_BYTES else "MISS"
    print(f"{figures['visits']:,} visit rows, {figures['cases']:,} open cases, "
          f"{figures['rows']:,} result rows")  # fmt: skip
    print(f"audit from DuckDB: {figures['seconds']:.2f} s, {rate:,.0f} visit rows/s "
          f"(target {TARGET_RATE:,}): {verdict}")  # fmt: skip
    ratio = figures["seconds"] / figures["bare"]
    print(f"bare DuckDB scan of the visit columns: {figures['bare']:.2f} s, "
          f"{bare_rate:,.0f} rows/s; the audit takes {ratio:.1f}x the scan")  # fmt: skip
    print(f"peak memory of the audit process: {peak / 1024**2:,.0f} MB (target < 2,048 MB): "
          f"{memory}")  # fmt: skip
    print(f"history of one authority ({args.history_children:,} children, {history_rows:,} rows, "
          f"a year): {intervals:,} intervals in {history_seconds:.1f} s (no target)")  # fmt: skip
    return 0


def _history(children: int) -> tuple[float, int, int]:
    """The history of a year for one generated authority, timed once."""
    from benchmarks.generate_ssd import generate_ssd, write_duckdb
    from compiler.evaluator.evaluate import open_pack
    from compiler.sources.records_audit import audit_ssd

    on = date(2026, 1, 9)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "build"
        from compiler.build import build
        from compiler.util.resources import bundled

        build(bundled("standards"), out, site=False, run_checks=False, today=on)
        write_duckdb(generate_ssd(children, until=on, seed=1), Path(folder) / "a.duckdb")
        pack = open_pack(out / "packs", "walsall", on)
        began = time.perf_counter()
        found = audit_ssd(str(Path(folder) / "a.duckdb"), None, pack, on, (date(2025, 1, 9), on))
        seconds = time.perf_counter() - began
    return seconds, found.records.cases.rows, len(found.intervals)


if __name__ == "__main__":
    raise SystemExit(main())
