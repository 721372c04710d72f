"""Importing one file into a corpus as a new draft version: the whole import in one place.

read the file (by its format) -> sections and statements -> proposed rules
-> YAML -> written beside the document's other versions (never over a file)
-> read back through the loader and the schema, or removed again.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from compiler.authoring.importer.blocks import Block, UnreadableDocument, bounded
from compiler.authoring.importer.draft import Previous, as_yaml, draft_sections
from compiler.authoring.importer.structure import structure
from compiler.authoring.new_version import next_version
from compiler.load import load
from compiler.model import Corpus
from compiler.pipeline import compile_corpus
from compiler.timescale.phrases import find_phrases

MOST_FILE_BYTES = 50_000_000
"""A larger file is refused before it is read: no standards document is 50 MB of text."""

FORMATS = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
    ".docx": "word", ".html": "web", ".htm": "web", ".xhtml": "web", ".pdf": "pdf",
}  # fmt: skip
MOST_PHRASES = 3_000
"""St Helens' 60-page standards have about 100 timescale phrases; 3,000 is no real document."""
INSTALL_EXTRA = "pip install 'practice-standards[import]'"


class MissingExtra(UnreadableDocument):
    """The format needs the ``import`` extra, which is not installed."""


class DraftNotValid(Exception):
    """The draft the importer wrote does not read back: a bug in the importer, not in the file."""


@dataclass(frozen=True)
class Confirmation:
    """One thing a person must confirm: where, and what."""

    statement: str
    what: str
    confirm: str


@dataclass(frozen=True)
class Imported:
    """What an import wrote."""

    path: Path
    version: str
    effective_from: date
    sections: int
    statements: int
    rules: int
    kept_ids: int
    confirmations: tuple[Confirmation, ...]
    notes: tuple[str, ...] = field(default=())


def read_document(path: Path) -> tuple[list[Block], list[str]]:
    """The blocks of ``path`` in its format, and notes on what was left out."""
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        if path.suffix.lower() in (".docm", ".dotm", ".doc"):
            raise UnreadableDocument(
                f"{path}: a {path.suffix} file is not imported (an old or macro-enabled Word "
                "format); save it from Word as .docx"
            )
        known = ", ".join(sorted(FORMATS))
        raise UnreadableDocument(
            f"{path}: cannot import a '{path.suffix}' file; import one of {known}"
        )
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise UnreadableDocument(f"{path}: not a file")
    except OSError as missing:
        raise UnreadableDocument(f"{path}: cannot read it ({missing.strerror})") from None
    if size > MOST_FILE_BYTES:
        raise UnreadableDocument(
            f"{path}: {size // 1_000_000} MB is far larger than a standards document; it was not "
            "read. Import the chapter that holds the standards"
        )
    try:
        if kind == "text":
            from compiler.authoring.importer.text import decode, read_text

            return read_text(decode(path.read_bytes(), str(path))), []
        if kind == "word":
            from compiler.authoring.importer.word import read_word

            return read_word(path)
        if kind == "web":
            from compiler.authoring.importer.web import read_html

            return read_html(path.read_bytes(), str(path))
        from compiler.authoring.importer.pdf import read_pdf

        return read_pdf(path)
    except ModuleNotFoundError as missing:
        raise MissingExtra(
            f"importing a {path.suffix} file needs {missing.name}, which is not installed: "
            f"run {INSTALL_EXTRA}"
        ) from None


def import_document(
    corpus: Path,
    file: Path,
    authority: str,
    document: str,
    version: str | None = None,
    effective: date | None = None,
    today: date | None = None,
) -> Imported:
    """Import ``file`` as a new draft version of ``authority/document`` in ``corpus``."""
    blocks, notes = read_document(file)
    blocks = bounded(blocks, str(file))
    if not blocks:
        raise UnreadableDocument(f"{file}: no text was found in it")
    folder = corpus / authority
    if not (folder / "authority.yaml").is_file():
        raise UnreadableDocument(
            f"{corpus} has no authority '{authority}' (no {folder / 'authority.yaml'}); "
            "create the authority first"
        )
    latest = _latest(corpus, authority, document)
    earliest = latest.effective_from + timedelta(days=1) if latest else None
    effective = effective or max(today or date.today(), earliest or date.min)
    if earliest and effective < earliest:
        raise UnreadableDocument(
            f"the new version must take effect after {latest.key} ({latest.effective_from})"  # type: ignore[union-attr]
        )
    version = version or (next_version(latest.version) if latest else "1.0")
    if latest and _key(version) <= _key(latest.version):
        raise UnreadableDocument(f"version '{version}' must be above the latest ({latest.version})")
    previous = Previous.of(load(latest.path).data if latest else None)
    title = blocks[0].text if blocks[0].kind == "heading" else file.stem
    found = sum(len(find_phrases(block.text)) for block in blocks)
    if found > MOST_PHRASES:
        raise UnreadableDocument(
            f"{file}: {found} timescale phrases is far more than a standards document has "
            f"(at most {MOST_PHRASES} are read); it was not imported"
        )
    sections, kept = draft_sections(structure(blocks, title), title, previous)
    data = _document(document, title, version, effective, file, sections, latest is not None)
    target = folder / document / f"{version}.yaml"
    _write_new(target, as_yaml(data))
    compiled = compile_corpus(target, run_checks=False)
    if compiled.blocking:
        target.unlink()
        listed = "\n".join(f.render() for f in compiled.blocking)
        raise DraftNotValid(f"the draft did not read back, so it was not kept:\n{listed}")
    return _summary(target, version, effective, sections, kept, notes)


def _latest(corpus: Path, authority: str, document: str) -> Any:
    folder = corpus / authority / document
    if not folder.is_dir():
        return None
    compiled = compile_corpus(corpus / authority, run_checks=False)
    if compiled.blocking:
        listed = "\n".join(f.render() for f in compiled.blocking)
        raise UnreadableDocument(f"fix the files below before importing a new version:\n{listed}")
    found: Corpus = compiled.corpus
    known = found.authority(authority)
    existing = known.document(document) if known else None
    return existing.latest if existing else None


def _key(version: str) -> tuple[int, ...]:
    if not version.replace(".", "").isdigit() or ".." in version or version.startswith("."):
        raise UnreadableDocument(f"version '{version}' must be numbers with dots, such as 1.0")
    return tuple(int(part) for part in version.split("."))


def _document(
    document: str,
    title: str,
    version: str,
    effective: date,
    file: Path,
    sections: list[dict[str, Any]],
    reimport: bool,
) -> dict[str, Any]:
    _key(version)
    how = (
        "Statements kept the ids of the previous version where their words are recognisably "
        "the same; what the document no longer says is kept, marked withdrawn. "
        if reimport
        else ""
    )
    return {
        "id": document,
        "title": title,
        "version": version,
        "status": "draft",
        "effective_from": effective.isoformat(),
        "source": {"title": title, "date": effective.isoformat(), "file": file.name},
        "notes": (
            f"Imported from {file.name} by standards import. {how}Every rule was proposed by "
            "the importer: check each against the words, and delete each confirm line once "
            "its reading is confirmed (publishing with a confirm line left is an error). The "
            "source date is the effective date until the document's own date is written in."
        ),
        "sections": sections,
    }


def _summary(
    target: Path,
    version: str,
    effective: date,
    sections: list[dict[str, Any]],
    kept: int,
    notes: list[str],
) -> Imported:
    confirmations = []
    statements = rules = 0
    for section in sections:
        for statement in section["statements"]:
            statements += 1
            for rule in statement.get("rules", []):
                rules += "withdrawn" not in rule
                if "confirm" in rule:
                    confirmations.append(
                        Confirmation(statement["id"], f"rule {rule['id']}", rule["confirm"])
                    )
            for entry in [statement, *statement.get("rules", [])]:
                if "confirm" in entry.get("withdrawn", {}):
                    what = f"withdrawal of {entry['id']}"
                    confirmations.append(
                        Confirmation(statement["id"], what, entry["withdrawn"]["confirm"])
                    )
            for item in statement.get("not_rules", []):
                if "confirm" in item:
                    confirmations.append(
                        Confirmation(statement["id"], f"words '{item['words']}'", item["confirm"])
                    )
    return Imported(
        target, version, effective, len(sections), statements, rules, kept,
        tuple(confirmations), tuple(notes),
    )  # fmt: skip


def _write_new(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` all at once, refusing if ``target`` exists."""
    if target.exists():
        raise UnreadableDocument(f"'{target}' already exists: it was not overwritten")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, scratch = tempfile.mkstemp(prefix=f".{target.name}-", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.link(scratch, target)  # fails, rather than replaces, if target appeared meanwhile
    except FileExistsError:
        raise UnreadableDocument(f"'{target}' already exists: it was not overwritten") from None
    finally:
        os.unlink(scratch)
