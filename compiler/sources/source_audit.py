"""What one audit of the records an authority holds found: for the text summary, JSON and HTML.

Kept beside the readers (not in the command) so that the HTML report
(:mod:`~compiler.sources.audit_html`) needs nothing from the command layer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from compiler.evaluator.evaluate import Pack
from compiler.sources.judgeable import Judgeable
from compiler.sources.ssd import CaseRecords


@dataclass
class SourceAudit:
    """Everything one audit of real records found, for the text summary, JSON and HTML."""

    source: str
    on: date
    pack: Pack
    judged: Judgeable
    records: CaseRecords
    table: str
    summary: dict
    period: tuple[date, date] | None = None
    intervals: list = field(default_factory=list)
    history_csv: str = ""
    notes: list = field(default_factory=list)
