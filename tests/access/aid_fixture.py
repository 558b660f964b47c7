"""Small aid lists written by the tests, in the shapes of UNRWA's and COGAT's files."""

from __future__ import annotations

import csv
from pathlib import Path

UNRWA_HEADER = [
    "ID",
    "Last Edited Time",
    "Received Date",
    "Data Source",
    "Manifest of",
    "Description of Cargo",
    "Cargo Category",
    "Status",
    "Time of Opening Gate",
    "Quantity",
    "Units",
    "Donating Country/ Organization",
    "Donation Type",
    "Crossing",
    "Destination Recipient/ Partner",
    "Data Period",
]
COGAT_HEADER = ["Index", "Date", "Route", "Classification", "Donor", "Aid (tons)"]


def truck(
    row_id: str,
    day: str = "2024-03-01",
    crossing: str = "Kerem Shalom",
    quantity: str = "14",
    units: str = "Pallets",
    category: str = "Food Items",
    status: str = "Received",
    donor: str = "WFP",
) -> list[str]:
    return [
        row_id,
        "2024-09-10T14:31:37",
        day,
        "UNRWA",
        f"Non-Manifest ({day})",
        "Flour",
        category,
        status,
        "0.375",
        quantity,
        units,
        donor,
        "Humanitarian - UN",
        crossing,
        "UNRWA",
        "Current Data (after Rafah Operation)",
    ]


def write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def unrwa_sample(path: Path) -> Path:
    """Five good trucks and five bad rows (lines 7 to 11)."""
    return write(
        path,
        UNRWA_HEADER,
        [
            truck("1", crossing="Kerem Shalom"),
            truck("2", crossing="Rafah Crossing", units="MT", quantity="19"),
            truck("3", crossing="Western Erez", category="Medical Supplies"),
            truck("4", crossing="كرم أبو سالم", units="Truck", quantity="1"),
            truck("5", day="2024-03-02", crossing="Gate 96", units="", quantity=""),
            truck("6", crossing="Kerem Shaloom"),  # line 7: a misspelt crossing
            truck("7", crossing="Netzarim"),  # line 8: no such crossing, nothing close
            truck("8", day="2024-02-31"),  # line 9: no such day
            truck("9", quantity="lots"),  # line 10: unreadable quantity
            truck("1"),  # line 11: the ID of line 2 again
        ],
    )


def cogat_sample(path: Path) -> Path:
    """Four good consignments (one tonnage unknown) and three bad rows (lines 6 to 8)."""
    return write(
        path,
        COGAT_HEADER,
        [
            ["1", "25 Feb 2024", "Aerial Route", "Food", "Jordan", "32"],
            ["2", "1 Sept 2024", "Land Crossings", "Fuel", "UNOPS", "43.639"],
            ["3", "1 Sept 2024", "Land Crossings", "Fuel", "UNOPS", "43.639"],
            ["4", "16 Nov 2023", "Land Crossings", "Medical Supplies", "Jordan", "-"],
            ["5", "30 Feb 2024", "Land Crossings", "Food", "WFP", "20"],
            ["6", "2 Mar 2024", "Maritme Route (JLOTS)", "Food", "WCK", "20"],
            ["7", "2 Mar 2024", "Land Crossings", "Food", "WFP", "twenty"],
        ],
    )
