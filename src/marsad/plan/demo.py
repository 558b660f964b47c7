"""The plan's part of the demo scenario (demo.toml), loaded through the services."""

from __future__ import annotations

from pathlib import Path

from marsad.core import selectors as core
from marsad.core.demo.loader import DEMO_USER, DemoReport, find_claims, read_area_data
from marsad.plan.models import Plan, Precondition
from marsad.plan.services import (
    add_dependency,
    create_plan,
    create_provision,
    provision_by_number,
    record_precondition,
    record_score,
)
from marsad.statements.models import Statement

DATA = Path(__file__).resolve().parent / "demo.toml"
PUBLIC = {"marking": "public"}


def load(report: DemoReport) -> None:
    data = read_area_data(DATA)
    spec = data["plan"]
    plan = core.records(DEMO_USER, Plan).filter(actor__key=spec["actor"]).first()
    report.count("plans", created=plan is None)
    if plan is None:
        plan = create_plan(
            by=DEMO_USER,
            actor_key=spec["actor"],
            announced=spec["announced"],
            endorsed_by=spec.get("endorsed_by"),
            claims=find_claims(spec.get("claims", [])),
            **PUBLIC,
        )
    for point in sorted(data.get("provision", []), key=lambda p: p["number"]):
        exists = plan.provisions.filter(number=point["number"]).exists()
        report.count("plan provisions", created=not exists)
        if exists:
            continue
        provision = create_provision(
            by=DEMO_USER,
            plan=plan,
            number=point["number"],
            summary_ar=point["summary_ar"],
            summary_en=point["summary_en"],
            category=point["category"],
            responsible=point.get("responsible", []),
            depends_on=[n for n in point.get("depends_on", []) if n < point["number"]],
            claims=find_claims(point.get("claims", [])),
            **PUBLIC,
        )
        for change in point.get("scores", []):
            record_score(
                by=DEMO_USER,
                provision=provision,
                score=change["score"],
                on=change["on"],
                note_ar=change.get("note_ar", ""),
                note_en=change.get("note_en", ""),
                claims=find_claims(change.get("claims", [])),
                **PUBLIC,
            )
    for point in data.get("provision", []):
        later = [n for n in point.get("depends_on", []) if n > point["number"]]
        provision = provision_by_number(DEMO_USER, plan, point["number"], "number")
        for number in later:
            if not provision.depends_on.filter(number=number).exists():
                add_dependency(by=DEMO_USER, provision=provision, on=number)
    for spec in data.get("precondition", []):
        provision = provision_by_number(DEMO_USER, plan, spec["provision"], "provision")
        after = provision_by_number(DEMO_USER, plan, spec["after"], "after")
        exists = (
            core.records(DEMO_USER, Precondition)
            .filter(party__key=spec["party"], provision=provision, after=after)
            .exists()
        )
        report.count("preconditions", created=not exists)
        if exists:
            continue
        statement = (
            core.records(DEMO_USER, Statement)
            .filter(speaker__key=spec["statement_speaker"], topic="plan")
            .order_by("id")
            .first()
        )
        record_precondition(
            by=DEMO_USER,
            party=spec["party"],
            provision=provision,
            after=after,
            statement=statement,
            text_ar=spec["text_ar"],
            text_en=spec["text_en"],
            claims=find_claims(spec["claims"]),
            **PUBLIC,
        )
