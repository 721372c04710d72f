"""The history agrees with the snapshot taken on every single day: a brute-force oracle.

For a child protection plan started around Christmas or Easter, with visits on any days,
the days on which the snapshot audit (run afresh each morning, with the rows recorded before
that day) says the case is overdue are exactly the days inside the history's late intervals:
after the due date, up to the visit that ended the gap (or the period's end); and an interval
is late exactly when it has such a day. The snapshot and
the history share no code beyond the evaluator, so each checks the other.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from compiler.evaluator.audit import audit
from compiler.evaluator.audit_history import history
from compiler.evaluator.cases import read_cases
from compiler.evaluator.evaluate import open_pack

HEADER = "case_id,group,event,date\n"


def table(start: date, visits: list[date], until: date) -> str:
    rows = [f"C,child_protection,plan_start,{start}"]
    rows += [f"C,child_protection,statutory_visit,{d}" for d in visits if d <= until]
    return HEADER + "\n".join(rows) + "\n"


@settings(max_examples=settings.default.max_examples // 10, deadline=None)  # 60 audits each
@given(
    start=st.sampled_from([date(2025, 12, 12), date(2025, 12, 19), date(2026, 3, 27)]),
    gaps=st.lists(st.integers(min_value=1, max_value=20), max_size=4),
)
def test_late_days_of_the_history_are_the_overdue_days_of_the_snapshots(
    packs: Path, start: date, gaps: list[int]
) -> None:
    pack = open_pack(packs, "gloucestershire", start)
    pack = type(pack)(**{**pack.__dict__, "rules": tuple(
        r for r in pack.rules if r.id == "gloucestershire/home-visiting/cp-statutory-visit"
    )})  # fmt: skip
    visits, day = [], start
    for gap in gaps:
        day += timedelta(days=gap)
        visits.append(day)
    end = start + timedelta(days=60)
    cases = read_cases(table(start, visits, end), pack)
    late_days: set[date] = set()
    never = np.array(["NaT"], "M8[D]")
    for interval in history(cases, pack, start, end, ["P"], [""], [""], never):
        last = interval.done or end
        days = {interval.due + timedelta(days=n + 1) for n in range((last - interval.due).days)}
        assert interval.late == bool(days), interval
        late_days |= days
    overdue_days = set()
    for n in range((end - start).days + 1):
        today = start + timedelta(days=n)
        before = today - timedelta(days=1)
        result = audit(read_cases(table(start, visits, before), pack), pack, today)
        if (result.rule >= 0).any() and result.days_overdue.max() > 0:
            overdue_days.add(today)
    assert late_days == overdue_days


@settings(max_examples=settings.default.max_examples // 30, deadline=None)
@given(seed=st.integers(min_value=0, max_value=10**6), authority=st.sampled_from(
    ["gloucestershire", "walsall", "st-helens", "unnamed-trust"]))  # fmt: skip
def test_on_any_generated_ssd_the_open_late_gaps_are_the_snapshot_overdue(
    packs: Path, tmp_path_factory: object, seed: int, authority: str
) -> None:
    """Whole generated SSDs: every group, placement change, review and care leaver."""
    import csv
    import io

    from benchmarks.generate_ssd import generate_ssd, write_sqlite
    from compiler.sources.records_audit import audit_ssd

    on = date(2026, 1, 9)
    path = tmp_path_factory.mktemp("ssd") / "ssd.sqlite"  # type: ignore[attr-defined]
    write_sqlite(generate_ssd(40, until=on, seed=seed), path)
    period = (date(2025, 1, 1), on)
    found = audit_ssd(f"sqlite:///{path}", None, open_pack(packs, authority, on), on, period)
    snapshot: dict[tuple[str, str], str] = {}
    for row in csv.DictReader(io.StringIO(found.table)):
        if row["status"] == "overdue" and row["next_due"] >= period[0].isoformat():
            key = (row["case_id"], row["activity"])
            snapshot[key] = min(snapshot.get(key, row["next_due"]), row["next_due"])
    history = {
        (i.case_id, i.activity): i.due.isoformat()
        for i in found.intervals
        if i.done is None and i.late and i.end_of_period == on
    }
    assert history == snapshot
