"""Laws of the diff: itself is empty, the changes rebuild the new version, swapping swaps.

Versions are generated from small pools of ids, words and timescales, so that
statements are often shared, moved between sections, reordered, reworded,
renamed (``replaces:``) and withdrawn, and rules often change timescale.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from compiler.calendar import load_calendar
from compiler.diff import diff_versions
from compiler.diff.statements import apply_statement_changes, placed_statements
from compiler.errors import Location
from compiler.model import (
    Rule,
    Section,
    SourceReference,
    Statement,
    Subject,
    Version,
    Withdrawal,
)
from compiler.timescale.parse import parse_timescale

CALENDAR = load_calendar("england-and-wales")
HERE = Location(Path("generated.yaml"), 1, 1)
STATEMENT_IDS = [f"s{i}" for i in range(7)]
SECTION_IDS = ["visits", "recording"]
WORDS = ["the", "child", "is", "seen", "Seen", "alone,", "weekly.", "by", "my", "Manager"]
TIMESCALES = [
    parse_timescale(phrase)
    for phrase in (
        "every 10 working days from the start of the plan",
        "fortnightly from the start of the plan",
        "every 15 working days from the start of the plan",
        "every 2 weeks from the start of the plan",
    )
]
RULE_IDS = ["r0", "r1", "r2"]


@st.composite
def versions(draw: st.DrawFn, *, withdrawals: bool = True, renames: bool = True) -> Version:
    ids = draw(st.lists(st.sampled_from(STATEMENT_IDS), unique=True, max_size=6))
    rule_owner = {r: draw(st.sampled_from(ids)) for r in RULE_IDS if ids and draw(st.booleans())}
    statements = []
    for statement_id in ids:
        rules = tuple(
            Rule(
                rule_id,
                Subject("child_protection"),
                "statutory_visit",
                draw(st.sampled_from(TIMESCALES)),
                draw(st.sampled_from(["must", "should"])),
                "words",
                HERE,
            )
            for rule_id, owner in rule_owner.items()
            if owner == statement_id
        )
        withdrawn = Withdrawal("gone") if withdrawals and draw(st.integers(0, 5)) == 0 else None
        replaces = draw(st.sampled_from(STATEMENT_IDS)) if renames and draw(st.booleans()) else ""
        text = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6)))
        statements.append(
            (
                draw(st.sampled_from(SECTION_IDS)),
                Statement(
                    statement_id, text, HERE, rules=rules, withdrawn=withdrawn, replaces=replaces
                ),
            )
        )
    sections = tuple(
        Section(
            section_id,
            section_id.title(),
            HERE,
            tuple(s for sid, s in statements if sid == section_id),
        )
        for section_id in SECTION_IDS
    )
    return Version(
        "visits",
        draw(st.sampled_from(["1.0", "2.0"])),
        "Visits",
        "published",
        date(2024, 1, 1),
        SourceReference("Visits", "2024"),
        Path("generated.yaml"),
        HERE,
        sections,
    )


@given(versions())
def test_a_version_against_itself_is_empty(version: Version) -> None:
    assert not diff_versions(version, version, CALENDAR).changed


def _version(*sections: tuple[str, tuple[Statement, ...]]) -> Version:
    return Version(
        "visits", "1.0", "Visits", "published", date(2024, 1, 1), SourceReference("V", "2024"),
        Path("a.yaml"), HERE, tuple(Section(sid, sid, HERE, found) for sid, found in sections),
    )  # fmt: skip


@given(versions(), versions())
@example(  # a statement moved to another section, before one that stayed
    _version(("visits", (Statement("s0", "a", HERE), Statement("s1", "b", HERE)))),
    _version(
        ("visits", (Statement("s1", "b", HERE),)), ("recording", (Statement("s0", "a", HERE),))
    ),
)
@example(  # replaces: names an old id, but the statement's own id was already there: no rename
    _version(
        ("visits", (Statement("s0", "a", HERE),)), ("recording", (Statement("s5", "a", HERE),))
    ),
    _version(("recording", (Statement("s5", "a", HERE, replaces="s0"),))),
)
def test_applying_the_statement_changes_to_old_gives_new(old: Version, new: Version) -> None:
    changes = diff_versions(old, new, CALENDAR).statements
    assert apply_statement_changes(placed_statements(old), changes) == placed_statements(new)


SWAPPED = {"added": "removed", "removed": "added", "changed": "changed"}
OPPOSITE = {"stricter": "looser", "looser": "stricter"}


@given(versions(withdrawals=False, renames=False), versions(withdrawals=False, renames=False))
def test_swapping_old_and_new_swaps_added_with_removed_and_stricter_with_looser(
    old: Version, new: Version
) -> None:
    forward = diff_versions(old, new, CALENDAR)
    backward = diff_versions(new, old, CALENDAR)
    # which of two statements that swapped places "moved" is a choice, so moves are left out
    assert sorted(
        (s.id, SWAPPED[s.change]) for s in forward.statements if s.rewording or not s.moved
    ) == sorted((s.id, s.change) for s in backward.statements if s.rewording or not s.moved)
    assert sorted(
        (r.id, SWAPPED[r.change], OPPOSITE.get(r.effect, r.effect)) for r in forward.rules
    ) == sorted((r.id, r.change, r.effect) for r in backward.rules)
