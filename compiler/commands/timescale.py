"""``standards timescale`` and ``standards compare``: read and compare timescale phrases."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

import click

from compiler.commands.options import DATE, format_option

if TYPE_CHECKING:
    from compiler.timescale.model import Timescale

_Read = TypeVar("_Read")

RELATION_WORDS = {
    "equivalent": "equivalent to",
    "stricter": "stricter than",
    "looser": "looser than",
    "incomparable": "incomparable with",
}
"""How a comparison reads in English: 'A is looser than B'."""

CALENDARS = ("england-and-wales", "scotland", "northern-ireland")


def _facts(values: tuple[str, ...], *timescales: Timescale) -> dict[str, bool]:
    """The --fact values, each naming a condition of the vocabulary or of the timescales.

    A misspelt fact would otherwise be quietly unknown, and the dates shown those of a case
    where it does not hold: a usage error (exit 2) says so, with the nearest names.
    """
    from compiler.timescale.model import facts_of
    from compiler.unknown_terms import unknown_term_hint
    from compiler.vocabulary import vocabulary

    known = set(vocabulary().conditions).union(*(facts_of(t) for t in timescales))
    facts = {}
    for value in values:
        name, _, setting = value.partition("=")
        if setting.lower() not in ("true", "false"):
            raise click.BadParameter(
                f"'{value}': write name=true or name=false", param_hint="--fact"
            )
        if name not in known:
            hint = unknown_term_hint(name, known, "conditions")
            raise click.BadParameter(f"unknown condition '{name}': {hint}", param_hint="--fact")
        facts[name] = setting.lower() == "true"
    return facts


def _read(read: Callable[..., _Read], phrase: str, event: str | None) -> _Read:
    """``read(phrase, event=event)``, or say why it cannot and exit 1.

    Without --event, a phrase that names no event counts from "the event". A refusal shows
    the readings the words allow or, where they allow none, the nearest forms that read.
    """
    from compiler.errors import clip
    from compiler.timescale.forms import nearest_forms
    from compiler.timescale.model import TimescaleError

    try:
        try:
            return read(phrase, event=event)
        except TimescaleError as exc:
            if event is not None or "which event starts the clock" not in exc.message:
                raise
            return read(phrase, event="event")
    except TimescaleError as exc:
        click.echo(clip(f"error: cannot read '{phrase}': {exc.message}"), err=True)
        for reading in exc.readings:
            click.echo(clip(f"    reading: {reading}"), err=True)
        if not exc.readings:
            for form in nearest_forms(phrase):
                click.echo(f"    a form it reads: {form}", err=True)
        sys.exit(1)


fact_option = click.option(
    "--fact",
    "facts",
    multiple=True,
    metavar="NAME=true|false",
    help="A case fact, such as manager_approved=true (repeatable).",
)
calendar_option = click.option(
    "--calendar",
    "calendar_id",
    type=click.Choice(CALENDARS),
    default="england-and-wales",
    show_default=True,
    help="Bank holidays to count working days with.",
)


@click.command()
@click.argument("phrase")
@click.option("--from", "start", type=DATE, help="Start date, YYYY-MM-DD.")
@click.option("--event", help="The start event when the phrase does not name one.")
@click.option(
    "--count",
    default=6,
    show_default=True,
    type=click.IntRange(1, 100),
    help="How many occurrences to show (1 to 100).",
)
@calendar_option
@fact_option
@format_option
def timescale(
    phrase: str,
    start: object,
    event: str | None,
    count: int,
    calendar_id: str,
    facts: tuple[str, ...],
    output: str,
) -> None:
    """Read a timescale phrase: its plain-English reading, canonical form, and due dates.

    Given --from, prints the deadline or the first --count latest permitted dates.
    Hedges ("more frequently if required") and the reading taken where words allow more
    than one ("at least once a month": no more than a calendar month apart) are shown as
    notes, and exceptions ("or as directed by the conference chair") as the conditions a
    rule must carry. An ambiguous
    or unreadable phrase exits 1, says why, and shows the nearest forms it reads.

    Example: standards timescale "within 5 working days of the visit" --from 2025-12-19
    """
    from compiler.calendar import load_calendar
    from compiler.timescale.compare import spoken
    from compiler.timescale.due import schedule
    from compiler.timescale.format import format_timescale
    from compiler.timescale.parse import read_timescale

    words = _read(read_timescale, phrase, event)
    parsed = words.timescale
    due: list[date] = []
    if start is not None:
        calendar = load_calendar(calendar_id)
        try:
            due = list(
                schedule(parsed, start.date(), calendar, _facts(facts, parsed), occurrences=count)
            )
        except (OverflowError, ValueError):  # dates past the year 9999
            click.echo(
                f"error: {count} occurrences of '{phrase}' run past the year 9999, the last "
                "date the calendar holds: ask for fewer with --count",
                err=True,
            )
            sys.exit(2)
    if output == "json":
        click.echo(
            json.dumps(
                {
                    "phrase": phrase,
                    "reading": format_timescale(parsed),
                    "canonical": parsed.to_json(),
                    "conditions": dict(words.conditions),
                    "notes": list(words.notes),
                    "due": [d.isoformat() for d in due],
                },
                indent=2,
            )
        )
        return
    click.echo(f"reading:   {format_timescale(parsed)}")
    click.echo(f"canonical: {json.dumps(parsed.to_json())}")
    for fact, holds in words.conditions:
        click.echo(f"condition: {fact}={str(holds).lower()} (the rule must carry it)")
    for note in words.notes:
        click.echo(f"note:      {note}")
    for index, day in enumerate(due, 1):
        click.echo(f"due {index}:     {spoken(day)} ({day.isoformat()})")


@click.command()
@click.argument("first")
@click.argument("second")
@click.option(
    "--horizon",
    default=20,
    show_default=True,
    type=click.IntRange(1, 100),
    help="Years of start dates to compare (1 to 100).",
)
@click.option("--event", help="The start event when the phrases do not name one.")
@calendar_option
@fact_option
@format_option
def compare(
    first: str,
    second: str,
    horizon: int,
    event: str | None,
    calendar_id: str,
    facts: tuple[str, ...],
    output: str,
) -> None:
    """Compare two timescales exactly: is the FIRST equivalent, stricter, looser or incomparable?

    Every start date in the horizon (from 1 January 2020) is tried, and an event
    that ends a phase ("until the first review") never, and 28, 0, 1 and 182
    days after the start; witnesses show where the two differ, with the dates
    each gives and which is later.

    Example: standards compare "every 10 working days" "fortnightly"
    """
    from compiler.calendar import CalendarError, load_calendar
    from compiler.timescale.compare import compare as compare_timescales
    from compiler.timescale.format import format_timescale
    from compiler.timescale.model import TimescaleError
    from compiler.timescale.parse import parse_timescale

    a, b = _read(parse_timescale, first, event), _read(parse_timescale, second, event)
    try:
        calendar = load_calendar(calendar_id)
        result = compare_timescales(a, b, calendar, _facts(facts, a, b), horizon_years=horizon)
    except (CalendarError, TimescaleError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    label_a, label_b = format_timescale(a), format_timescale(b)
    witnesses = [
        f"{w.describe(label_a, label_b)}: the {'first' if w.a_later else 'second'} is later"
        for w in result.witnesses
    ]
    if output == "json":
        click.echo(
            json.dumps(
                {
                    "first": label_a,
                    "second": label_b,
                    "relation": result.relation,
                    "witnesses": [
                        {
                            "start": w.start.isoformat(),
                            "occurrence": w.k,
                            "first": w.a_date.isoformat() if w.a_date else None,
                            "second": w.b_date.isoformat() if w.b_date else None,
                            "later": "first" if w.a_later else "second",
                            "events": {name: day.isoformat() for name, day in w.events},
                            "words": text,
                        }
                        for w, text in zip(result.witnesses, witnesses, strict=True)
                    ],
                },
                indent=2,
            )
        )
        return
    mixed = " (earlier on some dates, later on others)" if result.relation == "incomparable" else ""
    click.echo(f"'{label_a}' is {RELATION_WORDS[result.relation]} '{label_b}'{mixed}")
    for text in witnesses:
        click.echo(f"  {text}")
