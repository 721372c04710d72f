"""Laws of reading database columns: any date, however the driver gives it, is that date; any
text that is not a real date is no date (never a neighbouring one); ids are text however typed."""

from __future__ import annotations

from datetime import date, datetime

import pyarrow as pa
from hypothesis import example, given
from hypothesis import strategies as st

from compiler.sources.columns import days, text

DATES = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))


@given(st.lists(DATES, max_size=20))
def test_a_date_is_itself_as_a_date_a_timestamp_iso_text_or_english_text(found: list) -> None:
    expected = [d.isoformat() for d in found]
    as_timestamps = pa.array([datetime(d.year, d.month, d.day, 13, 5) for d in found])
    for given_as in (
        pa.array(found, type=pa.date32()),
        as_timestamps,
        pa.array([d.isoformat() for d in found]),
        pa.array([f"{d.isoformat()} 23:59:59.997" for d in found]),
        pa.array([d.strftime("%d/%m/%Y") for d in found], type=pa.string()),
    ):
        assert [str(d) for d in days(given_as)] == expected


def _real(text_: str) -> str | None:
    """The oracle: Python's own reading, exact round trip only.

    Written back with the year in four digits: ``strftime("%Y")`` gives year 1 as "1" on
    glibc, which would make 01/01/0001 (a real date) look like no date.
    """
    for form, written in (
        ("%Y-%m-%d", "{y:04d}-{m:02d}-{d:02d}"),
        ("%d/%m/%Y", "{d:02d}/{m:02d}/{y:04d}"),
    ):
        try:
            parsed = datetime.strptime(text_[:10], form).date()
        except ValueError:
            continue
        if written.format(y=parsed.year, m=parsed.month, d=parsed.day) == text_[:10]:
            return parsed.isoformat()
    return None


@given(st.lists(st.from_regex(r"\A[0-9]{1,4}[-/][0-9]{1,2}[-/][0-9]{1,4}\Z"), max_size=20))
@example(["0000-01-01", "01/01/0000"])  # year 0: Arrow's calendar has it, Python's does not
@example(["01/01/0001", "0001-01-01"])  # year 1 is a date, though strftime writes it "1"
def test_text_is_a_date_exactly_when_python_reads_it_back_the_same(written: list) -> None:
    got = [None if str(d) == "NaT" else str(d) for d in days(pa.array(written, type=pa.string()))]
    assert got == [_real(w) for w in written]


@given(st.lists(st.integers(min_value=0, max_value=10**12), max_size=20))
def test_an_id_is_the_same_text_as_an_integer_a_float_or_a_string(ids: list) -> None:
    as_text = [str(i) for i in ids]
    for given_as in (pa.array(ids), pa.array([float(i) for i in ids]), pa.array(as_text)):
        assert text(given_as).to_pylist() == as_text
