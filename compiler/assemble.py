"""Stage 3, model: build the immutable model from validated files.

What the schema cannot see is checked here, because it needs more than one
value at a time: ids unique in their scope, the file name equal to the version
it holds, the authority folder and document folder named after their ids, a
review date after the effective date, qualifiers that belong to the group,
versions of a document in order, and every timescale readable.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from compiler.calendar import YEARS as CALENDAR_YEARS
from compiler.errors import ALWAYS_ERRORS, Finding, Location, error, warning
from compiler.load import JsonPath, Source
from compiler.model import (
    Acceptance,
    Authority,
    Corpus,
    Document,
    NotRule,
    Override,
    Rule,
    ScenarioFile,
    Section,
    SourceReference,
    Statement,
    Subject,
    Version,
    Withdrawal,
)
from compiler.shipped import bundled_floor, unknown_statutory
from compiler.timescale.model import (
    TimescaleError,
    conditions_from_json,
    timescale_from_json,
)
from compiler.timescale.parse import parse_timescale
from compiler.vocabulary import Vocabulary, vocabulary

Words = Callable[[Path], Vocabulary | None]
"""The vocabulary a document's timescales are read with, by the document's path."""


def assemble(
    root: Path, sources: Iterable[tuple[str, Source]], words: Words | None = None
) -> tuple[Corpus, list[Finding]]:
    """Build the corpus from validated ``(kind, source)`` pairs; return it with its findings.

    ``words`` gives the vocabulary a document's timescales are read with: the national one,
    with its authority's own events and conditions (:mod:`compiler.local_vocabulary`).
    """
    findings: list[Finding] = []
    authorities: dict[Path, Source] = {}
    documents: dict[Path, list[Version]] = {}
    scenarios: dict[Path, list[ScenarioFile]] = {}
    accepted: dict[Path, tuple[Acceptance, ...]] = {}
    for kind, source in sources:
        folder = _authority_folder(source.path, kind)
        if kind == "authority":
            authorities[source.path.parent] = source
        elif kind == "document":
            version = _version(source, findings, words(source.path) if words else None)
            if version is not None:
                documents.setdefault(folder, []).append(version)
        elif kind == "scenario":
            scenarios.setdefault(folder, []).append(_scenario(source))
        elif kind == "accepted":
            accepted[source.path.parent] = _accepted(source)
    built = []
    for folder, source in sorted(authorities.items()):
        authority = _authority(
            source, documents.pop(folder, []), scenarios.pop(folder, []), findings
        )
        built.append(replace(authority, accepted=accepted.get(folder, ())))
    loose = [v for versions in documents.values() for v in versions]
    if loose and not built:  # a single document checked on its own
        built.append(_standalone(loose, findings))
    return Corpus(root, tuple(built)), findings


def _authority_folder(path: Path, kind: str) -> Path:
    return path.parent if kind in ("authority", "accepted") else path.parent.parent


def _accepted(source: Source) -> tuple[Acceptance, ...]:
    """The entries of an authority's ``accepted.yaml``."""
    return tuple(
        Acceptance(
            finding=entry["finding"],
            rules=tuple(entry["rules"]),
            reason=entry["reason"],
            accepted_by=entry["accepted_by"],
            until=date.fromisoformat(str(entry["until"])),
            location=source.location(("accepted", index)),
        )
        for index, entry in enumerate(source.data["accepted"])
    )


def folder_name(path: Path) -> str:
    """The name of the folder holding ``path``, as the user sees it.

    A folder named ``.`` or ``..`` (``standards check ..``) is named by where it is;
    symbolic links are not followed, so a linked folder keeps the name it is linked as.

    >>> folder_name(Path("walsall/authority.yaml"))
    'walsall'
    """
    return Path(os.path.abspath(path)).parent.name


def _authority(
    source: Source,
    versions: list[Version],
    scenario_files: list[ScenarioFile],
    findings: list[Finding],
) -> Authority:
    data = source.data
    name = folder_name(source.path)
    if data["id"] != name:
        findings.append(
            error(
                "authority-folder",
                f"the authority id '{data['id']}' does not match its folder '{name}'",
                source.location(("id",)),
                f"rename the folder to '{data['id']}' or change the id to '{name}'",
            )
        )
    for code, chosen in sorted(data.get("checks", {}).items()):
        if code in ALWAYS_ERRORS and chosen != "error":
            findings.append(
                warning(
                    "check-cannot-be-lowered",
                    f"'{code}' is always an error; the setting '{chosen}' is not taken",
                    source.location(("checks", code)),
                    "remove the line; to live with one finding for a time, accept it in "
                    "accepted.yaml with a reason and an end date (it stays visible, marked "
                    "accepted)",
                )
            )
    if data.get("statutory") and bundled_floor(data["id"]) is None:
        findings.append(unknown_statutory(data["id"], source.location(("statutory",))))
    if data.get("statutory") and data["jurisdiction"] != data["id"]:
        findings.append(
            error(
                "jurisdiction-self",
                "a statutory authority is its own jurisdiction",
                source.location(("jurisdiction",)),
                f"set jurisdiction to '{data['id']}'",
            )
        )
    return Authority(
        id=data["id"],
        name=data["name"],
        jurisdiction=data["jurisdiction"],
        calendar=data["calendar"],
        calendar_location=source.location(("calendar",)),
        path=source.path.parent,
        location=source.location(),
        statutory=bool(data.get("statutory", False)),
        closures=_closures(source, findings),
        documents=_documents(versions, findings),
        description=data.get("description", ""),
        notes=data.get("notes", ""),
        contacts=tuple(
            (c["name"], c.get("role", ""), c.get("email", "")) for c in data.get("contacts", [])
        ),
        check_severities=tuple(sorted(data.get("checks", {}).items())),
        scenarios=tuple(sorted(scenario_files, key=lambda s: s.path)),
    )


def _closures(source: Source, findings: list[Finding]) -> tuple[date, ...]:
    """The closure days the calendar can hold; any other is reported where it is written.

    Working days are counted only over the years the calendar covers, so a closure day
    outside them once stopped ``check`` with no file or line.
    """
    kept = []
    for index, text in enumerate(source.data.get("closures", [])):
        day = date.fromisoformat(text)
        if CALENDAR_YEARS[0] <= day.year <= CALENDAR_YEARS[-1]:
            kept.append(day)
            continue
        findings.append(
            error(
                "closure-outside-calendar",
                f"the closure day {text} is outside the years the calendar covers "
                f"({CALENDAR_YEARS[0]} to {CALENDAR_YEARS[-1]})",
                source.location(("closures", index)),
                "check the year for a typing mistake, or remove the day",
            )
        )
    return tuple(sorted(kept))


def _standalone(versions: list[Version], findings: list[Finding]) -> Authority:
    """A stand-in authority holding documents checked on their own, outside a corpus."""
    path = versions[0].path.parent
    return Authority(
        id="standalone",
        name="(checked on its own)",
        jurisdiction="standalone",
        calendar="england-and-wales",
        path=path,
        location=Location(path),
        documents=_documents(versions, findings),
    )


def _documents(versions: list[Version], findings: list[Finding]) -> tuple[Document, ...]:
    by_document: dict[str, list[Version]] = {}
    for version in versions:
        by_document.setdefault(version.document_id, []).append(version)
    documents = []
    for document_id, group in sorted(by_document.items()):
        ordered = sorted(group, key=lambda v: (v.effective_from, _version_key(v.version)))
        findings.extend(_version_order(ordered))
        findings.extend(_replaced_ids_exist(ordered))
        documents.append(Document(document_id, tuple(ordered)))
    return tuple(documents)


def _replaced_ids_exist(ordered: list[Version]) -> Iterable[Finding]:
    """A statement's ``replaces`` must name a statement of an earlier version of its document."""
    earlier_ids: set[str] = set()
    for index, version in enumerate(ordered):
        for statement in version.statements():
            if index and statement.replaces and statement.replaces not in earlier_ids:
                yield error(
                    "replaces-unknown-statement",
                    f"statement '{statement.id}' replaces '{statement.replaces}', which no "
                    f"earlier version of '{version.document_id}' has",
                    statement.location,
                    "correct the id after 'replaces:' to the statement's id in the earlier "
                    "version, or remove 'replaces:'",
                )
        earlier_ids |= {statement.id for statement in version.statements()}


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def _version_order(ordered: list[Version]) -> Iterable[Finding]:
    for earlier, later in itertools.pairwise(ordered):
        if earlier.effective_from == later.effective_from:
            yield error(
                "versions-same-date",
                f"versions {earlier.version} and {later.version} of '{later.document_id}' take "
                f"effect on the same day ({later.effective_from})",
                later.location,
                "give each version its own effective date",
            )
        elif _version_key(earlier.version) > _version_key(later.version):
            yield error(
                "versions-out-of-order",
                f"version {later.version} of '{later.document_id}' takes effect after version "
                f"{earlier.version} ({later.effective_from} after {earlier.effective_from}) but "
                "has a lower number",
                later.location,
                "version numbers must grow with effective dates: check both files' version and "
                "effective_from",
            )


def _version(
    source: Source, findings: list[Finding], vocabulary: Vocabulary | None = None
) -> Version | None:
    data = source.data
    folder = source.path.parent
    name = folder_name(source.path)
    problems: list[Finding] = []
    if source.path.stem != data["version"] and name == data["id"]:
        problems.append(
            error(
                "file-name-version",
                f"the file name '{source.path.name}' does not match the version it holds "
                f"('{data['version']}')",
                source.location(("version",)),
                f"rename the file to '{data['version']}.yaml', or correct the version",
            )
        )
    if name != data["id"] and (folder.parent / "authority.yaml").is_file():
        problems.append(
            error(
                "document-folder",
                f"the document id '{data['id']}' does not match its folder '{name}'",
                source.location(("id",)),
                f"rename the folder to '{data['id']}' or change the id to '{name}'",
            )
        )
    effective = date.fromisoformat(data["effective_from"])
    review_by = date.fromisoformat(data["review_by"]) if "review_by" in data else None
    if review_by is not None and review_by < effective:
        problems.append(
            error(
                "review-before-effective",
                f"the review date {review_by} is before the effective date {effective}",
                source.location(("review_by",)),
                "check both dates: a document is reviewed after it takes effect",
            )
        )
    sections = tuple(_sections(source, problems, vocabulary))
    findings.extend(problems)
    source_data = data["source"]
    return Version(
        document_id=data["id"],
        version=data["version"],
        title=data["title"],
        status=data["status"],
        effective_from=effective,
        source=SourceReference(
            title=source_data["title"],
            date=source_data["date"],
            publisher=source_data.get("publisher", ""),
            url=source_data.get("url", ""),
            file=source_data.get("file", ""),
        ),
        path=source.path,
        location=source.location(),
        sections=sections,
        review_by=review_by,
        approved_by=data.get("approved_by", ""),
        notes=data.get("notes", ""),
    )


def _sections(
    source: Source, problems: list[Finding], vocabulary: Vocabulary | None = None
) -> Iterable[Section]:
    seen: dict[str, dict[str, Location]] = {"section": {}, "statement": {}, "rule": {}}
    for s_index, section in enumerate(source.data["sections"]):
        path: JsonPath = ("sections", s_index)
        _unique(seen["section"], section["id"], source.location((*path, "id")), "section", problems)
        statements = []
        for t_index, statement in enumerate(section["statements"]):
            statement_path = (*path, "statements", t_index)
            _unique(
                seen["statement"],
                statement["id"],
                source.location((*statement_path, "id")),
                "statement",
                problems,
            )
            statements.append(
                _statement(source, statement, statement_path, seen["rule"], problems, vocabulary)
            )
        yield Section(section["id"], section["title"], source.location(path), tuple(statements))


def _unique(
    seen: dict[str, Location], key: str, where: Location, noun: str, problems: list[Finding]
) -> None:
    if key not in seen:
        seen[key] = where
        return
    first = seen[key]
    problems.append(
        replace(
            error(
                f"duplicate-{noun}-id",
                f"duplicate {noun} id '{key}' (first used at line {first.line}, column "
                f"{first.column})",
                where,
                f"each {noun} needs its own id within the document",
            ),
            related=(first,),
        )
    )


def _statement(
    source: Source,
    data: Mapping[str, Any],
    path: JsonPath,
    rule_ids: dict[str, Location],
    problems: list[Finding],
    vocabulary: Vocabulary | None = None,
) -> Statement:
    rules = []
    unread = []
    for index, rule in enumerate(data.get("rules", [])):
        rule_path = (*path, "rules", index)
        _unique(rule_ids, rule["id"], source.location((*rule_path, "id")), "rule", problems)
        built = _rule(source, rule, rule_path, problems, vocabulary)
        if built is not None:
            rules.append(built)
        else:
            unread.append(rule["words"])
    not_rules = tuple(
        NotRule(
            item["words"],
            item["reason"],
            source.location((*path, "not_rules", index)),
            item.get("confirm", ""),
        )
        for index, item in enumerate(data.get("not_rules", []))
    )
    return Statement(
        id=data["id"],
        text=data["text"],
        location=source.location(path),
        kind=data.get("kind", "standard"),
        rules=tuple(rules),
        not_rules=not_rules,
        replaces=data.get("replaces", ""),
        unread_rule_words=tuple(unread),
        withdrawn=_withdrawal(source, data, path),
    )


def _withdrawal(source: Source, data: Mapping[str, Any], path: JsonPath) -> Withdrawal | None:
    if "withdrawn" not in data:
        return None
    marked = data["withdrawn"]
    return Withdrawal(
        marked["reason"],
        marked.get("moved_to", ""),
        source.location((*path, "withdrawn")),
        marked.get("confirm", ""),
    )


def _rule(
    source: Source,
    data: Mapping[str, Any],
    path: JsonPath,
    problems: list[Finding],
    vocabulary: Vocabulary | None = None,
) -> Rule | None:
    subject = _subject(source, data["subject"], (*path, "subject"), problems)
    written = data["timescale"]
    where = source.location((*path, "timescale"))
    try:
        if isinstance(written, str):
            timescale = parse_timescale(written, data.get("event"), vocabulary)
        else:
            timescale = timescale_from_json(written, data.get("event"))
    except TimescaleError as exc:
        at = source.text_location((*path, "timescale"), exc.column) if exc.column else where
        hint = (
            "choose the reading the document means, and say why in the rule's interpretation"
            if exc.readings
            else "see the README's table of timescale forms"
        )
        problems.append(error("timescale", f"cannot read the timescale: {exc.message}", at, hint))
        return None
    return Rule(
        id=data["id"],
        subject=subject,
        activity=data["activity"],
        timescale=timescale,
        strength=data["strength"],
        words=data["words"],
        location=source.location(path),
        conditions=conditions_from_json(data.get("conditions", {})),
        interpretation=data.get("interpretation", ""),
        citation=data.get("citation", ""),
        shorthand=written if isinstance(written, str) else "",
        overrides=tuple(
            Override(o["rule"], o["reason"], source.location((*path, "overrides", i)))
            for i, o in enumerate(data.get("overrides", []))
        ),
        timescale_location=where,
        withdrawn=_withdrawal(source, data, path),
        confirm=data.get("confirm", ""),
    )


def _subject(
    source: Source, data: Mapping[str, Any], path: JsonPath, problems: list[Finding]
) -> Subject:
    group = data["group"]
    allowed = vocabulary().group_qualifiers.get(group, ())
    qualifiers = []
    for name, value in data.items():
        if name == "group":
            continue
        if name not in allowed:
            problems.append(
                error(
                    "qualifier-group",
                    f"the qualifier '{name}' does not apply to the group '{group}'",
                    source.key_location((*path, name)),
                    f"qualifiers for '{group}': {', '.join(allowed) or 'none'}",
                )
            )
            continue
        values = tuple(sorted(value if isinstance(value, list) else [value]))
        qualifiers.append((name, values))
    return Subject(group, tuple(sorted(qualifiers)))


def _scenario(source: Source) -> ScenarioFile:
    cases = source.data["cases"]
    return ScenarioFile(
        source.path,
        tuple(cases),
        tuple(source.location(("cases", i)) for i in range(len(cases))),
    )


def jurisdictions_exist(corpus: Corpus) -> Iterable[Finding]:
    """Every local authority names a statutory authority that the corpus (or the bundle) holds."""
    for authority in corpus.authorities:
        if authority.statutory or authority.id == "standalone":
            continue
        if corpus.jurisdiction_of(authority) is None:
            yield error(
                "unknown-jurisdiction",
                f"the jurisdiction '{authority.jurisdiction}' is not a statutory authority in "
                "this corpus",
                authority.location,
                "add the jurisdiction's folder (with statutory: true) or correct the id",
            )


def calendars_are_the_jurisdictions(corpus: Corpus) -> Iterable[Finding]:
    """Every local authority counts working days with its jurisdiction's calendar."""
    for authority in corpus.authorities:
        statutory = corpus.jurisdiction_of(authority)
        if authority.statutory or statutory is None:
            continue
        if authority.calendar != statutory.calendar:
            yield error(
                "calendar-not-the-jurisdictions",
                f"'{authority.id}' counts working days with the {authority.calendar} calendar, "
                f"but its jurisdiction '{statutory.id}' counts them with {statutory.calendar}: "
                "the law's working days would be counted on other bank holidays, and a "
                "statutory deadline could fall later than the law allows",
                authority.calendar_location or authority.location,
                f"set calendar: {statutory.calendar} (office closures go under closures:)",
            )
