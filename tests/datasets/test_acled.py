import csv
import io

import pytest

from marsad.datasets.acled import AcledEvent, iter_acled, read_acled
from marsad.datasets.acled_codebook import EVENT_TYPES, inter_name
from marsad.datasets.rows import Rejection

COLUMNS = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
    "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
    "notes,fatalities,tags,timestamp"
).split(",")

BASE = {
    "event_id_cnty": "PSE1",
    "event_date": "6-Jun-25",
    "year": "2025",
    "time_precision": "1",
    "disorder_type": "Political violence",
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Air/drone strike",
    "actor1": "Military Forces of Israel (2022-)",
    "inter1": "External/Other forces",
    "actor2": "Civilians (Palestine)",
    "inter2": "Civilians",
    "interaction": "External/Other forces-Civilians",
    "civilian_targeting": "Civilian targeting",
    "iso": "275",
    "region": "Middle East",
    "country": "Palestine",
    "admin1": "Gaza Strip",
    "admin2": "Gaza City",
    "location": "Gaza - Shujaiyya",
    "latitude": "31.5",
    "longitude": "34.47",
    "geo_precision": "1",
    "source": "Quds News Network",
    "source_scale": "National",
    "notes": "On 6 June 2025, an Israeli drone struck a house, killing 2.",
    "fatalities": "2",
    "timestamp": "1749511122",
}


def acled_csv(*changes):
    """An ACLED export of one row per change, each the base row with some fields changed."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for number, change in enumerate(changes, start=1):
        writer.writerow(BASE | {"event_id_cnty": f"PSE{number}"} | change)
    return io.StringIO(out.getvalue())


def test_a_good_row_becomes_a_typed_event():
    (event,) = list(iter_acled(acled_csv({"event_id_cnty": "PSE75457"})))
    assert isinstance(event, AcledEvent)
    assert event.key == "PSE75457"
    assert event.event_date.isoformat() == "2025-06-06"
    assert (event.latitude, event.longitude, event.fatalities) == (31.5, 34.47, 2)
    assert (event.time_precision, event.geo_precision, event.iso) == (1, 1, 275)
    assert event.civilian_targeting is True
    assert event.inter2 == "Civilians"
    assert event.line == 2
    assert not event.offshore


def test_iso_dates_and_numeric_inter_codes_are_read():
    (event,) = list(iter_acled(acled_csv({"event_date": "2025-06-06", "inter1": "8"})))
    assert event.event_date.isoformat() == "2025-06-06"
    assert event.inter1 == "External/Other forces"


def test_offshore_events_are_kept():
    loaded = read_acled(acled_csv({"location": "Coast of Gaza City", "longitude": "34.40"}))
    assert loaded.report.accepted == 1
    assert loaded.records[0].offshore


@pytest.mark.parametrize(
    ("change", "field", "value", "message"),
    [
        ({"latitude": "95.2"}, "latitude", "95.2", "is above 90"),
        ({"longitude": "-181"}, "longitude", "-181", "is below -180"),
        ({"latitude": ""}, "latitude", "", "is required"),
        ({"fatalities": "-1"}, "fatalities", "-1", "is negative"),
        ({"fatalities": "a few"}, "fatalities", "a few", "is not a whole number"),
        ({"event_date": "31-Feb-25"}, "event_date", "31-Feb-25", "is not a readable date"),
        ({"event_type": "Skirmish"}, "event_type", "Skirmish", "is not in the vocabulary"),
        (
            {"sub_event_type": "Armed clash"},
            "sub_event_type",
            "Armed clash",
            "is not a type of Explosions/Remote violence",
        ),
        ({"time_precision": "4"}, "time_precision", "4", "is above 3"),
        ({"geo_precision": "0"}, "geo_precision", "0", "is below 1"),
        ({"inter1": "Aliens"}, "inter1", "Aliens", "is not an ACLED actor type"),
        ({"inter2": ""}, "inter2", "", "is required when the actor is named"),
        ({"actor1": ""}, "actor1", "", "is required"),
        ({"year": "2024"}, "year", "2024", "does not match event_date 2025-06-06"),
    ],
)
def test_bad_rows_are_rejected_with_line_field_and_value(change, field, value, message):
    items = list(iter_acled(acled_csv({}, change, {})))
    rejections = [item for item in items if isinstance(item, Rejection)]
    assert rejections == [Rejection(3, field, value, message)]
    assert [item.key for item in items if isinstance(item, AcledEvent)] == ["PSE1", "PSE3"]


def test_a_row_with_two_bad_fields_names_both_and_counts_once():
    loaded = read_acled(acled_csv({"latitude": "91", "fatalities": "-4"}, {}))
    assert [r.field for r in loaded.rejections] == ["latitude", "fatalities"]
    assert (loaded.report.rows, loaded.report.accepted, loaded.report.rejected) == (2, 1, 1)


def test_a_repeated_event_id_is_rejected_and_the_first_kept():
    loaded = read_acled(acled_csv({"event_id_cnty": "PSE9"}, {"event_id_cnty": "PSE9"}))
    assert [event.line for event in loaded.records] == [2]
    assert loaded.rejections[0].message == "repeats the event of line 2; the first is kept"


def test_notes_with_line_breaks_keep_line_numbers_right():
    loaded = read_acled(acled_csv({"notes": "one\ntwo\nthree"}, {"fatalities": "-1"}))
    assert loaded.records[0].notes == "one\ntwo\nthree"
    assert loaded.rejections[0].line == 5


def test_the_codebook_lists_every_family():
    assert len(EVENT_TYPES) == 6
    assert "Looting/property destruction" in EVENT_TYPES["Strategic developments"]
    assert inter_name("0") == ""
    assert inter_name("political MILITIA") == "Political militia"
    assert inter_name("9") is None


def test_a_value_read_once_is_read_the_same_on_every_row_and_a_refused_one_refused_again():
    bad = {"event_date": "31-Feb-25", "fatalities": "-1"}
    loaded = read_acled(acled_csv({}, bad, {}, bad, {"fatalities": "3"}))
    assert [event.line for event in loaded.records] == [2, 4, 6]
    assert [(r.line, r.field) for r in loaded.rejections] == [
        (3, "event_date"),
        (3, "fatalities"),
        (5, "event_date"),
        (5, "fatalities"),
    ]
    first, second, third = loaded.records
    assert first[1:-1] == second[1:-1]  # every field but the id and the line
    assert (first.fatalities, third.fatalities) == (2, 3)
