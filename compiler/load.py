"""Stage 1, load: read one YAML file strictly, keeping where every value came from.

Standards files are written by people, so the loader is strict and says
exactly where a problem is:

- safe loading only, through PyYAML's C parser when it is available;
- duplicate keys are errors (PyYAML would silently keep the last one);
- aliases are refused before anything walks the tree (an alias bomb costs
  nothing to parse but explodes whatever walks it);
- tags (``!!python/object`` and friends) are refused;
- only ``true`` and ``false`` are booleans (``no`` stays the word "no"), and
  dates, times and decimals stay text, exactly as written, for the schema to
  judge;
- a byte-order mark, bytes that are not UTF-8, tabs used for indentation and
  empty files each get their own message.

The result is plain data (dicts, lists, strings, ints, bools, None) plus a map
from each value's path to its line and column, so schema errors (which carry
JSON paths) and model objects can point back into the file.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from compiler.errors import Finding, FindingsError, Location, error
from compiler.util.safe_files import UnsafeFileError, read_regular
from compiler.yaml_causes import likely_cause

JsonPath = tuple[str | int, ...]

_FAST = getattr(yaml, "__with_libyaml__", False)
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


@dataclass(frozen=True)
class Source:
    """One loaded file: its plain data and the position of every value and key.

    >>> source = load_text("a: 1\\nb: [x, y]\\n", Path("f.yaml"))
    >>> source.data
    {'a': 1, 'b': ['x', 'y']}
    >>> str(source.location(("b", 1)))
    'f.yaml:2:8'
    """

    path: Path
    data: Any
    positions: Mapping[JsonPath, tuple[int, int]]
    key_positions: Mapping[JsonPath, tuple[int, int]]
    quoted: frozenset[JsonPath] = frozenset()

    def text_location(self, path: JsonPath, column: int) -> Location:
        """Where the ``column``-th character (1-based) of the text value at ``path`` is."""
        start = self.location(path)
        offset = 1 if tuple(path) in self.quoted else 0
        return Location(self.path, start.line, start.column + offset + max(column, 1) - 1)

    def location(self, path: JsonPath = ()) -> Location:
        """Where the value at ``path`` starts; the nearest known ancestor if it is missing."""
        path = tuple(path)
        while path not in self.positions and path:
            path = path[:-1]
        line, column = self.positions.get(path, (1, 1))
        return Location(self.path, line, column)

    def key_location(self, path: JsonPath) -> Location:
        """Where the key of the mapping entry at ``path`` is written."""
        if tuple(path) in self.key_positions:
            line, column = self.key_positions[tuple(path)]
            return Location(self.path, line, column)
        return self.location(path)


def load(path: Path, *, fast: bool = True, inside: Path | None = None) -> Source:
    """Load one YAML file strictly; raise :class:`FindingsError` with its position if it is bad.

    ``fast=False`` forces the pure-Python parser (the benchmark compares both).
    ``inside`` is the corpus folder: a symbolic link leaving it is refused, and so is
    anything but a regular file (see :mod:`compiler.util.safe_files`).
    """
    try:
        raw = read_regular(path, inside=inside)
    except UnsafeFileError as exc:
        raise FindingsError(
            [error("unsafe-file", f"not read: {exc.reason}", Location(path), exc.hint)]
        ) from None
    except OSError as exc:
        raise FindingsError(
            [error("unreadable-file", f"cannot read the file: {exc.strerror}", Location(path))]
        ) from None
    return load_text(_decode(raw, path), path, fast=fast)


def load_text(text: str, path: Path, *, fast: bool = True) -> Source:
    """Load YAML text strictly (see :func:`load`); ``path`` is only used in messages."""
    if not text.strip() or all(
        line.strip().startswith("#") or not line.strip() for line in text.splitlines()
    ):
        raise FindingsError(
            [
                error(
                    "empty-file",
                    "the file is empty",
                    Location(path, 1, 1),
                    "write the document's fields, or delete the file",
                )
            ]
        )
    loader = yaml.CSafeLoader if fast and _FAST else yaml.SafeLoader
    if _nesting_bound(text) > MAX_DEPTH:
        _refuse_deep_nesting(text, path, loader)
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        raise FindingsError([_syntax_finding(exc, text, path)]) from None
    except yaml.reader.ReaderError as exc:  # a control character: PyYAML gives its offset
        raise FindingsError([_control_character(exc, text, path)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks its other errors
        raise FindingsError([error("yaml-syntax", str(exc), Location(path, 1, 1))]) from None
    positions: dict[JsonPath, tuple[int, int]] = {}
    key_positions: dict[JsonPath, tuple[int, int]] = {}
    problems: list[Finding] = []
    quoted: set[JsonPath] = set()
    try:
        data = _convert(node, (), path, _Marks(positions, key_positions, quoted), problems)
    except _Repeated:  # an alias: the composed tree shares the anchored node
        _refuse_aliases(text, path, loader)  # raises, naming the alias where it is written
        raise  # pragma: no cover - the scan always finds the alias the tree shares
    if problems:
        raise FindingsError(problems)
    return Source(path, data, positions, key_positions, frozenset(quoted))


def _decode(raw: bytes, path: Path) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raise FindingsError(
            [
                error(
                    "byte-order-mark",
                    "the file starts with a byte-order mark (BOM)",
                    Location(path, 1, 1),
                    "save the file as UTF-8 without a BOM (most editors offer 'UTF-8' beside "
                    "'UTF-8 with BOM')",
                )
            ]
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise FindingsError(
            [
                error(
                    "not-utf8",
                    f"byte 0x{raw[exc.start]:02x} is not valid UTF-8",
                    Location(path, line, column),
                    "save the file as UTF-8; text copied from Word often brings another encoding",
                )
            ]
        ) from None


MAX_DEPTH = 100
"""How deeply lists and mappings may nest. A standards document needs about ten levels;
thousands crashed the loader (a RecursionError at about 490, a segmentation fault of
the C composer at 100,000), so deeper files are refused before they are composed."""


def _nesting_bound(text: str) -> int:
    """A cheap upper bound on how deeply ``text`` nests, so most files skip the exact scan.

    A nested block collection is indented further than its parent (a list under a key
    may share its indentation), so two levels per distinct indentation, plus compact
    ``- - x`` entries and every flow bracket, bounds the depth.
    """
    widths: set[int] = set()
    compact = 0
    for line in text.splitlines():
        spaces = len(line) - len(line.lstrip(" "))
        widths.add(spaces)
        compact = max(compact, len(line) - spaces - len(line.lstrip(" -?")))
    return 2 * len(widths) + compact + text.count("[") + text.count("{") + 2


def _refuse_deep_nesting(text: str, path: Path, loader: type) -> None:
    """Scan the parser's events (no recursion) and refuse nesting deeper than MAX_DEPTH."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise FindingsError(
                        [
                            error(
                                "yaml-depth",
                                f"lists and mappings nest more than {MAX_DEPTH} levels deep here",
                                Location(path, mark.line + 1, mark.column + 1),
                                "a standards file needs about ten levels: check the brackets "
                                "and indentation",
                            )
                        ]
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.reader.ReaderError as exc:
        raise FindingsError([_control_character(exc, text, path)]) from None
    except yaml.MarkedYAMLError as exc:
        raise FindingsError([_syntax_finding(exc, text, path)]) from None


class _Repeated(Exception):
    """A node met twice while walking a composed tree: the file uses an alias."""


def _refuse_aliases(text: str, path: Path, loader: type) -> None:
    """Refuse aliases, found by scanning the parser's events, at the alias's own position.

    Called only once a walk of the composed tree has met a node twice, which stops
    the walk at once: an alias bomb is never expanded.
    """
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent):
                mark = event.start_mark
                raise FindingsError(
                    [
                        error(
                            "yaml-alias",
                            f"aliases ('*{event.anchor}') are not allowed in standards files",
                            Location(path, mark.line + 1, mark.column + 1),
                            "write the value out in full where it is needed",
                        )
                    ]
                )
    except yaml.MarkedYAMLError as exc:
        raise FindingsError([_syntax_finding(exc, text, path)]) from None


def _control_character(exc: yaml.reader.ReaderError, text: str, path: Path) -> Finding:
    """A character YAML does not allow (a control character), at its own line and column."""
    before = text[: exc.position]
    line = before.count("\n") + 1
    column = exc.position - (before.rfind("\n") + 1) + 1
    character = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[0])
    return error(
        "yaml-character",
        f"the control character U+{character:04X} is not allowed in a standards file",
        Location(path, line, column),
        "delete it: text pasted from another program sometimes brings invisible characters",
    )


def _syntax_finding(exc: yaml.MarkedYAMLError, text: str, path: Path) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (exc.problem or "").strip()
    lines = text.splitlines()
    offending = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in problem or "'\\t'" in problem or "\t" in offending[: max(column, 1)]:
        tab_column = offending.find("\t") + 1 or column
        return error(
            "yaml-tab",
            "a tab character is used for indentation",
            Location(path, line, tab_column),
            "indent with spaces only (two per level); set your editor to insert spaces for tabs",
        )
    context = f"{exc.context}, " if exc.context else ""
    if "single document" in problem or "single document" in context:
        return error(
            "yaml-documents",
            "the file holds more than one YAML document",
            Location(path, line, column),
            "a standards file holds one document: remove the '---' line and what follows, "
            "or move it to its own file",
        )
    return error(
        "yaml-syntax",
        f"YAML syntax error: {context}{problem}",
        Location(path, line, column),
        likely_cause(problem, offending),
    )


@dataclass
class _Marks:
    """Where the values and keys of one file are, filled in while converting it."""

    positions: dict[JsonPath, tuple[int, int]]
    key_positions: dict[JsonPath, tuple[int, int]]
    quoted: set[JsonPath]
    walked: set[int] = field(default_factory=set)


def _convert(
    node: yaml.Node, path: JsonPath, file: Path, marks: _Marks, problems: list[Finding]
) -> Any:
    if id(node) in marks.walked:
        raise _Repeated
    marks.walked.add(id(node))
    marks.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.ScalarNode) and node.style in ("'", '"'):
        marks.quoted.add(path)
    if node.tag not in _STANDARD_TAGS:
        problems.append(
            error(
                "yaml-tag",
                f"the tag '{node.tag.replace('tag:yaml.org,2002:', '!!')}' is not allowed "
                "in standards files",
                Location(file, node.start_mark.line + 1, node.start_mark.column + 1),
                "remove the tag; standards files hold plain text, numbers, lists and mappings",
            )
        )
        return None
    if isinstance(node, yaml.MappingNode):
        return dict(_mapping(node, path, file, marks, problems))
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, (*path, index), file, marks, problems)
            for index, item in enumerate(node.value)
        ]
    return _scalar(node)


def _mapping(
    node: yaml.MappingNode, path: JsonPath, file: Path, marks: _Marks, problems: list[Finding]
) -> Iterator[tuple[str, Any]]:
    seen: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
        if not isinstance(key, str):
            problems.append(
                error(
                    "yaml-key",
                    "a key must be a plain word",
                    Location(file, key_node.start_mark.line + 1, key_node.start_mark.column + 1),
                    "keys in standards files are words like 'id' or 'timescale'",
                )
            )
            continue
        if key in seen:
            first = seen[key].start_mark
            problems.append(
                error(
                    "duplicate-key",
                    f"duplicate key '{key}' (first defined at line {first.line + 1}, "
                    f"column {first.column + 1})",
                    Location(file, key_node.start_mark.line + 1, key_node.start_mark.column + 1),
                    "a key may appear only once in a mapping: keep one and delete the other",
                )
            )
            continue
        seen[key] = key_node
        child = (*path, key)
        marks.key_positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        yield key, _convert(value_node, child, file, marks, problems)


def _scalar(node: yaml.ScalarNode) -> Any:
    """YAML 1.2-style scalars: only true/false are booleans; dates and decimals stay text."""
    value = node.value
    tag = node.tag  # quoted scalars always resolve to str, so 'yes' in quotes stays text
    if tag == "tag:yaml.org,2002:int":
        try:
            return int(value.replace("_", ""))
        except ValueError:
            return value
    if tag == "tag:yaml.org,2002:bool":
        lowered = value.lower()
        return {"true": True, "false": False}.get(lowered, value)
    if tag == "tag:yaml.org,2002:null":
        return None
    return value
