"""Statements of the demo scenario: one for each accepted statement or refusal claim of the demo
documents, and the parties' positions the plan's preconditions cite (demo.toml)."""

from __future__ import annotations

from pathlib import Path

from marsad.core import selectors as core
from marsad.core.demo.loader import DEMO_USER, DemoReport, find_claims, read_area_data
from marsad.core.models import Claim
from marsad.statements.models import Statement
from marsad.statements.services import record_statement, statement_from_claim

DATA = Path(__file__).resolve().parent / "demo.toml"


def load(report: DemoReport) -> None:
    spoken = (
        core.records(DEMO_USER, Claim)
        .filter(type__in=["statement", "comment_refusal"], review_state="accepted")
        .prefetch_related("actors")
    )
    for claim in spoken.order_by("id"):
        if not claim.actors.exists():
            continue
        exists = core.records(DEMO_USER, Statement).filter(claims=claim).exists()
        report.count("statements", created=not exists)
        if not exists:
            statement_from_claim(by=DEMO_USER, claim=claim)
    for spec in read_area_data(DATA).get("statement", []):
        exists = (
            core.records(DEMO_USER, Statement)
            .filter(speaker__key=spec["speaker"], quote=spec["quote"])
            .exists()
        )
        report.count("statements", created=not exists)
        if not exists:
            fields = {k: v for k, v in spec.items() if k not in ("ref", "claims")}
            record_statement(
                by=DEMO_USER, claims=find_claims(spec["claims"]), marking="public", **fields
            )
