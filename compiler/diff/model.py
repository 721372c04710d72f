"""The model of a diff between two document versions: what changed, and whether it matters.

A :class:`VersionDiff` is plain, immutable data; :mod:`compiler.diff.compare`
builds it and the renderers (text, Markdown, JSON, the site page) only read
it. Rules are the part that matters to a child: each changed rule says
whether the new version is stricter, looser, equivalent or incomparable, with
dates that show it. Statements are the words: added, removed, withdrawn,
moved or reworded, word by word.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

STATEMENT_CHANGES = ("added", "removed", "withdrawn", "reinstated", "changed")
RULE_CHANGES = ("added", "removed", "withdrawn", "reinstated", "changed")
EFFECTS = ("looser", "incomparable", "stricter", "equivalent")
"""What a rule change does to the requirement, loosest first (the order a reviewer reads)."""


@dataclass(frozen=True)
class Segment:
    """One run of a word-level diff: ``equal``, ``delete``, ``insert`` or ``replace``.

    ``old`` is the run's text in the old version, ``new`` in the new one; an
    insertion has no old text and a deletion no new text.
    """

    op: str
    old: str
    new: str


@dataclass(frozen=True)
class Rewording:
    """How a text changed, word by word.

    ``minor`` is true when only capitals, punctuation and spacing changed, so
    that a reviewer can pass over it ("Manager" for "manager", a full stop
    dropped).

    >>> r = Rewording((Segment("equal", "agreed by my ", "agreed by my "),
    ...                Segment("replace", "manager.", "Manager")), minor=True)
    >>> r.old, r.new
    ('agreed by my manager.', 'agreed by my Manager')
    """

    segments: tuple[Segment, ...]
    minor: bool

    @property
    def old(self) -> str:
        return "".join(s.old for s in self.segments)

    @property
    def new(self) -> str:
        return "".join(s.new for s in self.segments)


@dataclass(frozen=True)
class WithdrawalNote:
    """Why a rule or statement was withdrawn, and where it moved to ("" if nowhere)."""

    reason: str
    moved_to: str = ""


@dataclass(frozen=True)
class MetadataChange:
    """A changed detail of the version: ``field`` is ``title``, ``effective_from``, ...

    Missing values are empty strings; dates are written YYYY-MM-DD.
    """

    field: str
    old: str
    new: str


@dataclass(frozen=True)
class SectionChange:
    """A section ``added``, ``removed`` or ``retitled``."""

    id: str
    change: str
    old_title: str = ""
    new_title: str = ""


@dataclass(frozen=True)
class StatementChange:
    """One statement that differs between the versions.

    ``change`` is one of :data:`STATEMENT_CHANGES`. ``id`` is the statement's
    id in the new version (the old one for ``removed`` and ``withdrawn``);
    ``old_id`` differs from it when the statement was renamed (``replaces:``).
    ``section`` is where the statement is now (where it was, if it is gone).
    For a statement placed anew (``added``, ``reinstated``, or ``moved``),
    ``after`` is the id of the statement in force that now comes before it,
    or "" if it now comes first in the document. ``rewording`` says how the
    text changed, word by word, if it did.
    """

    id: str
    change: str
    section: str
    old_id: str = ""
    old_section: str = ""
    moved: bool = False
    after: str | None = None
    kind: str = "standard"
    old_kind: str = ""
    old_text: str = ""
    new_text: str = ""
    rewording: Rewording | None = None
    withdrawal: WithdrawalNote | None = None

    @property
    def renamed(self) -> bool:
        return bool(self.old_id) and self.old_id != self.id


@dataclass(frozen=True)
class ChangeWitness:
    """A start date on which the old and new rules give different latest dates.

    ``old_date`` or ``new_date`` is None where that rule does not require
    the ``occurrence``-th time at all; ``facts`` are the case facts assumed;
    ``words`` says it for a person.
    """

    start: date
    occurrence: int
    new_date: date | None
    old_date: date | None
    facts: tuple[tuple[str, bool], ...]
    words: str


@dataclass(frozen=True)
class TimescaleChange:
    """A rule's timescale changed: the new one is ``relation`` compared with the old one."""

    relation: str
    old_reading: str
    new_reading: str
    old_canonical: dict[str, object]
    new_canonical: dict[str, object]
    witnesses: tuple[ChangeWitness, ...] = ()


@dataclass(frozen=True)
class AspectChange:
    """Another part of a rule that changed, said in words.

    ``aspect`` is ``strength``, ``subject``, ``activity``, ``conditions``,
    ``statement`` (the statement the rule reads), ``words``, ``interpretation``,
    ``citation`` or ``overrides``. ``effect`` is ``stricter`` or ``looser``
    where the change has a direction (``must`` for ``should`` is stricter),
    else "".
    """

    aspect: str
    old: str
    new: str
    words: str
    effect: str = ""
    rewording: Rewording | None = None


@dataclass(frozen=True)
class RuleSummary:
    """What a rule says, for the reader of a diff: enough to understand it without the file."""

    id: str
    statement: str
    subject: str
    activity: str
    strength: str
    reading: str
    conditions: str
    words: str
    subject_json: dict[str, object]
    canonical: dict[str, object]


@dataclass(frozen=True)
class RuleChange:
    """One rule that differs between the versions.

    ``change`` is one of :data:`RULE_CHANGES`; ``effect`` (one of
    :data:`EFFECTS`) is what the change does to the requirement: removing or
    withdrawing a rule loosens it, adding one makes it stricter, and a changed
    rule combines its timescale's relation with any change of strength.
    ``lost`` marks a rule removed without being marked withdrawn.
    """

    id: str
    change: str
    effect: str
    old: RuleSummary | None = None
    new: RuleSummary | None = None
    timescale: TimescaleChange | None = None
    aspects: tuple[AspectChange, ...] = ()
    withdrawal: WithdrawalNote | None = None
    lost: bool = False
    successor: TimescaleChange | None = None
    """For a rule withdrawn and moved to another rule of the new version: how that rule compares."""

    @property
    def scope_changed(self) -> bool:
        """True when the rule is now about other children, another activity or other facts."""
        return any(a.aspect in ("subject", "activity", "conditions") for a in self.aspects)


@dataclass(frozen=True)
class Side:
    """One side of a diff: which version (and section, if limited to one) it is."""

    label: str
    document: str
    version: str
    title: str
    section: str = ""


@dataclass(frozen=True)
class VersionDiff:
    """Everything that changed from ``old`` to ``new``, in the new version's order."""

    old: Side
    new: Side
    metadata: tuple[MetadataChange, ...] = ()
    sections: tuple[SectionChange, ...] = ()
    statements: tuple[StatementChange, ...] = ()
    rules: tuple[RuleChange, ...] = ()

    @property
    def changed(self) -> bool:
        """True if anything differs (the exit status of ``standards diff`` says this)."""
        return bool(self.metadata or self.sections or self.statements or self.rules)

    def rules_loosest_first(self) -> tuple[RuleChange, ...]:
        """The rule changes in the order a reviewer should read them: looser ones first.

        Lost rules come before withdrawn ones, and changes of whom or what a
        rule is about come before changes of wording only.
        """
        return tuple(sorted(self.rules, key=_concern))


def _concern(change: RuleChange) -> tuple[int, int, int]:
    wording_only = (
        change.change == "changed"
        and change.timescale is None
        and not any(
            a.effect or a.aspect in ("subject", "activity", "conditions") for a in change.aspects
        )
    )
    return (
        EFFECTS.index(change.effect) + (len(EFFECTS) if wording_only else 0),
        0 if change.lost else 1 if change.change in ("removed", "withdrawn") else 2,
        0 if change.scope_changed else 1,
    )
