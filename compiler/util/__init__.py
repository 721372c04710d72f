"""Utilities with no knowledge of standards: files written atomically, files read safely,
bundled resources, escaping for markup and spreadsheets, pausing the garbage collector.

Contract: the bottom layer. It imports nothing from :mod:`compiler` but :mod:`compiler.errors`,
so everything may import it.
"""
