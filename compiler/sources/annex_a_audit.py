"""The audit of an Annex A return (``standards audit --annex-a``): the snapshot on its date, from
Lists 3 to 8."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from compiler.evaluator.audit import audit as run_audit
from compiler.evaluator.audit_report import render_audit, summarise
from compiler.evaluator.evaluate import Pack
from compiler.sources.annex_a import read_annex_a
from compiler.sources.judgeable import Judgeable, Unjudged, judgeable
from compiler.sources.records_audit import open_only
from compiler.sources.source_audit import SourceAudit
from compiler.timescale.model import Count

NO_PLACEMENT_TYPE = Unjudged(
    "(all rules for children in care)",
    "Annex A gives no placement type: a child in a particular placement (with parents, with a "
    "connected person, for adoption) is judged by the general rules",
)


def audit_annex_a(path: Path, pack: Pack, on: date) -> SourceAudit:
    """Judge the open cases of the Annex A at ``path`` on ``on``."""
    annex = read_annex_a(path, on)
    judged = _without_counts(
        judgeable(
            pack,
            "Annex A",
            frozenset(annex.kinds),
            lambda group: annex.kinds.get(group, frozenset()),
            lambda group: frozenset(),
        )
    )
    judged = replace(judged, readings=(*judged.readings, NO_PLACEMENT_TYPE))
    open_cases, _ = open_only(annex.records, on)
    result = run_audit(open_cases, judged.pack, on)
    summary = summarise(result).as_json()
    found = SourceAudit(str(path), on, pack, judged, annex.records, render_audit(result), summary)
    found.notes = annex.used
    return found


def _without_counts(judged: Judgeable) -> Judgeable:
    """A count per period ("twice a month") needs every occurrence; Annex A has the latest."""
    counts = [r for r in judged.pack.rules if isinstance(r.timescale, Count)]
    if not counts:
        return judged
    why = "a count per period needs every occurrence; Annex A has the latest only"
    return replace(
        judged,
        pack=replace(judged.pack, rules=tuple(r for r in judged.pack.rules if r not in counts)),
        unjudged=(*judged.unjudged, *(Unjudged(r.id, why) for r in counts)),
    )
