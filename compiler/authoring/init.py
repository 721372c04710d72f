"""``standards init``: a new authority (in a new or an existing corpus), ready to edit.

Like ``mkdocs new``, it writes a small working example rather than empty files, because a new
author learns the format fastest by changing something that already passes its checks:

    <corpus>/<authority>/authority.yaml
    <corpus>/<authority>/practice-standards/0.1.yaml   a draft, one worked statement and rule
    <corpus>/<authority>/tests/practice-standards.yaml a scenario test of that rule
    <corpus>/schema/                                   the JSON Schemas, for the editor

Every file starts with the ``yaml-language-server`` line that points an editor at its schema.
The schemas are copied into the corpus (unless one above it already holds them, as in this
project's repository), so the line works wherever the corpus is moved or cloned, and not only
where the tool happens to be installed. Nothing is ever overwritten.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from compiler.discover import AUTHORITY_FILE, AUTHORITY_ID
from compiler.errors import StandardsError
from compiler.util.resources import bundled

DOCUMENT_ID = "practice-standards"
FIRST_VERSION = "0.1"


class InitError(StandardsError):
    """The authority cannot be started where asked: the message says why and what to do."""


@dataclass(frozen=True)
class Started:
    """What ``init`` wrote: the authority's folder and every file, in the order written."""

    authority: Path
    files: tuple[Path, ...]


def init(corpus: Path, authority_id: str, name: str, calendar: str, today: date) -> Started:
    """Start ``authority_id`` in ``corpus`` (made if missing); return what was written.

    Raises :class:`InitError` before writing anything if the id is not a valid id, the folder
    is inside an authority already, or the authority's folder exists.
    """
    if not AUTHORITY_ID.match(authority_id):
        raise InitError(
            f"'{authority_id}' cannot be an authority id: use lower-case letters, digits and "
            "single hyphens, such as barsetshire or st-helens"
        )
    corpus = corpus.resolve()
    inside = next((p for p in (corpus, *corpus.parents) if (p / AUTHORITY_FILE).is_file()), None)
    if inside is not None:
        raise InitError(
            f"'{corpus}' is inside the authority folder '{inside}': start a new authority in "
            f"the corpus that holds it (standards init {inside.parent})"
        )
    folder = corpus / authority_id
    if folder.exists():
        raise InitError(f"'{folder}' already exists: choose another id, or another folder")
    schemas = _schema_folder(corpus)
    if schemas is None and (corpus / "schema").exists():
        raise InitError(
            f"'{corpus / 'schema'}' exists but holds no schemas of this tool: start the "
            "authority in another folder, or move that one aside"
        )
    try:
        return _write(corpus, folder, schemas, _files(authority_id, name, calendar, today))
    except OSError as failed:
        raise InitError(f"could not write {failed.filename}: {failed.strerror}") from None


def _files(authority_id: str, name: str, calendar: str, today: date) -> dict[Path, str]:
    """The new files, by their place in the authority's folder."""
    return {
        Path(AUTHORITY_FILE): _authority(authority_id, name, calendar),
        Path(DOCUMENT_ID) / f"{FIRST_VERSION}.yaml": _document(name, today),
        Path("tests") / f"{DOCUMENT_ID}.yaml": SCENARIOS,
    }


def _write(corpus: Path, folder: Path, schemas: Path | None, files: dict[Path, str]) -> Started:
    """Write everything into a hidden staging folder in ``corpus``, then move it into place,
    so that a failure leaves no half-made authority behind."""
    corpus.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=corpus))
    written: list[Path] = []
    try:
        final_schemas = schemas or corpus / "schema"
        if schemas is None:
            shutil.copytree(bundled("schema"), staging / "schema")
        for relative, text in files.items():
            final = folder / relative
            schema = os.path.relpath(final_schemas / _SCHEMA_OF[final.name], final.parent)
            staged = staging / folder.name / relative
            staged.parent.mkdir(parents=True, exist_ok=True)
            staged.write_text(
                f"# yaml-language-server: $schema={Path(schema).as_posix()}\n{text}",
                encoding="utf-8",
            )
            written.append(final)
        if schemas is None:
            (staging / "schema").rename(final_schemas)
            written.insert(0, final_schemas)
        (staging / folder.name).rename(folder)  # replaces at most an empty folder made since
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Started(folder, tuple(written))


_SCHEMA_OF = {
    AUTHORITY_FILE: "authority.schema.json",
    f"{FIRST_VERSION}.yaml": "document.schema.json",
    f"{DOCUMENT_ID}.yaml": "scenario.schema.json",
}


def _schema_folder(corpus: Path) -> Path | None:
    """A schema folder in the corpus or beside it (a repository that keeps ``schema/`` beside
    ``standards/``), so that a second authority does not bring a second copy."""
    for folder in (corpus, corpus.parent):
        if (folder / "schema" / "document.schema.json").is_file():
            return folder / "schema"
    return None


def _quoted(text: str) -> str:
    """``text`` as a double-quoted YAML scalar (a name may hold a colon or a quote)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _authority(authority_id: str, name: str, calendar: str) -> str:
    return f"""id: {authority_id}  # the same as this folder's name
name: {_quoted(name)}
jurisdiction: england  # whose statutory rules are the floor for yours
calendar: {calendar}  # the bank holidays that working days skip
# closures: ["2026-12-29", "2026-12-30"]  # days your offices close beyond bank holidays
"""


def _document(name: str, today: date) -> str:
    return f"""# A first document, as a draft: not in force, and in no rule pack, until its
# status is published. Replace the worked example with your own document's words: statements
# are the document's own words, in its order; rules are the machine-readable reading of the
# timescales in them. Run `standards check` after each change, `standards serve` to see the site.
id: {DOCUMENT_ID}  # the same as this folder's name, and in every version
title: Practice standards
version: "{FIRST_VERSION}"  # the same as this file's name
status: draft  # draft | published | withdrawn
effective_from: {today.isoformat()}  # when it takes effect, YYYY-MM-DD
source:  # the published document these words come from
  title: Practice standards
  publisher: {_quoted(name)}
  date: "{today.isoformat()[:7]}"  # YYYY, YYYY-MM or YYYY-MM-DD
sections:
  - id: visits  # ids: lower-case letters, digits, hyphens; never change them
    title: Visits to children subject to a child protection plan
    statements:
      - id: cp-visit-recording
        text: >-
          A visit to a child subject to a child protection plan must be recorded within 24 hours
          of the visit.
        rules:
          - id: cp-visit-recording
            subject: {{group: child_protection}}  # who: a group of children
            activity: visit_recording          # what is timed
            timescale: within 24 hours of the visit
            strength: must                     # must (minimum standard) | should (expectation)
            words: within 24 hours of the visit  # the words of the text this rule reads
"""


SCENARIOS = """# Cases with the dates a practitioner expects, worked out by hand with a calendar.
# `standards test` runs them; a wrong date fails with both dates shown.
cases:
  - name: A visit on Friday 19 December 2025 is recorded by Saturday 20 December
    rule: practice-standards/cp-visit-recording
    start: 2025-12-19
    expect:
      # With dates only, 24 hours round up to the next calendar day.
      due: [2025-12-20]
"""
