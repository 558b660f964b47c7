"""The readers against the real files (skipped when ../shared/data is absent)."""

from collections import Counter

from marsad.datasets.acled import read_acled
from marsad.datasets.aid import read_cogat, read_unrwa
from marsad.datasets.casualties import read_casualties
from tests.datasets.shared import shared_file


def test_acled_export_gives_every_event_offshore_ones_included():
    loaded = read_acled(shared_file("acled/gaza_war_events.csv"))
    assert (loaded.report.rows, loaded.report.accepted, loaded.report.rejected) == (5338, 5338, 0)
    assert len({event.key for event in loaded.records}) == 5338
    assert sum(event.offshore for event in loaded.records) == 28
    days = [event.event_date.isoformat() for event in loaded.records]
    assert (min(days), max(days)) == ("2023-10-07", "2025-06-06")


def test_casualty_series_gives_every_day():
    loaded = read_casualties(shared_file("casualties/casualties_daily.json"))
    assert (loaded.report.accepted, loaded.report.rejected) == (1051, 0)
    assert loaded.records[0].key == "2023-10-07"
    assert loaded.records[-1].key == "2026-08-22"


def test_unrwa_list_gives_37373_trucks_by_crossing():
    loaded = read_unrwa(shared_file("aid/unrwa_commodities_received_20241111.csv"))
    assert (loaded.report.accepted, loaded.report.rejected) == (37373, 0)
    assert len({truck.key for truck in loaded.records}) == 37373
    assert Counter(truck.crossing_id for truck in loaded.records) == {
        "CROSSING-KEREM-SHALOM": 23574,
        "CROSSING-RAFAH": 11080,
        "CROSSING-ZIKIM": 1779,
        "CROSSING-EREZ": 680,
        "CROSSING-GATE-96": 224,
        "MARITIME-JLOTS": 36,
    }
    days = [truck.received.isoformat() for truck in loaded.records]
    assert (min(days), max(days)) == ("2023-10-21", "2024-09-30")


def test_cogat_list_keeps_the_rows_without_tons_and_keys_each_row_stably():
    path = shared_file("aid/cogat_aid_consignments_24sep2024.csv")
    loaded = read_cogat(path)
    assert (loaded.report.accepted, loaded.report.rejected) == (52479, 0)
    assert sum(consignment.tons is None for consignment in loaded.records) == 978
    # Index 51304 appears twice, and many consignments are identical: the keys still differ,
    # and a second reading gives the same ones.
    keys = [consignment.key for consignment in loaded.records]
    assert len(set(keys)) == 52479
    assert keys == [consignment.key for consignment in read_cogat(path).records]
