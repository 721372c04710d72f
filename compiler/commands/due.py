"""``standards due``: when something is next due for one case, and the rule behind it."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from compiler.commands.options import DATE, format_option, packs_option

if TYPE_CHECKING:
    from compiler.calendar import Calendar
    from compiler.evaluator.evaluate import Due, Pack


def _pairs(values: tuple[str, ...], option: str) -> list[tuple[str, str]]:
    pairs = []
    for value in values:
        name, sign, setting = value.partition("=")
        if not sign or not name or not setting:
            raise click.BadParameter(f"'{value}': write name=value", param_hint=option)
        pairs.append((name.strip(), setting.strip()))
    return pairs


def _facts(values: tuple[str, ...]) -> dict[str, bool]:
    facts = {}
    for name, setting in _pairs(values, "--fact"):
        if setting.lower() not in ("true", "false"):
            raise click.BadParameter(
                f"'{name}={setting}': write true or false", param_hint="--fact"
            )
        facts[name] = setting.lower() == "true"
    return facts


def _events(values: tuple[str, ...]) -> dict[str, date]:
    events = {}
    for name, setting in _pairs(values, "--event"):
        try:
            events[name] = date.fromisoformat(setting)
        except ValueError:
            raise click.BadParameter(
                f"'{name}={setting}': write the date as YYYY-MM-DD", param_hint="--event"
            ) from None
    return events


@click.command(name="due")
@click.option("--authority", required=True, help="The authority whose pack to use.")
@click.option(
    "--subject", "group", required=True, help="The group of children, e.g. child_in_care."
)
@click.option(
    "--qualifier",
    "qualifiers",
    multiple=True,
    metavar="NAME=VALUE",
    help="Narrows the subject, e.g. placement_type=foster_care (repeatable).",
)
@click.option("--activity", required=True, help="What is timed, e.g. statutory_visit.")
@click.option(
    "--from", "start", required=True, type=DATE, help="Date of the event that starts the clock."
)
@click.option(
    "--last", "done", multiple=True, type=DATE, help="A date the activity happened (repeatable)."
)
@click.option(
    "--fact",
    "facts",
    multiple=True,
    metavar="NAME=true|false",
    help="A case fact, e.g. manager_approved=true (repeatable).",
)
@click.option(
    "--event",
    "events",
    multiple=True,
    metavar="NAME=DATE",
    help="The date of an event that ends a phase, e.g. first_review=2026-02-01 (repeatable).",
)
@click.option(
    "--on",
    type=DATE,
    help="The date to judge on: the pack in force then is used. Default: today.",
)
@packs_option
@format_option
def due_command(
    authority: str,
    group: str,
    qualifiers: tuple[str, ...],
    activity: str,
    start: datetime,
    done: tuple[datetime, ...],
    facts: tuple[str, ...],
    events: tuple[str, ...],
    on: datetime | None,
    packs: Path,
    output: str,
) -> None:
    """When ACTIVITY is next due for one case, from the rule pack alone, and the rule behind it.

    Every rule of the pack that applies (the subject's group and qualifiers, the
    activity, the facts), local and statutory alike, is shown with its reading,
    its source and its next due date. The case is due on the earliest of those
    dates: the first line names the rule that binds and why, and whether the
    case is overdue on --on (in working days too, for a rule that counts them).
    A --last or --event dated after --on has not happened on that day: it is
    left out, with a note; a --last before --from is noted as not counted.
    --from is the date of the event the rule counts from; an activity stands
    for the event it implies (a statutory visit is the visit that "within 24
    hours of the visit" counts from; the list is in standards audit --help).
    Exit status 1 if no rule applies or the pack cannot answer; 2 if a packs
    file is not exactly what the build wrote (checked against
    packs/manifest.json before use).

    Example: standards due --authority gloucestershire --subject child_protection
    --activity statutory_visit --from 2025-12-01 --last 2025-12-19 --on 2026-01-09
    """
    from compiler.evaluator.assumptions import overdue_words
    from compiler.evaluator.evaluate import PackError, UnusablePackError, due, open_pack, subject_of
    from compiler.timescale.compare import spoken

    day = on.date() if on is not None else date.today()
    subject = subject_of(group, _pairs(qualifiers, "--qualifier"))
    happened, phase_ends = _as_of(day, start.date(), [d.date() for d in done], _events(events))
    try:
        pack = open_pack(packs, authority, day)
        results = due(pack, subject, activity, start.date(), happened, _facts(facts), phase_ends)
    except UnusablePackError as exc:  # changed, foreign or unsafe: nothing is computed
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except PackError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    if output == "json":
        click.echo(json.dumps(_json(authority, pack, day, results), indent=2))
    else:
        binding = next((r for r in results if r.binding), None)
        if binding is not None and binding.next_due is not None:
            late = binding.days_overdue(day)
            working = _working_days_late(binding, day, pack.calendar_for(binding.rule))
            state = overdue_words(late, working) if late else "not overdue"
            click.echo(f"next due {spoken(binding.next_due)}, {state} on {spoken(day)}")
            click.echo(f"  binding: {binding.why}")
        for result in results:
            click.echo(_text(result, day, pack.calendar_for(result.rule)))
    if not results:
        click.echo(
            f"no rule of the {authority} pack {pack.name} applies to {activity} for {group} "
            "with these qualifiers and facts",
            err=True,
        )
        sys.exit(1)


_LEFT_OUT = "left out, not judged as if it had happened"


def _as_of(
    on: date, start: date, done: list[date], events: dict[str, date]
) -> tuple[list[date], dict[str, date]]:
    """The dates that had happened by ``on``; each one left out or not counted is said why."""

    def note(text: str) -> None:
        click.echo(f"note: {text}", err=True)

    if start > on:
        note(f"--from {start} is after --on {on}: the clock has not started on that day")
    kept = []
    for day in sorted(done):
        if day > on:
            note(f"--last {day} is after --on {on}: {_LEFT_OUT}")
        else:
            if day < start:
                note(
                    f"--last {day} is before --from {start}: it happened before the clock "
                    "started, so it is not counted"
                )
            kept.append(day)
    ends = {}
    for name, day in events.items():
        if day > on:
            note(f"--event {name}={day} is after --on {on}: {_LEFT_OUT}")
        else:
            ends[name] = day
    return kept, ends


def _working_days_late(result: Due, on: date, calendar: Calendar) -> int | None:
    """Working days overdue where the rule counts working days; else None."""
    from compiler.evaluator.assumptions import counts_in_working_days, working_days_late

    if result.next_due is None or not counts_in_working_days(result.rule.timescale):
        return None
    return working_days_late(calendar, result.next_due, on)


def _text(result: Due, on: date, calendar: Calendar) -> str:
    from compiler.evaluator.assumptions import overdue_words
    from compiler.timescale.compare import spoken

    rule, where = result.rule, result.rule.provenance
    inherited = ", inherited from the statutory baseline" if rule.inherited else ""
    binds = ", binds" if result.binding else ""
    lines = [
        f"{rule.id} ({rule.strength}{inherited}{binds})",
        f"  {rule.reading}",
        f"  {where['document_title']}, version {where['version']}, "
        f'"{where["section_title"]}": "{where["words"]}"',
    ]
    if result.next_due is None:
        lines.append("  nothing more is due")
        return "\n".join(lines)
    lines.append(f"  clock started: {rule.event} on {spoken(result.start)}")
    lines.append(f"  next due: {spoken(result.next_due)} ({result.next_due.isoformat()})")
    late = result.days_overdue(on)
    if late:
        words = overdue_words(late, _working_days_late(result, on, calendar))
        lines.append(f"  on {spoken(on)}: {words}")
    else:
        lines.append(f"  on {spoken(on)}: not overdue")
    return "\n".join(lines)


def _json(authority: str, pack: Pack, on: date, results: list[Due]) -> dict[str, object]:
    return {
        "authority": authority,
        "pack": pack.name,
        "on": on.isoformat(),
        "results": [
            {
                "rule": r.rule.id,
                "inherited": r.rule.inherited,
                "strength": r.rule.strength,
                "reading": r.rule.reading,
                "provenance": dict(r.rule.provenance),
                "start": r.start.isoformat(),
                "next_due": r.next_due.isoformat() if r.next_due else None,
                "overdue": r.days_overdue(on) > 0,
                "days_overdue": r.days_overdue(on),
                "working_days_overdue": _working_days_late(r, on, pack.calendar_for(r.rule)),
                "binding": r.binding,
                "why": r.why,
                "floor": [{"kind": kind, "rule": rule} for kind, rule in r.rule.floor],
            }
            for r in results
        ],
    }
