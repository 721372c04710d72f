"""One answer to "is this local rule held to this statutory rule, and does it meet it?".

The floor check (compiler.rules.floor.standings), the site's "against the statutory minimum"
(compiler.emit.views.floor_comparisons) and the corpus-property search
(compiler.suite.corpus_properties.floor_pairs) each read a rule among the local rules around it;
here they are held to each other over the floor fixtures and the bundled corpus.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from compiler.calendar import load_calendar
from compiler.emit.views import floor_comparisons
from compiler.pipeline import compile_corpus
from compiler.rules.floor import standings
from compiler.rules.overrides import rule_key
from compiler.suite.corpus_properties import floor_pairs
from compiler.util.resources import bundled

FLOOR = Path(__file__).parent.parent / "fixtures" / "corpora" / "floor"
TODAY = date(2026, 1, 1)
CORPORA = [*sorted(p for p in FLOOR.iterdir() if p.is_dir()), bundled("standards")]


@pytest.mark.parametrize("root", CORPORA, ids=lambda p: p.name)
def test_the_check_the_site_and_the_search_agree_on_the_floor(root: Path) -> None:
    corpus = compile_corpus(root, today=TODAY).corpus
    looser_seen = accepted_seen = 0
    for authority in corpus.authorities:
        statutory = corpus.jurisdiction_of(authority)
        if statutory is None:
            continue
        calendar = load_calendar(authority.calendar, authority.closures)
        by_version = {
            (standing.version.key, standing.key, miss.statutory_key)
            for standing in standings(authority, statutory, calendar, TODAY)
            for miss in standing.misses
        }
        missed = {(key, floor) for _, key, floor in by_version}  # in some version
        accepted = {(a, b) for (a, _), (b, _) in floor_pairs(corpus, authority)}
        assert not accepted & missed, "the search would try pairs the check reports"
        for version in authority.in_force(TODAY):
            for rule in version.rules():
                key = rule_key(version.document_id, rule)
                site = floor_comparisons(corpus, authority, rule, TODAY)
                for floor in site:
                    if floor.relation in ("looser", "silent"):
                        assert (version.key, key, floor.key) in by_version, (key, floor.key)
                        assert (key, floor.key) not in accepted
                        looser_seen += 1
                    else:
                        assert (version.key, key, floor.key) not in by_version
                        # Rule ids are shared by a document's versions: the search leaves out
                        # a pair that some version misses, and tries every other.
                        assert (key, floor.key) in accepted or (key, floor.key) in missed
                        accepted_seen += 1
    if root == bundled("standards"):  # the bundled corpus has rules of both kinds
        assert looser_seen and accepted_seen
