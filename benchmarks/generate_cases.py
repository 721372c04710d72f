"""A synthetic table of case events for ``standards audit``, drawn from a rule pack's own rules.

Run: python benchmarks/generate_cases.py PACK.json ROWS OUT.csv [--seed N]

Each case gets a group of children that the pack has rules for (sometimes with
the qualifiers a rule names), the events that start those rules' clocks on one
start date, then occurrences of each rule's activity at irregular gaps (some
on time, some late) up to the audit date, and now and then a case fact. A few
rows in a thousand are deliberately unreadable (a misspelt group, an impossible
date), as real exports have, so that the audit's reporting of them is
exercised too.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

HEADER = "case_id,group,event,date,facts,qualifiers"


def generate_cases(
    pack: dict[str, Any], rows: int, *, on: date, seed: int = 0, bad_per_thousand: int = 1
) -> str:
    """CSV text with a header and ``rows`` rows of events, judged on ``on``."""
    rng = random.Random(seed)
    by_group: dict[str, list[dict[str, Any]]] = {}
    for rule in pack["rules"]:
        group = rule["subject"]["group"]
        if group != "all_children":
            by_group.setdefault(group, []).append(rule)
    groups = sorted(by_group)
    facts = sorted(pack["vocabulary"]["conditions"])
    lines = [HEADER]
    case = 0
    while len(lines) <= rows:
        case += 1
        group = rng.choice(groups)
        rules = by_group[group]
        chosen = rng.sample(rules, k=min(len(rules), rng.randint(1, 3)))
        qualifiers = _qualifiers(rng, chosen)
        start = on - timedelta(days=rng.randint(20, 400))
        case_id = f"C{case:07d}"
        for event in sorted({_event(r["timescale"]) for r in chosen}):
            lines.append(f"{case_id},{group},{event},{start.isoformat()},,{qualifiers}")
        for rule in chosen:
            day = start
            for _ in range(rng.randint(1, 5)):
                day += timedelta(days=rng.randint(3, 40))
                if day > on:
                    break
                fact = f"{rng.choice(facts)}=true" if rng.random() < 0.1 else ""
                lines.append(f"{case_id},{group},{rule['activity']},{day.isoformat()},{fact},")
    del lines[rows + 1 :]
    for _ in range(rows * bad_per_thousand // 1000):
        at = rng.randint(1, rows)
        parts = lines[at].split(",")
        if rng.random() < 0.5:
            parts[1] = parts[1] + "x"  # a misspelt group
        else:
            parts[3] = parts[3][:5] + "13" + parts[3][7:]  # a thirteenth month
        lines[at] = ",".join(parts)
    return "\n".join(lines) + "\n"


def _event(timescale: dict[str, Any]) -> str:
    ((_, body),) = timescale.items()
    return body.get("from") or body.get("after") or body.get("before")


def _qualifiers(rng: random.Random, rules: list[dict[str, Any]]) -> str:
    named = [r["subject"] for r in rules if len(r["subject"]) > 1]
    if not named or rng.random() < 0.5:
        return ""
    subject = rng.choice(named)
    pairs = []
    for name, value in sorted(subject.items()):
        if name != "group":
            pairs.append(f"{name}={rng.choice(value) if isinstance(value, list) else value}")
    return ";".join(pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pack", type=Path)
    parser.add_argument("rows", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--on", type=date.fromisoformat, default=date(2026, 1, 9))
    args = parser.parse_args()
    pack = json.loads(args.pack.read_text(encoding="utf-8"))
    args.out.write_text(generate_cases(pack, args.rows, on=args.on, seed=args.seed))


if __name__ == "__main__":
    main()
