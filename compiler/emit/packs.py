"""Rule packs: per authority, the rules in force on each date its rule set changes, and now.

Written under ``packs/`` in the build folder::

    packs/<authority>/<YYYY-MM-DD>.json   the rules in force from that date (and .csv)
    packs/<authority>/current.json        the rules in force on the build date (and .csv)
    packs/index.json                      every pack, with its dates
    packs/schema/*.schema.json            the published schemas the packs follow
    packs/manifest.json                   the SHA-256 of every other file under packs/

The same corpus and build date give the same bytes: keys sorted, no timestamp
unless ``SOURCE_DATE_EPOCH`` is set (then ``generated_at`` records it), and the
horizon counted from each pack's effective date rather than from the build.
``standards verify`` checks a folder of packs against its manifest.

A pack is made in three steps, one module each: :mod:`~compiler.emit.rulesets` chooses which
rules a pack holds and on which dates packs start; :mod:`~compiler.emit.packfile` turns one
pack's rules into its JSON data and CSV; :mod:`~compiler.emit.packs` (this one: the
emitter) lays every authority's packs out as files, with the index, schemas and manifest.

>>> from compiler.emit.context import BuildContext
>>> from compiler.pipeline import compile_corpus
>>> from compiler.util.resources import bundled
>>> compiled = compile_corpus(bundled("standards") / "walsall", run_checks=False)
>>> files = emit_packs(BuildContext(compiled, date(2025, 1, 1), {}, site=False))
>>> sorted(str(p) for p in files if p.parts[1] == "walsall")
['packs/walsall/2024-03-04.csv', 'packs/walsall/2024-03-04.json', 'packs/walsall/current.csv', \
'packs/walsall/current.json']
"""

from __future__ import annotations

import hashlib
import itertools
import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from compiler.emit.packfile import (
    FORMAT_VERSION,
    pack_json,
    render_csv,
    render_json,
    rule_json,
)
from compiler.emit.rulesets import Marks, PackedRule, pack_dates, rules_in_pack
from compiler.model import Authority, Corpus
from compiler.util.resources import bundled

if TYPE_CHECKING:
    from compiler.emit.context import BuildContext

PACKS = PurePosixPath("packs")
SCHEMAS = (
    "rulepack.schema.json",
    "rulepack-index.schema.json",
    "rulepack-manifest.schema.json",
    "timescale.schema.json",
    "vocabulary.schema.json",
)
"""The schemas published beside the packs (the rule pack schema refers to the last two)."""


@dataclass(frozen=True)
class PackToWrite:
    """One pack to write: its name (a date or ``current``), dates and rules."""

    name: str
    effective_from: date | None
    superseded_on: date | None
    rules: tuple[PackedRule, ...]


def emit_packs(context: BuildContext) -> dict[PurePosixPath, bytes]:
    """Every pack of every authority, the index, the schemas and the manifest."""
    corpus = context.compiled.corpus
    stamp = generated_at()
    files: dict[PurePosixPath, bytes] = {}
    listed = []
    for authority in corpus.authorities:
        made, listing = authority_pack_files(corpus, authority, context.today, stamp)
        files.update(made)
        listed.append(listing)
    digests = {path: hashlib.sha256(content).hexdigest() for path, content in files.items()}
    files.update(national_pack_files(listed, digests, stamp))
    return files


def authority_pack_files(
    corpus: Corpus, authority: Authority, today: date, stamp: str | None
) -> tuple[dict[PurePosixPath, bytes], dict[str, Any]]:
    """One authority's packs (``packs/<authority>/``) and its entry in the index."""
    files: dict[PurePosixPath, bytes] = {}
    rule_data: dict[tuple[int, str], dict[str, Any]] = {}
    entries = []
    for pack in authority_packs(corpus, authority, today):
        rules = [_rule_data(rule_data, packed) for packed in pack.rules]
        anchor = pack.effective_from or today
        data = pack_json(
            authority,
            pack.name,
            pack.effective_from,
            pack.superseded_on,
            rules,
            _documents(authority, pack),
            anchor,
            stamp,
        )
        folder = PACKS / authority.id
        files[folder / f"{pack.name}.json"] = render_json(data)
        files[folder / f"{pack.name}.csv"] = render_csv(rules)
        entries.append(_index_entry(authority, pack, len(rules)))
    listing = {
        "id": authority.id,
        "name": authority.name,
        "jurisdiction": authority.jurisdiction,
        "statutory": authority.statutory,
        "packs": entries[:-1],
        "current": entries[-1],
    }
    return files, listing


def national_pack_files(
    listed: list[dict[str, Any]], digests: dict[PurePosixPath, str], stamp: str | None
) -> dict[PurePosixPath, bytes]:
    """The index of every authority's packs, the schemas, and the manifest.

    ``digests`` are the SHA-256 of every authority's pack files (by path under the build
    folder): the manifest lists them with the index and the schemas made here.
    """
    files: dict[PurePosixPath, bytes] = {}
    index: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "authorities": sorted(listed, key=lambda entry: entry["id"]),
        "schemas": {name.removesuffix(".schema.json"): f"schema/{name}" for name in SCHEMAS},
    }
    if stamp is not None:
        index["generated_at"] = stamp
    files[PACKS / "index.json"] = render_json(index)
    for name in SCHEMAS:
        files[PACKS / "schema" / name] = (bundled("schema") / name).read_bytes()
    every = {**digests, **{p: hashlib.sha256(c).hexdigest() for p, c in files.items()}}
    files[PACKS / "manifest.json"] = render_json(manifest(every, stamp))
    return files


def authority_packs(corpus: Corpus, authority: Authority, today: date) -> list[PackToWrite]:
    """The dated packs of one authority, oldest first, then its current pack (always last)."""
    floor = corpus.jurisdiction_of(authority)
    marks: Marks = {}  # the objects it is keyed by live as long as this call
    dated: list[PackToWrite] = []
    for day in pack_dates(authority, floor):
        rules = tuple(rules_in_pack(authority, floor, day, marks))
        if dated and _same_rules(dated[-1].rules, rules):
            continue  # nothing in the pack changes on this date
        dated.append(PackToWrite(day.isoformat(), day, None, rules))
    dated = [
        PackToWrite(p.name, p.effective_from, later.effective_from, p.rules)
        for p, later in itertools.pairwise(dated)
    ] + dated[-1:]
    now = next(
        (p for p in reversed(dated) if p.effective_from is not None and p.effective_from <= today),
        None,
    )
    if now is not None:
        current = PackToWrite("current", now.effective_from, now.superseded_on, now.rules)
    else:  # before the authority's first document takes effect: the statutory rules alone
        upcoming = dated[0].effective_from if dated else None
        current = PackToWrite(
            "current", None, upcoming, tuple(rules_in_pack(authority, floor, today, marks))
        )
    return [*dated, current]


def manifest(digests: dict[PurePosixPath, str], stamp: str | None) -> dict[str, Any]:
    """The SHA-256 of every file under ``packs/`` (paths relative to it)."""
    data: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "algorithm": "sha256",
        "files": {
            str(path.relative_to(PACKS)): digest
            for path, digest in sorted(digests.items())
            if path.parts[0] == PACKS.name
        },
    }
    if stamp is not None:
        data["generated_at"] = stamp
    return data


def generated_at() -> str | None:
    """``SOURCE_DATE_EPOCH`` as an ISO 8601 UTC time, or None when it is not set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return None
    return datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _same_rules(a: tuple[PackedRule, ...], b: tuple[PackedRule, ...]) -> bool:
    return [(p.id, id(p.version), p.inherited, p.floor) for p in a] == [
        (p.id, id(p.version), p.inherited, p.floor) for p in b
    ]


def _rule_data(cache: dict[tuple[int, str], dict[str, Any]], packed: PackedRule) -> dict[str, Any]:
    key = (id(packed.version), f"{packed.id} {packed.inherited} {packed.floor}")
    if key not in cache:
        cache[key] = rule_json(packed)
    return cache[key]


def _documents(authority: Authority, pack: PackToWrite) -> list[dict[str, Any]]:
    """The document versions the pack's rules come from, and every local version in force."""
    versions = {(p.owner.id, id(p.version)): (p.owner, p.version) for p in pack.rules}
    if pack.effective_from is not None:
        versions.update(
            {(authority.id, id(v)): (authority, v) for v in authority.in_force(pack.effective_from)}
        )
    listed = [
        {
            "authority": owner.id,
            "document": version.document_id,
            "title": version.title,
            "version": version.version,
            "effective_from": version.effective_from.isoformat(),
            "review_by": version.review_by.isoformat() if version.review_by else None,
            "inherited": owner.id != authority.id,
        }
        for owner, version in versions.values()
    ]
    return sorted(listed, key=lambda d: (d["authority"], d["document"]))


def _index_entry(authority: Authority, pack: PackToWrite, rules: int) -> dict[str, Any]:
    return {
        "pack": pack.name,
        "effective_from": pack.effective_from.isoformat() if pack.effective_from else None,
        "superseded_on": pack.superseded_on.isoformat() if pack.superseded_on else None,
        "json": f"{authority.id}/{pack.name}.json",
        "csv": f"{authority.id}/{pack.name}.csv",
        "rules": rules,
    }
