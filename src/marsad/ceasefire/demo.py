"""The ceasefire's part of the demo scenario (demo.toml, whose claims come from the core's demo
documents) and the real daily casualty series (data/casualties_daily.json), loaded through the
services and the importer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from marsad.ceasefire.imports import TECH_FOR_PALESTINE, import_casualties
from marsad.ceasefire.models import Agreement, CasualtyFigure, Incident, Phase
from marsad.ceasefire.services import (
    create_agreement,
    create_clause,
    create_phase,
    record_figure,
    record_incident,
    record_violation,
)
from marsad.core import selectors as core
from marsad.core.demo.loader import (
    DEMO_USER,
    DemoReport,
    find_claims,
    read_area_data,
)

HERE = Path(__file__).resolve().parent
PUBLIC = {"marking": "public"}


def load(report: DemoReport) -> None:
    data = read_area_data(HERE / "demo.toml")
    spec = data["agreement"]
    agreement = core.records(DEMO_USER, Agreement).filter(actor__key=spec["actor"]).first()
    report.count("ceasefire agreements", created=agreement is None)
    if agreement is None:
        fields = {k: v for k, v in spec.items() if k not in ("actor", "claims")}
        agreement = create_agreement(
            by=DEMO_USER,
            actor_key=spec["actor"],
            claims=find_claims(spec.get("claims", [])),
            **fields,
            **PUBLIC,
        )
    for phase in data.get("phase", []):
        exists = agreement.phases.filter(number=phase["number"]).exists()
        report.count("phases", created=not exists)
        if not exists:
            fields = {k: v for k, v in phase.items() if k != "claims"}
            create_phase(
                by=DEMO_USER,
                agreement=agreement,
                claims=find_claims(phase.get("claims", [])),
                **fields,
                **PUBLIC,
            )
    for clause in data.get("clause", []):
        exists = agreement.clauses.filter(ref=clause["ref"]).exists()
        report.count("clauses", created=not exists)
        if not exists:
            create_clause(
                by=DEMO_USER,
                agreement=agreement,
                ref=clause["ref"],
                text_ar=clause["text_ar"],
                text_en=clause["text_en"],
                phase=core.records(DEMO_USER, Phase).get(
                    agreement=agreement, number=clause["phase"]
                ),
                claims=find_claims(clause.get("claims", [])),
                **PUBLIC,
            )
    for spec in data.get("incident", []):
        incident = (
            core.records(DEMO_USER, Incident)
            .filter(event_date=spec["event_date"], description_en=spec["description_en"])
            .first()
        )
        report.count("incidents", created=incident is None)
        if incident is None:
            incident = _incident(spec, agreement)
        for figure in spec.get("figure", []):
            _figure(figure, report, incident=incident)
    for spec in data.get("figure", []):
        _figure(spec, report, incident=None)
    series = import_casualties(
        by=DEMO_USER,
        path=HERE / "data" / "casualties_daily.json",
        source="GAZA-MOH",
        marking="public",
        via=TECH_FOR_PALESTINE,
    )
    report.add("daily casualty reports", created=series.created, kept=series.already_there)


def _incident(spec: dict[str, Any], agreement: Agreement) -> Incident:
    fields = {k: v for k, v in spec.items() if k not in ("claims", "violation", "figure")}
    incident = record_incident(by=DEMO_USER, claims=find_claims(spec["claims"]), **fields, **PUBLIC)
    if "violation" in spec:
        violation = spec["violation"]
        record_violation(
            by=DEMO_USER,
            incident=incident,
            agreement=agreement,
            accused=violation["accused"],
            accuser=violation.get("accuser"),
            clause=agreement.clauses.get(ref=violation["clause"]),
            claims=find_claims(violation.get("claims", [])),
            **PUBLIC,
        )
    return incident


def _figure(spec: dict[str, Any], report: DemoReport, *, incident: Incident | None) -> None:
    """One source's figure, for an incident or a period; kept when that source's figure of
    that day is there already."""
    exists = (
        core.records(DEMO_USER, CasualtyFigure)
        .filter(source__key=spec["source"], reported_on=spec["reported_on"], incident=incident)
        .exists()
    )
    report.count("casualty figures", created=not exists)
    if not exists:
        fields = {k: v for k, v in spec.items() if k != "claims"}
        record_figure(
            by=DEMO_USER, incident=incident, claims=find_claims(spec["claims"]), **fields, **PUBLIC
        )
