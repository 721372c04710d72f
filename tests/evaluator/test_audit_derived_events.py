"""The audit counts a deadline from the later of two events (issue 14).

"Within one week of the placement, or the date when notification was received if later" is a
deadline from ``later_of_placement_and_notification``; a case table holds rows of the two
events it is made of. The vectorised audit and the case-by-case reference must both start the
clock on the later of the two latest dates, and only once both have happened; the dates
below are counted by hand.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path, PurePosixPath

from compiler.emit.context import BuildContext
from compiler.emit.packs import emit_packs
from compiler.evaluator.audit import audit
from compiler.evaluator.audit_reference import audit_case_by_case
from compiler.evaluator.audit_report import render_audit
from compiler.evaluator.cases import read_cases
from compiler.evaluator.evaluate import pack_from_json
from compiler.pipeline import compile_corpus

CORPUS = Path(__file__).parent.parent / "fixtures" / "corpora" / "local-terms"
ON = date(2026, 3, 2)
TABLE = """case_id,group,event,date
A,private_fostering,placement_start,2026-01-05
A,private_fostering,notification_received,2026-01-09
B,private_fostering,notification_received,2026-01-09
B,private_fostering,placement_start,2026-01-12
C,private_fostering,placement_start,2026-01-05
"""


def _pack_with_a_later_of_rule():
    compiled = compile_corpus(CORPUS, today=ON, run_checks=False)
    files = emit_packs(BuildContext(compiled, ON, {}, site=False))
    data = json.loads(files[PurePosixPath("packs/lifestages-council/current.json")])
    rule = dict(data["rules"][-1])
    rule.update(
        id="lifestages-council/leaving-care/private-fostering-first-visit",
        subject={"group": "private_fostering"},
        activity="statutory_visit",
        conditions={},
        timescale={
            "deadline": {
                "within": {"amount": 1, "unit": "weeks"},
                "after": "later_of_placement_and_notification",
            }
        },
    )
    data["rules"] = [r for r in data["rules"] if r["subject"]["group"] != "private_fostering"]
    data["rules"].append(rule)
    return pack_from_json(data)


def test_the_clock_starts_on_the_later_of_the_two_events_once_both_have_happened() -> None:
    pack = _pack_with_a_later_of_rule()
    expected, problems = audit_case_by_case(TABLE, pack, ON)
    assert problems == []
    assert render_audit(audit(read_cases(TABLE, pack), pack, ON)) == expected
    rows = {line.split(",")[0]: line for line in expected.splitlines()[1:]}
    assert "2026-01-09" in rows["A"] and "2026-01-16" in rows["A"]  # notified after placing
    assert "2026-01-12" in rows["B"] and "2026-01-19" in rows["B"]  # placed after notifying
    assert "2026-01-1" not in rows["C"]  # never notified: the clock has not started
