"""Starting a new version of a document: a copy of the latest, ready to edit.

A principal social worker revising the standards starts from the words in
force, with their comments and layout, not from a blank file. So the latest
version's file is copied as text and only four top-level lines are edited:
``version``, ``effective_from``, ``review_by`` (moved by the same interval as
before) and ``status`` (draft). Everything else, ids included, stays as it
was, which is what makes the next diff meaningful.

>>> text = 'id: visits\\nversion: "1.0"   # the file name\\nstatus: published\\n'
>>> print(set_line(set_line(text, "version", "1.1"), "status", "draft"), end="")
id: visits
version: "1.1"   # the file name
status: draft
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from compiler.errors import StandardsError
from compiler.model import Corpus, Version
from compiler.pipeline import compile_corpus
from compiler.timescale.dates import add_months
from compiler.validate import FIRST_YEAR, LAST_YEAR

_VERSION = re.compile(r"^[0-9]+(\.[0-9]+)*$")
_QUOTED_FIELDS = ("version",)


class NewVersionError(StandardsError):
    """A new version that cannot be started, and why."""


@dataclass(frozen=True)
class Started:
    """The file written, and the version it was copied from."""

    path: Path
    copied_from: Version
    version: str
    effective_from: date
    review_by: date | None


def next_version(version: str) -> str:
    """The version after ``version``: its last number plus one.

    >>> next_version("1.0"), next_version("5"), next_version("2.9")
    ('1.1', '6', '2.10')
    """
    parts = version.split(".")
    return ".".join([*parts[:-1], str(int(parts[-1]) + 1)])


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def set_line(text: str, field: str, value: str) -> str:
    """``text`` with the top-level ``field``'s value set to ``value``, comment and quotes kept.

    Raises :class:`NewVersionError` unless the field is on exactly one
    top-level line with a plain value (not a block).
    """
    pattern = re.compile(
        rf"^(?P<key>{re.escape(field)}:[ \t]*)(?P<value>\"[^\"\n]*\"|'[^'\n]*'|[^\s#][^#\n]*?)"
        r"(?P<rest>[ \t]*(#[^\n]*)?\r?)$",
        re.MULTILINE,
    )
    found = list(pattern.finditer(text))
    if len(found) != 1:
        raise NewVersionError(
            f"the file has {len(found)} top-level '{field}:' lines with a plain value, not one: "
            "edit the new version by hand"
        )
    match = found[0]
    old = match["value"]
    quote = old[0] if old[0] in "\"'" else ('"' if field in _QUOTED_FIELDS else "")
    return f"{text[: match.start('value')]}{quote}{value}{quote}{text[match.end('value') :]}"


def _review_by(old: Version, effective: date) -> date | None:
    """The new review date: as far after the new effective date as the old one was."""
    if old.review_by is None:
        return None
    start, end = old.effective_from, old.review_by
    months = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, months) == end:
        return add_months(effective, months)
    return effective + (end - start)


def start_new_version(
    corpus: Corpus,
    name: str,
    version: str | None = None,
    effective: date | None = None,
    today: date | None = None,
) -> Started:
    """Write ``<document>/<version>.yaml`` for ``authority/document``, copied from its latest.

    ``version`` defaults to the next number; ``effective`` to ``today`` (or the
    day after the latest version takes effect, if that is later). Refuses to
    overwrite a file, and checks the new file reads before leaving it.
    """
    authority_id, _, document_id = name.partition("/")
    authority = corpus.authority(authority_id)
    if authority is None or not document_id:
        known = ", ".join(a.id for a in corpus.authorities if not a.statutory) or "none"
        raise NewVersionError(f"write AUTHORITY/DOCUMENT, with one of these authorities: {known}")
    document = authority.document(document_id)
    if document is None:
        known = ", ".join(d.id for d in authority.documents) or "none"
        raise NewVersionError(f"{authority_id} has no document '{document_id}' (it has: {known})")
    latest = document.latest
    version = version or next_version(latest.version)
    if (
        len(version) > 40
        or not _VERSION.fullmatch(version)
        or _key(version) <= _key(latest.version)
    ):
        raise NewVersionError(
            f"version '{version}' must be numbers with dots, above the latest ({latest.version})"
        )
    earliest = latest.effective_from + timedelta(days=1)
    effective = effective or max(today or date.today(), earliest)
    if not FIRST_YEAR <= effective.year <= LAST_YEAR:
        raise NewVersionError(
            f"the effective date {effective.isoformat()} is outside the years {FIRST_YEAR} to "
            f"{LAST_YEAR} that standards dates may use"
        )
    if effective < earliest:
        raise NewVersionError(
            f"the new version must take effect after {latest.key} ({latest.effective_from})"
        )
    review = _review_by(latest, effective)
    text = latest.path.read_bytes().decode("utf-8")  # line endings kept as they are
    text = set_line(text, "version", version)
    text = set_line(text, "effective_from", effective.isoformat())
    text = set_line(text, "status", "draft")
    if review is not None:
        text = set_line(text, "review_by", review.isoformat())
    target = latest.path.with_name(f"{version}.yaml")
    _write_new(target, text)
    compiled = compile_corpus(target, run_checks=False)
    if compiled.blocking:
        target.unlink()
        listed = "\n".join(f.render() for f in compiled.blocking)
        raise NewVersionError(f"the copy did not read, so it was not kept:\n{listed}")
    return Started(target, latest, version, effective, review)


def _write_new(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` all at once, refusing if ``target`` exists."""
    if target.exists():
        raise NewVersionError(f"'{target}' already exists: it was not overwritten")
    handle, scratch = tempfile.mkstemp(prefix=f".{target.name}-", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.link(scratch, target)  # fails, rather than replaces, if target appeared meanwhile
    except FileExistsError as exists:
        raise NewVersionError(f"'{target}' already exists: it was not overwritten") from exists
    finally:
        os.unlink(scratch)
