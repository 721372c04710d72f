"""The whole pipeline in one place: load -> validate -> model -> check (-> emit, in build).

>>> from compiler.util.resources import bundled
>>> compiled = compile_corpus(bundled("standards"))
>>> compiled.blocking  # the files all read; the checks' findings are in compiled.findings
()
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from compiler.assemble import assemble, calendars_are_the_jurisdictions, jurisdictions_exist
from compiler.checks import check
from compiler.discover import CorpusFile, discover
from compiler.errors import Finding, FindingsError, Severity
from compiler.load import Source, load
from compiler.local_vocabulary import (
    LocalTerms,
    accept_local_terms,
    read_local_terms,
    with_local_terms,
    words_for,
)
from compiler.model import Authority, Corpus
from compiler.shipped import bundled_floor, copy_differences
from compiler.validate import validate


@dataclass(frozen=True)
class Compiled:
    """A corpus as far as it could be built, and every finding about it."""

    corpus: Corpus
    findings: tuple[Finding, ...]
    blocking: tuple[Finding, ...] = ()
    """Errors in reading the files (syntax, schema, ids, timescales): with any of these, the
    corpus is incomplete and nothing may be built from it. Check findings do not block."""

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]


def compile_corpus(
    root: Path, *, fast: bool = True, run_checks: bool = True, today: date | None = None
) -> Compiled:
    """Read, validate, model and check the standards under ``root`` (a corpus, folder or file).

    ``today`` is the date the checks judge review dates against (default: today).
    """
    files, findings = discover(root)  # which files, of which kind
    return compile_files(root, files, findings, fast=fast, run_checks=run_checks, today=today)


def compile_files(
    root: Path,
    files: list[CorpusFile],
    findings: list[Finding] | None = None,
    *,
    floors: tuple[Authority, ...] = (),
    fast: bool = True,
    run_checks: bool = True,
    today: date | None = None,
) -> Compiled:
    """:func:`compile_corpus` of some of the files under ``root``: one authority's, in a build.

    ``floors`` are statutory authorities already compiled (from their own files), added to
    the corpus so that the authority is checked against them without reading them again;
    ``findings`` are those found so far (by :func:`~compiler.discover.discover`).
    """
    findings = list(findings or ())
    vocabularies = [f for f in files if f.kind == "vocabulary"]
    # an authority's own terms first, so that its documents may use them
    inside = root if root.is_dir() else None  # links may not leave the corpus
    read = _read(vocabularies, findings, {}, fast, inside)
    local, problems = read_local_terms(s for _, s in read)
    findings.extend(problems)
    sources = _read([f for f in files if f.kind != "vocabulary"], findings, local, fast, inside)
    corpus, problems = assemble(root, sources, words_for(local))  # model: immutable, ids checked
    findings.extend(problems)
    corpus = with_local_terms(corpus, local)
    known = {a.id for a in corpus.authorities}
    corpus = replace(
        corpus, authorities=corpus.authorities + tuple(f for f in floors if f.id not in known)
    )
    findings.extend(_baselines_as_shipped(corpus, floors))
    corpus = _with_statutory_floors(corpus)
    findings.extend(jurisdictions_exist(corpus))
    findings.extend(calendars_are_the_jurisdictions(corpus))
    blocking = tuple(f for f in findings if f.severity is Severity.ERROR)
    if run_checks:
        findings.extend(check(corpus, today))  # check: consistency, floors, words, life cycle
    return Compiled(corpus, tuple(sorted(findings, key=_order)), blocking)


def _read(
    files: list[CorpusFile],
    findings: list[Finding],
    local: LocalTerms,
    fast: bool,
    inside: Path | None,
) -> list[tuple[str, Source]]:
    """Load and validate each file; those without errors, with their kinds."""
    sources = []
    for file in files:
        try:
            source = load(file.path, fast=fast, inside=inside)  # load: strict YAML with positions
        except FindingsError as failed:
            findings.extend(failed.findings)
            continue
        problems = validate(source, file.kind)  # validate: JSON Schema
        problems = accept_local_terms(problems, file.path, local)
        findings.extend(problems)
        if not any(p.severity is Severity.ERROR for p in problems):
            sources.append((file.kind, source))
    return sources


def _order(finding: Finding) -> tuple[str, int, int, str]:
    where = finding.location
    return (str(where.path), where.line, where.column, finding.message)


def _with_statutory_floors(corpus: Corpus) -> Corpus:
    """Add the bundled jurisdiction an authority names when the corpus does not hold it.

    An authority keeping its standards in its own repository is still checked
    against the statutory floor that ships with this package.
    """
    wanted = {
        a.jurisdiction
        for a in corpus.authorities
        if not a.statutory and corpus.authority(a.jurisdiction) is None
    }
    extra = []
    for jurisdiction in sorted(wanted):
        shipped = shipped_baseline(jurisdiction)
        if shipped is not None and shipped.path.resolve() != corpus.root.resolve():
            extra.append(shipped)
    if not extra:
        return corpus
    return replace(corpus, authorities=corpus.authorities + tuple(extra))


def shipped_baseline(jurisdiction: str) -> Authority | None:
    """The statutory authority the tool ships under that id, compiled once while its files
    stay as they are (in a source checkout, a contributor may edit them under `serve`)."""
    folder = bundled_floor(jurisdiction)
    if folder is None:
        return None
    files = sorted(folder.rglob("*.yaml"))
    return _compiled_baseline(
        folder, tuple((f, f.stat().st_mtime_ns, f.stat().st_size) for f in files)
    )


@functools.lru_cache(maxsize=4)
def _compiled_baseline(folder: Path, _files: tuple[tuple[Path, int, int], ...]) -> Authority | None:
    floor = compile_corpus(folder, run_checks=False).corpus
    return next((a for a in floor.authorities if a.statutory and a.path == folder), None)


def _baselines_as_shipped(corpus: Corpus, given: tuple[Authority, ...]) -> list[Finding]:
    """A statutory authority of the corpus must be a shipped baseline, unchanged
    (:mod:`compiler.shipped`); one read from the shipped folder itself is."""
    found = []
    for authority in corpus.authorities:
        if not authority.statutory or any(a is authority for a in given):
            continue
        folder = bundled_floor(authority.id)
        if folder is None or folder.resolve() == authority.path.resolve():
            continue  # not shipped (assemble said so), or the shipped one (compiled from here)
        shipped = shipped_baseline(authority.id)
        difference = copy_differences(authority, shipped) if shipped is not None else None
        found.extend(f for f in [difference] if f is not None)
    return found
