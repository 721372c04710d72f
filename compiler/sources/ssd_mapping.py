"""The one declared mapping from Standard Safeguarding Dataset tables to our vocabulary.

Column names are those of the SSD as published in ``data-to-insight/ssd-data-model``
(the 1.4 deployment scripts; ``data/objects/ssd_*.yml``). A *case* is one
plan or period of care (its key column below) with a group of children; an
*event source* is a dated column whose rows become events or activities of a
case; a *qualifier source* says what kind of placement or legal status a case
has. The README's "Auditing the SSD" section is this module in words, and
:func:`describe` prints it.

Rows are linked to their case by the case key when the table has it, otherwise
by the person and the date falling inside the case (from its start to its end).
A visit recorded with the child not seen (``*_visit_seen`` = ``N``) is a
``failed_visit``, not a statutory visit.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CaseTable:
    """Where a group's cases come from: one row per case (or per episode, for care)."""

    group: str
    table: str
    key: str
    person: str
    start: str | None
    start_event: str | None
    end: str | None = None
    team: str | None = None
    worker: str | None = None


@dataclass(frozen=True)
class EventSource:
    """A dated column whose rows are occurrences of ``kind`` (an event or activity)."""

    group: str
    table: str
    key: str
    date: str
    kind: str
    case: str | None = None  # column holding the case key
    person: str | None = None  # column holding the person, to link by date
    seen: str | None = None  # Y/N column: N makes the row a failed_visit
    cancelled: str | None = None  # Y/N column: Y leaves the row out, counted
    only: tuple[str, tuple[str, ...]] | None = None  # (column, values) the row must have
    within_case: bool = True  # link by person only to a case open on the date
    every_row: bool = True  # False: rows without a date or a case are simply not this kind


@dataclass(frozen=True)
class QualifierSource:
    """A coded column giving a case's qualifier (its latest row on or before the date judged)."""

    group: str
    table: str
    key: str
    date: str
    value: str
    qualifier: str
    codes: dict[str, str]
    case: str | None = None
    person: str | None = None


PLACEMENT_TYPES = {
    # SSDA903 placement codes (the SSD's clap_cla_placement_type) -> placement_type
    "U1": "long_term_foster",  # foster placement with relative or friend, long-term
    "U2": "connected_person",  # with relative or friend who is also an approved adopter
    "U3": "connected_person",  # with relative or friend, not long-term or FFA
    "U4": "long_term_foster",  # with other foster carer, long-term
    "U5": "foster_care",  # with other foster carer who is also an approved adopter
    "U6": "foster_care",  # with other foster carer, not long-term or FFA
    "P1": "placed_with_parents",
    "A3": "placed_for_adoption",
    "A4": "placed_for_adoption",
    "A5": "placed_for_adoption",
    "A6": "placed_for_adoption",
    "K2": "residential",  # children's home
    "R1": "residential",  # residential care home
    "H5": "supported_accommodation",  # semi-independent living
}

LEGAL_STATUSES = {
    # SSDA903 legal status codes (the SSD's lega_legal_status) -> legal_status
    "C1": "interim_care_order",
    "C2": "care_order",
    "V2": "section_20",
}

CASES = (
    CaseTable(
        "child_protection",
        "ssd_cp_plans",
        key="cppl_cp_plan_id",
        person="cppl_person_id",
        start="cppl_cp_plan_start_date",
        start_event="plan_start",
        end="cppl_cp_plan_end_date",
    ),
    CaseTable(
        "child_in_need",
        "ssd_cin_plans",
        key="cinp_cin_plan_id",
        person="cinp_person_id",
        start="cinp_cin_plan_start_date",
        start_event="plan_start",
        end="cinp_cin_plan_end_date",
        team="cinp_cin_plan_team",
        worker="cinp_cin_plan_worker_id",
    ),
    CaseTable(
        "child_in_care",
        "ssd_cla_episodes",
        key="clae_cla_id",  # the period of care; its episodes share it
        person="clae_person_id",
        start="clae_entered_care_date",
        start_event="became_looked_after",
        end="clae_cla_episode_ceased_date",
    ),
    CaseTable(
        "care_leaver",
        "ssd_care_leavers",
        key="clea_person_id",
        person="clea_person_id",
        start=None,
        start_event=None,
    ),
)

EVENTS = (
    EventSource(
        "child_protection",
        "ssd_cp_visits",
        key="cppv_cp_visit_id",
        date="cppv_cp_visit_date",
        kind="statutory_visit",
        case="cppv_cp_plan_id",
        person="cppv_person_id",
        seen="cppv_cp_visit_seen",
    ),
    EventSource(
        "child_protection",
        "ssd_cp_reviews",
        key="cppr_cp_review_id",
        date="cppr_cp_review_date",
        kind="review_conference",
        case="cppr_cp_plan_id",
        person="cppr_person_id",
    ),
    EventSource(
        "child_protection",
        "ssd_initial_cp_conference",
        key="icpc_icpc_id",
        date="icpc_icpc_date",
        kind="initial_child_protection_conference",
        case="icpc_cp_plan_id",
        person="icpc_person_id",
    ),
    EventSource(
        "child_in_need",
        "ssd_cin_visits",
        key="cinv_cin_visit_id",
        date="cinv_cin_visit_date",
        kind="statutory_visit",
        person="cinv_person_id",
        seen="cinv_cin_visit_seen",
    ),
    EventSource(
        "child_in_care",
        "ssd_cla_placement",
        key="clap_cla_placement_id",
        date="clap_cla_placement_start_date",
        kind="placement_start",
        case="clap_cla_id",
        person="clap_person_id",
    ),
    EventSource(
        "child_in_care",
        "ssd_cla_visits",
        key="clav_cla_visit_id",
        date="clav_cla_visit_date",
        kind="statutory_visit",
        case="clav_cla_id",
        person="clav_person_id",
        seen="clav_cla_visit_seen",
    ),
    EventSource(
        "child_in_care",
        "ssd_cla_reviews",
        key="clar_cla_review_id",
        date="clar_cla_review_date",
        kind="looked_after_review",
        case="clar_cla_id",
        cancelled="clar_cla_review_cancelled",
    ),
    EventSource(
        "child_in_care",
        "ssd_sdq_scores",
        key="csdq_table_id",
        date="csdq_sdq_completed_date",
        kind="sdq",
        person="csdq_person_id",
    ),
    EventSource(
        "child_in_care",
        "ssd_legal_status",
        key="lega_legal_status_id",
        date="lega_legal_status_start_date",
        kind="care_order_made",
        person="lega_person_id",
        only=("lega_legal_status", ("C2",)),
    ),
    EventSource(
        "care_leaver",
        "ssd_care_leavers",
        key="clea_table_id",
        date="clea_care_leaver_latest_contact",
        kind="statutory_visit",
        case="clea_person_id",
    ),
    EventSource(
        "care_leaver",
        "ssd_care_leavers",
        key="clea_table_id",
        date="clea_pathway_plan_review_date",
        kind="pathway_plan_review",
        case="clea_person_id",
    ),
    EventSource(
        "care_leaver",
        "ssd_cla_episodes",
        key="clae_cla_episode_id",
        date="clae_cla_episode_ceased_date",
        kind="leaving_care",
        person="clae_person_id",
        within_case=False,
        every_row=False,  # an episode not ceased, or of a child who is no care leaver
    ),
)

DERIVED = {
    "first_review": ("looked_after_review", "the earliest looked_after_review of the case"),
}
"""Events computed from others: name -> (the kind it is the first of, why)."""

QUALIFIERS = (
    QualifierSource(
        "child_in_care",
        "ssd_cla_placement",
        key="clap_cla_placement_id",
        date="clap_cla_placement_start_date",
        value="clap_cla_placement_type",
        qualifier="placement_type",
        codes=PLACEMENT_TYPES,
        case="clap_cla_id",
        person="clap_person_id",
    ),
    QualifierSource(
        "child_in_care",
        "ssd_legal_status",
        key="lega_legal_status_id",
        date="lega_legal_status_start_date",
        value="lega_legal_status",
        qualifier="legal_status",
        codes=LEGAL_STATUSES,
        person="lega_person_id",
    ),
)

TEAMS = (
    "ssd_involvements",
    "invo_involvements_id",
    "invo_person_id",
    "invo_professional_team",
    "invo_professional_id",
    "invo_involvement_start_date",
)
"""Team and worker of a case without its own: the person's latest involvement started by then."""


def groups(missing: frozenset[str] = frozenset()) -> frozenset[str]:
    """The groups of children the SSD gives cases for (less those whose table is missing)."""
    return frozenset(case.group for case in CASES if case.table not in missing)


def kinds(group: str, missing: frozenset[str] = frozenset()) -> frozenset[str]:
    """The events and activities the SSD dates for ``group`` (failed visits included).

    A kind whose only table is missing from the database is not dated: a rule timing it
    cannot be judged, rather than be reported overdue for ever.
    """
    present = [e for e in EVENTS if e.group == group and e.table not in missing]
    found = {e.kind for e in present}
    cases = [c for c in CASES if c.group == group and c.table not in missing]
    found |= {c.start_event for c in cases if c.start_event}
    if any(e.seen for e in present):
        found.add("failed_visit")
    found |= {name for name, (of, _) in DERIVED.items() if of in found}
    return frozenset(found)


def qualifiers(group: str, missing: frozenset[str] = frozenset()) -> frozenset[str]:
    """The qualifiers the SSD gives for ``group``'s cases."""
    return frozenset(q.qualifier for q in QUALIFIERS if q.group == group and q.table not in missing)


def describe() -> str:
    """The mapping as Markdown tables, for the README and the report."""
    lines = ["| group | case table | case key | clock event (column) | ends |"]
    lines.append("|---|---|---|---|---|")
    for c in CASES:
        start = f"{c.start_event} ({c.start})" if c.start else "none"
        lines.append(f"| {c.group} | {c.table} | {c.key} | {start} | {c.end or ''} |")
    lines += ["", "| group | table | date column | becomes | linked by |", "|---|---|---|---|---|"]
    for e in EVENTS:
        by_date = f"{e.person} and the date" if e.within_case else str(e.person)
        link = f"{e.case} (else {by_date})" if e.case and e.person else e.case or by_date
        note = f"; {e.seen}=N: failed_visit" if e.seen else ""
        note += f"; only {e.only[0]} in {', '.join(e.only[1])}" if e.only else ""
        note += f"; {e.cancelled}=Y left out" if e.cancelled else ""
        lines.append(f"| {e.group} | {e.table} | {e.date} | {e.kind}{note} | {link} |")
    lines += ["", "| group | table | qualifier | from column (codes) |", "|---|---|---|---|"]
    for q in QUALIFIERS:
        codes = ", ".join(f"{code} {value}" for code, value in q.codes.items())
        lines.append(f"| {q.group} | {q.table} | {q.qualifier} | {q.value} ({codes}) |")
    return "\n".join(lines)
