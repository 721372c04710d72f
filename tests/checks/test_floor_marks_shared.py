"""Packs share floor marks between authorities whose rules say the same: never a wrong mark.

compiler.emit.rulesets keys each rule's marks by what they depend on, and leaves the calendar
and the year out where every timescale in play is calendar-day arithmetic
(compiler.rules.periodic). Here each authority's marks, shared, are held to the same marks
worked out afresh from compiler.rules.floor.misses on the authority's own calendar and dates.
"""

from __future__ import annotations

import pytest

from benchmarks.generate_corpus import generate_corpus
from compiler.calendar import load_calendar
from compiler.emit import rulesets
from compiler.emit.rulesets import pack_dates, rules_in_pack
from compiler.pipeline import compile_corpus
from compiler.rules.applying import authority_entries, version_entries
from compiler.rules.floor import misses


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory):
    """Eight copies of the bundled authorities, with shifted dates, closures, second versions."""
    return compile_corpus(generate_corpus(tmp_path_factory.mktemp("corpus") / "c", 8, seed=3))


def afresh(authority, floor, on) -> dict[str, tuple[tuple[str, str], ...]]:
    calendar = load_calendar(authority.calendar, authority.closures)
    local = version_entries(authority.in_force(on))
    statutory = authority_entries(floor, on)
    return {
        f"{authority.id}/{version.document_id}/{rule.id}": tuple(
            sorted(
                ("looser" if m.explicit else "silent", f"{floor.id}/{m.statutory_key}")
                for m in misses(rule, local, statutory, calendar, version.effective_from)
            )
        )
        for version in authority.in_force(on)
        for rule in version.rules()
    }


def test_shared_floor_marks_are_the_marks_worked_out_afresh(synthetic) -> None:
    corpus = synthetic.corpus
    rulesets._SHARED.clear()
    rulesets._IN_PLAY.clear()
    compared = marked = 0
    for authority in sorted(corpus.authorities, key=lambda a: a.id):
        floor = corpus.jurisdiction_of(authority)
        if floor is None:
            continue
        for day in pack_dates(authority, floor):
            packed = {
                p.id: p.floor for p in rules_in_pack(authority, floor, day) if not p.inherited
            }
            assert packed == afresh(authority, floor, day), (authority.id, day)
            compared += len(packed)
            marked += sum(1 for marks in packed.values() if marks)
    assert marked and compared > marked  # both kinds of rule were tried
    assert len(rulesets._SHARED) < compared  # and marks were shared, not worked out each time
