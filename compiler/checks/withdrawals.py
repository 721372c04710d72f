"""Rules are retired on purpose: a rule id does not just disappear from the next version.

Systems that raise "visit overdue" alerts name rules by id. When a version
drops a rule, the reviewer must be able to tell a deliberate retirement from
an accident, so a retired rule stays in the new version's file marked
``withdrawn`` (with the reason, and where it moved to). A rule in force in one
version and absent from the next, without that mark, is reported here.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from compiler.errors import Finding, error
from compiler.model import Corpus


def rule_ids_are_not_lost(corpus: Corpus, today: date) -> Iterable[Finding]:
    """A rule in force in one version of a document is in the next one, or marked withdrawn there.

    Versions follow one another in effective-date order, drafts included (a
    draft is where a rule gets lost before anyone has approved it).
    """
    for authority in corpus.authorities:
        for document in authority.documents:
            for earlier, later in itertools.pairwise(document.versions):
                written = {rule.id for rule in later.all_rules()}
                for rule in earlier.rules():
                    if rule.id in written:
                        continue
                    found = error(
                        "rule-id-lost",
                        f"rule '{rule.id}' of {earlier.key} is not in version {later.version}, "
                        "which does not say it was withdrawn",
                        later.location,
                        f"if the rule was retired, keep it in {later.version} with 'withdrawn: "
                        "{reason: ..., moved_to: ...}' (it is then no longer in force); if it "
                        "was renamed, do the same and name the new id in moved_to; otherwise "
                        "restore it",
                    )
                    yield replace(
                        found,
                        related=(rule.location,),
                        data=(("authority", authority.id), ("rules", f"{document.id}/{rule.id}")),
                    )


def withdrawals_name_where_they_moved(corpus: Corpus, today: date) -> Iterable[Finding]:
    """A withdrawn rule or statement that says where it moved to names something that exists.

    ``moved_to: id`` names a rule or statement of the same version;
    ``moved_to: document/id`` one in any version of that document of the same
    authority. A reviewer following the diff's "moved to" must find it.
    """
    for authority in corpus.authorities:
        written = {
            (document.id, item.id)
            for document in authority.documents
            for version in document.versions
            for item in (*version.all_statements(), *version.all_rules())
        }
        for document in authority.documents:
            for version in document.versions:
                for item in (*version.all_statements(), *version.all_rules()):
                    withdrawal = item.withdrawn
                    if withdrawal is None or not withdrawal.moved_to:
                        continue
                    target_document, _, target = withdrawal.moved_to.rpartition("/")
                    if (target_document or document.id, target) in written:
                        continue
                    yield replace(
                        error(
                            "withdrawn-moved-to-unknown",
                            f"'{item.id}' in {version.key} is withdrawn and said to have moved to "
                            f"'{withdrawal.moved_to}', which no version of "
                            f"{target_document or document.id} holds",
                            withdrawal.location or version.location,
                            "name the id of a rule or statement as it is written, or "
                            "document-id/id for another document of this authority",
                        ),
                        data=(("authority", authority.id),),
                    )
