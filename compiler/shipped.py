"""The statutory baselines this tool ships, and a corpus's copies of them.

Every authority's floor, and the floor every rule pack carries, is its jurisdiction's
statutory rules. The baselines bundled with the package (``standards/england``) are the
law as this tool encodes it. A corpus may hold a copy of one, as the bundled corpus does,
but only as shipped: a copy whose timescale was loosened, whose rule was dropped or whose
date was moved would quietly lower the floor of every authority in the corpus and of
every pack built from it. :func:`copy_differences` finds such a copy, as an error that
stops the build. Comments, wording and notes may differ; what a floor reads may not.

A statutory authority that is not one of the shipped baselines would be a floor held to
no law (a council marking itself ``statutory: true``), and is refused the same way.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from compiler.discover import AUTHORITY_FILE, AUTHORITY_ID
from compiler.errors import Finding, FindingsError, Location, error
from compiler.load import load
from compiler.model import Authority, Rule, Version
from compiler.util.resources import bundled

RESTORE = (
    "a corpus may hold a statutory baseline only as this tool ships it: put back the shipped "
    "copy ({shipped}), or delete the folder and the shipped one is used; a change in the law "
    "belongs in the tool's own baseline"
)


@functools.cache
def bundled_floor(jurisdiction: str) -> Path | None:
    """The bundled folder of the statutory authority a jurisdiction names, if there is one.

    The name is looked up only when it is an id as the schema has it (at most 80
    characters): an unchecked authority.yaml could name ``../..`` or a name longer than
    a file name may be. A bundled authority that is not statutory (the example councils
    ship beside the baseline) is no floor.
    """
    if len(jurisdiction) > 80 or not AUTHORITY_ID.match(jurisdiction):
        return None
    folder = bundled("standards") / jurisdiction
    try:
        data = load(folder / AUTHORITY_FILE).data
    except FindingsError:  # not there, or not readable
        return None
    if isinstance(data, dict) and data.get("statutory") is True and data.get("id") == jurisdiction:
        return folder
    return None


def shipped_ids() -> list[str]:
    """The ids of the statutory baselines this tool ships."""
    found = (p.parent.name for p in bundled("standards").glob(f"*/{AUTHORITY_FILE}"))
    return sorted(name for name in found if bundled_floor(name) is not None)


def unknown_statutory(authority_id: str, where: Location) -> Finding:
    """A statutory authority that no shipped baseline is: its rules would answer to no law."""
    return error(
        "statutory-not-shipped",
        f"'{authority_id}' says it is statutory, but this tool ships no statutory baseline "
        f"of that name (it ships: {', '.join(shipped_ids())}); a statutory authority is the "
        "floor of the others and is held to none itself",
        where,
        "a local authority is not statutory: remove 'statutory: true' and name its "
        "jurisdiction (jurisdiction: england)",
    )


def copy_differences(copy: Authority, shipped: Authority) -> Finding | None:
    """The first way a corpus's ``copy`` of a baseline differs from the ``shipped`` one in
    what a floor reads (dates, statuses, rules and their timescales), as an error; else None.
    """
    hint = RESTORE.format(shipped=shipped.path)
    said = f"this copy of the statutory baseline '{copy.id}' is not the one this tool ships"
    if (copy.calendar, copy.closures) != (shipped.calendar, shipped.closures):
        return error("baseline-changed", f"{said}: its calendar differs", copy.location, hint)
    ours = _versions(copy)
    theirs = _versions(shipped)
    for key, version in theirs.items():
        if key not in ours:
            return error("baseline-changed", f"{said}: it lacks {key}", copy.location, hint)
        found = _version_difference(ours[key], version)
        if found is not None:
            where, what = found
            return error("baseline-changed", f"{said}: {key} {what}", where, hint)
    for key, version in ours.items():
        if key not in theirs:
            return error("baseline-changed", f"{said}: it adds {key}", version.location, hint)
    return None


def _versions(authority: Authority) -> dict[str, Version]:
    return {v.key: v for d in authority.documents for v in d.versions}


def _version_difference(copy: Version, shipped: Version) -> tuple[Location, str] | None:
    if (copy.status, copy.effective_from) != (shipped.status, shipped.effective_from):
        return copy.location, "has another status or date it takes effect"
    ours = {r.id: r for r in copy.rules()}
    theirs = {r.id: r for r in shipped.rules()}
    for rule_id, rule in theirs.items():
        if rule_id not in ours:
            return copy.location, f"lacks the rule {rule_id}"
        if _read(ours[rule_id]) != _read(rule):
            return ours[rule_id].location, f"changes the rule {rule_id}"
    for rule_id, rule in ours.items():
        if rule_id not in theirs:
            return rule.location, f"adds the rule {rule_id}"
    return None


def _read(rule: Rule) -> tuple[Any, ...]:
    """What a floor, a pack and the evaluator read of a rule (not its words or notes)."""
    return (
        rule.subject,
        rule.activity,
        rule.timescale,
        rule.strength,
        rule.conditions,
        tuple(o.rule for o in rule.overrides),
    )
