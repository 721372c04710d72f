"""Stage 2, validate: check a loaded file against its JSON Schema, and say where each problem is.

Every schema error is reported (not just the first), at the line and column of
the offending value in the YAML, in words a principal social worker can act
on: unknown fields and vocabulary terms get a "did you mean", dates say how to
write a date, types say what was expected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from compiler.errors import Finding, Location, error
from compiler.load import JsonPath, Source
from compiler.schemas import quick_validator, validator
from compiler.unknown_terms import unknown_term_hint
from compiler.vocabulary import suggest, vocabulary

if TYPE_CHECKING:
    from jsonschema import ValidationError

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of fields",
    "null": "empty",
}


def validate(source: Source, kind: str) -> list[Finding]:
    """All schema findings for ``source`` checked as a ``kind`` file (``document``, ...).

    >>> from pathlib import Path
    >>> from compiler.load import load_text
    >>> found = validate(load_text("id: x\\n", Path("authority.yaml")), "authority")
    >>> [f.message for f in found]  # doctest: +NORMALIZE_WHITESPACE
    ["missing required field 'calendar'", "missing required field 'jurisdiction'",
     "missing required field 'name'"]
    """
    if quick_validator(kind).is_valid(source.data):
        return []
    errors = validator(kind).iter_errors(source.data)
    # One mistake can break two keywords ('24-03-04' fails both pattern and format): say it once.
    findings = list(dict.fromkeys(_finding(source, err) for err in _leaves(errors)))
    return sorted(findings, key=lambda f: (f.location.line, f.location.column, f.message))


def _leaves(errors: Iterable[ValidationError]) -> Iterable[ValidationError]:
    """Replace an anyOf/oneOf failure by the errors of the alternative the author meant.

    Vocabulary terms and other lists of constants are reported as one error
    with the choices; for alternatives of different shapes (shorthand text or
    a canonical structure), the alternative matching the value's type is the
    one the author meant, and all its errors are reported.
    """
    from jsonschema.exceptions import best_match

    for err in errors:
        if err.validator not in ("anyOf", "oneOf") or not err.context or _choices(err):
            yield err
            continue
        branches: dict[int, list[ValidationError]] = {}
        for sub in err.context:
            branches.setdefault(int(sub.relative_schema_path[0]), []).append(sub)
        fitting = [
            subs
            for subs in branches.values()
            if not any(s.validator == "type" and not s.relative_path for s in subs)
        ]
        if len(fitting) == 1:
            yield from _leaves(fitting[0])
        else:
            yield from _leaves([best_match(err.context)])


def _choices(err: ValidationError) -> list[Any]:
    """The allowed values where the schema lists them: ``enum``, ``const``, or an ``anyOf`` made
    only of ``const`` alternatives (an enumeration with a description for each value)."""
    if err.validator == "enum":
        return list(err.validator_value)
    if err.validator == "const":
        return [err.validator_value]
    alternatives = err.validator_value if err.validator == "anyOf" else []
    if alternatives and all(isinstance(a, dict) and "const" in a for a in alternatives):
        return [a["const"] for a in alternatives]
    return []


def _vocabulary_kind(err: ValidationError) -> str | None:
    schema = err.schema if isinstance(err.schema, dict) else {}
    return schema.get("x-vocabulary")


@dataclass(frozen=True)
class _Problem:
    """One schema error with what every wording of it needs: where it is and which field."""

    source: Source
    err: ValidationError
    path: JsonPath
    where: Location
    field: str


def _finding(source: Source, err: ValidationError) -> Finding:
    """The first wording in :data:`_WORDINGS` that recognises ``err``, else a plain one."""
    path: JsonPath = tuple(err.absolute_path)
    problem = _Problem(source, err, path, source.location(path), _field_name(path))
    for wording in _WORDINGS:
        finding = wording(problem)
        if finding is not None:
            return finding
    field, where = problem.field, problem.where
    return error("schema", f"'{field}': {err.message}", where, _describe_property(err.schema, ""))


def _unknown_term_of(problem: _Problem) -> Finding | None:
    err, where = problem.err, problem.where
    kind = _vocabulary_kind(err)
    if "propertyNames" in err.relative_schema_path or "propertyNames" in err.schema_path:
        where = problem.source.key_location((*problem.path, err.instance))
        kind = kind or "conditions"
    return _unknown_term(kind, err.instance, where) if kind else None


def _not_a_choice(problem: _Problem) -> Finding | None:
    err = problem.err
    choices = _choices(err)
    if not choices:
        return None
    return error(
        "schema-choice",
        f"'{err.instance}' is not allowed for '{problem.field}'",
        problem.where,
        f"use one of: {', '.join(map(str, choices))}. {suggest(err.instance, choices)}".strip(),
    )


def _missing(problem: _Problem) -> Finding | None:
    err = problem.err
    if err.validator != "required":
        return None
    missing = err.message.split("'")[1] if "'" in err.message else "?"
    return error(
        "schema-required",
        f"missing required field '{missing}'",
        problem.where,
        _describe_property(err.schema, missing),
    )


def _unexpected_fields(problem: _Problem) -> Finding | None:
    err = problem.err
    if err.validator != "additionalProperties":
        return None
    allowed = list(err.schema.get("properties", {}))
    known = set(allowed)
    unexpected = [key for key in err.instance if key not in known]
    return _unknown_fields(problem.source, problem.path, unexpected, allowed)


def _wrong_type(problem: _Problem) -> Finding | None:
    err = problem.err
    if err.validator != "type":
        return None
    expected = err.validator_value
    expected = expected if isinstance(expected, list) else [expected]
    words = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
    return error(
        "schema-type",
        f"'{problem.field}' should be {words}, not {_describe_value(err.instance)}",
        problem.where,
        _type_hint(err.instance, expected),
    )


def _bad_date(problem: _Problem) -> Finding | None:
    err, field = problem.err, problem.field
    if not _is_date_error(err):
        return None
    if _outside_the_years(err.instance):
        return error(
            "schema-date",
            f"'{err.instance}' for '{field}' is outside the years {FIRST_YEAR} to {LAST_YEAR}",
            problem.where,
            "dates in standards fall between 1900 and 2200: check the year for a typing mistake",
        )
    return error(
        "schema-date",
        f"'{err.instance}' is not a valid date for '{field}'",
        problem.where,
        "write dates as YYYY-MM-DD, such as 2017-05-01",
    )


def _not_a_web_address(problem: _Problem) -> Finding | None:
    err = problem.err
    if not (err.validator == "pattern" and str(err.validator_value).startswith("^https?")):
        return None
    return error(
        "schema-url",
        f"'{err.instance}' is not a web address",
        problem.where,
        "write the full address starting with https:// (or http://)",
    )


def _too_long(problem: _Problem) -> Finding | None:
    err = problem.err
    if err.validator != "maxLength":
        return None
    return error(
        "schema-length",
        f"'{problem.field}' may be at most {err.validator_value} characters long; this one has "
        f"{len(str(err.instance)):,}",
        problem.where,
        _describe_property(err.schema, "") or "shorten it",
    )


def _bad_id_of(problem: _Problem) -> Finding | None:
    err, field = problem.err, problem.field
    if (err.validator == "pattern" and field in ("id", "rule", "version")) or _is_id(err):
        return _bad_id(field, err, problem.where)
    return None


def _too_small(problem: _Problem) -> Finding | None:
    err = problem.err
    if err.validator not in ("minimum", "exclusiveMinimum"):
        return None
    return error(
        "schema-minimum",
        f"'{problem.field}' must be at least {err.validator_value}, not {err.instance}",
        problem.where,
        "amounts of time and counts are whole numbers from 1 upwards",
    )


_WORDINGS: tuple[Callable[[_Problem], Finding | None], ...] = (
    _unknown_term_of,
    _not_a_choice,
    _missing,
    _unexpected_fields,
    _wrong_type,
    _bad_date,
    _not_a_web_address,
    _too_long,
    _bad_id_of,
    _too_small,
)
"""How each kind of schema error is told, tried in order: the first that recognises it wins
(a vocabulary term before an enumeration, a date before an id pattern)."""


def _unknown_term(kind: str, value: Any, where: Location) -> Finding:
    vocab = vocabulary()
    if kind.startswith("qualifiers."):
        qualifier = vocab.qualifiers[kind.split(".", 1)[1]]
        choices, noun = list(qualifier.values), qualifier.title.lower()
    else:
        choices, noun = list(vocab.terms(kind)), kind.rstrip("s").replace("activitie", "activity")
    hint = unknown_term_hint(value, choices, kind.split(".")[0])
    if kind in ("groups", "events", "conditions"):
        hint += "; or define the authority's own term in its vocabulary.yaml"
    return error("unknown-term", f"unknown {noun} '{value}'", where, hint)


def _unknown_fields(
    source: Source, path: JsonPath, unexpected: list[str], allowed: list[str]
) -> Finding:
    key = unexpected[0]
    where = source.key_location((*path, key))
    others = f" (and {', '.join(repr(k) for k in unexpected[1:])})" if unexpected[1:] else ""
    hint = suggest(key, allowed) or f"the fields allowed here are: {', '.join(allowed)}"
    return error("unknown-field", f"unknown field '{key}'{others}", where, hint)


def _bad_id(field: str, err: ValidationError, where: Location) -> Finding:
    if field == "version":
        return error(
            "schema-version",
            f"'{err.instance}' is not a version number",
            where,
            "write numbers separated by dots, such as 1.0 or 2024, in quotes",
        )
    return error(
        "bad-id",
        f"the {field} '{err.instance}' may only use lower-case letters, digits and single hyphens",
        where,
        "ids name files and web addresses, so they cannot contain '/', '..' or spaces; "
        "for example 'cp-visits'",
    )


FIRST_YEAR, LAST_YEAR = 1900, 2200
"""The years a date in a standards file may fall in (the schemas' date pattern says the same):
far wider than any standard needs, and far enough inside Python's years 1-9999 that counting
a century of timescales from any of them stays in range."""


def _outside_the_years(value: object) -> bool:
    text = str(value)
    if not (len(text) == 10 and text[:4].isdigit() and text[4] == "-"):
        return False
    return not FIRST_YEAR <= int(text[:4]) <= LAST_YEAR


def _is_date_error(err: ValidationError) -> bool:
    if err.validator == "format":
        return err.validator_value == "date"
    return err.validator == "pattern" and "-[0-9]{2}-[0-9]{2}$" in str(err.validator_value)


def _is_id(err: ValidationError) -> bool:
    return err.validator == "pattern" and str(err.validator_value).startswith("^[a-z0-9]+")


def _field_name(path: JsonPath) -> str:
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return "document"


def _describe_value(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if value is None:
        return "empty"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value}'"
    if isinstance(value, list):
        return "a list"
    return "a mapping of fields"


def _type_hint(value: Any, expected: list[str]) -> str:
    if "string" in expected and isinstance(value, (int, bool)):
        return (
            f"put the value in quotes: '{str(value).lower() if isinstance(value, bool) else value}'"
        )
    if "integer" in expected and isinstance(value, str):
        return "write a whole number without quotes, such as 5"
    if "array" in expected:
        return "write a list, one item per line starting with '- '"
    if "object" in expected:
        return "write the fields indented on the lines below"
    return ""


def _describe_property(schema: Any, name: str) -> str:
    if not isinstance(schema, dict):
        return ""
    prop = schema.get("properties", {}).get(name, {}) if name else schema
    description = prop.get("description", "") if isinstance(prop, dict) else ""
    examples = prop.get("examples") if isinstance(prop, dict) else None
    if description and examples:
        example = examples[0]
        if isinstance(example, (str, int)):
            return f"{description} For example: {example}"
    return description
