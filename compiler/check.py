"""Stage 4, check: run every check over the model and collect their findings.

Each check is a small function named after the invariant it guards, taking
the corpus and returning findings; it never prints. The tuple below is the
whole list, in the order findings are easiest to read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from compiler.checks.words import rule_words_are_quoted
from compiler.errors import Finding
from compiler.model import Corpus

Check = Callable[[Corpus], Iterable[Finding]]

CHECKS: tuple[Check, ...] = (rule_words_are_quoted,)


def check(corpus: Corpus) -> list[Finding]:
    """Every finding of every check over ``corpus``."""
    return [finding for run in CHECKS for finding in run(corpus)]
