"""Governance's part of the demo scenario (demo.toml), loaded through the services."""

from __future__ import annotations

from pathlib import Path

from marsad.core import selectors as core
from marsad.core.demo.loader import DEMO_USER, DemoReport, find_claims, read_area_data
from marsad.governance.models import CharterAction, LegalInstrument
from marsad.governance.services import record_charter_action, record_instrument

DATA = Path(__file__).resolve().parent / "demo.toml"


def load(report: DemoReport) -> None:
    data = read_area_data(DATA)
    for spec in data.get("instrument", []):
        exists = core.records(DEMO_USER, LegalInstrument).filter(actor__key=spec["actor"]).exists()
        report.count("legal instruments", created=not exists)
        if not exists:
            fields = {k: v for k, v in spec.items() if k not in ("actor", "claims")}
            record_instrument(
                by=DEMO_USER, actor_key=spec["actor"], claims=find_claims(spec["claims"]), **fields
            )
    for spec in data.get("charter_action", []):
        exists = (
            core.records(DEMO_USER, CharterAction)
            .filter(charter__key=spec["charter"], actor__key=spec["actor"], action=spec["action"])
            .exists()
        )
        report.count("charter actions", created=not exists)
        if not exists:
            fields = {k: v for k, v in spec.items() if k not in ("actor", "claims")}
            record_charter_action(
                by=DEMO_USER, actor_key=spec["actor"], claims=find_claims(spec["claims"]), **fields
            )
