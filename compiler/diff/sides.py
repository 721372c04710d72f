"""Finding the two sides of a diff: a document version of a corpus, or a file, maybe one section.

A side is written ``authority/document@version`` (looked up in a corpus), or
the path of a document version file; either may end in ``#section-id`` to
compare one section. Each side brings the calendar its rules are compared on
(the authority's bank holidays and closures).

>>> parse_side("st-helens/practice-standards@1.0#children-in-care-visits")
('st-helens/practice-standards@1.0', 'children-in-care-visits')
>>> parse_side("visits.yaml")
('visits.yaml', '')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from compiler.calendar import Calendar, load_calendar
from compiler.diff.compare import DiffError, limit_to_section, side_of
from compiler.diff.model import Side
from compiler.discover import AUTHORITY_FILE
from compiler.errors import Finding
from compiler.model import Authority, Corpus, Version
from compiler.pipeline import compile_corpus
from compiler.util.resources import shown

_SECTION = re.compile(r"#([a-z0-9]+(-[a-z0-9]+)*)$")
_NAMED = re.compile(r"^(?P<authority>[a-z0-9-]+)/(?P<document>[a-z0-9-]+)@(?P<version>[^/#\s]+)$")


@dataclass(frozen=True)
class Loaded:
    """One side: the version (cut to a section if asked), how it is named, its calendar."""

    version: Version
    side: Side
    calendar: Calendar


def parse_side(spec: str) -> tuple[str, str]:
    """``(what, section)``: the side without its ``#section-id``, and the section ("" if none)."""
    found = _SECTION.search(spec)
    if found is None:
        return spec, ""
    return spec[: found.start()], found.group(1)


def load_side(spec: str, corpus_root: Path) -> Loaded:
    """The version ``spec`` names: a file if one exists at that path, else a corpus version.

    Raises :class:`DiffError` saying what is wrong (with file, line and column
    for a file that does not read).
    """
    what, section = parse_side(spec)
    path = Path(what)
    if path.is_file():
        version, authority = _from_file(path)
    elif _NAMED.match(what):
        version, authority = _from_corpus(what, corpus_root)
    elif path.suffix in (".yaml", ".yml"):
        raise DiffError(f"no such file: '{what}'")
    else:
        raise DiffError(
            f"'{what}' is neither a file nor a document version: write a file's path, or "
            "authority/document@version (for example st-helens/practice-standards@1.0)"
        )
    if section:
        version = limit_to_section(version, section)
    return Loaded(version, side_of(version, spec, section), calendar_of(authority))


def calendar_of(authority: Authority | None) -> Calendar:
    """The calendar rules are compared on: the authority's, or England and Wales' on its own."""
    if authority is None or authority.id == "standalone":
        return load_calendar("england-and-wales")
    return load_calendar(authority.calendar, authority.closures)


def unreadable(findings: tuple[Finding, ...], what: str) -> DiffError:
    """A :class:`DiffError` listing why ``what`` could not be read, each with file:line:column."""
    listed = "\n".join(f.render() for f in findings)
    return DiffError(f"{what} could not be read:\n{listed}")


def _from_file(path: Path) -> tuple[Version, Authority | None]:
    """A version file, read with its authority (for the calendar) when it sits in one."""
    folder = path.resolve().parent.parent
    root = folder if (folder / AUTHORITY_FILE).is_file() else path
    compiled = compile_corpus(root, run_checks=False)
    if compiled.blocking:
        raise unreadable(compiled.blocking, str(path))
    for authority in compiled.corpus.authorities:
        for document in authority.documents:
            for version in document.versions:
                if version.path.resolve() == path.resolve():
                    return version, authority
    raise DiffError(f"'{path}' holds no document version (is it an authority or scenario file?)")


@cache
def _corpus(root: Path) -> Corpus:
    compiled = compile_corpus(root, run_checks=False)
    if compiled.blocking:
        raise unreadable(compiled.blocking, f"the standards in '{root}'")
    return compiled.corpus


def _from_corpus(name: str, root: Path) -> tuple[Version, Authority]:
    found = _NAMED.match(name)
    assert found is not None
    corpus = _corpus(root.resolve())
    authority = corpus.authority(found["authority"])
    if authority is None:
        known = ", ".join(a.id for a in corpus.authorities)
        raise DiffError(
            f"no authority '{found['authority']}' in '{shown(root)}' (there are: {known})"
        )
    document = authority.document(found["document"])
    if document is None:
        known = ", ".join(d.id for d in authority.documents)
        raise DiffError(
            f"{authority.id} has no document '{found['document']}' (it has: {known or 'none'})"
        )
    for version in document.versions:
        if version.version == found["version"]:
            return version, authority
    known = ", ".join(v.version for v in document.versions)
    raise DiffError(
        f"{authority.id}/{document.id} has no version '{found['version']}' (it has: {known})"
    )
