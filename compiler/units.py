"""A build one authority at a time: each authority's files made, or kept from the last build.

Everything an authority's packs and pages say depends on its own files and on the
statutory baselines (which its rules answer to) alone, so each authority folder is a
*unit* of the build. A unit is compiled (:func:`compiler.pipeline.compile_files`, with
the baselines' models given, not read again), checked, and turned into its packs, its
pages and its :class:`~compiler.emit.summary.AuthoritySummary`, from which the national
pages are made (:mod:`compiler.build`).

Each unit has a key (:mod:`compiler.util.build_cache`): when the previous build in the
same output folder left an entry under that key, the unit's files are linked from there
and its summary and findings read back, so editing one document makes one authority's
files again and nothing else. A full build and one that reuses units give the same bytes,
because both take the same path: the units, then the national pages from their summaries.

A corpus that is not one folder per authority (a single file) is one unit, made whole.
Units to make are shared among forked workers, one per core, as the pages were before.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

import jinja2

from compiler.discover import AUTHORITY_FILE, CorpusFile, discover
from compiler.emit.context import Files
from compiler.emit.docs import under_docs
from compiler.emit.packs import authority_pack_files
from compiler.emit.pages import Site
from compiler.emit.summary import AuthoritySummary
from compiler.emit.unit import authority_docs, summary_of_packs
from compiler.errors import Finding, FindingsError
from compiler.load import load
from compiler.model import Authority
from compiler.pipeline import Compiled, compile_files
from compiler.shipped import bundled_floor
from compiler.util.build_cache import (
    Entry,
    digest,
    entry_path,
    files_digest,
    finding_from_json,
    finding_to_json,
    program_digest,
    read_entry,
)
from compiler.util.workers import workers

MIN_UNITS = 8
"""Fewer units than this to make are made faster than workers start."""


@dataclass(frozen=True)
class Unit:
    """An authority's folder and its files (or, ``folder`` None, a corpus made whole)."""

    folder: Path | None
    files: tuple[CorpusFile, ...]
    statutory: bool
    key: str = ""
    root: Path | None = None
    """The corpus it is read as part of, when not the build's (a bundled baseline's own)."""


@dataclass(frozen=True)
class Options:
    """What a build is made for: the corpus, the date, and whether it has a site and checks."""

    root: Path
    today: date
    site: bool
    run_checks: bool
    stamp: str | None

    def key(self) -> str:
        return digest(
            program_digest(),
            str(self.root.resolve()),
            self.today.isoformat(),
            self.stamp or "",
            f"site {self.site} checks {self.run_checks}",
        )


@dataclass
class Made:
    """Every unit's outputs: made now (``files``) or linked from the last build (``reused``)."""

    files: Files = field(default_factory=dict)
    reused: dict[PurePosixPath, Path] = field(default_factory=dict)
    summaries: list[AuthoritySummary] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    blocking: list[Finding] = field(default_factory=list)
    made: int = 0


def plan(options: Options, files: Sequence[CorpusFile]) -> list[Unit]:
    """The units of a corpus, statutory baselines first, each with its key.

    A baseline that an authority names but the corpus does not hold is taken from the
    bundle, as :func:`compiler.pipeline.compile_corpus` takes it, and is a unit too.
    """
    root = options.root
    folders: dict[Path, list[CorpusFile]] = {}
    for file in files:
        folder = next((p for p in file.path.parents if (p / AUTHORITY_FILE).is_file()), None)
        if folder is None or not root.is_dir():
            return [Unit(None, tuple(files), False, digest(options.key(), _digest(root, files)))]
        folders.setdefault(folder, []).append(file)
    said = {folder: _identity(folder) for folder in folders}
    units = [Unit(f, tuple(each), said[f][1]) for f, each in sorted(folders.items())]
    held = {said[u.folder][0] for u in units if u.statutory and u.folder is not None}
    wanted = {said[u.folder][2] for u in units if not u.statutory and u.folder is not None}
    for jurisdiction in sorted(j for j in wanted - held if j):
        folder = bundled_floor(jurisdiction)
        if folder is not None and folder.resolve() != root.resolve():
            found, _ = discover(folder)
            units.append(Unit(folder, tuple(found), True, root=folder))
    base = options.key()
    floors = digest(*(_digest(u.root or root, u.files) for u in units if u.statutory))
    return [
        Unit(
            u.folder,
            u.files,
            u.statutory,
            digest(
                base,
                "statutory" if u.statutory else floors,
                str(u.root or ""),
                _digest(u.root or root, u.files),
            ),
            u.root,
        )
        for u in sorted(units, key=lambda u: not u.statutory)
    ]


def _digest(root: Path, files: Sequence[CorpusFile]) -> str:
    base = root if root.is_dir() else root.parent
    return digest(*(f.kind for f in files), files_digest((f.path for f in files), base))


def _identity(folder: Path) -> tuple[str, bool, str]:
    """The id, whether statutory, and the jurisdiction the folder's authority.yaml gives.

    Read strictly; a file that cannot be read is reported when its unit is made.
    """
    try:
        data = load(folder / AUTHORITY_FILE).data
    except FindingsError:
        return "", False, ""
    if not isinstance(data, dict):
        return "", False, ""
    return str(data.get("id", "")), data.get("statutory") is True, str(data.get("jurisdiction", ""))


def make(
    options: Options,
    units: Sequence[Unit],
    previous: Path | None,
    templates: jinja2.Environment | None,
    progress: Callable[[str], None],
) -> Made:
    """Every unit's outputs, taking from ``previous`` (the last build's folder) what it can."""
    made = Made()
    kept: dict[str, Entry] = {}
    if previous is not None:
        kept = {u.key: e for u in units if (e := read_entry(previous, u.key)) is not None}
    to_make = [u for u in units if u.key not in kept]
    floors: tuple[Authority, ...] = ()
    if any(not u.statutory for u in to_make):
        floors = tuple(
            a
            for u in units
            if u.statutory
            for a in compile_files(
                u.root or options.root, list(u.files), run_checks=False
            ).corpus.authorities
            if a.statutory
        )
    results = dict(_make_all(options, to_make, floors, templates, progress))
    for unit in units:
        if unit.key in kept and previous is not None:
            entry = kept[unit.key]
            for path in [*entry.outputs, str(entry_path(unit.key))]:
                made.reused[PurePosixPath(path)] = previous / path
            made.summaries += [AuthoritySummary.from_json(s) for s in entry.summaries]
            made.findings += [finding_from_json(f) for f in entry.findings]
            continue
        files, summaries, findings, blocking = results[unit.key]
        made.made += 1
        made.blocking += blocking
        made.files.update(files)
        made.summaries += summaries
        made.findings += findings
        entry = Entry(
            {str(path): len(content) for path, content in sorted(files.items())},
            [s.to_json() for s in summaries],
            [finding_to_json(f) for f in findings],
        )
        made.files[entry_path(unit.key)] = entry.to_bytes()
    return made


Result = tuple[Files, list[AuthoritySummary], list[Finding], list[Finding]]
"""A unit made: its files, summaries, findings, and the findings that stop the build."""

_job: tuple[Options, Sequence[Unit], tuple[Authority, ...], jinja2.Environment | None] | None
_job = None
"""What the forked workers make: set just before they are forked, read by them."""


def _make_all(
    options: Options,
    units: Sequence[Unit],
    floors: tuple[Authority, ...],
    templates: jinja2.Environment | None,
    progress: Callable[[str], None],
) -> Iterator[tuple[str, Result]]:
    """Each unit's result by key: on every core when there are enough of them."""
    count = workers()
    if count < 2 or len(units) < MIN_UNITS:
        for unit in units:
            result = _make_one(options, unit, floors, templates)
            _said(progress, result)
            yield unit.key, result
        return
    global _job
    _job = (options, units, floors, templates)
    try:
        with multiprocessing.get_context("fork").Pool(count) as pool:
            for unit, result in zip(units, pool.imap(_work, range(len(units))), strict=True):
                _said(progress, result)
                yield unit.key, result
    finally:
        _job = None


def _said(progress: Callable[[str], None], result: Result) -> None:
    for summary in result[1]:
        progress(f"site pages: {summary.name}")


def _work(index: int) -> Result:
    assert _job is not None
    options, units, floors, templates = _job
    return _make_one(options, units[index], floors, templates)


def _make_one(
    options: Options,
    unit: Unit,
    floors: tuple[Authority, ...],
    templates: jinja2.Environment | None,
) -> Result:
    """Compile one unit and make its authorities' files; only its own findings are kept."""
    compiled = compile_files(
        unit.root or options.root,
        list(unit.files),
        floors=() if unit.statutory else floors,
        run_checks=options.run_checks,
        today=options.today,
    )
    given = {id(a) for a in floors}
    own = [a for a in compiled.corpus.authorities if id(a) not in given]
    if unit.folder is not None:
        own = [a for a in own if a.path.resolve() == unit.folder.resolve()]
    others = [a for a in compiled.corpus.authorities if a not in own]
    findings = _own_findings(compiled, own, others)
    blocking = [f for f in compiled.blocking if f in findings]
    if blocking:
        return {}, [], findings, blocking
    files: Files = {}
    summaries = []
    site = Site(compiled, options.today, {}, templates) if templates is not None else None
    for authority in sorted(own, key=lambda a: a.id):
        packs, listing = authority_pack_files(
            compiled.corpus, authority, options.today, options.stamp
        )
        files.update(packs)
        if site is None or not options.site:
            summaries.append(summary_of_packs(authority, packs, listing))
            continue
        pages, summary = authority_docs(site, authority, packs, listing)
        files.update(under_docs(pages))
        summaries.append(summary)
    return files, summaries, findings, []


def _own_findings(
    compiled: Compiled, own: list[Authority], others: list[Authority]
) -> list[Finding]:
    """The findings about the unit's authorities, not those about a baseline it was given.

    A finding is about the authority whose folder holds its file or whose id its data names
    (as on the authority's page); one about neither unit nor baseline stays with the unit.
    """
    folders = {a.path.resolve(): a.id for a in [*own, *others]}
    mine = {a.id for a in own}
    kept = []
    for finding in compiled.findings:
        path = Path(finding.location.path).resolve()
        owners = {folders[p] for p in [path, *path.parents] if p in folders}
        named = dict(finding.data).get("authority")
        if named in folders.values():
            owners.add(str(named))
        if not owners or owners & mine:
            kept.append(finding)
    return kept
