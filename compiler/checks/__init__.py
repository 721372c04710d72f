"""Stage 4, check: run every check over the model and collect their findings.

Each check is a small function named after the invariant it guards, taking
the corpus and the date to judge it on, and returning findings; it never
prints. The tuple below is the whole list, in the order findings are easiest
to read. An authority may change a check's severity, or turn it off, in its
``authority.yaml`` (``checks: {review-date-passed: error}``), except where
relaxing it would let a guess reach a rule pack: an unconfirmed import reading
on a published or withdrawn version stays an error whatever the setting says.

Contract: a check may import the model, the rules, the timescales and the wording; never the
pipeline that runs it, the emitters or the diff.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from compiler.checks.confirmations import readings_are_confirmed
from compiler.checks.conflicts import no_conflicting_rules, overrides_are_valid
from compiler.checks.drafts import drafts_are_noted
from compiler.checks.floors import no_rule_looser_than_statute, statutory_duties_are_addressed
from compiler.checks.lifecycle import review_dates_are_not_passed, versions_follow_their_reviews
from compiler.checks.withdrawals import rule_ids_are_not_lost, withdrawals_name_where_they_moved
from compiler.checks.words_and_rules import (
    rule_words_are_quoted,
    rules_say_what_their_words_say,
    timescale_words_are_encoded,
)
from compiler.errors import ALWAYS_ERRORS, Finding, Severity, warning
from compiler.model import Acceptance, Authority, Corpus

Check = Callable[[Corpus, date], Iterable[Finding]]


CHECKS: tuple[Check, ...] = (
    rule_words_are_quoted,
    timescale_words_are_encoded,
    rules_say_what_their_words_say,
    overrides_are_valid,
    no_conflicting_rules,
    no_rule_looser_than_statute,
    statutory_duties_are_addressed,
    review_dates_are_not_passed,
    versions_follow_their_reviews,
    rule_ids_are_not_lost,
    withdrawals_name_where_they_moved,
    drafts_are_noted,
    readings_are_confirmed,
)


def check(corpus: Corpus, today: date | None = None) -> list[Finding]:
    """Every finding of every check over ``corpus``, judged on ``today``."""
    today = today or date.today()
    findings = [finding for run in CHECKS for finding in run(corpus, today)]
    by_id = {authority.id: authority for authority in corpus.authorities}
    by_path = {authority.path: authority for authority in corpus.authorities}
    configured = [
        (authority, chosen)
        for f in findings
        if (chosen := _configured(authority := _authority_of(by_id, by_path, f), f)) is not None
    ]
    marked = [_accepted(authority, f, today) for authority, f in configured]
    return marked + list(_unused_acceptances(corpus, [f for _, f in configured]))


def _matches(acceptance: Acceptance, finding: Finding) -> bool:
    named = dict(finding.data).get("rules", "").split()
    named += [dict(finding.data).get("version", "")]
    return acceptance.finding == finding.code and all(r in named for r in acceptance.rules)


def _accepted(authority: Authority | None, finding: Finding, today: date) -> Finding:
    """Mark a finding its authority accepts (``accepted.yaml``), or say the acceptance ended."""
    if authority is None or finding.severity is Severity.INFO:
        return finding
    for acceptance in authority.accepted:
        if not _matches(acceptance, finding):
            continue
        who = f"by {acceptance.accepted_by} until {acceptance.until.isoformat()}"
        if acceptance.until < today:
            return replace(
                finding,
                message=finding.message
                + f"\n  (accepted {who}, which has passed: {acceptance.reason})",
            )
        return replace(finding, accepted=f"{who}: {acceptance.reason}")
    return finding


def _unused_acceptances(corpus: Corpus, findings: list[Finding]) -> Iterator[Finding]:
    """An acceptance that matches no finding is stale: the finding was fixed, or misnamed."""
    for authority in corpus.authorities:
        for acceptance in authority.accepted:
            if any(_matches(acceptance, f) for f in findings):
                continue
            yield warning(
                "accepted-finding-not-found",
                f"accepted.yaml accepts a '{acceptance.finding}' finding for "
                f"{' '.join(acceptance.rules)}, but the checks report none",
                acceptance.location,
                "if the finding was fixed, remove the entry; otherwise name the check's code and "
                "the rules as `standards check --format json` gives them",
            )


def _configured(authority: Authority | None, finding: Finding) -> Finding | None:
    """Apply the severity an authority chose for a check, or drop it if turned off."""
    if authority is None:
        return finding
    if finding.severity is Severity.ERROR and finding.code in ALWAYS_ERRORS:
        return finding
    chosen = dict(authority.check_severities).get(finding.code)
    if chosen is None:
        return finding
    if chosen == "off":
        return None
    return replace(finding, severity=Severity(chosen))


def _authority_of(
    by_id: dict[str, Authority], by_path: dict[Path, Authority], finding: Finding
) -> Authority | None:
    """The authority a finding names, else the one whose folder holds its file."""
    named = dict(finding.data).get("authority")
    if named in by_id:
        return by_id[named]
    path = finding.location.path
    return next((by_path[p] for p in path.parents if p in by_path), None)
