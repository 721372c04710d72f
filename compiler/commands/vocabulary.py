"""``standards vocabulary``: the terms a rule may use, where every user can find them."""

from __future__ import annotations

import click

from compiler.unknown_terms import KIND_NOUNS
from compiler.vocabulary import KINDS, Term, vocabulary


@click.command("vocabulary")
@click.argument("kind", required=False, type=click.Choice(KINDS))
def vocabulary_command(kind: str | None) -> None:
    """List the terms of a vocabulary: the words a rule, a timescale or a case table may use.

    Without KIND, how many terms each vocabulary has (groups, qualifiers, activities, events,
    conditions, calendars). Each term is shown with its id (what a
    rule or a case table writes), its title and its description; events and conditions also
    with the phrases a timescale may use for them.

    Example: standards vocabulary activities
    """
    known = vocabulary()
    if kind is None:
        for name in KINDS:
            click.echo(f"{name}: {len(_terms_of(name))} terms (standards vocabulary {name})")
        return
    if kind == "qualifiers":
        for qualifier in known.qualifiers.values():
            click.echo(f"{qualifier.id}: {qualifier.title}. {qualifier.description}")
            for term in qualifier.values.values():
                click.echo(f"  {_line(term)}")
        return
    if kind == "calendars":
        for calendar_id, calendar in known.calendars.items():
            click.echo(f"{calendar_id}: {calendar['title']}. {calendar['description']}")
        return
    click.echo(f"{len(_terms_of(kind))} {KIND_NOUNS[kind]} terms:")
    for term in _terms_of(kind).values():
        click.echo(_line(term))


def _terms_of(kind: str) -> dict[str, object]:
    known = vocabulary()
    if kind == "calendars":
        return dict(known.calendars)
    return dict(known.terms(kind))


def _line(term: Term) -> str:
    phrases = f" Phrases: {', '.join(term.phrases)}." if term.phrases else ""
    return f"{term.id}: {term.title}. {term.description}{phrases}"
