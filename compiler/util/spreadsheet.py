"""Text for a CSV that a spreadsheet opens: never run as a formula.

A cell starting with ``=``, ``+``, ``-``, ``@`` or a tab or carriage return is a formula to
Excel and LibreOffice ("CSV injection"); rule packs and audit results carry author text and
case ids, so every such cell is written through here.
"""

from __future__ import annotations

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """``value`` with a leading apostrophe if a spreadsheet would run it as a formula.

    >>> print(spreadsheet_safe("=HYPERLINK(1)"), spreadsheet_safe("+cmd|x"), spreadsheet_safe("C1"))
    '=HYPERLINK(1) '+cmd|x C1
    """
    return "'" + value if value.startswith(_FORMULA_STARTS) else value
