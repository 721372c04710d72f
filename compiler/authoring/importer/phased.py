"""Phased timescales whose parts the sentence splits with other words, read as one rule.

"I visit children weekly for the first month they come into care and reduce my
visits to fortnightly where it is approved by my manager" states one visiting
pattern in two phases, but the words between the phases ("they come into care
and reduce my visits to") are not timescale words, so the reader sees two
timescales. When a bounded phase ("for the first month") is followed in the same
sentence by an open-ended one for the same group and activity, the two are
joined into one rule whose words run from the first to the last, and whose
timescale is the phases written as the reader's grammar says them ("..., then
fortnightly where it is approved by my manager"). A condition the sentence puts
beside either phase ("where it is approved by my manager") and a cap after them
("never be further apart than 4 weekly") are carried over when the reader
accepts them. The joined reading is always marked for confirming.
"""

from __future__ import annotations

import re
from dataclasses import replace

from compiler.authoring.importer.proposed import ProposedRule
from compiler.timescale.model import Recurrence, TimescaleError
from compiler.timescale.parse import parse_timescale

_I = re.IGNORECASE
_CONDITION = re.compile(r"\b(?:where|if|when|unless)\b[^,.;]{0,80}", _I)
_CAP = re.compile(r"\b(?:never|no)\b[^,.;]{0,30}\bapart\b", _I)
_MOST_GAP_CHARACTERS = 160


def join_phases(sentence: str, rules: list[ProposedRule]) -> list[ProposedRule]:
    """``rules`` (read from ``sentence``, in order) with split phases joined into one rule."""
    joined: list[ProposedRule] = []
    index = 0
    while index < len(rules):
        found = _joined(sentence, rules, index)
        if found is None:
            joined.append(rules[index])
            index += 1
            continue
        rule, used = found
        joined.append(rule)
        index += used
    return joined


def _joined(
    sentence: str, rules: list[ProposedRule], index: int
) -> tuple[ProposedRule, int] | None:
    """The rule joining ``rules[index]`` with the next (and a cap), and how many it used."""
    if index + 1 >= len(rules):
        return None
    first, second = rules[index], rules[index + 1]
    if (first.group, first.activity) != (second.group, second.activity):
        return None
    if not (_bounded(first) and _open(second)):
        return None
    start = sentence.find(first.words)
    second_at = sentence.find(second.words, start + len(first.words))
    if start < 0 or second_at < 0 or second_at - start - len(first.words) > _MOST_GAP_CHARACTERS:
        return None
    end = second_at + len(second.words)
    gap, after = sentence[start + len(first.words) : second_at], sentence[end:]
    conditions: list[tuple[str, int]] = []  # the condition as the reader may say it, words' end
    if found := _CONDITION.search(gap):
        conditions = [(said, end) for words in _shortening(found.group(0)) for said in _said(words)]
    elif found := _CONDITION.search(after):
        conditions = [
            (said, end + found.start() + len(words))
            for words in _shortening(found.group(0))
            for said in _said(words)
        ]
    caps: list[tuple[str, int]] = []
    if index + 2 < len(rules) and (apart := _CAP.search(after)):
        third = rules[index + 2]
        third_at = sentence.find(third.words, end + apart.end())
        if 0 <= third_at - (end + apart.end()) < 10:
            caps = [(f", never further apart than {third.timescale}", third_at + len(third.words))]
    for condition, condition_end in [*conditions, ("", end)]:
        for cap, cap_end in [*caps, ("", end)]:
            text = f"{first.timescale}, then {second.timescale}"
            text += (f" {condition}" if condition else "") + cap
            try:
                parse_timescale(text, event=first.event)
            except TimescaleError:
                continue
            stop = max(condition_end, cap_end)
            confirm = (
                f"reading: the phases '{first.words}' and '{second.words}' were read as one "
                "timescale, the words between them left out"
            )
            if found and not condition:
                confirm += f"; the condition '{found.group(0).strip()}' could not be read: add it"
            rule = replace(
                first,
                words=sentence[start:stop].strip(" ,;:-–."),
                timescale=text,
                confirm="; ".join(filter(None, [first.confirm, confirm])),
            )
            return rule, 3 if cap else 2
    return None


def _said(condition: str) -> list[str]:
    """The condition, and the same without filler ("where it is approved": "where approved")."""
    plain = re.sub(r"\b(?:it|this|that)\s+(?:is|has\s+been)\s+", "", condition, flags=_I)
    return [condition, plain] if plain != condition else [condition]


def _shortening(condition: str) -> list[str]:
    """The condition's words, longest first, so the reader can say where it ends."""
    words = condition.split()
    return [" ".join(words[:n]) for n in range(len(words), 1, -1)]


def _reading(rule: ProposedRule) -> Recurrence | None:
    try:
        found = parse_timescale(rule.timescale, event=rule.event)
    except TimescaleError:
        return None
    return found if isinstance(found, Recurrence) else None


def _bounded(rule: ProposedRule) -> bool:
    """A recurrence whose last phase ends ("weekly for the first month")."""
    found = _reading(rule)
    return found is not None and found.phases[-1].lasts is not None


def _open(rule: ProposedRule) -> bool:
    """A single open-ended recurrence ("fortnightly")."""
    found = _reading(rule)
    return found is not None and len(found.phases) == 1 and found.phases[0].lasts is None
