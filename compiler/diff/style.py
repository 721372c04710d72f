"""How a diff looks in each output: the terminal, Markdown for a pull request, the site.

The words of a diff are written once (:mod:`compiler.diff.render`); a
:class:`Style` says how to mark them up. Author text (statement texts,
reasons, quoted words) always goes through :meth:`Style.author`, which for
Markdown escapes it, so no author text becomes live Markdown or HTML.

>>> PlainStyle(colour=False).inserted("Manager")
'{+Manager+}'
>>> MarkdownStyle().deleted("<b>manager</b>")
'~~&lt;b&gt;manager&lt;/b&gt;~~'
"""

from __future__ import annotations

import click

from compiler.util.escaping import markdown_inline

_EFFECT_COLOURS = {"looser": "red", "stricter": "green", "incomparable": "yellow"}


class Style:
    """Plain text, uncoloured: the base every other style refines."""

    indent = "    "

    def author(self, text: str) -> str:
        """Author text, kept on one line with its spaces at either end."""
        core = " ".join(text.split())
        if not core:
            return " " if text else ""
        before = " " if text[:1].isspace() else ""
        after = " " if text[-1:].isspace() else ""
        return before + self._escape(core) + after

    def _escape(self, text: str) -> str:
        return text

    def code(self, identifier: str) -> str:
        """An id, a path or a version label."""
        return identifier

    def strong(self, text: str) -> str:
        return text

    def effect(self, effect: str) -> str:
        """``looser``, ``stricter``, ``incomparable`` or ``equivalent``, made to stand out."""
        return effect.upper()

    def deleted(self, text: str) -> str:
        """Author text that the new version no longer has."""
        return f"[-{self._escape(text)}-]"

    def inserted(self, text: str) -> str:
        """Author text that the new version adds."""
        return f"{{+{self._escape(text)}+}}"

    def heading(self, text: str) -> list[str]:
        return [text]

    def item(self, text: str, depth: int = 0) -> str:
        """One entry of a list; ``depth`` 1 is a detail under the entry before."""
        return f"{'  ' + self.indent * depth}{'* ' if depth == 0 else ''}{text}"

    def quote(self, text: str, depth: int = 1) -> str:
        return f"{'  ' + self.indent * depth}{text}"


class PlainStyle(Style):
    """The terminal: coloured (with :func:`click.style`) only when writing to a terminal."""

    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def strong(self, text: str) -> str:
        return click.style(text, bold=True) if self.colour else text

    def effect(self, effect: str) -> str:
        word = effect.upper()
        colour = _EFFECT_COLOURS.get(effect)
        return click.style(word, fg=colour, bold=True) if self.colour and colour else word

    def deleted(self, text: str) -> str:
        if self.colour:
            return click.style(text, fg="red", strikethrough=True)
        return super().deleted(text)

    def inserted(self, text: str) -> str:
        if self.colour:
            return click.style(text, fg="green", underline=True)
        return super().inserted(text)

    def heading(self, text: str) -> list[str]:
        return [self.strong(text)]


class MarkdownStyle(Style):
    """Markdown for a pull-request comment: struck-out old words, bold new ones.

    ``site`` marks new words with ``^^...^^`` (an ``<ins>`` in the guidance site,
    where ``pymdownx.caret`` reads it) instead of bold.
    """

    indent = "    "  # four spaces nest a list in Python-Markdown as well as on GitHub

    def __init__(self, site: bool = False) -> None:
        self.site = site

    def _escape(self, text: str) -> str:
        return str(markdown_inline(text))

    def code(self, identifier: str) -> str:
        return f"`{identifier.replace('`', '')}`"

    def strong(self, text: str) -> str:
        return f"**{text}**"

    def effect(self, effect: str) -> str:
        return f"**{effect.capitalize()}**"

    def deleted(self, text: str) -> str:
        return f"~~{self._escape(text)}~~"

    def inserted(self, text: str) -> str:
        return f"^^{self._escape(text)}^^" if self.site else f"**{self._escape(text)}**"

    def heading(self, text: str) -> list[str]:
        return [f"{'##' if self.site else '###'} {text}", ""]

    def item(self, text: str, depth: int = 0) -> str:
        return f"{self.indent * depth}- {text}"

    def quote(self, text: str, depth: int = 1) -> str:
        return f"{self.indent * depth}- {text}"
