"""A Python-Markdown extension that keeps a page free of raw HTML and unsafe links.

The second line of defence behind :mod:`compiler.util.escaping`: even if some author
text reached a page unescaped, raw HTML would be shown as text (the block and
inline HTML readers are removed) and a link or image whose address has a scheme
other than http, https or mailto (``javascript:``, ``data:``, ``vbscript:``)
would lose its address and keep only its words. Relative links between the
site's own pages have no scheme and are kept.

mkdocs.yml names it as ``compiler.emit.safe_markdown`` in ``markdown_extensions``.

>>> import markdown
>>> markdown.markdown("<script>alert(1)</script> [x](javascript:alert(1))",
...                   extensions=[SafeMarkdown()])
'<p>&lt;script&gt;alert(1)&lt;/script&gt; <span>x</span></p>'
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any
from urllib.parse import urlsplit

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = frozenset({"", "http", "https", "mailto"})
_ADDRESSES = {"a": "href", "img": "src"}


def is_safe_address(address: str) -> bool:
    """True for http(s), mailto and scheme-less (relative) addresses.

    Browsers ignore control characters and spaces inside a scheme, so those are
    removed before it is read.

    >>> is_safe_address("../a.md#x"), is_safe_address(" JaVa\\tscript:alert(1)")
    (True, False)
    """
    cleaned = "".join(c for c in address if c > " ")
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:
        return False
    return scheme in SAFE_SCHEMES


class _DropUnsafeLinks(Treeprocessor):
    """Turns a link with an unsafe address into a plain span, and drops such an image."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                attribute = _ADDRESSES.get(child.tag)
                if attribute is None or is_safe_address(child.get(attribute, "")):
                    continue
                if child.tag == "a":
                    child.tag = "span"
                    child.attrib.clear()
                else:
                    parent.remove(child)


class SafeMarkdown(Extension):
    """Removes the raw HTML readers and adds the link check (last, after every other)."""

    def extendMarkdown(self, md: Markdown) -> None:
        for name in ("html_block",):
            if name in md.preprocessors:
                md.preprocessors.deregister(name)
        if "html" in md.inlinePatterns:
            md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_DropUnsafeLinks(md), "drop_unsafe_links", -100)


def makeExtension(**kwargs: Any) -> SafeMarkdown:
    """What Python-Markdown calls when mkdocs.yml names this module."""
    return SafeMarkdown(**kwargs)
