"""The Jinja2 environment for the site's page templates (``site/templates/*.md.j2``).

Pages are Markdown, where HTML autoescaping is the wrong escape (it leaves
Markdown syntax live and double-escapes inside code spans). So autoescaping is
off and every value is escaped by an explicit filter for its context:

- ``inline``: author text on one line (table cells, headings, link words);
- ``paragraphs``: author text as paragraphs;
- ``anchor``: an id; ``link``: a link between the site's pages; ``day``: a date;
  ``count``: ``3 errors``;
- ``trusted``: words the program wrote itself.

A value printed with no filter is an error, not a hole: ``finalize`` refuses
anything that is not already :class:`~markupsafe.Markup` (or a number), so a
template that forgets to escape fails the build. Undefined names fail too.

>>> env = environment()
>>> env.from_string("{{ text | inline }}").render(text="<b>")
'&lt;b&gt;'
>>> env.from_string("{{ text }}").render(text="<b>")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
compiler.emit.templates.UnescapedTextError: a template printed text without an escaping ...
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from compiler.errors import StandardsError
from compiler.timescale.compare import spoken
from compiler.util import escaping
from compiler.util.resources import bundled


class UnescapedTextError(StandardsError):
    """A template printed a value without saying how to escape it."""


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup) or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise UnescapedTextError(f"a template printed text without an escaping filter: {value!r}")


def _day(value: date | None) -> Markup:
    return Markup("none given" if value is None else spoken(value))


def _count(number: int, noun: str) -> Markup:
    """``1 error``, ``3 errors``: ``noun`` is the program's own word."""
    return Markup(f"{number} {noun}{'' if number == 1 else 's'}")


def environment(folder: Path | None = None) -> jinja2.Environment:
    """Templates from ``folder`` (default: the bundled ``site/templates``)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder or bundled("site") / "templates")),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        comment_start_string="{##",  # Markdown's attribute lists use "{#id}"
        comment_end_string="##}",
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        inline=escaping.markdown_inline,
        paragraphs=escaping.markdown_block,
        anchor=escaping.anchor,
        link=escaping.site_link,
        day=_day,
        count=_count,
        trusted=escaping.trusted,
    )
    env.globals["web_link"] = escaping.web_link
    return env
