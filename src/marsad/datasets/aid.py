"""Readers of the two aid line lists: UNRWA's trucks received and COGAT's consignments.

Crossing names become canonical ids through an alias table (`crossings.py`); an unknown name
is a rejection, never a new crossing. A quantity left blank or written `-` is unknown (None),
not zero, and its row is kept; a quantity that cannot be read rejects its row.

Idempotency keys: UNRWA gives each truck an `ID`, so its key is `unrwa:<ID>`. COGAT's `Index`
is a row number, not an id: it repeats (51304 twice in the 24 Sep 2024 list) and would shift
when a later edition inserts rows, so a consignment's key is a hash of its parsed values plus
its occurrence number among identical consignments (`keys.py` says why that is stable).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time

from marsad.datasets.crossings import DEFAULT_NAMES, CrossingNames
from marsad.datasets.dates import parse_datetime
from marsad.datasets.keys import OccurrenceKeys
from marsad.datasets.rows import Loaded, Rejection, RowCheck, Source, csv_rows, load, open_text

UNRWA_REQUIRED = ("Received Date", "Crossing", "Quantity")
_KEYLESS_COLUMNS = {"ID", "Last Edited Time", *UNRWA_REQUIRED}
COGAT_REQUIRED = ("Date", "Route", "Aid (tons)")
#: How COGAT writes an unknown tonnage.
UNKNOWN_TONS = ("-", "–", "—")


@dataclass(frozen=True, slots=True)
class UnrwaTruck:
    """One truck received, as UNRWA listed it; `line` is where its row starts."""

    key: str
    row_id: str
    received: date
    crossing: str
    crossing_id: str
    quantity: float | None
    units: str
    cargo_description: str
    cargo_category: str
    donor: str
    donation_type: str
    destination: str
    data_source: str
    manifest: str
    status: str
    gate_time: time | None
    gate_time_raw: str
    last_edited: datetime | None
    data_period: str
    line: int


@dataclass(frozen=True, slots=True)
class CogatConsignment:
    """One consignment as COGAT listed it; tons None where the list writes `-`."""

    key: str
    index: int | None
    day: date
    route: str
    crossing_id: str
    classification: str
    donor: str
    tons: float | None
    line: int


def iter_unrwa(
    source: Source, *, crossings: CrossingNames = DEFAULT_NAMES
) -> Iterator[UnrwaTruck | Rejection]:
    """Trucks and rejections of UNRWA's list, in file order."""
    keys = OccurrenceKeys("unrwa")
    first_line: dict[str, int] = {}
    with open_text(source) as stream:
        for item in csv_rows(stream, required=UNRWA_REQUIRED):
            if isinstance(item, Rejection):
                yield item
                continue
            line, row = item
            check = RowCheck(line)
            truck = _truck(check, row, crossings, keys)
            if truck is not None and truck.row_id in first_line:
                check.reject(
                    "ID", truck.row_id, f"repeats the truck of line {first_line[truck.row_id]}"
                )
            if check.rejections:
                yield from check.rejections
            elif truck is not None:
                if truck.row_id:
                    first_line[truck.row_id] = line
                yield truck


def read_unrwa(source: Source, *, crossings: CrossingNames = DEFAULT_NAMES) -> Loaded[UnrwaTruck]:
    """UNRWA's whole list in memory, with its rejections and counts."""
    return load(iter_unrwa(source, crossings=crossings))


def iter_cogat(
    source: Source, *, crossings: CrossingNames = DEFAULT_NAMES
) -> Iterator[CogatConsignment | Rejection]:
    """Consignments and rejections of COGAT's list, in file order."""
    keys = OccurrenceKeys("cogat")
    with open_text(source) as stream:
        for item in csv_rows(stream, required=COGAT_REQUIRED):
            if isinstance(item, Rejection):
                yield item
                continue
            line, row = item
            check = RowCheck(line)
            day = check.day("Date", row["Date"])
            route = check.text("Route", row["Route"], required=True)
            crossing_id = _crossing_id(check, "Route", route, crossings)
            tons = check.optional_number(
                "Aid (tons)", row["Aid (tons)"], minimum=0, blanks=UNKNOWN_TONS
            )
            index = check.optional_integer("Index", row.get("Index", ""), minimum=0)
            if check.rejections:
                yield from check.rejections
                continue
            classification = row.get("Classification", "").strip()
            donor = row.get("Donor", "").strip()
            yield CogatConsignment(
                key=keys.key(day.isoformat(), crossing_id, classification, donor, tons),
                index=index,
                day=day,
                route=route,
                crossing_id=crossing_id,
                classification=classification,
                donor=donor,
                tons=tons,
                line=line,
            )


def read_cogat(
    source: Source, *, crossings: CrossingNames = DEFAULT_NAMES
) -> Loaded[CogatConsignment]:
    """COGAT's whole list in memory, with its rejections and counts."""
    return load(iter_cogat(source, crossings=crossings))


def _truck(
    check: RowCheck, row: dict[str, str], crossings: CrossingNames, keys: OccurrenceKeys
) -> UnrwaTruck | None:
    def cell(name: str) -> str:
        return row.get(name, "").strip()

    received = check.day("Received Date", row["Received Date"])
    crossing = check.text("Crossing", row["Crossing"], required=True)
    crossing_id = _crossing_id(check, "Crossing", crossing, crossings)
    quantity = check.optional_number("Quantity", row["Quantity"], minimum=0)
    last_edited = _optional_datetime(check, "Last Edited Time", cell("Last Edited Time"))
    if check.rejections:
        return None
    row_id = cell("ID")
    if row_id:
        key = f"unrwa:{row_id}"
    else:
        # Parsed values where there are some; the edit time is left out, an edit is the same truck.
        others = (cell(name) for name in sorted(row) if name not in _KEYLESS_COLUMNS)
        key = keys.key(received.isoformat(), crossing_id, quantity, *others)
    return UnrwaTruck(
        key=key,
        row_id=row_id,
        received=received,
        crossing=crossing,
        crossing_id=crossing_id,
        quantity=quantity,
        units=cell("Units"),
        cargo_description=cell("Description of Cargo"),
        cargo_category=cell("Cargo Category"),
        donor=cell("Donating Country/ Organization"),
        donation_type=cell("Donation Type"),
        destination=cell("Destination Recipient/ Partner"),
        data_source=cell("Data Source"),
        manifest=cell("Manifest of"),
        status=cell("Status"),
        gate_time=gate_time(row.get("Time of Opening Gate", "")),
        gate_time_raw=row.get("Time of Opening Gate", ""),
        last_edited=last_edited,
        data_period=cell("Data Period"),
        line=check.line,
    )


def _crossing_id(check: RowCheck, name: str, value: str, crossings: CrossingNames) -> str:
    if not value:
        return ""
    crossing_id = crossings.resolve(value)
    if crossing_id is None:
        check.reject(name, value, crossings.unknown_message(value))
        return ""
    return crossing_id


def _optional_datetime(check: RowCheck, name: str, value: str) -> datetime | None:
    if not value:
        return None
    try:
        return parse_datetime(value)
    except ValueError:
        check.reject(name, value, "is not a readable date and time")
        return None


# ";" for ":" is a typing slip found in the real list ("8;00"); "." is left out, it is a fraction.
_CLOCK = re.compile(r"^(\d{1,2})[:;](\d{2})$")


def gate_time(raw: str) -> time | None:
    """The gate's opening time from an Excel day fraction (`0.375`) or a clock (`8:00`, `8;00`).

    The column is a free note in the source, so an unreadable value gives None and the row is
    kept with the raw text, rather than refusing a truck that did enter.
    """
    text = raw.replace("\xa0", " ").strip()
    clock = _CLOCK.match(text)
    if clock:
        hours, minutes = int(clock[1]), int(clock[2])
        return time(hours, minutes) if hours < 24 and minutes < 60 else None
    try:
        fraction = float(text)
    except ValueError:
        return None
    if not 0 <= fraction < 1:
        return None
    minutes = min(round(fraction * 24 * 60), 24 * 60 - 1)
    return time(minutes // 60, minutes % 60)
