"""``standards audit --annex-a``: the snapshot on the return's date, from Lists 6, 7 and 8."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from compiler.audit import audit as run_audit
from compiler.audit_report import render_audit, summarise
from compiler.commands.audit_sources import SourceAudit, open_only
from compiler.evaluate import Pack
from compiler.sources.annex_a import read_annex_a
from compiler.sources.judgeable import judgeable
from compiler.timescale.model import Count


def audit_annex_a(path: Path, pack: Pack, on: date) -> SourceAudit:
    """Judge the open cases of the Annex A at ``path`` on ``on``."""
    annex = read_annex_a(path, on)
    judged = judgeable(
        pack,
        "Annex A",
        frozenset(annex.kinds),
        lambda group: annex.kinds.get(group, frozenset()),
        lambda group: frozenset(),
    )
    counts = [r for r in judged.pack.rules if isinstance(r.timescale, Count)]
    if counts:  # a count per period needs every occurrence, Annex A has the latest
        from dataclasses import replace

        from compiler.sources.judgeable import Unjudged

        judged = replace(
            judged,
            pack=replace(judged.pack, rules=tuple(r for r in judged.pack.rules if r not in counts)),
            unjudged=judged.unjudged
            + tuple(
                Unjudged(r.id, "a count per period needs every occurrence; Annex A has the latest")
                for r in counts
            ),
        )
    from dataclasses import replace as replaced

    from compiler.sources.judgeable import Unjudged as Note

    judged = replaced(
        judged,
        readings=(
            *judged.readings,
            Note(
                "(all rules for children in care)",
                "Annex A gives no placement type: a child in a particular placement (with "
                "parents, with a connected person, for adoption) is judged by the general rules",
            ),
        ),
    )
    open_cases, _ = open_only(annex.records, on)
    result = run_audit(open_cases, judged.pack, on)
    found = SourceAudit(
        str(path),
        on,
        pack,
        judged,
        annex.records,
        render_audit(result),
        summarise(result).as_json(),
    )
    found.notes = annex.used
    return found
