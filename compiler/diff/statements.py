"""Matching the statements of two versions, and what happened to each.

Statements are matched by id; a statement renamed in the new version says
which id it had (``replaces:``). A statement is *moved* when it changed
section, or when it is not among the longest run of matched statements that
kept their order (found with :mod:`difflib`). Each statement placed anew
says which statement it now follows, so that the changes, applied to the old
version, give exactly the new one (:func:`apply_statement_changes`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from compiler.diff.model import StatementChange, WithdrawalNote
from compiler.diff.word_diff import reword
from compiler.model import Statement, Version, Withdrawal


@dataclass(frozen=True)
class Placed:
    """A statement with the section it is in: what "the statements of a version" are here."""

    section: str
    id: str
    kind: str
    text: str


def placed_statements(version: Version, *, in_force: bool = True) -> tuple[Placed, ...]:
    """The statements of ``version`` in document order (only those in force, by default)."""
    return tuple(
        Placed(section.id, s.id, s.kind, s.text)
        for section in version.sections
        for s in section.statements
        if s.withdrawn is None or not in_force
    )


def diff_statements(old: Version, new: Version) -> tuple[StatementChange, ...]:
    """Every statement that was added, removed, withdrawn, reinstated, moved or changed.

    In the new version's order, with the statements that left it after the
    one they used to follow.
    """
    old_all = {s.id: (section.id, s) for section in old.sections for s in section.statements}
    renamed_from = _renames(new, old_all)
    old_to_new = {old_id: new_id for new_id, old_id in renamed_from.items()}
    old_force = placed_statements(old)
    new_force = placed_statements(new)
    kept = _kept_in_order(old_force, new_force, old_to_new)

    changes: list[StatementChange] = []
    previous = ""
    for section_id, statement in _all_statements(new):
        old_id = renamed_from.get(statement.id, statement.id)
        before = old_all.get(old_id)
        change = _change(before, section_id, statement, old_id, previous, kept)
        if change is not None:
            changes.append(change)
        if statement.withdrawn is None:
            previous = statement.id
    matched_old = {renamed_from.get(s.id, s.id) for s in new.all_statements()}
    gone = [
        _gone(section_id, statement)
        for section_id, statement in old_all.values()
        if statement.id not in matched_old and statement.withdrawn is None
    ]
    return tuple(_interleaved(changes, gone, [p.id for p in old_force], old_to_new))


def _renames(new: Version, old_all: dict[str, tuple[str, Statement]]) -> dict[str, str]:
    """``{new id: old id}`` for statements renamed with ``replaces:`` whose old id existed."""
    new_ids = {s.id for s in new.all_statements()}
    renamed: dict[str, str] = {}
    for s in new.all_statements():
        claimed = s.replaces in renamed.values()
        renaming = s.replaces in old_all and s.replaces not in new_ids and s.id not in old_all
        if s.replaces and renaming and not claimed:
            renamed[s.id] = s.replaces
    return renamed


def _kept_in_order(
    old: Sequence[Placed], new: Sequence[Placed], old_to_new: dict[str, str]
) -> set[str]:
    """New ids of the statements in force in both that kept their section and relative order."""
    both = {p.id for p in new}
    old_keys = [
        (p.section, old_to_new.get(p.id, p.id)) for p in old if old_to_new.get(p.id, p.id) in both
    ]
    new_keys = [(p.section, p.id) for p in new]
    matcher = difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    return {
        new_keys[block.b + i][1]
        for block in matcher.get_matching_blocks()
        for i in range(block.size)
    }


def _all_statements(version: Version) -> Iterator[tuple[str, Statement]]:
    for section in version.sections:
        for statement in section.statements:
            yield section.id, statement


def _note(withdrawal: Withdrawal | None) -> WithdrawalNote | None:
    return None if withdrawal is None else WithdrawalNote(withdrawal.reason, withdrawal.moved_to)


def _change(
    before: tuple[str, Statement] | None,
    section_id: str,
    statement: Statement,
    old_id: str,
    previous: str,
    kept: set[str],
) -> StatementChange | None:
    in_force_now = statement.withdrawn is None
    if before is None or before[1].withdrawn is not None:
        if not in_force_now:
            return None  # withdrawn on both sides, or arriving already withdrawn
        return StatementChange(
            statement.id,
            "added" if before is None else "reinstated",
            section_id,
            old_id=old_id if before is not None else "",
            old_section=before[0] if before is not None else "",
            after=previous,
            kind=statement.kind,
            old_kind=before[1].kind if before is not None else "",
            old_text=before[1].text if before is not None else "",
            new_text=statement.text,
            rewording=reword(before[1].text, statement.text)
            if before is not None and before[1].text != statement.text
            else None,
        )
    old_section, old_statement = before
    if not in_force_now:
        return StatementChange(
            statement.id,
            "withdrawn",
            section_id,
            old_id=old_id,
            old_section=old_section,
            kind=statement.kind,
            old_kind=old_statement.kind,
            old_text=old_statement.text,
            new_text=statement.text,
            withdrawal=_note(statement.withdrawn),
        )
    moved = statement.id not in kept
    reworded = old_statement.text != statement.text
    if not (moved or reworded or old_id != statement.id or old_statement.kind != statement.kind):
        return None
    return StatementChange(
        statement.id,
        "changed",
        section_id,
        old_id=old_id,
        old_section=old_section,
        moved=moved,
        after=previous if moved else None,
        kind=statement.kind,
        old_kind=old_statement.kind,
        old_text=old_statement.text,
        new_text=statement.text,
        rewording=reword(old_statement.text, statement.text) if reworded else None,
    )


def _gone(section_id: str, statement: Statement) -> StatementChange:
    return StatementChange(
        statement.id,
        "removed",
        section_id,
        old_id=statement.id,
        old_section=section_id,
        kind=statement.kind,
        old_kind=statement.kind,
        old_text=statement.text,
    )


def _interleaved(
    changes: list[StatementChange],
    gone: list[StatementChange],
    old_order: list[str],
    old_to_new: dict[str, str],
) -> Iterator[StatementChange]:
    """The new version's changes, each removed statement after the last one that preceded it."""
    position = {old_id: index for index, old_id in enumerate(old_order)}
    pending = sorted(gone, key=lambda c: position.get(c.id, -1))
    for change in changes:
        while pending and position.get(pending[0].id, -1) < position.get(change.old_id, -1):
            yield pending.pop(0)
        yield change
    yield from pending


def apply_statement_changes(
    old: Iterable[Placed], changes: Iterable[StatementChange]
) -> tuple[Placed, ...]:
    """The statements in force of the new version, rebuilt from the old ones and the changes.

    Statements that kept their place stay in their old order; each one
    placed anew goes directly after the statement it follows, in the new
    version's order, so every anchor is already in place. A reworded text is
    rebuilt from its word-level segments, which must start from the old text.

    >>> old = (Placed("s", "a", "standard", "one"), Placed("s", "b", "standard", "two"))
    >>> added = StatementChange("c", "added", "s", after="a", new_text="three")
    >>> [p.id for p in apply_statement_changes(old, [added])]
    ['a', 'c', 'b']
    """
    changes = list(changes)
    old_text = {p.id: p.text for p in old}
    leaving = {c.old_id or c.id for c in changes if c.change in ("removed", "withdrawn")}
    leaving |= {c.old_id or c.id for c in changes if c.moved}
    by_old_id = {c.old_id or c.id: c for c in changes if c.change == "changed"}
    result: list[Placed] = []
    for placed in old:
        if placed.id in leaving:
            continue
        change = by_old_id.get(placed.id)
        if change is None:
            result.append(placed)
        else:
            result.append(Placed(placed.section, change.id, change.kind, _text(change, old_text)))
    for change in changes:
        if change.change in ("added", "reinstated") or change.moved:
            at = 0 if not change.after else _index_of(result, change.after) + 1
            result.insert(
                at, Placed(change.section, change.id, change.kind, _text(change, old_text))
            )
    return tuple(result)


def _text(change: StatementChange, old_text: dict[str, str]) -> str:
    """The new text: an added statement's own, or the old text with the rewording applied."""
    if change.change != "changed":
        return change.new_text
    before = old_text[change.old_id or change.id]
    if change.rewording is None:
        return before
    if change.rewording.old != before:
        raise ValueError(f"the rewording of '{change.id}' does not start from its old text")
    return change.rewording.new


def _index_of(placed: list[Placed], statement_id: str) -> int:
    return next(i for i, p in enumerate(placed) if p.id == statement_id)
