"""One error root and the findings every stage reports.

A :class:`Finding` is something a person must read: where it is (file, line,
column), how serious it is, what is wrong and what to do about it. Stages
collect findings and return them; only the command line decides what to do
with them. :class:`StandardsError` is the root of every exception the library
raises on purpose, so the command line can turn any of them into a message
instead of a traceback.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from compiler.util.resources import shown

ALWAYS_ERRORS: frozenset[str] = frozenset({"no-rule-looser-than-statute", "reading-not-confirmed"})
"""Errors an authority's ``checks:`` settings cannot lower or turn off: a rule looser than the
law would pass unnoticed, and a published version carrying a reading nobody confirmed would be
acted on as the authority's word. An authority may still accept such a finding for a time
(``accepted.yaml``): it stays visible everywhere, marked accepted."""


class Severity(enum.Enum):
    """How serious a finding is; ``error`` fails ``standards check``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, order=True)
class Location:
    """A position in a source file: 1-based line and column, as editors count.

    >>> str(Location(Path("a.yaml"), 3, 7))
    'a.yaml:3:7'
    """

    path: Path
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{shown(self.path)}:{self.line}:{self.column}"
        return shown(self.path)


@dataclass(frozen=True)
class Finding:
    """One problem found in the standards, with where it is and what to do.

    ``code`` names the check or rule of the format that produced it
    (``duplicate-key``, ``no-conflicting-rules``) so tools can filter on it.
    ``related`` lists further locations (the other side of a conflict).
    """

    severity: Severity
    code: str
    message: str
    location: Location
    hint: str = ""
    related: tuple[Location, ...] = ()
    data: tuple[tuple[str, str], ...] = field(default=())
    accepted: str = ""
    """Who accepted the finding, until when and why (``accepted.yaml``); an accepted finding is
    shown but fails nothing until its date passes."""

    @property
    def fails(self) -> bool:
        """True for an error that is not accepted: what makes check and test fail."""
        return self.severity is Severity.ERROR and not self.accepted

    def render(self) -> str:
        """Format as ``path:line:col: severity: message`` plus indented hint."""
        accepted = " (accepted)" if self.accepted else ""
        text = f"{self.location}: {self.severity.value}{accepted}: {self.message}"
        if self.accepted:
            text += f"\n    accepted: {self.accepted}"
        for other in self.related:
            text += f"\n    see also {other}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def as_json(self) -> dict[str, object]:
        """The finding as plain JSON-ready data, for ``--format json``."""
        return {
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
            "path": shown(self.location.path),
            "line": self.location.line,
            "column": self.location.column,
            "related": [
                {"path": shown(r.path), "line": r.line, "column": r.column} for r in self.related
            ],
            **({"data": dict(self.data)} if self.data else {}),
            **({"accepted": self.accepted} if self.accepted else {}),
        }


class StandardsError(Exception):
    """Root of every error this library raises deliberately."""


class FindingsError(StandardsError):
    """Raised when a stage cannot go on; carries the findings that stopped it."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        super().__init__("\n".join(f.render() for f in findings))


MESSAGE_LIMIT = 600
"""The most characters a finding's message or hint may hold: messages quote the author's
values, and a hostile file's value may be megabytes (its contents would fill a CI log)."""


def clip(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """``text`` cut to about ``limit`` characters, keeping its start and end.

    The end is kept because messages put what is wrong after the value they quote.

    >>> clip("the value " + "x" * 100 + " is too long", 40)
    'the value xxxxxxxxxx... (92 characters left out) ...s too long'
    """
    if len(text) <= limit:
        return text
    head, tail = limit // 2, limit // 4
    return f"{text[:head]}... ({len(text) - head - tail} characters left out) ...{text[-tail:]}"


def error(code: str, message: str, location: Location, hint: str = "") -> Finding:
    """Shorthand for an error finding (message and hint clipped, see :func:`clip`)."""
    return Finding(Severity.ERROR, code, clip(message), location, clip(hint))


def warning(code: str, message: str, location: Location, hint: str = "") -> Finding:
    """Shorthand for a warning finding (message and hint clipped, see :func:`clip`)."""
    return Finding(Severity.WARNING, code, clip(message), location, clip(hint))
