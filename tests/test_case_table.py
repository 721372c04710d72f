"""The two CSV readers behind ``standards audit`` read any plain table the same way."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from compiler.case_table import _read_with_arrow, _read_with_csv, read_table

fields = st.text(alphabet="abcxyz019-_=; é", max_size=6)
rows = st.lists(fields, min_size=1, max_size=5).map(",".join)


@given(st.lists(rows, min_size=1, max_size=30))
def test_arrow_and_the_csv_module_agree_on_a_plain_table(body: list[str]) -> None:
    text = "case_id,group,event\n" + "\n".join(body) + "\n"
    first, _, rest = text.partition("\n")
    if "\n\n" in "\n" + rest or not rest.strip("\n"):
        return  # blank lines go through the csv module only
    fast, slow = _read_with_arrow(first, rest), _read_with_csv(text)
    assert fast.header == slow.header
    assert fast.misshapen == slow.misshapen
    assert fast.lines.tolist() == slow.lines.tolist()
    for name in fast.columns:
        decoded = [fast.columns[name].values[c] for c in fast.columns[name].codes]
        expected = [slow.columns[name].values[c] for c in slow.columns[name].codes]
        assert decoded == expected


def test_a_quoted_field_over_two_lines_keeps_the_line_numbers_of_later_rows() -> None:
    table = read_table('case_id,group\n"C\n1",cin\nC2\nC3,cin\n')
    assert table.lines.tolist() == [2, 5]
    assert table.misshapen == {4: 1}
    assert table.columns["case_id"].values == ["C\n1", "C3"]


def test_a_misshapen_row_in_a_plain_table_is_named_by_its_line() -> None:
    table = read_table("case_id,group\nC1,cin\nC2,cin,extra\nC3,cin\n")
    assert table.lines.tolist() == [2, 4]
    assert table.misshapen == {3: 3}
    assert table.rows == 3
