"""A synthetic Standard Safeguarding Dataset, shaped by the real table definitions.

Run: python benchmarks/generate_ssd.py OUT.duckdb CHILDREN [--seed N] [--until YYYY-MM-DD]

The tables and columns are those of ``data-to-insight/ssd-data-model`` that
:mod:`compiler.sources.ssd_mapping` reads (plus nothing invented): child
protection plans with visits, reviews and initial conferences; child in need
plans with visits; periods of care with placements, visits, reviews and legal
statuses; care leavers; and involvements (team, worker). Dates run across
Christmas, Easter and the other bank holidays; most visits are on time, some
late, a few not seen. The same seed gives the same records, written to DuckDB,
SQLite or PostgreSQL by :func:`write_duckdb`, :func:`write_sqlite` and
:func:`write_sqlalchemy`.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

Tables = dict[str, dict[str, list[Any]]]

COLUMNS = {
    "ssd_cp_plans": [
        "cppl_cp_plan_id",
        "cppl_person_id",
        "cppl_cp_plan_start_date",
        "cppl_cp_plan_end_date",
    ],
    "ssd_cp_visits": [
        "cppv_cp_visit_id",
        "cppv_person_id",
        "cppv_cp_plan_id",
        "cppv_cp_visit_date",
        "cppv_cp_visit_seen",
        "cppv_cp_visit_seen_alone",
    ],
    "ssd_cp_reviews": [
        "cppr_cp_review_id",
        "cppr_person_id",
        "cppr_cp_plan_id",
        "cppr_cp_review_due",
        "cppr_cp_review_date",
    ],
    "ssd_initial_cp_conference": [
        "icpc_icpc_id",
        "icpc_person_id",
        "icpc_cp_plan_id",
        "icpc_icpc_date",
    ],
    "ssd_cin_plans": [
        "cinp_cin_plan_id",
        "cinp_person_id",
        "cinp_cin_plan_start_date",
        "cinp_cin_plan_end_date",
        "cinp_cin_plan_team",
        "cinp_cin_plan_worker_id",
    ],
    "ssd_cin_visits": [
        "cinv_cin_visit_id",
        "cinv_person_id",
        "cinv_cin_visit_date",
        "cinv_cin_visit_seen",
    ],
    "ssd_cla_episodes": [
        "clae_cla_episode_id",
        "clae_person_id",
        "clae_cla_id",
        "clae_cla_episode_start_date",
        "clae_cla_episode_ceased_date",
        "clae_entered_care_date",
    ],
    "ssd_cla_placement": [
        "clap_cla_placement_id",
        "clap_cla_id",
        "clap_person_id",
        "clap_cla_placement_start_date",
        "clap_cla_placement_type",
        "clap_cla_placement_end_date",
    ],
    "ssd_cla_visits": [
        "clav_cla_visit_id",
        "clav_cla_id",
        "clav_person_id",
        "clav_cla_visit_date",
        "clav_cla_visit_seen",
    ],
    "ssd_cla_reviews": [
        "clar_cla_review_id",
        "clar_cla_id",
        "clar_cla_review_due_date",
        "clar_cla_review_date",
        "clar_cla_review_cancelled",
    ],
    "ssd_sdq_scores": ["csdq_table_id", "csdq_person_id", "csdq_sdq_completed_date"],
    "ssd_legal_status": [
        "lega_legal_status_id",
        "lega_person_id",
        "lega_legal_status",
        "lega_legal_status_start_date",
        "lega_legal_status_end_date",
    ],
    "ssd_care_leavers": [
        "clea_table_id",
        "clea_person_id",
        "clea_care_leaver_latest_contact",
        "clea_pathway_plan_review_date",
    ],
    "ssd_involvements": [
        "invo_involvements_id",
        "invo_person_id",
        "invo_professional_team",
        "invo_professional_id",
        "invo_involvement_start_date",
    ],
}
DATES = {c for cols in COLUMNS.values() for c in cols if c.endswith(("date", "_due", "contact"))}
TEAMS = ["Assessment North", "Assessment South", "Safeguarding East", "Children in Care"]


def generate_ssd(children: int, *, until: date, seed: int = 0) -> Tables:
    """The SSD tables for about ``children`` children, with events up to ``until``."""
    rng = random.Random(seed)
    tables: Tables = {name: {c: [] for c in cols} for name, cols in COLUMNS.items()}

    def add(table: str, *values: Any) -> None:
        for column, value in zip(COLUMNS[table], values, strict=True):
            tables[table][column].append(value)

    first = until - timedelta(days=540)
    for child in range(children):
        person = f"P{child:07d}"
        start = first + timedelta(days=rng.randrange(0, 480))
        ended = start + timedelta(days=rng.randrange(60, 500))
        end = ended if ended < until else None
        team, worker = rng.choice(TEAMS), f"W{rng.randrange(40):03d}"
        add("ssd_involvements", f"I{child}", person, team, worker, _at(start))
        kind = rng.random()
        if kind < 0.3:
            plan = f"CP{child}"
            add("ssd_cp_plans", plan, person, _at(start), _at(end))
            add("ssd_initial_cp_conference", f"ICPC{child}", person, plan, _at(start))
            _visits(rng, "ssd_cp_visits", add, person, plan, start, end or until, 10, child)
            review = start + timedelta(days=rng.choice([85, 90, 95]))
            if review <= (end or until):
                add("ssd_cp_reviews", f"CPR{child}", person, plan, _at(review), _at(review))
        elif kind < 0.65:
            plan = f"CIN{child}"
            add("ssd_cin_plans", plan, person, _at(start), _at(end), team, worker)
            _visits(rng, "ssd_cin_visits", add, person, plan, start, end or until, 28, child)
        elif kind < 0.92:
            cla = f"CLA{child}"
            add("ssd_cla_episodes", f"E{child}", person, cla, _at(start), _at(end), _at(start))
            place = rng.choice(["U6", "U4", "K2", "P1", "U3", "Z1"])
            add("ssd_cla_placement", f"PL{child}", cla, person, _at(start), place, _at(end))
            add(
                "ssd_legal_status",
                f"L{child}",
                person,
                rng.choice(["C2", "V2", "C1"]),
                _at(start),
                None,
            )
            _visits(rng, "ssd_cla_visits", add, person, cla, start, end or until, 42, child)
            sdq = start + timedelta(days=rng.choice([14, 20, 35]))
            if sdq <= (end or until):
                add("ssd_sdq_scores", f"SDQ{child}", person, _at(sdq))
            review = start + timedelta(days=rng.choice([26, 28, 30]))
            if review <= (end or until):
                add("ssd_cla_reviews", f"R{child}", cla, _at(review), _at(review), "N")
        else:
            left = start - timedelta(days=400)
            add(
                "ssd_cla_episodes",
                f"E{child}",
                person,
                f"CLA{child}",
                _at(left - timedelta(days=900)),
                _at(left),
                _at(left - timedelta(days=900)),
            )
            contact = until - timedelta(days=rng.randrange(0, 100))
            add(
                "ssd_care_leavers",
                f"CL{child}",
                person,
                _at(contact),
                _at(until - timedelta(days=rng.randrange(0, 220))),
            )
    return tables


def _visits(
    rng: random.Random,
    table: str,
    add: Any,
    person: str,
    case: str,
    start: date,
    end: date,
    every: int,
    child: int,
) -> None:
    """Visits at gaps around ``every`` days: mostly inside it, now and then later."""
    day, number = start, 0
    while True:
        gap = (
            every - rng.randrange(0, every // 3 + 1)
            if rng.random() < 0.85
            else every + (rng.randrange(1, 10))
        )
        day += timedelta(days=gap)
        if day > end:
            return
        seen = "N" if rng.random() < 0.04 else "Y"
        number += 1
        key = f"{table[4:7]}{child}-{number}"
        if table == "ssd_cp_visits":
            add(table, key, person, case, _at(day), seen, "Y")
        elif table == "ssd_cin_visits":
            add(table, key, person, _at(day), seen)
        else:
            add(table, key, case, person, _at(day), seen)


def _at(day: date | None) -> datetime | None:
    """A timestamp, as the SSD's datetime columns hold (time of day included)."""
    return None if day is None else datetime(day.year, day.month, day.day, 10, 30)


def write_duckdb(tables: Tables, path: Path) -> None:
    """Write the tables into a new DuckDB file (timestamps as TIMESTAMP)."""
    import duckdb
    import pyarrow as pa

    connection = duckdb.connect(str(path))
    for name, columns in tables.items():
        arrays = {
            c: pa.array(v, type=pa.timestamp("us") if c in DATES else pa.string())
            for c, v in columns.items()
        }
        frame = pa.table(arrays)  # noqa: F841 - read by DuckDB by name
        connection.execute(f"CREATE TABLE {name} AS SELECT * FROM frame")
    connection.close()


def write_sqlite(tables: Tables, path: Path) -> None:
    """Write the tables into a new SQLite file (dates as text, as SQLite keeps them)."""
    connection = sqlite3.connect(path)
    for name, columns in tables.items():
        names = list(columns)
        connection.execute(f"CREATE TABLE {name} ({', '.join(names)})")
        rows = zip(*(columns[c] for c in names), strict=True)
        marks = ", ".join("?" for _ in names)
        connection.executemany(
            f"INSERT INTO {name} VALUES ({marks})",
            ([str(v) if isinstance(v, datetime) else v for v in r] for r in rows),
        )
    connection.commit()
    connection.close()


def write_sqlalchemy(tables: Tables, url: str, schema: str | None = None) -> None:
    """Write the tables into a server database (PostgreSQL), replacing any of the same name,
    in ``schema`` if given (created if need be)."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    meta = sa.MetaData(schema=schema)
    for name, columns in tables.items():
        sa.Table(name, meta, *(sa.Column(c, sa.DateTime if c in DATES else sa.String(48))
                               for c in columns))  # fmt: skip
    with engine.begin() as connection:
        if schema:
            connection.execute(sa.schema.CreateSchema(schema, if_not_exists=True))
        meta.drop_all(connection)
        meta.create_all(connection)
        for table in meta.sorted_tables:
            values = tables[table.name]
            rows = [dict(zip(values, r, strict=True)) for r in zip(*values.values(), strict=True)]
            if rows:
                connection.execute(table.insert(), rows)
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("children", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--until", type=date.fromisoformat, default=date(2026, 1, 9))
    args = parser.parse_args()
    write_duckdb(generate_ssd(args.children, until=args.until, seed=args.seed), args.out)


if __name__ == "__main__":
    main()
