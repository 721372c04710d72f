"""How well `standards import` reads the five bundled sources, measured against the hand encoding.

Each source is imported from its text (tests/fixtures/sources), and from a Word
file and a web page rendered from the hand-encoded version
(benchmarks/render_documents.py), into a scratch corpus. Per document and
format it prints: statements of the hand encoding found word for word (and
nearly: 90% alike), rules proposed exactly (same group, activity and canonical
timescale as a hand-encoded rule), rules missed, rules proposed that match no
hand rule, proposals that differ from their words with no confirm mark (target
0), and the import time (target < 2 s per source). Exit status 1 on a MISS.

    python benchmarks/bench_import.py [--formats text,docx,html]
"""

from __future__ import annotations

import argparse
import difflib
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.render_documents import render_docx, render_html  # noqa: E402
from compiler.authoring.importer.importing import import_document  # noqa: E402
from compiler.load import load  # noqa: E402
from compiler.model import Rule, Version  # noqa: E402
from compiler.pipeline import compile_corpus  # noqa: E402

SOURCES = ROOT / "tests" / "fixtures" / "sources"
CORPUS = ROOT / "standards"
EXACT_TARGET = 0.80
SECONDS_TARGET = 2.0


@dataclass(frozen=True)
class Measure:
    """One import measured against its hand encoding."""

    statements: int
    same_words: int
    nearly: int
    rules: int
    exact: int
    missed: int
    wrong: int
    unmarked: int
    seconds: float


def hand_encoded() -> dict[str, Version]:
    """The published version encoding each source file, by the file's name."""
    corpus = compile_corpus(CORPUS, run_checks=False).corpus
    found = {}
    for authority in corpus.authorities:
        for document in authority.documents:
            for version in document.versions:
                if version.source.file:
                    found[version.source.file] = version
    return found


def _key(rule: Rule) -> tuple[object, ...]:
    return (rule.subject.group, rule.activity, rule.timescale)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def measure(hand: Version, imported: Version, raw: dict, seconds: float) -> Measure:
    """Compare an imported draft (and its YAML data ``raw``) with the hand encoding."""
    hand_texts = [_norm(s.text) for s in hand.statements() if s.withdrawn is None]
    mine = [_norm(s.text) for s in imported.statements()]
    mine_set = set(mine)
    same = sum(1 for t in hand_texts if t in mine_set)
    nearly = 0
    for text in hand_texts:
        if text in mine_set:
            nearly += 1
            continue
        for other in mine:
            matcher = difflib.SequenceMatcher(None, text, other, autojunk=False)
            if matcher.real_quick_ratio() >= 0.9 and matcher.ratio() >= 0.9:
                nearly += 1
                break
    wanted = Counter(_key(r) for r in hand.rules())
    proposed = Counter(_key(r) for r in imported.rules())
    exact = sum((wanted & proposed).values())
    unmarked = 0
    for section in raw["sections"]:
        for statement in section["statements"]:
            for rule in statement.get("rules", []):
                guessed = rule.get("event") or rule["timescale"] != rule["words"]
                unmarked += bool(guessed and not rule.get("confirm"))
    return Measure(
        statements=len(hand_texts),
        same_words=same,
        nearly=nearly,
        rules=sum(wanted.values()),
        exact=exact,
        missed=sum(wanted.values()) - exact,
        wrong=sum(proposed.values()) - exact,
        unmarked=unmarked,
        seconds=seconds,
    )


def import_one(
    hand: Version, file: Path, scratch: Path, repeat: int = 1
) -> tuple[Version, dict, float]:
    """Import ``file`` into scratch copies of ``hand``'s authority; the draft and the best time."""
    authority = hand.path.parent.parent
    times = []
    for attempt in range(repeat):  # the best of a few: the machine is shared
        corpus = scratch / f"{file.stem}-{attempt}"
        (corpus / authority.name).mkdir(parents=True)
        shutil.copy(authority / "authority.yaml", corpus / authority.name / "authority.yaml")
        began = time.perf_counter()
        imported = import_document(
            corpus, file, authority.name, "imported", effective=hand.effective_from
        )
        times.append(time.perf_counter() - began)
    seconds = min(times)
    draft = compile_corpus(imported.path, run_checks=False).corpus
    version = draft.authorities[0].documents[0].latest
    return version, load(imported.path).data, seconds


def renderings(hand: Version, text: Path, scratch: Path, formats: list[str]) -> dict[str, Path]:
    """The source as each format to import."""
    data = load(hand.path).data
    files = {}
    if "text" in formats:
        files["text"] = text
    if "docx" in formats:
        files["docx"] = render_docx(data, scratch / f"{text.stem}.docx")
    if "html" in formats:
        html = scratch / f"{text.stem}.html"
        html.write_bytes(render_html(data))
        files["html"] = html
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", default="text,docx,html")
    formats = parser.parse_args().formats.split(",")
    hand = hand_encoded()
    totals: dict[str, Counter[str]] = {f: Counter() for f in formats}
    slowest = 0.0
    header = (
        f"{'source':<26}{'format':<7}{'stmts':>6}{'same':>6}{'~90%':>6}{'rules':>6}"
        f"{'exact':>6}{'miss':>6}{'wrong':>6}{'unmkd':>6}{'secs':>7}"
    )
    print(header)
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        for text in sorted(SOURCES.glob("*.txt")):
            version = hand[text.name]
            for kind, file in renderings(version, text, scratch, formats).items():
                draft, raw, seconds = import_one(version, file, scratch / kind, repeat=3)
                m = measure(version, draft, raw, seconds)
                slowest = max(slowest, seconds)
                totals[kind].update(
                    rules=m.rules, exact=m.exact, wrong=m.wrong, unmarked=m.unmarked,
                    statements=m.statements, same=m.same_words, nearly=m.nearly,
                )  # fmt: skip
                name = f"{version.path.parent.parent.name}/{version.document_id}"[:25]
                print(
                    f"{name:<26}{kind:<7}{m.statements:>6}{m.same_words:>6}{m.nearly:>6}"
                    f"{m.rules:>6}{m.exact:>6}{m.missed:>6}{m.wrong:>6}{m.unmarked:>6}"
                    f"{m.seconds:>7.2f}"
                )
    ok = True
    print()
    for kind, total in totals.items():
        share = total["exact"] / total["rules"] if total["rules"] else 0.0
        verdict = "PASS" if share >= EXACT_TARGET else "MISS"
        ok &= share >= EXACT_TARGET and total["unmarked"] == 0
        print(
            f"{kind}: {total['exact']}/{total['rules']} hand-encoded rules proposed exactly "
            f"({share:.0%}, target >= {EXACT_TARGET:.0%}: {verdict}); {total['wrong']} proposed "
            f"that match no hand rule; statements {total['same']}/{total['statements']} word for "
            f"word, {total['nearly']} nearly; unmarked guesses {total['unmarked']} (target 0: "
            f"{'PASS' if total['unmarked'] == 0 else 'MISS'})"
        )
    verdict = "PASS" if slowest < SECONDS_TARGET else "MISS"
    print(f"slowest import: {slowest:.2f} s (target < {SECONDS_TARGET:.0f} s: {verdict})")
    return 0 if ok and slowest < SECONDS_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
