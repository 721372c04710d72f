"""The likely cause of a YAML syntax error, in plain words, with the fix where it can be shown.

PyYAML says what its parser could not do ("mapping values are not allowed in this context");
an author needs what they did ("the title holds a colon followed by a space"). Each cause here
comes from a realistic mistake in a standards file; anything else gets the general advice.
"""

from __future__ import annotations

GENERAL = (
    "check the indentation and quoting on this line and the one before; text with a colon "
    "followed by a space must be in quotes"
)


def likely_cause(problem: str, offending: str) -> str:
    """The hint for a syntax error whose parser ``problem`` was met on the line ``offending``.

    >>> hint = likely_cause("mapping values are not allowed here", "title: Visits: in need")
    >>> hint.endswith('put the whole value in double quotes: title: "Visits: in need"')
    True
    """
    if problem.startswith("mapping values are not allowed"):
        return _colon_in_value(offending)
    if "could not find expected ':'" in problem:
        return (
            "likely cause: a line that is neither 'field: value' nor '- item', such as a "
            "missing colon after a field's name, or long text continued on the next line "
            "without being indented under its field"
        )
    if "that cannot start any token" in problem:
        return (
            "likely cause: a value starts with a character YAML keeps for itself (such as @, `, "
            "% or *); put the whole value in double quotes"
        )
    if "found unexpected end of stream" in problem or "found unexpected end of file" in problem:
        return "likely cause: a quote or a bracket opened and never closed"
    if "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
        return (
            "likely cause: a list in [brackets] or a {mapping} not closed on its line, or an "
            "item in it holding a comma or a colon: put that item in double quotes"
        )
    if "expected <block end>" in problem or "did not find expected" in problem:
        return (
            "likely cause: this line is indented differently from the lines it belongs with; "
            "line up fields of the same level, two spaces per level"
        )
    return GENERAL


def _colon_in_value(offending: str) -> str:
    field, _, value = offending.strip().partition(": ")
    if ": " not in value and not value.rstrip().endswith(":"):
        return (
            "likely cause: this line is indented further than the field before it, so YAML "
            "reads it as part of that field's value; line it up with the fields of its level"
        )
    cause = (
        "likely cause: the value holds a colon followed by a space, which YAML reads as the "
        "start of another field; put the whole value in double quotes"
    )
    value = value.strip()
    if not field.strip() or not value or value[0] in "\"'":
        return cause
    quoted = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'{cause}: {field}: "{quoted}"'.strip()
