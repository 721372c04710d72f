"""The two CSV readers behind ``standards audit`` read any plain table the same way."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from compiler.evaluator.case_table import _read_with_arrow, _read_with_csv, read_table

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


def test_a_quote_left_open_is_reported_on_its_line_and_the_next_line_is_read_afresh() -> None:
    # no column of a case table holds a line break: an open quote is a fault of its line alone
    table = read_table('case_id,group\n"C\n1",cin\nC2\nC3,cin\n')
    assert table.unreadable == {2: 'a quote (") is opened and not closed on this line'}
    assert table.lines.tolist() == [3, 5]
    assert table.misshapen == {4: 1}
    assert table.columns["case_id"].values == ['1"', "C3"]
    assert table.rows == 4


def test_a_misshapen_row_in_a_plain_table_is_named_by_its_line() -> None:
    table = read_table("case_id,group\nC1,cin\nC2,cin,extra\nC3,cin\n")
    assert table.lines.tolist() == [2, 4]
    assert table.misshapen == {3: 3}
    assert table.rows == 3
