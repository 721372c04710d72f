"""A diff in words, for the terminal and for Markdown: what changed, loosest first.

The reviewer's questions come in order: did any requirement get looser (rules,
loosest first, with dates that show it), what happened to the words
(statements, in the document's order, with the changed words marked), and
which details changed. Long unchanged runs of a statement are shortened to a
few words either side of each change; the JSON output keeps every word.

>>> from compiler.diff.model import Side, VersionDiff
>>> side = Side("visits@1.0", "visits", "1.0", "Visits")
>>> print(render_text([VersionDiff(side, side)]))
--- visits@1.0  Visits
+++ visits@1.0  Visits
no changes
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from compiler.diff.model import (
    AspectChange,
    Rewording,
    RuleChange,
    Segment,
    StatementChange,
    TimescaleChange,
    VersionDiff,
)
from compiler.diff.style import MarkdownStyle, PlainStyle, Style

CONTEXT_WORDS = 6
"""Unchanged words kept either side of a change when a statement is shortened."""
LONG_FIELDS = ("notes",)
"""Details too long to print: the output says only that they changed."""


def render_text(diffs: Sequence[VersionDiff], colour: bool = False) -> str:
    """The diffs for a terminal, coloured if ``colour``, else marked ``[-old-]{+new+}``."""
    style = PlainStyle(colour)
    return "\n\n".join("\n".join(_text_diff(d, style)) for d in diffs)


def render_markdown(diffs: Sequence[VersionDiff], site: bool = False) -> str:
    """The diffs as Markdown, for a pull-request comment (or the site, with ``site``)."""
    style = MarkdownStyle(site=site)
    return "\n\n".join("\n".join(_markdown_diff(d, style)).rstrip() for d in diffs) + "\n"


def _text_diff(diff: VersionDiff, style: PlainStyle) -> Iterator[str]:
    yield style.strong(f"--- {diff.old.label}  ") + style.author(diff.old.title)
    yield style.strong(f"+++ {diff.new.label}  ") + style.author(diff.new.title)
    yield summary(diff)
    yield from _body(diff, style, blank="")


def _markdown_diff(diff: VersionDiff, style: MarkdownStyle) -> Iterator[str]:
    if not style.site:
        yield f"## {style.code(diff.old.label)} → {style.code(diff.new.label)}"
        yield ""
        titles = f"From {style.author(diff.old.title)} to {style.author(diff.new.title)}"
        yield f"{titles}: {summary(diff)}."
        yield ""
    yield from _body(diff, style, blank="")


def summary(diff: VersionDiff) -> str:
    """How many things changed, in a line: ``1 rule looser; 1 statement removed, 2 reworded``.

    >>> from compiler.diff.model import Side, VersionDiff
    >>> side = Side("visits@1.0", "visits", "1.0", "Visits")
    >>> summary(VersionDiff(side, side))
    'no changes'
    """
    if not diff.changed:
        return "no changes"
    parts = []
    effects = [r.effect for r in diff.rules]
    rules = [f"{effects.count(e)} {e}" for e in ("looser", "incomparable", "stricter")]
    rules += [f"{effects.count('equivalent')} reworded"] if "equivalent" in effects else []
    counted = [r for r in rules if not r.startswith("0 ")]
    if counted:
        parts.append(f"{_plural(len(diff.rules), 'rule')}: {', '.join(counted)}")
    statements = [_statement_label(s) for s in diff.statements]
    if statements:
        kinds = sorted(set(statements), key=statements.index)
        counts = ", ".join(f"{statements.count(k)} {k}" for k in kinds)
        parts.append(f"{_plural(len(statements), 'statement')}: {counts}")
    if diff.sections:
        parts.append(_plural(len(diff.sections), "section") + " changed")
    if diff.metadata:
        parts.append(_plural(len(diff.metadata), "detail") + " changed")
    return "; ".join(parts)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _body(diff: VersionDiff, style: Style, blank: str) -> Iterator[str]:
    if diff.rules:
        yield blank
        yield from style.heading("Rules, looser changes first")
        for change in diff.rules_loosest_first():
            yield from _rule(change, style)
    if diff.statements or diff.sections:
        yield blank
        yield from style.heading("Statements, in the document's order")
        for section in diff.sections:
            titles = f"{style.author(section.old_title)} → {style.author(section.new_title)}"
            said = {"added": style.author(section.new_title), "removed": titles}
            yield style.item(
                f"section {section.change} {style.code(section.id)}: "
                f"{said.get(section.change, titles)}"
            )
        for statement in diff.statements:
            yield from _statement(statement, style)
    if diff.metadata:
        yield blank
        yield from style.heading("Details")
        for detail in diff.metadata:
            if detail.field in LONG_FIELDS:
                yield style.item(f"{detail.field}: changed (the files have the full text)")
            else:
                old = style.author(detail.old) if detail.old else "(none)"
                new = style.author(detail.new) if detail.new else "(none)"
                yield style.item(f"{detail.field}: {old} → {new}")


def _rule_title(change: RuleChange, style: Style) -> str:
    summary = change.new or change.old
    assert summary is not None
    about = f"{summary.subject}, {summary.activity}"
    return f"{style.code(change.id)} ({style.author(about)})"


def _rule(change: RuleChange, style: Style) -> Iterator[str]:
    title = _rule_title(change, style)
    effect = style.effect(change.effect)
    if change.change == "changed":
        what = "changed" if change.timescale or change.effect != "equivalent" else "reworded"
        yield style.item(f"{effect} {what} {title}")
        if change.timescale is not None:
            yield from _timescale(change.timescale, style, "timescale")
        for aspect in change.aspects:
            yield _aspect(aspect, style)
        return
    if change.change in ("added", "reinstated"):
        assert change.new is not None
        yield style.item(f"{effect} {change.change} {title}")
        yield style.quote(_reading(change.new.reading, change.new.strength, style))
        return
    assert change.old is not None
    if change.lost:
        yield style.item(f"{effect} removed without being withdrawn {title}")
        yield style.quote("standards check reports this: retire a rule by marking it withdrawn")
    else:
        yield style.item(f"{effect} withdrawn {title}")
        if change.withdrawal is not None:
            yield style.quote(
                _withdrawal(change.withdrawal.reason, change.withdrawal.moved_to, style)
            )
    yield style.quote("was: " + _reading(change.old.reading, change.old.strength, style))
    if change.successor is not None:
        yield from _timescale(change.successor, style, "the rule it moved to")


def _reading(reading: str, strength: str, style: Style) -> str:
    return f"{style.author(reading)} ({strength})"


def _withdrawal(reason: str, moved_to: str, style: Style) -> str:
    moved = f" (moved to {style.code(moved_to)})" if moved_to else ""
    return f"why: {style.author(reason)}{moved}"


def _timescale(change: TimescaleChange, style: Style, what: str) -> Iterator[str]:
    if change.old_reading == change.new_reading:
        yield style.quote(f"{what}: {style.author(change.new_reading)} ({change.relation})")
    else:
        yield style.quote(
            f"{what}: {style.author(change.old_reading)} → {style.author(change.new_reading)}"
        )
    for witness in change.witnesses:
        yield style.quote(style.author(witness.words), depth=2)


def _aspect(aspect: AspectChange, style: Style) -> str:
    if aspect.rewording is not None:
        return style.quote(f"{aspect.aspect}: {words_changed(aspect.rewording, style)}")
    return style.quote(f"{aspect.aspect}: {style.author(aspect.words)}")


def _statement_label(change: StatementChange) -> str:
    if change.change != "changed":
        return change.change
    labels = [
        label
        for label, applies in (
            ("renamed", change.renamed),
            ("moved", change.moved),
            ("reworded", change.rewording is not None),
            ("kind changed", change.kind != change.old_kind),
        )
        if applies
    ]
    return " and ".join(labels) or "changed"


def _statement(change: StatementChange, style: Style) -> Iterator[str]:
    label = _statement_label(change)
    where = f"in {style.code(change.section)}"
    if change.renamed:
        where += f", was {style.code(change.old_id)}"
    if change.moved and change.old_section != change.section:
        where += f", from {style.code(change.old_section)}"
    if change.after is not None and change.change != "removed":
        where += f", after {style.code(change.after)}" if change.after else ", now first"
    minor = change.rewording is not None and change.rewording.minor
    note = " (capitals and punctuation only)" if minor else ""
    yield style.item(f"{style.strong(label)} {style.code(change.id)} {where}{note}")
    if change.kind != change.old_kind and change.old_kind and change.change == "changed":
        yield style.quote(f"kind: {change.old_kind} → {change.kind}")
    if change.change in ("removed", "withdrawn"):
        yield style.quote(style.author(shortened(change.old_text)))
    if change.withdrawal is not None:
        yield style.quote(_withdrawal(change.withdrawal.reason, change.withdrawal.moved_to, style))
    elif change.rewording is not None:
        yield style.quote(words_changed(change.rewording, style))
    elif change.change in ("added", "reinstated") or (change.moved and not change.rewording):
        yield style.quote(style.author(shortened(change.new_text)))


def words_changed(rewording: Rewording, style: Style) -> str:
    """The text with deleted and inserted words marked, long unchanged runs shortened.

    >>> from compiler.diff.word_diff import reword
    >>> words_changed(reword("one two three", "one 2 three"), Style())
    'one [-two-]{+2+} three'
    """
    out = []
    segments = rewording.segments
    for index, segment in enumerate(segments):
        if segment.op == "equal":
            out.append(style.author(_context(segment, index == 0, index == len(segments) - 1)))
            continue
        old, new = segment.old.strip(), segment.new.strip()
        marks = [style.deleted(old)] if old else []
        marks += [style.inserted(new)] if new else []
        if not marks:
            out.append(" ")  # only spacing changed
            continue
        lead = " " if (segment.old or segment.new)[:1].isspace() else ""
        trail = " " if (segment.old or segment.new)[-1:].isspace() else ""
        out.append(lead + "".join(marks) + trail)
    return "".join(out).strip()


def _context(segment: Segment, first: bool, last: bool) -> str:
    """An unchanged run, cut to the words nearest the changes either side."""
    words = segment.old.split()
    keep = CONTEXT_WORDS
    lead = " " if segment.old[:1].isspace() else ""
    trail = " " if segment.old[-1:].isspace() else ""
    if first and len(words) > keep:
        return "… " + " ".join(words[-keep:]) + trail
    if last and len(words) > keep:
        return lead + " ".join(words[:keep]) + " …"
    if not first and not last and len(words) > 2 * keep + 1:
        return lead + " ".join(words[:keep]) + " … " + " ".join(words[-keep:]) + trail
    return segment.old


def shortened(text: str, words: int = 40) -> str:
    """A statement's text, cut after ``words`` words.

    >>> shortened("a b c d", words=2)
    'a b …'
    """
    split = text.split()
    return text if len(split) <= words else " ".join(split[:words]) + " …"
