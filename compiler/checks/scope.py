"""Scope for the checks: the answers are :mod:`compiler.rules.scope`, named as the checks use them.

Kept so that the checks' imports read as before; nothing here answers on its own.
"""

from __future__ import annotations

from compiler.rules.overrides import rule_key
from compiler.rules.scope import (
    ALL_CHILDREN,
    conditions_compatible,
    fact_cases,
    same_scope,
)
from compiler.rules.scope import covers as subject_covers
from compiler.rules.scope import overlaps as subjects_overlap

__all__ = [
    "ALL_CHILDREN",
    "conditions_compatible",
    "fact_cases",
    "rule_key",
    "same_scope",
    "subject_covers",
    "subjects_overlap",
]
