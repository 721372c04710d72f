"""Versions and diffs for policy reviewers: what changed between two versions, and does it matter.

:func:`diff_versions` compares two document versions into a
:class:`VersionDiff`; :mod:`compiler.diff.render` (text and Markdown)
and :mod:`compiler.diff.as_json` (JSON) render it for a terminal, a pull request and
tools; :mod:`compiler.emit.pages.changes` writes the site's "what changed" page.

Contract: may import the pipeline (to read two versions) and the shared core; never the
emitters (the site imports the diff, not the other way), the evaluator or the commands.
"""

from compiler.diff.compare import DiffError, diff_versions, limit_to_section, side_of
from compiler.diff.model import RuleChange, StatementChange, VersionDiff

__all__ = [
    "DiffError",
    "RuleChange",
    "StatementChange",
    "VersionDiff",
    "diff_versions",
    "limit_to_section",
    "side_of",
]
