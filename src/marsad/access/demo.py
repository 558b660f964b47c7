"""The access part of the demo scenario: the reference crossings (crossings.toml), and from
demo.toml the corridors, the mandate's protection of them, status steps citing the demo claims,
access incidents, and a few consignments marked as demo data. The real UNRWA and COGAT lists
do not ship with Marsad; `marsad import unrwa` and `marsad import cogat` read them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from marsad.access.models import (
    AccessIncident,
    AccessStatus,
    Consignment,
    Corridor,
    CorridorProtection,
    Crossing,
)
from marsad.access.services import (
    create_corridor,
    ensure_crossings,
    protect_corridor,
    record_access_incident,
    record_consignment,
    record_status,
)
from marsad.core import selectors as core
from marsad.core.demo.loader import DEMO_USER, DemoReport, find_claims, read_area_data
from marsad.mandate.models import Task

HERE = Path(__file__).resolve().parent
FORCE = "ISF"
DEMO_NOTE = "Demo data: illustrative figures, not a real count."


def load(report: DemoReport) -> None:
    made = ensure_crossings(by=DEMO_USER)
    report.add(
        "crossings", created=len(made), kept=core.records(DEMO_USER, Crossing).count() - len(made)
    )
    data = read_area_data(HERE / "demo.toml")
    for spec in data.get("corridor", []):
        _corridor(report, spec)
    for spec in data.get("protection", []):
        _protection(report, spec)
    for spec in data.get("status", []):
        _status(report, spec)
    for spec in data.get("incident", []):
        _incident(report, spec)
    for spec in data.get("consignment", []):
        _consignment(report, spec)


def _corridor(report: DemoReport, spec: dict[str, Any]) -> None:
    exists = core.records(DEMO_USER, Corridor).filter(key=spec["key"]).exists()
    report.count("corridors", created=not exists)
    if exists:
        return
    fields = {k: v for k, v in spec.items() if k not in ("route", "claims")}
    create_corridor(
        by=DEMO_USER,
        route={"type": "LineString", "coordinates": spec["route"]},
        claims=find_claims(spec.get("claims", [])),
        marking="public",
        **fields,
    )


def _protection(report: DemoReport, spec: dict[str, Any]) -> None:
    task = core.records(DEMO_USER, Task).filter(force__key=FORCE, code=spec["task"]).first()
    if task is None:
        return
    for key in spec["corridors"]:
        exists = (
            core.records(DEMO_USER, CorridorProtection)
            .filter(task=task, corridor__key=key)
            .exists()
        )
        report.count("corridor protections", created=not exists)
        if not exists:
            protect_corridor(
                by=DEMO_USER,
                task=task,
                corridor=key,
                since=spec.get("since"),
                note_ar=spec.get("note_ar", ""),
                note_en=spec.get("note_en", ""),
                claims=find_claims(spec.get("claims", [])),
                marking="public",
            )


def _status(report: DemoReport, spec: dict[str, Any]) -> None:
    exists = (
        core.records(DEMO_USER, AccessStatus)
        .filter(
            crossing__key=spec.get("crossing"),
            corridor__key=spec.get("corridor"),
            state=spec["state"],
            valid_from=spec["on"],
            expected=spec.get("expected", False),
        )
        .exists()
    )
    report.count("access statuses", created=not exists)
    if not exists:
        fields = {k: v for k, v in spec.items() if k != "claims"}
        record_status(
            by=DEMO_USER, claims=find_claims(spec.get("claims", [])), marking="public", **fields
        )


def _incident(report: DemoReport, spec: dict[str, Any]) -> None:
    exists = (
        core.records(DEMO_USER, AccessIncident)
        .filter(day=spec["day"], category=spec["category"], description_en=spec["description_en"])
        .exists()
    )
    report.count("access incidents", created=not exists)
    if not exists:
        fields = {k: v for k, v in spec.items() if k not in ("claims", "actor")}
        record_access_incident(
            by=DEMO_USER,
            actor_key=spec.get("actor"),
            claims=find_claims(spec.get("claims", [])),
            imported_from="demo",
            marking="public",
            **fields,
        )


def _consignment(report: DemoReport, spec: dict[str, Any]) -> None:
    exists = core.records(DEMO_USER, Consignment).filter(key=spec["key"]).exists()
    report.count("consignments (demo data)", created=not exists)
    if not exists:
        fields = {k: v for k, v in spec.items() if k != "claims"}
        record_consignment(
            by=DEMO_USER,
            claims=find_claims(spec.get("claims", [])),
            imported_from="demo",
            reported_by="Marsad demo",
            note=DEMO_NOTE,
            marking="public",
            **fields,
        )
