"""Diffs as JSON for tools, following the published ``schema/diff.schema.json``.

One document holds a list of diffs (one for two versions or files, one per
changed document for ``--git``), so that a tool reads every output the same
way. Keys are sorted and dates are ``YYYY-MM-DD``: the same diff gives the same
bytes.

>>> from compiler.diff.model import Side, VersionDiff
>>> side = Side("visits@1.0", "visits", "1.0", "Visits")
>>> render_json([VersionDiff(side, side)]).splitlines()[1:3]
['  "$schema": "diff.schema.json",', '  "changed": false,']
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, fields, is_dataclass
from datetime import date
from typing import Any

from compiler.diff.model import (
    ChangeWitness,
    RuleChange,
    StatementChange,
    TimescaleChange,
    VersionDiff,
)

SCHEMA = "diff.schema.json"


def diff_to_json(diff: VersionDiff) -> dict[str, Any]:
    """One diff as a JSON object: sides, then metadata, sections, statements and rules."""
    return {
        "old": asdict(diff.old),
        "new": asdict(diff.new),
        "changed": diff.changed,
        "metadata": [asdict(m) for m in diff.metadata],
        "sections": [asdict(s) for s in diff.sections],
        "statements": [_statement(s) for s in diff.statements],
        "rules": [_rule(r) for r in diff.rules_loosest_first()],
    }


def diffs_to_json(diffs: Sequence[VersionDiff]) -> dict[str, Any]:
    """Every diff of one run, and whether any of them found a change."""
    return {
        "$schema": SCHEMA,
        "changed": any(d.changed for d in diffs),
        "diffs": [diff_to_json(d) for d in diffs],
    }


def render_json(diffs: Sequence[VersionDiff]) -> str:
    """The diffs as the exact text ``standards diff --format json`` prints."""
    return json.dumps(diffs_to_json(diffs), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _statement(change: StatementChange) -> dict[str, Any]:
    data = _plain(change)
    data["renamed"] = change.renamed
    return data


def _witness(witness: ChangeWitness) -> dict[str, Any]:
    data = _plain(witness)
    data["facts"] = dict(witness.facts)
    return data


def _timescale(change: TimescaleChange | None) -> dict[str, Any] | None:
    if change is None:
        return None
    data = _plain(change)
    data["witnesses"] = [_witness(w) for w in change.witnesses]
    return data


def _rule(change: RuleChange) -> dict[str, Any]:
    data = _plain(change)
    data["timescale"] = _timescale(change.timescale)
    data["successor"] = _timescale(change.successor)
    return data
