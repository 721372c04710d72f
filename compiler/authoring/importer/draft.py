"""The draft version an import writes: sections, statements and proposed rules as YAML.

On a first import the ids come from the words. On a re-import against a
document that already has versions, a statement whose words are recognisably
the same as one of the latest version's keeps that statement's id, and its
rules keep theirs (same group and activity), so that ``standards diff`` shows
what the revision changed. What the revision dropped stays in the file marked
``withdrawn``, with a reason a person must confirm, because a rule id that
silently disappears is what ``check`` reports as lost.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from compiler.authoring.importer.propose import Proposal, propose
from compiler.authoring.importer.structure import DraftSection, Ids

SAME_STATEMENT = 0.75
"""How alike (difflib's ratio of the words) two statements must be to keep the old id."""

HEADER = "# yaml-language-server: $schema=../../../schema/document.schema.json\n"

UNREAD_REASON = "Not read as a timescale by standards import."
UNREAD_CONFIRM = (
    "the importer could not read these words as a timescale: if they are one, write the "
    "rule; if not, give the reason in place of this one"
)


@dataclass
class Previous:
    """The latest version's statements and rules, to keep their ids on a re-import."""

    sections: list[dict[str, Any]]
    used: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, data: Mapping[str, Any] | None) -> Previous:
        return cls([dict(s) for s in (data or {}).get("sections", [])])

    def statements(self) -> list[tuple[str, dict[str, Any]]]:
        return [(s["id"], dict(t)) for s in self.sections for t in s.get("statements", [])]

    def ids(self) -> set[str]:
        found = {s["id"] for s in self.sections}
        for _, statement in self.statements():
            found.add(statement["id"])
            found.update(rule["id"] for rule in statement.get("rules", []))
        return found


def draft_sections(
    sections: Sequence[DraftSection], title: str, previous: Previous
) -> tuple[list[dict[str, Any]], int]:
    """The ``sections`` of the draft as YAML-ready data, and how many statements kept an id."""
    old_statements = {s_id: st for _, st in previous.statements() for s_id in [st["id"]]}
    old_section_ids = {_norm(s["title"]): s["id"] for s in previous.sections}
    matched = _match(sections, previous)
    kept = len(matched)
    taken = previous.ids()
    section_ids, statement_ids, rule_ids = Ids(taken), Ids(taken), Ids(taken)
    out: list[dict[str, Any]] = []
    for section in sections:
        section_id = old_section_ids.get(_norm(section.title)) or section_ids.claim(section.id)
        statements = []
        for statement in section.statements:
            old = old_statements.get(matched.get(id(statement), ""))
            statement_id = old["id"] if old else statement_ids.claim(statement.id)
            lead_in = (statement.lead_in,) if statement.lead_in else ()
            context = (*lead_in, *statement.row_headings, section.title, title)
            label = statement.row_cells[0] if statement.row_cells else ""
            statements.append(
                _statement(statement_id, statement.text, statement.kind,
                           propose(statement.text, context, label), old, rule_ids)
            )  # fmt: skip
        out.append({"id": section_id, "title": section.title, "statements": statements})
    _withdraw_the_rest(out, previous, set(matched.values()))
    return [s for s in out if s["statements"]], kept


def _statement(
    statement_id: str,
    text: str,
    kind: str,
    proposal: Proposal,
    old: Mapping[str, Any] | None,
    rule_ids: Ids,
) -> dict[str, Any]:
    data: dict[str, Any] = {"id": statement_id, "text": text}
    if kind != "standard":
        data["kind"] = kind
    old_rules = {
        (r["subject"]["group"], r["activity"]): r
        for r in (old or {}).get("rules", [])
        if "withdrawn" not in r
    }
    rules = []
    for proposed in proposal.rules:
        keep = old_rules.pop((proposed.group, proposed.activity), None)
        rule_id = (
            keep["id"]
            if keep
            else _new_rule_id(rule_ids, statement_id, proposed.group, proposed.activity)
        )
        rule: dict[str, Any] = {
            "id": rule_id,
            "subject": {"group": proposed.group},
            "activity": proposed.activity,
        }
        if proposed.event:
            rule["event"] = proposed.event
        rule.update(timescale=proposed.timescale, strength=proposed.strength, words=proposed.words)
        if proposed.confirm:
            rule["confirm"] = proposed.confirm
        rules.append(rule)
    for dropped in old_rules.values():  # the revision no longer says it: kept, withdrawn
        rules.append({**dropped, "withdrawn": _dropped("rule")})
    if rules:
        data["rules"] = rules
    if proposal.unread:
        data["not_rules"] = [
            {"words": unread.words, "reason": UNREAD_REASON, "confirm": UNREAD_CONFIRM}
            for unread in proposal.unread
        ]
    return data


def _dropped(noun: str) -> dict[str, str]:
    """The withdrawal of what a revision no longer says, marked for a person to confirm."""
    return {
        "reason": f"The re-imported document no longer has this {noun}.",
        "confirm": f"the revised document no longer has this {noun}: confirm it was dropped on "
        "purpose (and say why in the reason), or restore it",
    }


def _new_rule_id(rule_ids: Ids, statement_id: str, group: str, activity: str) -> str:
    """``child-in-need-statutory-visit``: who and what, as practitioners name rules.

    A second rule of the same group and activity is named after its statement
    (``care-leavers-keeping-touch-visit-statutory-visit``), not numbered.
    """
    wanted = f"{group}-{activity}".replace("_", "-")
    if wanted in rule_ids.taken:
        wanted = f"{statement_id}-{activity.replace('_', '-')}"[:72].strip("-")  # room for -NN
    return rule_ids.claim(wanted)


def _match(sections: Sequence[DraftSection], previous: Previous) -> dict[int, str]:
    """New statements (by ``id()``) to the old statement ids they recognisably are."""
    old = [(st["id"], _norm(st["text"])) for _, st in previous.statements()]
    free = {old_id for old_id, _ in old}
    matched: dict[int, str] = {}
    new = [st for section in sections for st in section.statements]
    exact = {}
    for old_id, text in old:
        exact.setdefault(text, old_id)
    for statement in new:  # the same words first, then the most alike
        old_id = exact.get(_norm(statement.text))
        if old_id in free:
            matched[id(statement)] = old_id
            free.discard(old_id)
    for statement in new:
        if id(statement) in matched:
            continue
        words = _norm(statement.text)
        best, best_id = SAME_STATEMENT, None
        for old_id, text in old:
            if old_id not in free:
                continue
            alike = difflib.SequenceMatcher(None, words, text, autojunk=False)
            if alike.real_quick_ratio() >= best and alike.quick_ratio() >= best:
                ratio = alike.ratio()
                if ratio >= best:
                    best, best_id = ratio, old_id
        if best_id is not None:
            matched[id(statement)] = best_id
            free.discard(best_id)
    return matched


def _withdraw_the_rest(out: list[dict[str, Any]], previous: Previous, matched: set[str]) -> None:
    """Old statements the new document does not have, kept in the draft marked withdrawn."""
    if not previous.sections:
        return
    by_id = {s["id"]: s for s in out}
    for section in previous.sections:
        for statement in section.get("statements", []):
            if statement["id"] in matched or "withdrawn" in statement:
                continue
            target = by_id.get(section["id"])
            if target is None:
                target = {"id": section["id"], "title": section["title"], "statements": []}
                out.append(target)
                by_id[section["id"]] = target
            target["statements"].append({**statement, "withdrawn": _dropped("statement")})


def _norm(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def as_yaml(document: Mapping[str, Any]) -> str:
    """The draft as YAML text, with the schema line editors read."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: 10x faster, same text
    body = yaml.dump(
        dict(document),
        Dumper=dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return HEADER + body
