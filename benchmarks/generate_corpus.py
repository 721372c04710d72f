"""A synthetic corpus of many authorities, made from the real bundled ones, for the benchmarks.

Run: python benchmarks/generate_corpus.py OUT_DIR --authorities N [--seed S]

OUT_DIR (which must be empty or absent) receives a copy of the bundled
statutory floor ``england/`` (with its scenario tests) and N authorities
``synthetic-0000`` ... each a copy of one of the bundled local authorities,
taken in turn (gloucestershire, st-helens, unnamed-trust, walsall), so a corpus
of 200 holds 50 of each. Every copy gets its own id, name and folder, and a
few deterministic differences drawn from the seed so that no two authorities
are the same:

- every document's effective date (and review date) moves by the same number
  of days, between 400 days earlier and 120 days later;
- about a third of the authorities move (or gain) a review date, one to three
  years after the effective date;
- about a quarter close their offices between Christmas and New Year (from a
  year between 2012 and 2024, on one of three patterns of days), so their working
  days are counted on a calendar of their own;
- about a third have a second version of their first document, a copy that took
  effect 6 to 18 months after the first (so they have more than one pack).

The documents' text, statements and rules are the real ones, byte for byte
apart from those lines, so every file stays valid under the schemas and a parse
costs what a real file costs. The copies' scenario tests (``tests/``) are
dropped: their dates were worked out by hand for the real effective dates and
calendars, which the copies change.

>>> import tempfile
>>> root = generate_corpus(Path(tempfile.mkdtemp()) / "corpus", 2)
>>> sorted(p.name for p in root.iterdir())
['england', 'synthetic-0000', 'synthetic-0001']
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compiler.util.resources import bundled

BASES = ("gloucestershire", "st-helens", "unnamed-trust", "walsall")
"""The bundled local authorities the synthetic ones copy, in turn."""
STATUTORY = "england"
AUTHORITY_FILE = "authority.yaml"
_EFFECTIVE = re.compile(r"^effective_from: (\d{4}-\d{2}-\d{2})$", re.M)
_REVIEW = re.compile(r"^review_by: (\d{4}-\d{2}-\d{2})\n", re.M)
_CLOSURE_DAYS = ((27, 28, 29, 30, 31), (28, 29, 30), (24, 27, 28, 29, 30, 31))
"""Days of December an authority may close on, beyond the bank holidays."""
_VERSION = re.compile(r'^version: "(\d+)\.(\d+)"$', re.M)


def authority_id(index: int) -> str:
    """The id (and folder name) of the ``index``-th synthetic authority: ``synthetic-0042``."""
    return f"synthetic-{index:04d}"


def generate_corpus(out: Path, authorities: int, seed: int = 0) -> Path:
    """Write the statutory floor and ``authorities`` synthetic authorities into ``out``.

    The same ``authorities`` and ``seed`` always give the same bytes. Returns ``out``,
    the corpus root to hand to ``compile_corpus`` or ``build``.
    """
    if authorities < 0:
        raise ValueError("the number of authorities cannot be negative")
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty: generate into a new folder")
    out.mkdir(parents=True, exist_ok=True)
    source = bundled("standards")
    shutil.copytree(source / STATUTORY, out / STATUTORY)
    for index in range(authorities):
        base = source / BASES[index % len(BASES)]
        _synthetic(base, out / authority_id(index), index, random.Random(f"{seed}/{index}"))
    return out


def _synthetic(base: Path, folder: Path, index: int, rng: random.Random) -> None:
    """One synthetic authority copied from ``base`` into ``folder``."""
    shift = timedelta(days=rng.randint(-400, 120))
    review_years = rng.randint(1, 3) if rng.random() < 1 / 3 else None
    closures = rng.random() < 1 / 4
    second_version = timedelta(days=rng.randint(183, 548)) if rng.random() < 1 / 3 else None
    folder.mkdir()
    _write(folder / AUTHORITY_FILE, _authority_text(base, folder.name, index, closures, rng))
    documents = sorted(p for p in base.iterdir() if (p.is_dir() and p.name != "tests"))
    for number, document in enumerate(documents):
        for version in sorted(document.glob("*.yaml")):
            text = _dated(version.read_text(encoding="utf-8"), shift, review_years)
            _write(folder / document.name / version.name, text)
            if number == 0 and second_version is not None:
                later, name = _next_version(text, second_version, review_years)
                _write(folder / document.name / name, later)


def _authority_text(base: Path, new_id: str, index: int, closures: bool, rng: random.Random) -> str:
    """The copy's authority.yaml: the base's file with a new id and name, perhaps closures."""
    text = (base / AUTHORITY_FILE).read_text(encoding="utf-8")
    text = re.sub(r"^id: .*$", f"id: {new_id}", text, count=1, flags=re.M)
    name = f"Synthetic authority {index:04d} (a copy of {base.name})"
    text = re.sub(r"^name: .*$", f"name: {name}", text, count=1, flags=re.M)
    if closures:
        years = range(rng.randint(2012, 2024), 2028)
        pattern = rng.choice(_CLOSURE_DAYS)
        days = [f"{y}-12-{d}" for y in years for d in pattern]
        listed = "".join(f"  - {day}\n" for day in days)
        text = re.sub(r"^(calendar: .*\n)", rf"\1closures:\n{listed}", text, count=1, flags=re.M)
    return text


def _dated(text: str, shift: timedelta, review_years: int | None) -> str:
    """Move the effective and review dates by ``shift``; perhaps move or add a review date."""
    match = _EFFECTIVE.search(text)
    if match is None:
        raise ValueError("a document without an effective_from line cannot be copied")
    effective = date.fromisoformat(match[1]) + shift
    review = _REVIEW.search(text)
    if review_years is not None:
        review_by: date | None = _years_after(effective, review_years)
    elif review is not None:
        review_by = date.fromisoformat(review[1]) + shift
    else:
        review_by = None
    text = _REVIEW.sub("", text, count=1)
    line = f"effective_from: {effective.isoformat()}"
    if review_by is not None:
        line += f"\nreview_by: {review_by.isoformat()}"
    return _EFFECTIVE.sub(line, text, count=1)


def _next_version(text: str, after: timedelta, review_years: int | None) -> tuple[str, str]:
    """A later minor version of a document, ``after`` its effective date: (text, file name)."""
    version = _VERSION.search(text)
    if version is None:
        raise ValueError("a document without a quoted version line cannot be copied")
    number = f"{version[1]}.{int(version[2]) + 1}"
    text = text[: version.start()] + f'version: "{number}"' + text[version.end() :]
    return _dated(text, after, review_years), f"{number}.yaml"


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def main(argv: list[str] | None = None) -> None:
    """Parse the command line and write the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write (must be empty or absent)")
    parser.add_argument("--authorities", type=int, required=True, help="how many to make")
    parser.add_argument("--seed", type=int, default=0, help="seed for the differences (0)")
    args = parser.parse_args(argv)
    try:
        root = generate_corpus(args.out, args.authorities, args.seed)
    except (FileExistsError, ValueError) as exc:
        parser.error(str(exc))
    files = sorted(root.rglob("*.yaml"))
    size = sum(p.stat().st_size for p in files)
    print(
        f"wrote {root}: {args.authorities} authorities, {len(files)} files, {size / 1024:.0f} KiB"
    )


if __name__ == "__main__":
    main()
