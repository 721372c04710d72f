"""Author text made safe for the site's Markdown: escaped, never live HTML or Markdown.

Python-Markdown passes raw HTML through and keeps ``[x](javascript:...)`` a live
link even after HTML-escaping (see ``shared/STACK.md``). So every piece of
author text that goes into a page is escaped here, for the context it goes
into, and comes back as :class:`markupsafe.Markup`: the templates refuse to
print anything that is not (see :func:`compiler.emit.templates.environment`).

The escape turns HTML's special characters into entities and every character
that Markdown or its extensions could read as syntax (anywhere, or at the
start of a line) into a numeric character reference, which Python-Markdown
copies to the page unchanged and the browser shows as the character itself.
Letters, digits, spaces and ordinary prose punctuation stay as they are, so the
generated Markdown stays readable.

>>> str(markdown_inline("See [x](javascript:alert(1)) <b>now</b>"))
'See &#91;x&#93;(javascript:alert(1)) &lt;b&gt;now&lt;/b&gt;'
>>> str(markdown_inline("1. Introduction")), str(markdown_inline("5.0"))
('&#49;. Introduction', '5.0')
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from markupsafe import Markup

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_SYNTAX = set("\\`*_{}[]#|~^")
"""Characters that Markdown, attr_list or tables can read as syntax anywhere in a line; the
rest (``- + = : / ! >`` and digits) are syntax only at the start of a line."""
_LIST_ITEM = re.compile(r"^[0-9]+[.)](\s|$)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
"""Control characters, and the bidirectional embeddings, overrides and isolates (U+202A-E,
U+2066-9) that make text display in an order other than it reads ("Trojan Source")."""
_ANCHOR = re.compile(r"^[a-z0-9]+(-{1,2}[a-z0-9]+)*$")
_PATH = re.compile(r"^[A-Za-z0-9._/-]+(#[a-z0-9]+(-{1,2}[a-z0-9]+)*)?$")
_SCHEMES = ("http", "https", "mailto")


def _escape_character(character: str) -> str:
    if character in _ENTITIES:
        return _ENTITIES[character]
    if character in _SYNTAX:
        return f"&#{ord(character)};"
    return character


_ESCAPES = {ord(c): _escape_character(c) for c in (*_ENTITIES, *_SYNTAX)}
"""The same escapes as a ``str.translate`` table: one pass in C, not a call per character."""


def _escape_line(line: str) -> str:
    """One line of author text with every syntax character escaped, and its first one too.

    The first character of a line may start a list (``1.``, ``-``), a heading,
    a quote, an admonition or a block, so it is escaped unless it is a letter
    or a digit that does not start a numbered list.
    """
    line = line.strip()
    if not line:
        return ""
    head = line[0]
    plain = head.isalpha() or (head.isdigit() and not _LIST_ITEM.match(line))
    first = head if plain else _ENTITIES.get(head, f"&#{ord(head)};")
    return first + line[1:].translate(_ESCAPES)


def without_controls(text: object) -> str:
    """``text`` without control characters or bidirectional overrides, for any title.

    >>> without_controls("Walsall \u202etxt.exe")
    'Walsall txt.exe'
    """
    return _CONTROL.sub("", str(text))


def markdown_inline(text: object) -> Markup:
    """Author text for one line of Markdown: a table cell, a heading, a link's words.

    Line breaks become spaces, so the text cannot end a table row or start a block.

    >>> str(markdown_inline("Every | 6 weeks\\n# not a heading"))
    'Every &#124; 6 weeks &#35; not a heading'
    """
    clean = _CONTROL.sub("", str(text))
    return Markup(_escape_line(" ".join(clean.split())))


def markdown_block(text: object) -> Markup:
    """Author text as Markdown paragraphs: blank lines separate them, line breaks are kept.

    >>> str(markdown_block("First line\\nsecond line\\n\\n- not a list"))
    'First line  \\nsecond line\\n\\n&#45; not a list'
    """
    clean = _CONTROL.sub("", str(text)).replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [p for p in re.split(r"\n\s*\n", clean) if p.strip()]
    escaped = []
    for paragraph in paragraphs:
        lines = [_escape_line(line) for line in paragraph.split("\n") if line.strip()]
        escaped.append("  \n".join(lines))
    return Markup("\n\n".join(escaped))


def anchor(identifier: object) -> Markup:
    """An id for a heading or statement: lower-case words joined by one or two hyphens.

    Ids in the standards are already in this form (the schema says so); the
    check here makes sure no other text ends up in an ``{#...}``.

    >>> str(anchor("cp-visit-frequency"))
    'cp-visit-frequency'
    """
    text = str(identifier)
    if not _ANCHOR.match(text):
        raise ValueError(f"not a safe anchor: {text!r}")
    return Markup(text)


def site_link(target: object) -> Markup:
    """A link between the site's own pages or files: a relative path, maybe with an anchor.

    >>> str(site_link("../st-helens/practice-standards/1.0.md#cp-visits"))
    '../st-helens/practice-standards/1.0.md#cp-visits'
    """
    text = str(target)
    if not _PATH.match(text) or text.startswith("/"):
        raise ValueError(f"not a safe link within the site: {text!r}")
    return Markup(text)


def web_link(url: object) -> Markup | None:
    """An author's URL as a Markdown link target, or None if it is not http(s) or mailto.

    >>> str(web_link("https://example.org/a b)"))
    'https://example.org/a%20b%29'
    >>> web_link("javascript:alert(1)") is None
    True
    >>> str(web_link("https://example.org/children's-guide"))
    'https://example.org/children%27s-guide'

    """
    text = str(url).strip()
    if urlsplit(text).scheme.lower() not in _SCHEMES:
        return None
    return Markup(quote(text, safe="/:?#[]@!$&*+,;=%-._~"))  # an apostrophe could end it


def trusted(text: object) -> Markup:
    """Text the program wrote itself (numbers, dates, fixed words): printed as it is.

    Only for values that never hold author or vocabulary text.
    """
    return Markup(str(text))
