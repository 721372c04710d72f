"""Diff two document versions: details, sections, statements and rules.

>>> from compiler.calendar import load_calendar
>>> from compiler.pipeline import compile_corpus
>>> from compiler.util.resources import bundled
>>> corpus = compile_corpus(bundled("standards"), run_checks=False).corpus
>>> version = corpus.authority("st-helens").document("practice-standards").latest
>>> diff_versions(version, version, load_calendar("england-and-wales")).changed
False
"""

from __future__ import annotations

from dataclasses import replace

from compiler.calendar import Calendar
from compiler.diff.model import MetadataChange, SectionChange, Side, VersionDiff
from compiler.diff.rules import diff_rules
from compiler.diff.statements import diff_statements
from compiler.errors import StandardsError
from compiler.model import Version


class DiffError(StandardsError):
    """A side of a diff that cannot be found or read."""


def diff_versions(
    old: Version,
    new: Version,
    calendar: Calendar,
    *,
    old_side: Side | None = None,
    new_side: Side | None = None,
) -> VersionDiff:
    """Everything that changed from ``old`` to ``new``, with rules compared on ``calendar``.

    ``old_side`` and ``new_side`` name the sides in the output (default: the
    versions' ``document@version``).
    """
    return VersionDiff(
        old=old_side or side_of(old),
        new=new_side or side_of(new),
        metadata=diff_metadata(old, new),
        sections=diff_sections(old, new),
        statements=diff_statements(old, new),
        rules=diff_rules(old, new, calendar),
    )


def side_of(version: Version, label: str = "", section: str = "") -> Side:
    """How a version is named in a diff."""
    return Side(label or version.key, version.document_id, version.version, version.title, section)


def limit_to_section(version: Version, section_id: str) -> Version:
    """``version`` with only the section ``section_id``: to compare one section with a document.

    Raises :class:`DiffError` naming the sections there are if it has no such section.
    """
    chosen = tuple(s for s in version.sections if s.id == section_id)
    if not chosen:
        known = ", ".join(s.id for s in version.sections) or "none"
        raise DiffError(f"{version.key} has no section '{section_id}' (its sections: {known})")
    return replace(version, sections=chosen)


def _metadata(version: Version) -> dict[str, str]:
    source = version.source
    return {
        "document": version.document_id,
        "version": version.version,
        "title": version.title,
        "status": version.status,
        "effective_from": version.effective_from.isoformat(),
        "review_by": version.review_by.isoformat() if version.review_by else "",
        "approved_by": version.approved_by,
        "source.title": source.title,
        "source.publisher": source.publisher,
        "source.date": source.date,
        "source.url": source.url,
        "source.file": source.file,
        "notes": version.notes,
    }


def diff_metadata(old: Version, new: Version) -> tuple[MetadataChange, ...]:
    """The details that differ (dates, status, approver, source, ...), in a fixed order."""
    before, after = _metadata(old), _metadata(new)
    return tuple(
        MetadataChange(field, before[field], after[field])
        for field in before
        if before[field] != after[field]
    )


def diff_sections(old: Version, new: Version) -> tuple[SectionChange, ...]:
    """Sections added, removed or retitled, matched by id."""
    before = {s.id: s.title for s in old.sections}
    after = {s.id: s.title for s in new.sections}
    changes = [
        SectionChange(id, "added", new_title=title)
        if id not in before
        else SectionChange(id, "retitled", before[id], title)
        for id, title in after.items()
        if before.get(id) != title
    ]
    changes += [
        SectionChange(id, "removed", old_title=title)
        for id, title in before.items()
        if id not in after
    ]
    return tuple(changes)
