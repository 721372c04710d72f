"""A timeline picture of the first three months under each rule: SVG written in Python.

Each row is one rule: a mark on the latest permitted date of each occurrence,
from one example start date, assuming every visit happens on its last allowed
day (the slowest schedule the rule allows). Statutory rows use a diamond and
say "statutory" in their label, so the picture never depends on colour; a
table beside it on the page gives the same dates in words.

>>> from compiler.calendar import load_calendar
>>> from compiler.timescale.model import Duration, Phase, Recurrence
>>> weekly = Recurrence("plan_start", (Phase(Duration(1, "weeks")),))
>>> row = TimelineRow("Walsall Council", "Child in need", weekly, (), False)
>>> [d.isoformat() for d in latest_dates(row, load_calendar("england-and-wales"))][:3]
['2025-12-26', '2026-01-02', '2026-01-09']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from compiler.calendar import Calendar
from compiler.timescale.dates import add_months
from compiler.timescale.due import schedule
from compiler.timescale.model import Conditions, Timescale

EXAMPLE_START = date(2025, 12, 19)
"""Friday 19 December 2025: the Christmas and New Year bank holidays fall in the first
fortnight, so working-day rules and calendar rules visibly part company."""
MONTHS = 3
_LABEL_WIDTH = 250
_PLOT_WIDTH = 410
_ROW = 40
_TOP = 40
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class TimelineRow:
    """One rule to draw: who sets it, for whom, its timescale and the facts it assumes."""

    authority: str
    who: str
    timescale: Timescale
    conditions: Conditions
    statutory: bool

    def label(self, number: int) -> tuple[str, str]:
        """Two lines: ``3. St Helens Council``, and who the rule is about."""
        kind = " (statutory)" if self.statutory else ""
        return f"{number}. {self.authority}{kind}", self.who


@dataclass(frozen=True)
class PictureRow:
    """A row of the picture when its dates are already known: who sets the rule, for whom."""

    authority: str
    who: str
    statutory: bool

    def label(self, number: int) -> tuple[str, str]:
        """As :meth:`TimelineRow.label`."""
        return TimelineRow.label(self, number)  # type: ignore[arg-type]


def window_end(start: date = EXAMPLE_START) -> date:
    """The last day shown: three calendar months after the start."""
    return add_months(start, MONTHS)


def latest_dates(row: TimelineRow, calendar: Calendar, start: date = EXAMPLE_START) -> list[date]:
    """The latest permitted dates that fall within the three months after ``start``.

    The rule's own conditions hold; any other fact is taken as not holding, and
    no event that would end a phase happens within the window.
    """
    end = window_end(start)
    dates = schedule(row.timescale, start, calendar, dict(row.conditions), occurrences=120)
    return [d for d in dates if d <= end]


def draw(
    title: str, rows: Sequence[TimelineRow | PictureRow], dates: Sequence[Sequence[date]]
) -> bytes:
    """The SVG picture: one row per rule, a mark per date, month ticks along the top."""
    start, end = EXAMPLE_START, window_end()
    span = (end - start).days or 1
    height = _TOP + _ROW * len(rows) + 12
    width = _LABEL_WIDTH + _PLOT_WIDTH + 20

    def x(day: date) -> float:
        return _LABEL_WIDTH + _PLOT_WIDTH * (day - start).days / span

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" font-family="sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    for tick in _ticks(start, end):
        parts.append(
            f'<line x1="{x(tick):.1f}" y1="{_TOP - 8}" x2="{x(tick):.1f}" y2="{height - 8}" '
            'stroke="#8a8a8a" stroke-dasharray="2,3"/>'
            f'<text x="{x(tick):.1f}" y="{_TOP - 14}" text-anchor="middle" fill="#1a1a1a">'
            f"{tick.day} {_MONTH_NAMES[tick.month - 1]}</text>"
        )
    for index, (row, row_dates) in enumerate(zip(rows, dates, strict=True)):
        y = _TOP + _ROW * index + _ROW / 2
        first, second = row.label(index + 1)
        parts.append(
            f'<text x="4" y="{y - 3:.1f}" fill="#1a1a1a" font-weight="bold">'
            f"{escape(_clip(first))}</text>"
            f'<text x="4" y="{y + 11:.1f}" fill="#1a1a1a" font-size="11">'
            f"{escape(_clip(second))}</text>"
            f'<line x1="{_LABEL_WIDTH}" y1="{y:.1f}" x2="{_LABEL_WIDTH + _PLOT_WIDTH}" '
            f'y2="{y:.1f}" stroke="#c4c4c4"/>'
        )
        parts.extend(_mark(x(day), y, row.statutory) for day in row_dates)
    parts.append("</svg>\n")
    return "".join(parts).encode("utf-8")


def _ticks(start: date, end: date) -> list[date]:
    ticks = [start]
    month = date(start.year, start.month, 1)
    while (month := add_months(month, 1)) <= end:
        ticks.append(month)
    return ticks


def _mark(x: float, y: float, statutory: bool) -> str:
    if statutory:
        return (
            f'<path d="M{x:.1f} {y - 7:.1f} L{x + 7:.1f} {y:.1f} L{x:.1f} {y + 7:.1f} '
            f'L{x - 7:.1f} {y:.1f} Z" fill="#ffffff" stroke="#1a1a1a" stroke-width="2"/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="#3f51b5" stroke="#1a1a1a"/>'


def _clip(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
