"""The coalition's part of the demo scenario (demo.toml), loaded through the services."""

from __future__ import annotations

from pathlib import Path

from marsad.coalition.models import Caveat, Invitation, Membership, Pledge
from marsad.coalition.services import (
    create_invitation,
    record_caveat,
    record_membership,
    record_pledge,
    record_status,
)
from marsad.core import selectors as core
from marsad.core.demo.loader import DEMO_USER, DemoReport, find_claims, read_area_data

DATA = Path(__file__).resolve().parent / "demo.toml"


def _marking(spec: dict) -> dict:
    """The record's marking, and the reason of its sanitized release if it has one."""
    return {
        "marking": spec.get("marking", "public"),
        "releasable_to": spec.get("releasable_to", []),
        "sanitized": spec.get("sanitized"),
    }


def load(report: DemoReport) -> None:
    data = read_area_data(DATA)
    for spec in data.get("invitation", []):
        found = (
            core.records(DEMO_USER, Invitation)
            .filter(
                inviter__key=spec["inviter"], invitee__key=spec["invitee"], body__key=spec["body"]
            )
            .first()
        )
        report.count("invitations", created=found is None)
        if found is not None:
            continue
        first, *later = spec["steps"]
        invitation = create_invitation(
            by=DEMO_USER,
            inviter=spec["inviter"],
            invitee=spec["invitee"],
            body=spec["body"],
            role=spec["role"],
            channels=spec.get("channels", []),
            state=first["state"],
            on=first["on"],
            claims=find_claims(spec.get("claims", []) + first["claims"]),
            **_marking(spec),
        )
        for step in later:
            record_status(
                by=DEMO_USER,
                invitation=invitation,
                state=step["state"],
                on=step["on"],
                claims=find_claims(step["claims"]),
                **_marking({**spec, "sanitized": step.get("sanitized")}),
            )
    for spec in data.get("membership", []):
        exists = (
            core.records(DEMO_USER, Membership)
            .filter(member__key=spec["member"], body__key=spec["body"], role=spec["role"])
            .exists()
        )
        report.count("memberships", created=not exists)
        if not exists:
            record_membership(
                by=DEMO_USER,
                member=spec["member"],
                body=spec["body"],
                role=spec["role"],
                since=spec.get("since"),
                until=spec.get("until"),
                claims=find_claims(spec["claims"]),
                **_marking(spec),
            )
    for spec in data.get("pledge", []):
        exists = (
            core.records(DEMO_USER, Pledge)
            .filter(
                nation__key=spec["nation"],
                body__key=spec["body"],
                kind=spec["kind"],
                negative=spec.get("negative", False),
                announced=spec.get("announced"),
                conditions=spec.get("conditions", ""),
            )
            .exists()
        )
        report.count("pledges", created=not exists)
        if not exists:
            record_pledge(
                by=DEMO_USER,
                nation=spec["nation"],
                body=spec["body"],
                kind=spec["kind"],
                quantity=spec.get("quantity"),
                negative=spec.get("negative", False),
                conditions=spec.get("conditions", ""),
                status=spec.get("status", "offered"),
                announced=spec.get("announced"),
                claims=find_claims(spec["claims"]),
                **_marking(spec),
            )
    for spec in data.get("caveat", []):
        exists = (
            core.records(DEMO_USER, Caveat)
            .filter(nation__key=spec["nation"], kind=spec["kind"])
            .exists()
        )
        report.count("caveats", created=not exists)
        if not exists:
            record_caveat(
                by=DEMO_USER,
                nation=spec["nation"],
                kind=spec["kind"],
                text_ar=spec.get("text_ar", ""),
                text_en=spec.get("text_en", ""),
                areas=spec.get("areas", []),
                tasks=spec.get("tasks", []),
                until=spec.get("until"),
                met=spec.get("met"),
                claims=find_claims(spec["claims"]),
                **_marking(spec),
            )
