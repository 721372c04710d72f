"""A catalogue of bad inputs, across every kind of file and command, each with its exit and message.

Each entry starts from a valid input in ``tests/fixtures/invalid/catalogue/`` (a
document, an authority, a scenario file, a case table, the bundled rule packs or a
command line), breaks it in one way, runs the command a person would run, and
states by hand the exit status (1 findings, 2 usage or unreadable input) and words
the message must hold. Whatever the input: never exit 3 ("internal error"), never a
traceback, and never a message that quotes a megabyte of the input back.
Issue 13 asked for at least 150 entries; ``test_the_catalogue_is_large_enough``
holds it to that.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from compiler.cli import standards
from tests.conftest import FIXTURES

BASE = FIXTURES / "invalid" / "catalogue"
DOCUMENT = (BASE / "document.yaml").read_text(encoding="utf-8")
AUTHORITY = (BASE / "authority.yaml").read_text(encoding="utf-8")
SCENARIO = (BASE / "scenario.yaml").read_text(encoding="utf-8")
CASES = (BASE / "cases.csv").read_text(encoding="utf-8")
HEADER = "case_id,group,event,date,facts,qualifiers\n"
MB = 1024 * 1024


@dataclass(frozen=True)
class Bad:
    """One bad input: how to break the valid one, and what a person must be told."""

    kind: str
    """document | authority | corpus | scenario | cases | command | packs | new-version"""
    name: str
    exit: int
    message: str
    change: Callable[..., object] | str | bytes | tuple[str, str] | None = None
    args: tuple[str, ...] = ()


def swap(old: str, new: str) -> tuple[str, str]:
    return (old, new)


RULE = "            timescale: at least every 10 working days from the start of the plan\n"


def structured(amount: object, unit: str = "weeks") -> tuple[str, str]:
    return swap(
        RULE,
        "            timescale:\n              recurrence:\n                from: plan_start\n"
        f"                phases:\n                  - every: {{amount: {amount}, unit: {unit}}}\n",
    )


ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [*{a}, *{a}, *{a}, *{a}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)


def nested(depth: int) -> str:
    return DOCUMENT + "notes: " + "[" * depth + "]" * depth + "\n"


def block_nested(depth: int) -> str:
    lines = [f"{'  ' * level}k{level}:" for level in range(depth)]
    return DOCUMENT + "extra:\n" + "\n".join("  " + line for line in lines) + " x\n"


# fmt: off
# (the tables below keep one entry to a line or two: they read better that way)
DOCUMENTS = [
    # found by the fuzz test: the nesting scan met the control character first
    Bad("document", "deep-then-nul", 1, "the control character U+0000 is not allowed",
        "- " * 60 + "\x00" + DOCUMENT),
    # YAML itself
    Bad("document", "tab", 1, "a tab character is used for indentation",
        swap("    title: Visits", "\ttitle: Visits")),
    Bad("document", "bom", 1, "byte-order mark", "\ufeff" + DOCUMENT),
    Bad("document", "latin-1", 1, "is not valid UTF-8",
        DOCUMENT.replace("Sample standards", "Sample standards caf\u00e9").encode("latin-1")),
    Bad("document", "empty", 1, "the file is empty", ""),
    Bad("document", "only-comments", 1, "the file is empty", "# nothing yet\n# still nothing\n"),
    Bad("document", "only-spaces", 1, "the file is empty", "   \n\n  \n"),
    Bad("document", "alias", 1, "aliases ('*a') are not allowed",
        DOCUMENT + "notes: &a hello\nextra: *a\n"),
    Bad("document", "alias-bomb", 1, "aliases", ALIAS_BOMB),
    Bad("document", "python-tag", 1, "is not allowed in standards files",
        swap("title: Sample standards\n", "title: !!python/object/apply:os.system ['ls']\n")),
    Bad("document", "local-tag", 1, "the tag '!secret' is not allowed",
        swap("title: Sample standards\n", "title: !secret Sample\n")),
    Bad("document", "binary-tag", 1, "the tag '!!binary' is not allowed",
        swap("title: Sample standards\n", "title: !!binary aGVsbG8=\n")),
    Bad("document", "set-tag", 1, "the tag '!!set' is not allowed",
        DOCUMENT + "extra: !!set {a, b}\n"),
    Bad("document", "duplicate-key", 1, "duplicate key 'title' (first defined at line 3",
        swap('version: "1.0"\n', 'version: "1.0"\ntitle: Again\n')),
    Bad("document", "duplicate-nested-key", 1, "duplicate key 'activity'",
        swap(
            "            strength: must\n",
            "            strength: must\n            activity: statutory_visit\n",
        )),
    Bad("document", "two-documents", 1, "more than one YAML document",
        DOCUMENT + "---\nid: other\n"),
    Bad("document", "unclosed-quote", 1, "YAML syntax error",
        swap("title: Sample standards\n", 'title: "Sample standards\n')),
    Bad("document", "unclosed-bracket", 1, "YAML syntax error",
        swap("subject: {group: child_protection}", "subject: {group: child_protection")),
    Bad("document", "colon-in-text", 1, "YAML syntax error",
        swap("    title: Visits\n", "    title: Visits: weekly: or not\n")),
    Bad("document", "bad-indentation", 1, "YAML syntax error",
        swap("        text: A child", "       text: A child")),
    Bad("document", "bell", 1, "the control character U+0007 is not allowed",
        swap("title: Sample standards", "title: Sample\x07 standards")),
    Bad("document", "escape", 1, "the control character U+001B is not allowed",
        swap("    title: Visits", "    title: Vis\x1bits")),
    Bad("document", "nul", 1, "the control character U+0000 is not allowed",
        swap("    title: Visits", "    title: Vis\x00its")),
    Bad("document", "deep-flow", 1, "nest more than 100 levels deep", nested(150)),
    Bad("document", "very-deep-flow", 1, "nest more than 100 levels deep", nested(100_000)),
    Bad("document", "deep-block", 1, "nest more than 100 levels deep", block_nested(150)),
    Bad("document", "number-key", 1, "a key must be a plain word", DOCUMENT + "1: one\n"),
    Bad("document", "null-key", 1, "a key must be a plain word", DOCUMENT + "~: nothing\n"),
    Bad("document", "list-key", 1, "a key must be a plain word", DOCUMENT + "? [a, b]\n: x\n"),
    Bad("document", "top-level-list", 1, "a mapping of fields", "- id: sample\n"),
    Bad("document", "top-level-text", 1, "a mapping of fields", "just some words\n"),
    Bad("document", "eleven-megabytes", 1, "larger than 10 MB",
        DOCUMENT + "notes: >-\n" + ("  " + "x" * 98 + "\n") * (11 * MB // 100)),
    # the schema
    *(
        Bad(
            "document",
            f"missing-{field}",
            1,
            f"missing required field '{field}'",
            "\n".join(
                line
                for line in DOCUMENT.split("sections:")[0].splitlines()
                if not line.startswith(field)
            )
            + "\n"
            + ("" if field == "sections" else "sections:" + DOCUMENT.split("sections:")[1]),
        )
        for field in ("id", "title", "version", "status", "effective_from", "source", "sections")
    ),
    Bad("document", "unknown-field", 1, "unknown field 'reviewed_by'",
        DOCUMENT + "reviewed_by: someone\n"),
    Bad("document", "status-huge", 1, "is not allowed for 'status'",
        swap("status: published", "status: " + "x" * 200_000)),
    Bad("document", "status-word", 1, "'publish' is not allowed for 'status'",
        swap("status: published", "status: publish")),
    Bad("document", "status-number", 1, "'status'", swap("status: published", "status: 1")),
    Bad("document", "version-word", 1, "'one' is not a version number",
        swap('version: "1.0"', 'version: "one"')),
    Bad("document", "version-dots", 1, "is not a version number",
        swap('version: "1.0"', 'version: "1..0"')),
    Bad("document", "version-5000-digits", 1, "'version' may be at most 40 characters long",
        swap('version: "1.0"', f'version: "{"1" * 5000}"')),
    Bad("document", "version-newline", 1, "is not a version number",
        swap('version: "1.0"', 'version: "1.0\\n"')),
    *(
        Bad(
            "document",
            f"effective-{day}",
            1,
            f"'{day}' for 'effective_from' is outside the years 1900 to 2200",
            swap("effective_from: 2020-01-01", f"effective_from: {day}"),
        )
        for day in ("0000-01-01", "0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31")
    ),
    *(
        Bad(
            "document",
            f"effective-{slug}",
            1,
            "is not a valid date for 'effective_from'",
            swap("effective_from: 2020-01-01", f"effective_from: {day}"),
        )
        for slug, day in (
            ("feb-30", "2020-02-30"),
            ("month-13", "2020-13-01"),
            ("short", "2020-1-1"),
            ("slashes", '"01/01/2020"'),
            ("words", "first of May"),
            ("time", '"2020-01-01T10:00"'),
        )
    ),
    Bad("document", "review-before-effective", 1, "the review date 2019-10-01 is before",
        DOCUMENT + "review_by: 2019-10-01\n"),
    Bad("document", "review-far-future", 1, "'9999-01-01' for 'review_by' is outside the years",
        DOCUMENT + "review_by: 9999-01-01\n"),
    Bad("document", "url-javascript", 1, "'javascript:alert(1)' is not a web address",
        swap('url: "https://example.org/sample"', 'url: "javascript:alert(1)"')),
    Bad("document", "url-ftp", 1, "is not a web address",
        swap('url: "https://example.org/sample"', 'url: "ftp://example.org/x"')),
    Bad("document", "url-data", 1, "is not a web address",
        swap('url: "https://example.org/sample"', 'url: "data:text/html,<script>"')),
    Bad("document", "source-no-title", 1, "missing required field 'title'",
        swap("source: {title: Sample standards, ", "source: {")),
    Bad("document", "source-list", 1, "'source' should be a mapping of fields",
        swap(
            'source: {title: Sample standards, date: "2020", url: "https://example.org/sample"}',
            "source: [a, b]",
        )),
    *(
        Bad(
            "document",
            f"id-{slug}",
            1,
            "may only use lower-case letters, digits and single hyphens",
            swap("id: sample\n", f"id: {value}\n"),
        )
        for slug, value in (
            ("dots", "../visits"),
            ("capitals", "Sample"),
            ("spaces", "'a b'"),
            ("double-hyphen", "a--b"),
            ("slash", "a/b"),
            ("trailing", "a-"),
        )
    ),
    Bad("document", "id-too-long", 1, "'id' may be at most 80 characters long",
        swap("id: sample\n", f"id: {'a' * 81}\n")),
    Bad("document", "sections-text", 1, "'sections' should be a list, not the text 'none yet'",
        DOCUMENT.split("sections:")[0] + "sections: none yet\n"),
    Bad("document", "statements-missing-text", 1, "missing required field 'text'",
        swap(
            "        text: A child on a child protection plan is seen at least every 10 "
            "working days.\n",
            "",
        )),
    Bad("document", "statement-duplicate-id", 1, "duplicate statement id 'cp-visits'",
        DOCUMENT + "      - id: cp-visits\n        text: Again.\n"),
    Bad("document", "rule-duplicate-id", 1, "duplicate rule id 'cp-visit'",
        DOCUMENT +
        "          - id: cp-visit\n            subject: {group: child_protection}\n"
        "            activity: statutory_visit\n            timescale: at least every 10 working"
        " days from the start of the plan\n            strength: must\n            words: at "
        "least every 10 working days\n"),
    Bad("document", "unknown-group", 1, "unknown group 'child_protecton'",
        swap("{group: child_protection}", "{group: child_protecton}")),
    Bad("document", "unknown-activity", 1, "unknown activity 'statutory_vist'",
        swap("activity: statutory_visit", "activity: statutory_vist")),
    Bad("document", "unknown-condition", 1, "unknown condition 'manager_aproved'",
        swap(
            "            strength: must\n",
            "            strength: must\n            conditions: {manager_aproved: true}\n",
        )),
    Bad("document", "qualifier-wrong-group", 1, "the qualifier 'placement_type' does not apply",
        swap(
            "{group: child_protection}",
            "{group: child_protection, placement_type: foster_care}",
        )),
    Bad("document", "strength", 1, "'shall' is not allowed for 'strength'",
        swap("strength: must", "strength: shall")),
    Bad("document", "subject-null", 1, "'subject' should be a mapping of fields",
        swap("subject: {group: child_protection}", "subject: null")),
    Bad("document", "subject-no-group", 1, "missing required field 'group'",
        swap("subject: {group: child_protection}", "subject: {}")),
    Bad("document", "rule-no-words", 1, "missing required field 'words'",
        swap("            words: at least every 10 working days\n", "")),
    Bad("document", "timescale-typo", 1, "fortnighly",
        swap(
            "at least every 10 working days from the start of the plan",
            "fortnighly from the start of the plan",
        )),
    Bad("document", "timescale-monthly", 1, "monthly",
        swap(
            "at least every 10 working days from the start of the plan",
            "monthly from the start of the plan",
        )),
    Bad("document", "timescale-million-days", 1, "is longer than 100 years",
        swap("at least every 10 working days from", "every 1000000 days from")),
    Bad("document", "timescale-9999-years", 1, "is longer than 100 years",
        swap("at least every 10 working days from", "every 9999 years from")),
    Bad("document", "timescale-huge-number", 1, "is too large",
        swap("at least every 10 working days from", f"every {'9' * 5000} days from")),
    Bad("document", "amount-zero", 1, "'amount' must be at least 1, not 0", structured(0)),
    Bad("document", "amount-negative", 1, "'amount' must be at least 1, not -3", structured(-3)),
    Bad("document", "amount-century-plus", 1, "is longer than 100 years",
        structured(100_000, "days")),
    Bad("document", "amount-5000-digits", 1, "amount", structured("9" * 5000, "days")),
    Bad("document", "amount-word", 1, "'amount' should be a whole number", structured("ten")),
    Bad("document", "amount-decimal", 1, "'amount' should be a whole number", structured("1.5")),
    Bad("document", "unit-fortnights", 1, "'fortnights' is not allowed for 'unit'",
        structured(1, "fortnights")),
    Bad("document", "words-not-in-text", 1, "quotes words that are not in its statement",
        swap("words: at least every 10 working days", "words: every fortnight")),
    Bad("document", "timescale-null", 1, "timescale", swap(RULE, "            timescale: null\n")),
    Bad("document", "text-empty", 1, "text",
        swap(
            "text: A child on a child protection plan is seen at least every 10 working days.",
            'text: ""',
        )),
]

AUTHORITIES = [
    # found by the soak run: the jurisdiction names a folder, and 400 digits is too long a name
    Bad("authority", "jurisdiction-400-digits", 1, "'jurisdiction' may be at most 80 characters",
        swap("jurisdiction: england", "jurisdiction: " + "9" * 400 + "england")),
    Bad("authority", "unknown-calendar", 1, "unknown calendar 'england-and-wale'",
        swap("calendar: england-and-wales", "calendar: england-and-wale")),
    Bad("authority", "missing-name", 1, "missing required field 'name'",
        swap("name: Sample Council\n", "")),
    Bad("authority", "missing-calendar", 1, "missing required field 'calendar'",
        swap("calendar: england-and-wales\n", "")),
    Bad("authority", "closure-2150", 1,
        "the closure day 2150-01-01 is outside the years the calendar covers",
        swap("closures: [2025-12-29]", "closures: [2150-01-01]")),
    Bad("authority", "closure-1950", 1,
        "the closure day 1950-06-01 is outside the years the calendar covers",
        swap("closures: [2025-12-29]", "closures: [1950-06-01]")),
    Bad("authority", "closure-year-0", 1, "'0000-01-01' for 'closures' is outside the years",
        swap("closures: [2025-12-29]", "closures: [0000-01-01]")),
    Bad("authority", "closure-feb-30", 1, "is not a valid date",
        swap("closures: [2025-12-29]", "closures: [2025-02-30]")),
    Bad("authority", "closure-twice", 1, "closures",
        swap("closures: [2025-12-29]", "closures: [2025-12-29, 2025-12-29]")),
    Bad("authority", "id-not-folder", 1, "the authority id 'other' does not match its folder",
        swap("id: sample", "id: other")),
    Bad("authority", "unknown-jurisdiction", 1, "englund",
        swap("jurisdiction: england", "jurisdiction: englund")),
    Bad("authority", "unknown-field", 1, "unknown field 'colour'", AUTHORITY + "colour: red\n"),
    Bad("authority", "a-folder", 1, "authority.yaml is a folder",
        lambda root: _replace_with_folder(root / "sample" / "authority.yaml")),
    Bad("authority", "a-link-out", 1, "a symbolic link to a file outside",
        lambda root: _link(root / "sample" / "authority.yaml", BASE / "authority.yaml")),
]


def _replace_with_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()
    (path / "x.yaml").write_text("id: x\n")


def _link(path: Path, target: Path) -> None:
    path.unlink(missing_ok=True)
    path.symlink_to(target)


def _socket(path: Path) -> None:
    path.unlink(missing_ok=True)
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()


def _second_version(text: str, version: str = "2.0") -> Callable[[Path], None]:
    def write(root: Path) -> None:
        (root / "sample" / "sample" / f"{version}.yaml").write_text(text, encoding="utf-8")

    return write


SECOND = DOCUMENT.replace('version: "1.0"', 'version: "2.0"').replace(
    "effective_from: 2020-01-01", "effective_from: 2021-01-01"
)
CORPORA = [
    Bad("corpus", "document-id-not-folder", 1,
        "the document id 'other' does not match its folder 'sample'",
        swap("id: sample\n", "id: other\n")),
    Bad("corpus", "file-name-version", 1, "does not match the version it holds ('2.0')",
        swap('version: "1.0"', 'version: "2.0"')),
    Bad("corpus", "replaces-unknown", 1,
        "statement 'cp-visits' replaces 'cp-seen', which no earlier version of 'sample' has",
        _second_version(
            SECOND.replace(
                "      - id: cp-visits\n",
                "      - id: cp-visits\n        replaces: cp-seen\n",
            ),
        )),
    Bad("corpus", "same-date", 1, "take effect on the same day",
        _second_version(
            SECOND.replace("effective_from: 2021-01-01", "effective_from: 2020-01-01"),
        )),
    Bad("corpus", "out-of-order", 1, "has a lower number",
        _second_version(
            SECOND.replace("effective_from: 2021-01-01", "effective_from: 2019-01-01"),
        )),
    Bad("corpus", "link-out", 1, "a symbolic link to a file outside",
        lambda root: _link(root / "sample" / "sample" / "2.0.yaml", BASE / "document.yaml")),
    Bad("corpus", "link-to-dev-zero", 1, "not read",
        lambda root: _link(root / "sample" / "sample" / "2.0.yaml", Path("/dev/zero"))),
    Bad("corpus", "folder-named-yaml", 1, "a folder, not a regular file",
        lambda root: (root / "sample" / "sample" / "2.0.yaml").mkdir()),
    Bad("corpus", "socket", 1, "a socket, not a regular file",
        lambda root: _socket(root / "sample" / "sample" / "2.0.yaml")),
    Bad("corpus", "unreadable", 1, "cannot read the file",
        lambda root: os.chmod(root / "sample" / "sample" / "1.0.yaml", 0)),
]

SCENARIOS = [
    Bad("scenario", "bad-date", 1, "'2025-13-01' is not a valid date for 'start'",
        swap("start: 2025-12-19", "start: 2025-13-01")),
    Bad("scenario", "far-date", 1, "'9999-01-01' for 'start' is outside the years",
        swap("start: 2025-12-19", "start: 9999-01-01")),
    Bad("scenario", "missing-name", 1, "missing required field 'name'",
        swap(
            "  - name: A plan starting on a Friday is visited within 10 working days\n    ",
            "  - ",
        )),
    Bad("scenario", "unknown-field", 1, "unknown field", SCENARIO + "colour: red\n"),
    Bad("scenario", "not-a-list", 1, "'cases' should be a list", "cases: several\n"),
    Bad("scenario", "yaml-syntax", 1, "YAML syntax error", SCENARIO + "  - name: [unclosed\n"),
]


def rows(*lines: str) -> str:
    return HEADER + "".join(line + "\n" for line in lines)


GOOD_ROW = "C1,child_in_need,plan_start,2025-05-01,,"
TABLES = [
    Bad("cases", "empty", 2, "the table is empty", ""),
    Bad("cases", "unknown-column", 2, "unknown column 'colour'",
        "case_id,group,event,date,colour\n"),
    Bad("cases", "missing-date-column", 2, "the header has no column 'date'",
        "case_id,group,event\nC1,child_in_need,plan_start\n"),
    Bad("cases", "column-twice", 2, "a column is named twice", "case_id,group,event,date,date\n"),
    Bad("cases", "header-unclosed-quote", 2, "error", '"case_id,group,event,date\n' + GOOD_ROW),
    Bad("cases", "latin-1", 2, "is not UTF-8",
        rows("C\u00e9,child_in_need,plan_start,2025-05-01,,").encode("latin-1")),
    Bad("cases", "eleven-megabytes", 2, "larger than 10 MB",
        HEADER + (GOOD_ROW + "\n") * (11 * MB // len(GOOD_ROW))),
    Bad("cases", "a-device", 2, "not read: a device",
        lambda root: _link(root / "cases.csv", Path("/dev/zero"))),
    Bad("cases", "unclosed-quote", 1, 'a quote (") is opened and not closed on this line',
        rows('"C1,child_in_need,plan_start,2025-05-01,,', GOOD_ROW)),
    Bad("cases", "unclosed-quote-cr", 1, 'a quote (") is opened and not closed',
        (HEADER + '"C1,child_in_need,plan_start,2025-05-01,,\r' + GOOD_ROW).replace("\n", "\r")),
    Bad("cases", "text-after-quote", 1, "not CSV",
        rows('"C1"x,child_in_need,plan_start,2025-05-01,,')),
    Bad("cases", "field-over-limit", 1, "a field longer than",
        rows(f'C1,"{"x" * 200_000}",plan_start,2025-05-01,,')),
    Bad("cases", "field-over-arrow-block", 1, "unknown group",
        rows(f"C1,{'x' * (2 * MB)},plan_start,2025-05-01,,")),
    Bad("cases", "too-many-fields", 1, "expected 6 fields", rows(GOOD_ROW + ",extra")),
    Bad("cases", "too-few-fields", 1, "expected 6 fields", rows("C1,child_in_need")),
    Bad("cases", "bad-date", 1, "'2025-13-01' is not a date",
        rows("C1,child_in_need,plan_start,2025-13-01,,")),
    Bad("cases", "outside-horizon", 1, "is outside the pack's horizon",
        rows("C1,child_in_need,plan_start,1800-01-01,,")),
    Bad("cases", "unknown-group", 1, "unknown group 'child_in_nead'",
        rows("C1,child_in_nead,plan_start,2025-05-01,,")),
    Bad("cases", "unknown-event", 1, "unknown event 'plan_strat'",
        rows("C1,child_in_need,plan_strat,2025-05-01,,")),
    Bad("cases", "facts-not-pairs", 1, "is not name=value",
        rows("C1,child_in_need,plan_start,2025-05-01,approved,")),
    Bad("cases", "unknown-fact", 1, "unknown fact 'manager_aproved'",
        rows("C1,child_in_need,plan_start,2025-05-01,manager_aproved=true,")),
    Bad("cases", "fact-not-boolean", 1, "is neither true nor false",
        rows("C1,child_in_need,plan_start,2025-05-01,manager_approved=maybe,")),
    Bad("cases", "unknown-qualifier", 1, "unknown qualifier 'colour'",
        rows("C1,child_in_need,plan_start,2025-05-01,,colour=red")),
    Bad("cases", "no-case-id", 1, "no case_id", rows(",child_in_need,plan_start,2025-05-01,,")),
    Bad("cases", "out-is-input", 2, "is the table being audited", CASES, ("--out", "{cases}")),
    Bad("cases", "summary-is-input", 2, "is the table being audited", CASES,
        ("--summary-json", "{cases}")),
    Bad("cases", "on-year-0", 2, "outside the years 1900 to 2200", CASES, ("--on", "0001-01-01")),
]

DUE_CASE = ("due", "--authority", "walsall", "--subject", "child_in_need", "--activity",
            "statutory_visit")
COMMANDS = [
    Bad("command", "million-days", 1, "is longer than 100 years",
        args=("timescale", "every 1000000 days", "--from", "2025-01-01")),
    Bad("command", "9999-years", 1, "is longer than 100 years",
        args=("timescale", "every 9999 years", "--from", "2025-01-01")),
    Bad("command", "count-ten-million", 2, "is not in the range 1<=x<=100",
        args=("timescale", "weekly", "--from", "2025-01-01", "--count", "10000000")),
    Bad("command", "count-zero", 2, "is not in the range",
        args=("timescale", "weekly", "--from", "2025-01-01", "--count", "0")),
    Bad("command", "count-past-9999", 2, "run past the year 9999",
        args=("timescale", "every 100 years", "--from", "2200-01-01", "--count", "100")),
    Bad("command", "from-9999", 2, "9999-01-01 is outside the years 1900 to 2200",
        args=("timescale", "weekly", "--from", "9999-01-01")),
    Bad("command", "from-not-a-date", 2, "'--from'",
        args=("timescale", "weekly", "--from", "soon")),
    Bad("command", "long-phrase", 1, "cannot read", args=("timescale", "every " + "x " * 50_000)),
    Bad("command", "empty-phrase", 1, "cannot read", args=("timescale", "")),
    Bad("command", "horizon-100000", 2, "is not in the range 1<=x<=100",
        args=("compare", "weekly", "fortnightly", "--horizon", "100000")),
    Bad("command", "horizon-zero", 2, "is not in the range",
        args=("compare", "weekly", "fortnightly", "--horizon", "0")),
    Bad("command", "compare-million-days", 1, "is longer than 100 years",
        args=("compare", "every 1000000 days", "weekly")),
    Bad("command", "serve-port-negative", 2, "write HOST:PORT with a port from 0 to 65535",
        args=("serve", "--address", "127.0.0.1:-1")),
    Bad("command", "serve-port-huge", 2, "write HOST:PORT",
        args=("serve", "--address", "127.0.0.1:99999")),
    Bad("command", "serve-no-port", 2, "write HOST:PORT", args=("serve", "--address", "here")),
    Bad("command", "check-missing", 2, "does not exist", args=("check", "no/such/folder")),
    Bad("command", "audit-missing", 2, "does not exist",
        args=("audit", "no/such.csv", "--authority", "walsall", "--on", "2025-06-02")),
    Bad("command", "due-event-not-date", 2, "write the date as YYYY-MM-DD",
        args=(*DUE_CASE, "--from", "2025-05-01", "--event", "first_review=soon")),
    Bad("command", "due-fact-not-boolean", 2, "write true or false",
        args=(*DUE_CASE, "--from", "2025-05-01", "--fact", "manager_approved=maybe")),
    Bad("command", "due-from-year-1", 2, "outside the years 1900 to 2200",
        args=(*DUE_CASE, "--from", "0001-01-01")),
    Bad("command", "verify-no-manifest", 1, "no manifest.json", args=("verify", "{tmp}")),
]


def _tamper_byte(folder: Path) -> None:
    pack = folder / "walsall" / "2024-03-04.json"
    pack.write_bytes(pack.read_bytes().replace(b'"strength": "must"', b'"strength": "mist"', 1))


def _rewrite(name: str, change: Callable[[object], object], *, sign: bool = True) -> Callable:
    """Change a packs file's JSON and (with ``sign``) the manifest to match: a careful forger."""

    def tamper(folder: Path) -> None:
        path = folder / name
        data = change(json.loads(path.read_text(encoding="utf-8")))
        path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
        if sign and name != "manifest.json":
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            manifest["files"][name] = digest
            (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")

    return tamper


def _set(path: tuple[object, ...], value: object) -> Callable[[object], object]:
    def change(data: object) -> object:
        node = data
        for key in path[:-1]:
            node = node[key]  # type: ignore[index]
        node[path[-1]] = value  # type: ignore[index]
        return data

    return change


PACK = "walsall/2024-03-04.json"


def _point_index_at(target: str) -> Callable[[object], object]:
    """An index.json change: the walsall pack's entries name ``target`` instead."""
    return lambda index: json.loads(json.dumps(index).replace(f'"{PACK}"', json.dumps(target)))


PACKS = [
    Bad("packs", "one-byte", 2, "2024-03-04.json: changed since the build", _tamper_byte),
    Bad("packs", "index-list", 2, "index.json", _rewrite("index.json", lambda _: [])),
    Bad("packs", "index-no-packs", 2, "index.json",
        _rewrite("index.json", lambda d: {**d, "authorities": [{"id": "walsall"}]})),
    Bad("packs", "index-null", 2, "index.json", _rewrite("index.json", lambda _: None)),
    Bad("packs", "index-escapes", 2, "a path that leaves its folder",
        _rewrite(
            "index.json",
            _point_index_at("../../../../etc/hostname"),
        )),
    Bad("packs", "index-absolute", 2, "a path that leaves its folder",
        _rewrite(
            "index.json",
            _point_index_at("/etc/hostname"),
        )),
    Bad("packs", "index-names-unlisted-file", 2, "not in manifest.json",
        lambda folder: (shutil.copy(folder / PACK, folder / "walsall" / "copy.json"),
                        _rewrite("index.json", _point_index_at("walsall/copy.json"))(folder))),
    Bad("packs", "null-subject", 2, PACK, _rewrite(PACK, _set(("rules", 0, "subject"), None))),
    Bad("packs", "rules-null", 2, PACK, _rewrite(PACK, _set(("rules",), None))),
    Bad("packs", "amount-billion", 2, "is longer than 100 years",
        _rewrite(
            PACK,
            lambda d: json.loads(json.dumps(d).replace('"amount": 6', '"amount": 1000000000', 1)),
        )),
    Bad("packs", "horizon-9999", 2, "is not within the years",
        _rewrite(PACK, _set(("horizon", "to"), "9999-12-31"))),
    Bad("packs", "pack-format-9", 2, "format version '9.0.0'",
        _rewrite(PACK, _set(("format_version",), "9.0.0"))),
    Bad("packs", "manifest-format-9", 2, "format version '9.0.0' cannot be read",
        _rewrite("manifest.json", _set(("format_version",), "9.0.0"))),
    Bad("packs", "manifest-missing", 2, "no manifest.json",
        lambda folder: (folder / "manifest.json").unlink()),
    Bad("packs", "manifest-not-json", 2, "cannot be read as JSON",
        _rewrite("manifest.json", lambda _: "{not json")),
    Bad("packs", "manifest-no-files", 2, "has no 'files' mapping",
        _rewrite("manifest.json", _set(("files",), ["a"]))),
    # found by the soak run: Python refuses to read a number of more than 4300 digits
    Bad("packs", "number-5000-digits", 2, "cannot be read as JSON",
        _rewrite(PACK, lambda _: "9" * 5000)),
    Bad("packs", "deeply-nested", 2, "cannot be read as JSON",
        _rewrite(PACK, lambda _: "[" * 100_000 + "]" * 100_000)),
    Bad("packs", "pack-is-dev-zero", 2, "not used",
        lambda folder: _link(folder / PACK, Path("/dev/zero"))),
    Bad("packs", "pack-missing", 2, "missing, though the packs name it",
        lambda folder: (folder / PACK).unlink()),
]

NEW_VERSIONS = [
    Bad("new-version", "version-newline", 2, "must be numbers with dots",
        args=("--version", "5.1\n")),
    Bad("new-version", "version-5000-digits", 2, "must be numbers with dots",
        args=("--version", "9" * 5000)),
    Bad("new-version", "effective-9999", 2, "the effective date 9999-12-31 is outside the years",
        args=("--effective", "9999-12-31")),
    Bad("new-version", "effective-year-1", 2, "is outside the years 1900 to 2200",
        args=("--effective", "0001-01-01")),
    Bad("new-version", "unknown-document", 2, "has no document 'nothing'",
        args=("--document", "sample/nothing")),
]  # fmt: skip

# fmt: on

CATALOGUE = DOCUMENTS + AUTHORITIES + CORPORA + SCENARIOS + TABLES + COMMANDS + PACKS + NEW_VERSIONS
DUE = ("due", "--authority", "walsall", "--subject", "child_in_need", "--activity",
       "statutory_visit", "--from", "2025-05-01", "--on", "2025-06-02")  # fmt: skip


def _apply(change: object, path: Path, original: str, root: Path) -> None:
    if isinstance(change, tuple):
        old, new = change
        assert old in original, f"the valid input has no {old!r} to change"
        path.write_text(original.replace(old, new, 1), encoding="utf-8")
    elif isinstance(change, bytes):
        path.write_bytes(change)
    elif isinstance(change, str):
        path.write_text(change, encoding="utf-8")
    elif callable(change):
        path.write_text(original, encoding="utf-8")
        change(root)


def _corpus(root: Path) -> Path:
    (root / "sample" / "sample").mkdir(parents=True)
    (root / "sample" / "tests").mkdir()
    (root / "sample" / "authority.yaml").write_text(AUTHORITY, encoding="utf-8")
    (root / "sample" / "sample" / "1.0.yaml").write_text(DOCUMENT, encoding="utf-8")
    (root / "sample" / "tests" / "cases.yaml").write_text(SCENARIO, encoding="utf-8")
    return root


def run_bad(bad: Bad, tmp_path: Path, packs: Path) -> tuple[int, str]:
    corpus = tmp_path / "corpus"
    if bad.kind == "document":
        path = tmp_path / "sample" / "1.0.yaml"
        path.parent.mkdir()
        _apply(bad.change, path, DOCUMENT, tmp_path)
        args: tuple[str, ...] = ("check", str(path))
    elif bad.kind in ("authority", "corpus", "scenario"):
        _corpus(corpus)
        path, original = {
            "authority": (corpus / "sample" / "authority.yaml", AUTHORITY),
            "corpus": (corpus / "sample" / "sample" / "1.0.yaml", DOCUMENT),
            "scenario": (corpus / "sample" / "tests" / "cases.yaml", SCENARIO),
        }[bad.kind]
        if isinstance(bad.change, tuple | str | bytes):
            _apply(bad.change, path, original, corpus)
        elif callable(bad.change):
            bad.change(corpus)
        args = ("check", str(corpus))
    elif bad.kind == "cases":
        cases = tmp_path / "cases.csv"
        _apply(bad.change, cases, CASES, tmp_path)
        extra = tuple(a.replace("{cases}", str(cases)) for a in bad.args)
        on = () if "--on" in extra else ("--on", "2025-06-02")
        args = ("audit", str(cases), "--authority", "walsall", *on, "--packs", str(packs), *extra)
    elif bad.kind == "packs":
        folder = tmp_path / "packs"
        shutil.copytree(packs, folder)
        assert callable(bad.change)
        bad.change(folder)
        args = (*DUE, "--packs", str(folder))
    elif bad.kind == "new-version":
        _corpus(corpus)
        document = bad.args[1] if bad.args[0] == "--document" else "sample/sample"
        extra = () if bad.args[0] == "--document" else bad.args
        args = ("new-version", document, "--corpus", str(corpus), *extra)
    else:
        args = tuple(a.replace("{tmp}", str(tmp_path)) for a in bad.args)
        if args[0] == "due":
            args = (*args, "--packs", str(packs))
    result = CliRunner().invoke(standards, list(args))
    return result.exit_code, result.output


def _deny_reading_as_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Answer opening a file of mode 0 as the kernel does for anyone but root: permission denied."""
    real_open = os.open

    def open_as_a_user(path: os.PathLike[str] | str, flags: int, *args: int) -> int:
        if os.stat(path).st_mode & 0o777 == 0:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", open_as_a_user)


def test_the_catalogue_is_large_enough() -> None:
    assert len(CATALOGUE) >= 150
    names = [(bad.kind, bad.name) for bad in CATALOGUE]
    assert len(set(names)) == len(names), "every entry has its own name"
    assert {bad.kind for bad in CATALOGUE} == {
        "document", "authority", "corpus", "scenario", "cases", "command", "packs", "new-version"
    }  # fmt: skip


@pytest.mark.parametrize("bad", CATALOGUE, ids=lambda bad: f"{bad.kind}-{bad.name}")
def test_bad_input_gets_its_exit_status_and_message(
    bad: Bad, tmp_path: Path, packs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if bad.name == "unreadable" and os.geteuid() == 0:
        _deny_reading_as_root(monkeypatch)  # root reads a mode-0 file; the kernel's answer is faked
    code, output = run_bad(bad, tmp_path, packs)
    assert "Traceback" not in output and "internal error" not in output, output[-2000:]
    assert code == bad.exit, output[-2000:]
    assert bad.message in output, output[-2000:]
    assert len(output) < 50_000, "a message quotes no more than a few hundred characters"
    if bad.kind == "new-version":
        written = sorted(p.name for p in (tmp_path / "corpus" / "sample" / "sample").iterdir())
        assert written == ["1.0.yaml"], "a refused new version leaves no file behind"
