"""An authority's own events and conditions, checked as the national terms they narrow.

A local condition that narrows a national one ("Lifestages manager's agreement", part of
``manager_approved``) cannot hold while the national one does not, so the floor check never
tries that case; a local event that narrows a national one (the "first Lifestages review",
one of the ``first_review`` s) happens when the national one does, so a phase that ends at it
is compared as one that ends at the national event. Local groups are narrowed on the rule's
subject (:attr:`compiler.model.Subject.narrows`).

>>> narrowing = Narrowing({}, {"lifestages_child_agrees": "child_agrees"})
>>> narrowing.possible({"lifestages_child_agrees": True, "child_agrees": False})
False
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from compiler.model import Authority
from compiler.timescale.model import Recurrence, Timescale


@dataclass(frozen=True)
class Narrowing:
    """Each local event and condition of one authority, by the national term it narrows."""

    events: Mapping[str, str]
    conditions: Mapping[str, str]

    @classmethod
    def of(cls, authority: Authority) -> Narrowing:
        """The narrowing of ``authority``'s own terms (none for one without local terms)."""
        terms = [t for t in authority.local_terms if t.narrows is not None]
        return cls(
            {t.id: t.narrows for t in terms if t.kind == "events" and t.narrows},
            {t.id: t.narrows for t in terms if t.kind == "conditions" and t.narrows},
        )

    @property
    def key(self) -> tuple[tuple[tuple[str, str], ...], ...]:
        """The narrowing as a value, for the caches of comparisons shared between authorities."""
        return tuple(sorted(self.events.items())), tuple(sorted(self.conditions.items()))

    def possible(self, facts: Mapping[str, bool]) -> bool:
        """Whether a case's facts can all hold: a local condition implies the national one."""
        return not any(
            facts.get(local) and facts.get(national) is False
            for local, national in self.conditions.items()
        )

    def as_national(self, timescale: Timescale) -> Timescale:
        """``timescale`` with each phase that ends at a local event ending at the national one."""
        if not self.events or not isinstance(timescale, Recurrence):
            return timescale
        phases = tuple(
            replace(phase, until=self.events.get(phase.until, phase.until))
            if phase.until
            else phase
            for phase in timescale.phases
        )
        return replace(timescale, phases=phases)


NONE = Narrowing({}, {})
"""No local terms: every case is possible and every timescale is already national."""
