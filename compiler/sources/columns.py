"""Database columns, whatever the driver gave, as the plain arrays the audit counts with.

DuckDB and PostgreSQL give dates and timestamps; SQLite and CSV give text; an id
may come back as a number. Each helper turns one of those into one shape, so
the same records read from any database give the same cases.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

DAY = "datetime64[D]"


def text(values: pa.Array) -> pa.Array:
    """Ids and codes as text, trimmed, with blanks as nulls (an id 7 and "7" are one id)."""
    values = _trimmed(values)
    return pc.if_else(pc.equal(values, ""), None, values)


def _trimmed(values: pa.Array) -> pa.Array:
    """Text, trimmed; a blank stays "" (cheaper than :func:`text` where blanks find nothing)."""
    if not pa.types.is_string(values.type) and not pa.types.is_large_string(values.type):
        if pa.types.is_floating(values.type):  # 7.0 from a driver is the id 7
            whole = pc.equal(values, pc.floor(values))
            values = pc.if_else(whole, pc.cast(values, pa.int64(), safe=False), None)
        values = pc.cast(values, pa.string())
    return pc.utf8_trim_whitespace(values.cast(pa.string()))


def days(values: pa.Array) -> np.ndarray:
    """Dates (a timestamp's time of day is dropped), NaT where empty or not a real date.

    Text must start YYYY-MM-DD (a timestamp's text too) or be DD/MM/YYYY, as English
    exports write it; "2025-02-30" is not read as 2 March.
    """
    kind = values.type
    if pa.types.is_timestamp(kind) or pa.types.is_date(kind):
        return values.cast(pa.date32()).to_numpy(zero_copy_only=False).astype(DAY)
    written = pc.utf8_slice_codeunits(text(values), 0, 10)
    parsed = _exactly(written, "%Y-%m-%d")
    english = _exactly(written, "%d/%m/%Y")  # an English export's 19/12/2025
    parsed = pc.if_else(pc.is_null(parsed), english, parsed)
    return parsed.cast(pa.date32()).to_numpy(zero_copy_only=False).astype(DAY)


def _exactly(written: pa.Array, form: str) -> pa.Array:
    """Dates written exactly in ``form`` (a day that does not exist is null, not moved on).

    Year 0 is null too: Arrow's calendar has one, Python's (and every case system's) does not.
    """
    parsed = pc.strptime(written, format=form, unit="s", error_is_null=True)
    same = pc.and_(
        pc.equal(pc.strftime(parsed, format=form), written), pc.greater(pc.year(parsed), 0)
    )
    return pc.if_else(pc.fill_null(same, False), parsed, None)


def strings(values: pa.Array) -> list[str | None]:
    """Python strings (None for null), for the few per-case columns."""
    return text(values).to_pylist()


def positions(values: pa.Array, known: list[str]) -> np.ndarray:
    """Where each value is in ``known`` (which holds no blank), -1 where it is null or absent."""
    if not known:
        return np.full(len(values), -1, dtype=np.int64)
    found = pc.index_in(_trimmed(values), value_set=pa.array(known, type=pa.string()))
    return found.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)


def flags(values: pa.Array, wanted: str) -> np.ndarray:
    """True where a Y/N column starts with ``wanted`` ("N", "No", "n" all read as N)."""
    first = pc.utf8_upper(pc.utf8_slice_codeunits(text(values), 0, 1))
    return pc.fill_null(pc.equal(first, wanted), False).to_numpy(zero_copy_only=False)
