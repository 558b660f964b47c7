"""A small ACLED export written for the tests, in the real file's 31 columns."""

from __future__ import annotations

import csv
import io
from pathlib import Path

HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp"
).split(",")


def row(event_id: str, **changes: str) -> dict[str, str]:
    values = {
        "event_id_cnty": event_id,
        "event_date": "12-Nov-25",
        "year": "2025",
        "time_precision": "1",
        "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": "Military Forces of Israel (2022-)",
        "assoc_actor_1": "",
        "inter1": "External/Other forces",
        "actor2": "Civilians (Palestine)",
        "assoc_actor_2": "",
        "inter2": "Civilians",
        "interaction": "External/Other forces-Civilians",
        "civilian_targeting": "Civilian targeting",
        "iso": "275",
        "region": "Middle East",
        "country": "Palestine",
        "admin1": "Gaza Strip",
        "admin2": "Khan Yunis",
        "admin3": "",
        "location": "Bani Suheila",
        "latitude": "31.3436",
        "longitude": "34.3225",
        "geo_precision": "1",
        "source": "Test wire",
        "source_scale": "National",
        "notes": "On 12 November 2025, an air strike hit a house in Bani Suheila.",
        "fatalities": "3",
        "tags": "",
        "timestamp": "1762900000",
    }
    values.update(changes)
    return values


def write(path: Path, rows: list[dict[str, str]]) -> Path:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=HEADER)
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def sample(path: Path) -> Path:
    """Two good rows, one offshore, four bad ones (lines 5-8)."""
    return write(
        path,
        [
            row("TST1"),
            row(
                "TST2",
                event_date="2025-11-13",
                location="Coast of Deir al-Balah",
                latitude="31.4200",
                longitude="34.2500",
                fatalities="0",
            ),
            row(
                "TST3",
                event_type="Battles",
                sub_event_type="Armed clash",
                actor1="Hamas Movement",
                inter1="Political militia",
                actor2="Military Forces of Israel (2022-)",
                inter2="External/Other forces",
                latitude="31.5134",
                longitude="34.4751",
                location="Gaza - At Tuffah",
            ),
            row("BAD1", event_date="31-Feb-25"),
            row("BAD2", latitude="131.5"),
            row("BAD3", sub_event_type="Cyber attack"),
            row("BAD4", fatalities="-2"),
        ],
    )
