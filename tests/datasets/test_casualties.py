import io
import json

import pytest

from marsad.datasets.casualties import CasualtyDay, iter_casualties, read_casualties
from marsad.datasets.rows import Rejection


def day(when, **fields):
    base = {
        "report_date": when,
        "report_source": "mohtel",
        "report_period": 24,
        "ext_killed": 5,
        "ext_killed_cum": 100,
        "ext_injured": 9,
        "ext_injured_cum": 300,
    }
    return base | fields


def series_file(*days):
    """The series as the real file writes it: an indented JSON array."""
    return io.StringIO(json.dumps(list(days), indent=2))


def test_days_are_typed_with_reported_filled_and_truce_fields():
    loaded = read_casualties(
        series_file(
            day(
                "2025-10-11",
                killed=471,
                killed_truce_new=35,
                killed_recovered=116,
                killed_committee=320,
                killed_cum=67682,
            ),
            day("2025-10-12", report_source="missing"),
        )
    )
    first, second = loaded.records
    assert isinstance(first, CasualtyDay)
    assert first.key == "2025-10-11"
    assert (first.killed, first.killed_truce_new, first.killed_recovered) == (471, 35, 116)
    assert (first.killed_committee, first.killed_succumbed) == (320, None)
    assert first.ext_killed == 5
    assert first.killed_cum == 67682
    assert second.killed is None
    assert second.missing_report
    assert first.line == 2
    assert second.line > first.line


def test_unknown_count_fields_are_kept_not_dropped():
    (record,) = list(iter_casualties(series_file(day("2025-10-11", tents_burnt_cum=3))))
    assert record.extra == (("tents_burnt_cum", 3),)


@pytest.mark.parametrize(
    ("fields", "field", "value", "message"),
    [
        ({"report_date": "10/11/2025"}, "report_date", "10/11/2025", "is not a readable date"),
        ({"killed": -2}, "killed", "-2", "is negative"),
        ({"killed_recovered": "many"}, "killed_recovered", "many", "is not a whole number"),
        ({"killed": 2.5}, "killed", "2.5", "is not a whole number"),
        ({"injured": True}, "injured", "true", "is not a whole number"),
        ({"ext_killed": None}, "ext_killed", "", "is required"),
    ],
)
def test_bad_days_are_rejected_and_the_others_kept(fields, field, value, message):
    items = list(
        iter_casualties(
            series_file(day("2025-10-11"), day("2025-10-12", **fields), day("2025-10-13"))
        )
    )
    rejections = [item for item in items if isinstance(item, Rejection)]
    assert len(rejections) == 1
    bad = rejections[0]
    assert (bad.field, bad.value, bad.message) == (field, value, message)
    assert bad.line == 11  # each day takes 9 lines in the indented fixture, after the "["
    assert [d.key for d in items if isinstance(d, CasualtyDay)] == ["2025-10-11", "2025-10-13"]


def test_a_repeated_day_is_rejected():
    loaded = read_casualties(series_file(day("2025-10-11"), day("2025-10-11")))
    assert len(loaded.records) == 1
    assert loaded.rejections[0].message == "repeats the day of line 2; the first is kept"


def test_a_non_object_item_is_rejected():
    loaded = read_casualties(
        io.StringIO(
            '[\n{"report_date": "2025-10-11", "ext_killed": 1,'
            ' "ext_killed_cum": 1, "ext_injured": 0,'
            ' "ext_injured_cum": 0},\n 42\n]'
        )
    )
    assert len(loaded.records) == 1
    assert loaded.rejections == [Rejection(3, "(row)", "42", "is not a JSON object")]


def test_a_file_that_is_not_an_array_is_an_error():
    with pytest.raises(ValueError, match="not a JSON array"):
        read_casualties(io.StringIO('{"report_date": "2025-10-11"}'))
