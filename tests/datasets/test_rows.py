import io
from datetime import date

import pytest

from marsad.datasets.dates import parse_date
from marsad.datasets.keys import OccurrenceKeys, content_hash
from marsad.datasets.rows import ReadReport, Rejection, RowCheck, csv_rows, load


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-06-06", date(2025, 6, 6)),
        ("6-Jun-25", date(2025, 6, 6)),
        ("07-Oct-23", date(2023, 10, 7)),
        ("25 Feb 2024", date(2024, 2, 25)),
        ("2 Sept 2024", date(2024, 9, 2)),
        ("10 Sep 2024", date(2024, 9, 10)),
        ("6 June 2025", date(2025, 6, 6)),
        ("2024-09-10T14:31:37", date(2024, 9, 10)),
        ("1-Jan-98", date(1998, 1, 1)),
    ],
)
def test_dates_in_the_forms_the_files_use(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "yesterday", "31 Feb 2024", "6-Jux-25", "2024-13-01"])
def test_unreadable_dates_raise(text):
    with pytest.raises(ValueError):  # noqa: PT011 - the message varies with the fault
        parse_date(text)


def test_a_row_check_collects_every_bad_field():
    check = RowCheck(7)
    assert check.integer("fatalities", "-3", minimum=0) == 0
    assert check.number("latitude", "95.1", minimum=-90, maximum=90) == 0.0
    assert check.optional_number("tons", "-") is None
    assert check.optional_number("tons", "-", blanks=("-",)) is None
    assert check.optional_integer("count", "") is None
    assert check.integer("count", "1,250") == 1250
    assert check.integer("count", "12.0") == 12
    assert [(r.line, r.field, r.value, r.message) for r in check.rejections] == [
        (7, "fatalities", "-3", "is negative"),
        (7, "latitude", "95.1", "is above 90"),
        (7, "tons", "-", "is not a number"),
    ]
    check = RowCheck(8)
    check.integer("count", "12.5")
    check.number("count", "1,5")
    check.integer("count", " ")
    assert [r.message for r in check.rejections] == [
        "is not a whole number",
        "is not a number",
        "is required",
    ]


def test_csv_rows_give_the_starting_line_of_multiline_rows_and_reject_ragged_ones():
    text = 'a,b\n1,"two\nlines"\n3\n\n4,5\n'
    items = list(csv_rows(io.StringIO(text), required=["a", "b"]))
    assert items[0] == (2, {"a": "1", "b": "two\nlines"})
    assert items[1] == Rejection(4, "(row)", "3", "has 1 cells, not 2")
    assert items[2] == (6, {"a": "4", "b": "5"})


def test_a_header_without_a_required_column_is_an_error():
    with pytest.raises(ValueError, match="lacks the column"):
        list(csv_rows(io.StringIO("a\n1\n"), required=["a", "b"]))


def test_the_report_counts_a_row_with_two_rejections_once():
    report = ReadReport()
    items = [
        "record",
        Rejection(3, "x", "?", "is bad"),
        Rejection(3, "y", "?", "is bad"),
        Rejection(4, "x", "?", "is bad"),
    ]
    loaded = load(items)
    for item in items:
        report.add(item)
    assert (report.rows, report.accepted, report.rejected) == (3, 1, 2)
    assert report.reasons == {"x: is bad": 2, "y: is bad": 1}
    assert loaded.records == ["record"]
    assert len(loaded.rejections) == 3


def test_occurrence_keys_are_stable_and_tell_true_duplicates_apart():
    first, second = OccurrenceKeys("cogat"), OccurrenceKeys("cogat")
    keys = [first.key("2024-04-09", "LAND", 20.0) for _ in range(2)]
    assert keys[0] != keys[1]
    assert keys[0].endswith(":1")
    assert keys[1].endswith(":2")
    assert [second.key("2024-04-09", "LAND", 20.0) for _ in range(2)] == keys
    assert content_hash("a", None) == content_hash("a", "")
    assert content_hash("ab", "c") != content_hash("a", "bc")
