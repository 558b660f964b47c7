import io
from datetime import time

import pytest

from marsad.datasets.aid import (
    CogatConsignment,
    UnrwaTruck,
    gate_time,
    iter_cogat,
    read_cogat,
    read_unrwa,
)
from marsad.datasets.rows import Rejection

UNRWA_HEADER = (
    "ID,Last Edited Time,Received Date,Data Source,Manifest of,Description of Cargo,"
    "Cargo Category,Status,Time of Opening Gate,Quantity,Units,Donating Country/ Organization,"
    "Donation Type,Crossing,Destination Recipient/ Partner,Data Period\n"
)
UNRWA_ROWS = [
    "59315,2024-09-10T14:31:37,2024-09-09,UNRWA,Non-Manifest (2024-09-09),Flour,Food Items,"
    "Received,0.375,14,Pallets,UNRWA,Humanitarian - UN,Kerem Shalom,UNRWA,Current Data",
    "59316,2024-09-10T14:31:37,2024-09-09,WFP,,Water,Food Items,Received,8;05,20,Pallets,WFP,"
    "Humanitarian - UN,Western Erez,WFP,Current Data",
    "59317,,2024-05-17,UNRWA,,Food Parcels,Food Items,Received,,,Pallets,UAE,Humanitarian - Donor,"
    "JLOTS,UNRWA,Historical Data",
]

COGAT = """Index,Date,Route,Classification,Donor,Aid (tons)
1,25 Feb 2024,Aerial Route,Food,Jordan,32
2,2 Sept 2024,Land Crossings,Medical Supplies,WHO,-
3,9 Apr 2024,Land Crossings,Food,WFP,20
4,9 Apr 2024,Land Crossings,Food,WFP,20
5,10 Sept 2024,Maritime Route (JLOTS),Food,USAID,4.53
"""


def unrwa(*rows):
    return io.StringIO(UNRWA_HEADER + "".join(row + "\n" for row in rows))


def test_unrwa_trucks_are_typed_with_canonical_crossings():
    loaded = read_unrwa(unrwa(*UNRWA_ROWS))
    assert loaded.report.accepted == 3
    assert not loaded.rejections
    first, second, third = loaded.records
    assert isinstance(first, UnrwaTruck)
    assert (first.key, first.crossing, first.crossing_id) == (
        "unrwa:59315",
        "Kerem Shalom",
        "CROSSING-KEREM-SHALOM",
    )
    assert first.received.isoformat() == "2024-09-09"
    assert first.quantity == 14
    assert first.gate_time == time(9, 0)
    assert first.last_edited is not None
    assert second.crossing_id == "CROSSING-ZIKIM"
    assert second.gate_time == time(8, 5)
    assert third.crossing_id == "MARITIME-JLOTS"
    assert third.quantity is None
    assert third.last_edited is None


def test_unrwa_unknown_crossing_is_rejected_with_a_suggestion():
    bad = UNRWA_ROWS[0].replace("Kerem Shalom", "Kerem Shalon")
    loaded = read_unrwa(unrwa(UNRWA_ROWS[1], bad, UNRWA_ROWS[2]))
    assert len(loaded.records) == 2
    assert loaded.rejections == [
        Rejection(
            3,
            "Crossing",
            "Kerem Shalon",
            "is not a known crossing; did you mean 'Kerem Shalom' (CROSSING-KEREM-SHALOM)?",
        )
    ]


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        (",14,Pallets", ",fourteen,Pallets", "Quantity", "is not a number"),
        (",14,Pallets", ",-14,Pallets", "Quantity", "is negative"),
        ("2024-09-09,UNRWA", "2024-09-31,UNRWA", "Received Date", "is not a readable date"),
        (
            "2024-09-10T14:31:37",
            "last tuesday",
            "Last Edited Time",
            "is not a readable date and time",
        ),
    ],
)
def test_unrwa_bad_rows_are_rejected(old, new, field, message):
    loaded = read_unrwa(unrwa(UNRWA_ROWS[1], UNRWA_ROWS[0].replace(old, new)))
    assert [(r.line, r.field, r.message) for r in loaded.rejections] == [(3, field, message)]
    assert [truck.key for truck in loaded.records] == ["unrwa:59316"]


def test_unrwa_repeated_ids_are_rejected():
    loaded = read_unrwa(unrwa(UNRWA_ROWS[0], UNRWA_ROWS[0]))
    assert len(loaded.records) == 1
    assert loaded.rejections[0].field == "ID"


def test_unrwa_rows_without_an_id_get_content_keys():
    row = "," + UNRWA_ROWS[0].split(",", 1)[1]
    first, second = read_unrwa(unrwa(row, row)).records
    assert first.key.startswith("unrwa:")
    assert first.key.endswith(":1")
    assert second.key == first.key[:-1] + "2"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0.375", time(9)),
        ("6.25E-2", time(1, 30)),
        ("8;00", time(8)),
        ("\xa0", None),
        ("423:00 AM", None),
        ("1.5", None),
    ],
)
def test_gate_times_from_day_fractions_and_clocks(raw, expected):
    assert gate_time(raw) == expected


def test_cogat_rows_keep_unknown_tons_and_read_month_names():
    loaded = read_cogat(io.StringIO(COGAT))
    assert loaded.report.accepted == 5
    assert not loaded.rejections
    aerial, medical, food, again, sea = loaded.records
    assert isinstance(aerial, CogatConsignment)
    assert (aerial.day.isoformat(), aerial.crossing_id, aerial.tons) == (
        "2024-02-25",
        "AIR-DROPS",
        32.0,
    )
    assert medical.tons is None
    assert medical.day.isoformat() == "2024-09-02"
    assert medical.crossing_id == "LAND-CROSSINGS"
    assert sea.crossing_id == "MARITIME-JLOTS"
    assert sea.tons == 4.53
    assert food.key != again.key
    assert food.key[:-1] == again.key[:-1]


def test_cogat_keys_do_not_depend_on_the_index_or_on_spelling():
    twice = [c.key for c in iter_cogat(io.StringIO(COGAT))]
    renumbered = COGAT.replace("\n5,10 Sept", "\n51304,10 Sep").replace("32\n", "32.0\n")
    assert [c.key for c in iter_cogat(io.StringIO(renumbered))] == twice


@pytest.mark.parametrize(
    ("row", "field", "value", "message"),
    [
        (
            "6,31 Sept 2024,Land Crossings,Food,WFP,20",
            "Date",
            "31 Sept 2024",
            "is not a readable date",
        ),
        ("6,1 Sept 2024,Land Crossings,Food,WFP,twenty", "Aid (tons)", "twenty", "is not a number"),
        ("6,1 Sept 2024,Land Crossings,Food,WFP,-20", "Aid (tons)", "-20", "is negative"),
        ("6,1 Sept 2024,Nitzana,Food,WFP,20", "Route", "Nitzana", "is not a known crossing"),
    ],
)
def test_cogat_bad_rows_are_rejected_and_the_rest_kept(row, field, value, message):
    loaded = read_cogat(io.StringIO(COGAT + row + "\n"))
    assert loaded.rejections == [Rejection(7, field, value, message)]
    assert len(loaded.records) == 5
