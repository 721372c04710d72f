"""What the site's pages show, worked out from the model: plain data for the templates.

Pages never compute: they print rows built here. Every value is plain text
(author text stays raw: the templates escape it), so the same rows could feed
another renderer.

>>> relation_words("looser")
'looser than'
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from compiler.calendar import load_calendar
from compiler.checks.comparing import compare_rules, describe
from compiler.checks.floors import floors_for
from compiler.emit.parts import statement_page
from compiler.emit.summary import AuthoritySummary
from compiler.errors import Finding, Severity
from compiler.model import Authority, Corpus, Rule, Version
from compiler.pipeline import Compiled
from compiler.rules.applying import authority_entries, version_entries
from compiler.rules.floor import context, law_calendar, misses
from compiler.rules.narrowing import Narrowing
from compiler.rules.overrides import rule_key
from compiler.rules.scope import same_scope
from compiler.timescale.compare import spoken
from compiler.vocabulary import vocabulary
from compiler.wording import activity_title, subject_title, who_words

_RELATIONS = {
    "stricter": "stricter than",
    "looser": "looser than",
    "equivalent": "the same as",
    "incomparable": "not always as strict as",
    "silent": "silent, leaving to the law, the children of",
}
_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def relation_words(relation: str) -> str:
    """How a rule compares with its floor, in words (never colour alone)."""
    return _RELATIONS[relation]


# Where pages live, and the links between them ------------------------------------------------


HOME = PurePosixPath("index.md")
COMPARE_INDEX = PurePosixPath("compare", "index.md")
DOWNLOADS = PurePosixPath("downloads.md")
PACK_FORMAT = PurePosixPath("pack-format.md")


def authority_page(authority: Authority | AuthoritySummary) -> PurePosixPath:
    return PurePosixPath(authority.id, "index.md")


def version_page(authority: Authority, version: Version) -> PurePosixPath:
    return PurePosixPath(authority.id, version.document_id, f"{version.version}.md")


def changes_page(authority: Authority, version: Version) -> PurePosixPath:
    """The "what changed since the previous version" page of ``version``."""
    return PurePosixPath(authority.id, version.document_id, f"{version.version}-changes.md")


def compare_page(activity: str) -> PurePosixPath:
    return PurePosixPath("compare", f"{activity.replace('_', '-')}.md")


def link(source: PurePosixPath, target: PurePosixPath, fragment: str = "") -> str:
    """The relative link from page ``source`` to ``target`` (both under the docs folder).

    >>> link(PurePosixPath("compare/x.md"), PurePosixPath("walsall/d/5.0.md"), "s")
    '../walsall/d/5.0.md#s'
    """
    relative = posixpath.relpath(str(target), posixpath.dirname(str(source)) or ".")
    return f"{relative}#{fragment}" if fragment else relative


# Words for the model's terms (whom a rule is about: see compiler.wording) ---------------------


def strength_words(strength: str) -> str:
    return {"must": "must (minimum standard)", "should": "should (expectation)"}.get(
        strength, strength
    )


# Rules against the statutory floor --------------------------------------------------------------


@dataclass(frozen=True)
class FloorComparison:
    """One statutory rule a local rule answers to, and how the local rule compares."""

    key: str
    citation: str
    timescale: str
    relation: str
    example: str
    page: PurePosixPath
    anchor: str

    @property
    def label(self) -> str:
        return self.citation or self.key

    @property
    def relation_sentence(self) -> str:
        """``this rule is looser than``: the relation in words, never colour alone."""
        return f"this rule is {relation_words(self.relation)}"


def floor_summary(floors: Iterable[FloorComparison]) -> str:
    """Floors grouped by relation, loosest first: what a reader must see first.

    >>> a = FloorComparison("d/a", "reg 28(2)", "", "looser", "", PurePosixPath("x.md"), "a")
    >>> b = FloorComparison("d/b", "reg 28(5)", "", "equivalent", "", PurePosixPath("x.md"), "b")
    >>> floor_summary([b, a])
    'looser than reg 28(2); the same as reg 28(5)'
    """
    parts = []
    for relation in ("looser", "incomparable", "silent", "stricter", "equivalent"):
        labels = list(dict.fromkeys(f.label for f in floors if f.relation == relation))
        if labels:
            parts.append(f"{relation_words(relation)} {' and '.join(labels)}")
    return "; ".join(parts)


def floor_date(version: Version, today: date) -> date:
    """The date a version's rules are compared on: today if in force, else its effective date."""
    return today if version.effective_from <= today else version.effective_from


def floor_comparisons(
    corpus: Corpus, authority: Authority, rule: Rule, on: date
) -> tuple[FloorComparison, ...]:
    """How ``rule`` compares with each statutory rule in force on ``on`` that is its floor.

    The same reading as the floor check (:mod:`compiler.rules.floor`), case by case: a
    statutory rule the local rule can be later than is "looser" (the local rule sets its
    own timescale for those children) or "silent" (it says nothing of them); any other is
    "the same as" or "stricter than" for every case both apply to.
    """
    statutory = corpus.jurisdiction_of(authority)
    if statutory is None:
        return ()
    calendar = load_calendar(authority.calendar, authority.closures)
    law = law_calendar(authority)
    version = next(
        (v for d in authority.documents for v in d.versions if any(r is rule for r in v.rules())),
        None,
    )
    local = version_entries(context(authority, version, on)) if version is not None else ()
    missed = {}
    if version is not None:
        floor_entries = authority_entries(statutory, on)
        missed = {
            m.statutory_key: m
            for m in misses(
                rule,
                local,
                floor_entries,
                calendar,
                version.effective_from,
                None,
                Narrowing.of(authority),
                law,
            )
        }
    found = []
    for floor_version, floor in floors_for(
        rule,
        statutory,
        on,
        tuple(v for v in (context(authority, version, on) if version is not None else ())),
    ):
        key = rule_key(floor_version.document_id, floor)
        result = compare_rules(rule, floor, calendar, law)
        miss = missed.get(key)
        if miss is not None:
            relation = "looser" if miss.explicit else "silent"
            example = miss.witness.describe("this rule", "the statutory rule", "a case starting")
        else:
            relation = "equivalent" if result.relation == "equivalent" else "stricter"
            earlier = [w for w in result.comparison.witnesses if not w.a_later]
            example = (
                earlier[0].describe("this rule", "the statutory rule", "a case starting")
                if earlier and relation == "stricter"
                else ""
            )
        found.append(
            FloorComparison(
                key=key,
                citation=floor.citation,
                timescale=describe(floor),
                relation=relation,
                example=example,
                page=statement_page(statutory, floor_version, _statement_of(floor_version, floor)),
                anchor=_statement_of(floor_version, floor),
            )
        )
    return tuple(found)


def _statement_of(version: Version, rule: Rule) -> str:
    return next(s.id for s in version.statements() if any(r is rule for r in s.rules))


# An authority's timescales, documents and findings ------------------------------------------


@dataclass(frozen=True)
class TimescaleRow:
    """One row of an "at a glance" table: a rule in force, and where it comes from."""

    group: str
    activity: str
    who: str
    timescale: str
    strength: str
    document: str
    version: Version
    statement: str
    page: PurePosixPath
    rule: Rule


def timescale_rows(
    authority: Authority, pairs: Iterable[tuple[Version, Rule]]
) -> list[TimescaleRow]:
    """Rows for the rules given, ordered by group of children, activity and who."""
    groups = list(vocabulary().groups)
    activities = list(vocabulary().activities)
    rows = [
        TimescaleRow(
            group=subject_title(rule.subject),
            activity=activity_title(rule.activity),
            who=who_words(rule.subject, rule.conditions),
            timescale=describe(rule),
            strength=rule.strength,
            document=version.title,
            version=version,
            statement=_statement_of(version, rule),
            page=statement_page(authority, version, _statement_of(version, rule)),
            rule=rule,
        )
        for version, rule in pairs
    ]
    return sorted(
        rows,
        key=lambda r: (
            _index(groups, r.rule.subject.group),
            _index(activities, r.rule.activity),
            r.who,
            r.document,
            r.rule.id,
        ),
    )


def _index(items: list[str], item: str) -> int:
    return items.index(item) if item in items else len(items)


def inherited_duties(corpus: Corpus, authority: Authority, on: date) -> list[TimescaleRow]:
    """Statutory rules in force that no local rule in force addresses: they apply as they are."""
    statutory = corpus.jurisdiction_of(authority)
    if statutory is None:
        return []
    local = [rule for _, rule in authority.rules_in_force(on)]
    pairs = [
        (version, duty)
        for version, duty in statutory.rules_in_force(on)
        if not any(same_scope(rule, duty) for rule in local)
    ]
    return timescale_rows(statutory, pairs)


def authority_findings(compiled: Compiled, authority: Authority) -> list[Finding]:
    """The findings about an authority: those whose data names it or that sit in its folder."""
    return findings_by_authority(compiled).get(authority.id, [])


def findings_by_authority(compiled: Compiled) -> dict[str, list[Finding]]:
    """Every authority's findings (see :func:`authority_findings`), each file resolved once.

    Asking per authority resolved every finding's path once per authority: at 150
    authorities and 1,400 findings, a million path resolutions.
    """
    folders = {a.path.resolve(): a.id for a in compiled.corpus.authorities}
    found: dict[str, list[Finding]] = {}
    resolved: dict[str, Path] = {}
    for finding in compiled.findings:
        path = str(finding.location.path)
        if path not in resolved:
            resolved[path] = Path(path).resolve()
        owners = {folders[p] for p in resolved[path].parents if p in folders}
        named = dict(finding.data).get("authority")
        if isinstance(named, str) and named in folders.values():
            owners.add(named)
        for owner in sorted(owners):
            found.setdefault(owner, []).append(finding)
    return {owner: sorted(each, key=_finding_order) for owner, each in found.items()}


def _finding_order(finding: Finding) -> tuple[int, str, str]:
    return (_SEVERITY_ORDER[finding.severity], str(finding.location), finding.message)


def source_roots(corpus: Corpus) -> tuple[Path, ...]:
    """The folders a file's path is told relative to: the corpus, then each authority's parent."""
    return (corpus.root.resolve(), *(a.path.resolve().parent for a in corpus.authorities))


def source_path(corpus: Corpus, path: Path, roots: tuple[Path, ...] | None = None) -> str:
    """A file's path as the author knows it: relative to the corpus, never this machine's.

    ``roots`` is :func:`source_roots` worked out once, for a caller with many paths.
    """
    resolved = Path(path).resolve()
    for root in roots if roots is not None else source_roots(corpus):
        if root == resolved or root in resolved.parents:
            return resolved.relative_to(root).as_posix()
    return resolved.name


def review_words(version: Version, today: date) -> str:
    """``1 Oct 2019 (passed)``, ``1 Oct 2027``, or ``none given``: a passed date said plainly."""
    if version.review_by is None:
        return "none given"
    text = spoken(version.review_by)
    return f"{text} (review date passed)" if version.review_by < today else text


def in_force_words(version: Version, authority: Authority, today: date) -> str:
    """``in force``, ``superseded``, ``draft``, ``not yet in force`` or ``withdrawn``."""
    document = authority.document(version.document_id)
    if document is not None and document.in_force(today) is version:
        return "in force"
    if version.status == "draft":
        return "draft, not in force"
    if version.status == "withdrawn":
        return "withdrawn"
    if version.effective_from > today:
        return "not yet in force"
    return "superseded" if version.status == "published" else version.status
