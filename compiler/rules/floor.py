"""How a local rule stands against the law, case by case.

For each case a local rule applies to (a group of children, the qualifiers
any rule in play names, every combination of the facts they depend on), the
statutory rules that apply to the same case are found exactly as the
evaluator finds them (:mod:`compiler.rules.applying`: subject, conditions,
overrides among the statutory rules), and the local rule is compared with
each of them (:func:`compiler.timescale.compare.compare`, which also tries
the events that end phases). A local rule *misses* a statutory rule when,
for some case both apply to, some start date on which both are in force, and
some occurrence, the local rule gives the later date.

A miss is *explicit* when the local rule is about no more children than the
statutory rule (it sets its own, looser, timescale for those children), and
*silent* when the local rule is about a wider group and says nothing of the
children the statutory rule singles out (the law still applies, and a pack
applies it beside the local rule).

Local overrides hide a local rule only where the overriding rule applies:
"weekly where the team manager directs" leaves "every 8 weeks" in force for
every other case, and the floor still judges it there.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import product

from compiler.calendar import Calendar, load_calendar
from compiler.model import Authority, Rule, Subject, Version
from compiler.rules.applying import Entry, applicable, authority_entries, version_entries
from compiler.rules.narrowing import NONE, Narrowing
from compiler.rules.overrides import in_effect, rule_key
from compiler.rules.periodic import NO_CALENDAR, cycle_horizon
from compiler.rules.scope import covers, group_covers, group_includes, overlaps, same_scope
from compiler.timescale.compare import Comparison, Witness, compare
from compiler.timescale.model import Timescale, facts_of

Located = tuple[Version, Rule]


@dataclass(frozen=True)
class Miss:
    """A statutory rule a local rule can be later than, with the first case that shows it."""

    statutory_key: str
    statutory: Rule
    case: Subject
    facts: tuple[tuple[str, bool], ...]
    relation: str
    witness: Witness
    explicit: bool


@dataclass(frozen=True)
class Standing:
    """One local rule of one version, and every statutory rule it misses (one miss each)."""

    authority: Authority
    version: Version
    rule: Rule
    misses: tuple[Miss, ...]

    @property
    def key(self) -> str:
        return rule_key(self.version.document_id, self.rule)


def versions_to_hold(authority: Authority, today: date) -> list[Version]:
    """Every version that is or will be in force on or after ``today``, drafts included.

    A version is superseded, and no longer held to the floor, once a later
    non-draft version of its document has taken effect on or before ``today``.
    """
    held = []
    for document in authority.documents:
        for version in document.versions:
            if version.status == "withdrawn":
                continue
            end = _span_end(authority, version)
            if version.status == "draft" or end is None or end > today:
                held.append(version)
    return held


def _span_end(authority: Authority, version: Version) -> date | None:
    """The date a later non-draft version of the document takes effect (None: never)."""
    if version.status == "draft":
        return None
    document = authority.document(version.document_id)
    later = [
        v.effective_from
        for v in (document.versions if document else ())
        if v.status != "draft" and v.effective_from > version.effective_from
    ]
    return min(later) if later else None


def law_calendar(authority: Authority) -> Calendar | None:
    """The calendar statutory rules count working days with for ``authority``: its own less
    its office closures, as its packs count them (None when it has none: the same one)."""
    return load_calendar(authority.calendar) if authority.closures else None


def context(authority: Authority, version: Version, on: date) -> list[Version]:
    """The local versions in force on ``on``, with ``version`` standing for its document."""
    others = [v for v in authority.in_force(on) if v.document_id != version.document_id]
    return [*others, version]


def standings(
    authority: Authority,
    statutory: Authority,
    calendar: Calendar,
    today: date,
    horizon_days: int | None = None,
    law: Calendar | None = None,
) -> Iterator[Standing]:
    """Every local rule of every held version, with the statutory rules it misses.

    Start dates are tried from :func:`horizon_start` (the first 1 January both rules are in
    force), the first year of them first (:data:`PROBE_DAYS`), then 20 years (or
    ``horizon_days``: the oracle tests use a short horizon they can brute-force).
    """
    for version in versions_to_hold(authority, today):
        end = _span_end(authority, version)
        days = [version.effective_from] + [
            d
            for d in statutory.change_dates()
            if version.effective_from < d and (end is None or d < end)
        ]
        found: dict[str, dict[str, Miss]] = {}
        narrowing = Narrowing.of(authority)
        for day in days:
            local = version_entries(context(authority, version, day))
            floor = authority_entries(statutory, day)
            for rule in version.rules():
                for miss in misses(rule, local, floor, calendar, day, horizon_days, narrowing, law):
                    found.setdefault(rule.id, {}).setdefault(miss.statutory_key, miss)
        for rule in version.rules():
            yield Standing(authority, version, rule, tuple(found.get(rule.id, {}).values()))


def floors_for(
    rule: Rule,
    local: Sequence[Entry[Located]],
    floor: Sequence[Entry[Located]],
    narrowing: Narrowing = NONE,
) -> list[Located]:
    """The statutory rules that apply to some case ``rule`` applies to (after overrides)."""
    seen: dict[str, Located] = {}
    for subject, facts in _cases(rule, local, floor, narrowing):
        if not _local_applies(rule, local, subject, facts):
            continue
        for version, statutory in applicable(floor, subject, rule.activity, facts):
            seen.setdefault(rule_key(version.document_id, statutory), (version, statutory))
    return list(seen.values())


def misses(
    rule: Rule,
    local: Sequence[Entry[Located]],
    floor: Sequence[Entry[Located]],
    calendar: Calendar,
    since: date,
    horizon_days: int | None = None,
    narrowing: Narrowing = NONE,
    law: Calendar | None = None,
) -> Iterator[Miss]:
    """Each case where ``rule`` applies and a statutory rule that applies too can be earlier.

    ``narrowing`` holds the authority's own events and conditions as the national terms they
    narrow (:mod:`compiler.rules.narrowing`). ``rule`` counts working days with ``calendar``,
    the statutory rules with ``law`` if given (:func:`law_calendar`: without the office's
    closures, as a pack counts them).
    """
    local = [e for e in local if e.rule.activity == rule.activity]
    floor = [e for e in floor if e.rule.activity == rule.activity]
    reported: set[str] = set()
    never_later: set[tuple[str, tuple[tuple[str, bool], ...]]] = set()
    covering: dict[Subject, tuple[list[Entry[Located]], list[Entry[Located]]]] = {}
    timescale = narrowing.as_national(rule.timescale)
    for subject, facts in _cases(rule, local, floor, narrowing):
        if subject not in covering:  # who covers the children, whatever the facts
            covering[subject] = (
                [e for e in local if covers(e.rule.subject, subject)],
                [e for e in floor if covers(e.rule.subject, subject)],
            )
        local_here, floor_here = covering[subject]
        if not any(r is rule for _, r in _in_effect(local_here, facts)):
            continue
        for version, statutory in _in_effect(floor_here, facts):
            key = rule_key(version.document_id, statutory)
            if key in reported:
                continue
            wanted = facts_of(rule.timescale) | facts_of(statutory.timescale)
            timing = tuple(sorted((k, v) for k, v in facts.items() if k in wanted))
            if (key, timing) in never_later:
                continue  # another case with the same facts for the timescales showed nothing
            begins = horizon_start(max(since, version.effective_from))
            found = _later(
                timescale, statutory.timescale, calendar, timing, begins, horizon_days, law
            )
            if found is None:
                never_later.add((key, timing))
                continue
            relation, later = found
            reported.add(key)
            yield Miss(
                key,
                statutory,
                subject,
                tuple(sorted(facts.items())),
                relation,
                later,
                covers(statutory.subject, rule.subject),
            )


def horizon_start(in_force: date) -> date:
    """The first start date tried: the first 1 January on or after both rules are in force.

    Every witness then falls on a date both rules are in force, and rules in force from the
    same year share their comparisons (one per pair of timescales and calendar, not one per
    document), which keeps a national corpus's checks and packs quick.

    >>> horizon_start(date(2024, 1, 1)), horizon_start(date(2024, 10, 1))
    (datetime.date(2024, 1, 1), datetime.date(2025, 1, 1))
    """
    if (in_force.month, in_force.day) == (1, 1):
        return in_force
    return date(in_force.year + 1, 1, 1)


def _local_applies(
    rule: Rule, local: Sequence[Entry[Located]], subject: Subject, facts: Mapping[str, bool]
) -> bool:
    return any(r is rule for _, r in applicable(local, subject, rule.activity, facts))


def _in_effect(entries: Sequence[Entry[Located]], facts: Mapping[str, bool]) -> list[Located]:
    """:func:`compiler.rules.applying.applicable` for entries already known to cover the case."""
    return in_effect([(e.key, e.overrides, e.item) for e in entries if e.applies_under(facts)])


def _cases(
    rule: Rule,
    local: Sequence[Entry[Located]],
    floor: Sequence[Entry[Located]],
    narrowing: Narrowing = NONE,
) -> Iterator[tuple[Subject, dict[str, bool]]]:
    """The cases worth trying: children ``rule`` covers, split as finely as any rule in play."""
    statutory = [e.rule for e in floor if same_scope(rule, e.rule)]
    if not statutory:
        return
    others = [
        e.rule
        for e in (*local, *floor)
        if e.rule.activity == rule.activity and overlaps(e.rule.subject, rule.subject)
    ]
    involved = [rule, *statutory, *others]
    includes = group_includes()
    national = {rule.subject.group: rule.subject.narrows}  # an authority's own group
    groups = sorted(
        g
        for g in ({rule.subject.group} | set(includes.get(rule.subject.group, ())))
        if any(group_covers(s.subject.group, national.get(g) or g) for s in statutory)
        or any(group_covers(s.subject.group, g) for s in statutory)
    )
    own = dict(rule.subject.qualifiers)
    named: dict[str, set[str]] = {}
    for r in involved:
        for q, values in r.subject.qualifiers:
            named.setdefault(q, set()).update(values)
    names = sorted(named)
    # A value no rule names is covered exactly as a case that does not state the qualifier
    # (None): only the named values and None need trying.
    choices = [own[q] if q in own else (None, *sorted(named[q])) for q in names]
    for group in groups:
        for values in product(*choices):
            qualifiers = tuple(
                (q, (v,)) for q, v in zip(names, values, strict=True) if v is not None
            )
            subject = Subject(
                group, qualifiers, national.get(group), own_values=rule.subject.own_values
            )
            # Only the facts some rule covering these children depends on can change anything.
            here = [r for r in involved if covers(r.subject, subject)]
            facts = sorted(
                {f for r in here for f, _ in r.conditions}
                | {f for r in here for f in facts_of(r.timescale)}
            )
            for setting in product((False, True), repeat=len(facts)):
                case = dict(zip(facts, setting, strict=True))
                if narrowing.possible(case):  # a local condition holds only with the national
                    yield subject, case


PROBE_DAYS = 366
"""Start dates tried first: most local rules that can be later than the law are later in
the first year of start dates, and then the other nineteen need not be tried."""


def _later(
    a: Timescale,
    b: Timescale,
    calendar: Calendar,
    facts: tuple[tuple[str, bool], ...],
    since: date,
    horizon_days: int | None,
    law: Calendar | None = None,
) -> tuple[str, Witness] | None:
    """The relation and a witness where ``a`` is later than ``b`` (counted with ``law`` if
    given), or None if it never is."""
    if horizon_days is None and (cycle := cycle_horizon(a, b, since)) is not None:
        calendar, law, horizon_days = NO_CALENDAR, None, cycle  # the same answer, shared, quicker
    probe = PROBE_DAYS if horizon_days is None else min(PROBE_DAYS, horizon_days)
    for days in dict.fromkeys((probe, horizon_days)):
        if days is not probe and horizon_days is not None and horizon_days <= probe:
            break
        result = _compare(a, b, calendar, facts, since, days, law)
        later = next((w for w in result.witnesses if w.a_later), None)
        if later is not None:
            return result.relation, later
    return None


@lru_cache(maxsize=65536)
def _compare(
    a: Timescale,
    b: Timescale,
    calendar: Calendar,
    facts: tuple[tuple[str, bool], ...],
    since: date,
    horizon_days: int | None,
    law: Calendar | None = None,
) -> Comparison:
    return compare(
        a, b, calendar, dict(facts), horizon_start=since, horizon_days=horizon_days, calendar_b=law
    )
