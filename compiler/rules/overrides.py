"""Which rule an override names, and which rules it hides for one case.

An override is a rule's deliberate precedence over another rule of the same
authority ("where the team manager directs, weekly" over "every 8 weeks").
It hides the overridden rule only for the cases the overriding rule applies
to: outside its subject or conditions the overridden rule still applies.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from compiler.model import Override, Rule

T = TypeVar("T")


def rule_key(document_id: str, rule: Rule) -> str:
    """``document/rule``: how a rule is named across an authority."""
    return f"{document_id}/{rule.id}"


def target_key(document_id: str, override: Override) -> str:
    """The ``document/rule`` an override names (a bare id names a rule of the same document).

    >>> from pathlib import Path
    >>> from compiler.errors import Location
    >>> target_key("visits", Override("cic-visit", "", Location(Path("x"))))
    'visits/cic-visit'
    """
    return override.rule if "/" in override.rule else f"{document_id}/{override.rule}"


def targets(document_id: str, rule: Rule) -> tuple[str, ...]:
    """Every ``document/rule`` that ``rule`` overrides."""
    return tuple(target_key(document_id, o) for o in rule.overrides)


def in_effect(applicable: Sequence[tuple[str, tuple[str, ...], T]]) -> list[T]:
    """The applicable rules less those another applicable rule overrides.

    ``applicable`` holds ``(key, keys it overrides, rule)`` for every rule that
    applies to one case; only those apply, so an override whose rule does not
    apply to the case hides nothing.

    >>> in_effect([("a", (), "every 8 weeks"), ("b", ("a",), "weekly where directed")])
    ['weekly where directed']
    >>> in_effect([("a", (), "every 8 weeks")])
    ['every 8 weeks']
    """
    hidden = {target for _, overridden, _ in applicable for target in overridden}
    return [rule for key, _, rule in applicable if key not in hidden]
