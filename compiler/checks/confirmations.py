"""Checks that every reading `standards import` guessed has been confirmed before publishing.

An imported draft marks each guess with ``confirm: "..."`` (which group, which
event, which reading of an ambiguous phrase). On a draft that is work still to
do, listed as a note; on a published or withdrawn version a guess nobody
confirmed would be acted on as the authority's word, so it is an error.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from compiler.errors import Finding, Severity, error
from compiler.model import Corpus


def readings_are_confirmed(corpus: Corpus, today: date) -> Iterable[Finding]:
    """Every ``confirm`` mark: a note on a draft, an error on any other version."""
    for authority in corpus.authorities:
        for document in authority.documents:
            for version in document.versions:
                draft = version.status == "draft"
                for statement in version.all_statements():
                    marked = (
                        [
                            (f"rule '{rule.id}'", rule.confirm, rule.location)
                            for rule in statement.rules
                            if rule.confirm
                        ]
                        + [
                            (f"not_rules '{item.words}'", item.confirm, item.location)
                            for item in statement.not_rules
                            if item.confirm
                        ]
                        + [
                            (
                                f"the withdrawal of {what}",
                                marked.confirm,
                                marked.location or location,
                            )
                            for what, marked, location in (
                                ("the statement", statement.withdrawn, statement.location),
                                *(
                                    (f"rule '{r.id}'", r.withdrawn, r.location)
                                    for r in statement.rules
                                ),
                            )
                            if marked is not None and marked.confirm
                        ]
                    )
                    for what, confirm, location in marked:
                        finding = error(
                            "reading-not-confirmed",
                            f"{what} in statement '{statement.id}' still needs confirming: "
                            f"{confirm}",
                            location,
                            "check the reading against the document's words, correct it if "
                            "needed, then delete the confirm line"
                            + ("" if draft else " (a published version cannot carry guesses)"),
                        )
                        yield replace(finding, severity=Severity.INFO) if draft else finding
