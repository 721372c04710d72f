"""Laws of `standards import`: whatever the document says, the draft reads back and keeps its words.

Documents are made of real practice-standards words, timescale phrases (plain,
ambiguous, phased, unreadable), Markdown marks, bullets, tab-separated rows and
stray punctuation; the importer must never write a draft the schema or the
loader refuses, nor drop or change a word of the document's statements.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from compiler.authoring.importer.blocks import UnreadableDocument
from compiler.authoring.importer.importing import import_document
from compiler.load import load
from compiler.pipeline import compile_corpus

ROOT = Path(__file__).resolve().parents[2]

WORDS = st.sampled_from(
    re.findall(
        r"\S+",
        "I visit children in care child protection plan must should be seen and recorded the "
        "review meeting minutes supervision manager referral early help care leavers placement "
        "foster carers strategy discussion conference of from until then where approved aged "
        "over : ; , . – ( ) & < > \" ' # * • 1. a. ½ £",
    )
)
TIMESCALES = st.sampled_from(
    [
        "within 5 working days", "every 6 weeks", "monthly", "twice a month", "fortnightly",
        "within 48 working hours", "weekly for the first month, then fortnightly",
        "within 24 hours of the visit", "at least every 10 working days", "6 monthly",
        "at least once", "within one week of the start of the placement", "first year",
        "aged 16", "within 1 ½ hours", "4 weekly as a minimum", "each year", "48hrs",
    ]
)  # fmt: skip
PREFIXES = st.sampled_from(["", "# ", "## ", "- ", "• ", "1. ", "\t", "| ", "**"])


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 12))):
        words = draw(st.lists(st.one_of(WORDS, TIMESCALES), min_size=0, max_size=14))
        separator = draw(st.sampled_from([" ", "\t", " | "]))
        lines.append(draw(PREFIXES) + separator.join(words))
        if draw(st.booleans()):
            lines.append("")
    return "\n".join(lines) + "\n"


@settings(
    max_examples=max(10, settings.default.max_examples // 5)
)  # each writes and reads a corpus
@given(documents())
@example("# Visits\n\nI visit monthly and twice a month.\n")
@example("Care Order\t– every 6 weeks.\n\tand monthly\n")
@example("I\nI visit\n")  # a heading with nothing under it once lost its words
def test_every_draft_reads_back_and_keeps_the_words(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "standards"
        (corpus / "walsall").mkdir(parents=True)
        shutil.copy(ROOT / "standards/walsall/authority.yaml", corpus / "walsall")
        source = Path(folder) / "standards.md"
        source.write_text(text, encoding="utf-8")
        try:
            done = import_document(
                corpus, source, "walsall", "imported", effective=date(2025, 1, 1)
            )
        except UnreadableDocument as refused:  # only for a document with no words
            assert "no text was found" in str(refused)
            return
        compiled = compile_corpus(done.path, run_checks=False)
        assert not compiled.blocking, [f.render() for f in compiled.blocking]
        data = load(done.path).data
        written = " ".join(t["text"] for s in data["sections"] for t in s["statements"]) + " ".join(
            s["title"] for s in data["sections"]
        )
        for word in ("visit", "monthly", "every 6 weeks", "within 5 working days"):
            if word in text:  # a timescale in the document is in the draft, word for word
                assert word in written or word in data["title"]
        for section in data["sections"]:
            for statement in section["statements"]:
                for rule in statement.get("rules", []):
                    assert rule["words"] in statement["text"]
                    if rule["timescale"] != rule["words"] or "event" in rule:
                        assert rule.get("confirm")  # every guess is marked
