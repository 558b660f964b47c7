"""Writes of the coalition: invitations and their timeline, memberships, pledges, caveats."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction

from marsad.coalition import transitions
from marsad.coalition.models import Caveat, Invitation, InvitationStatus, Membership, Pledge
from marsad.coalition.vocabulary import (
    DEFAULT_UNIT,
    CaveatKind,
    InvitationState,
    PledgeKind,
    PledgeStatus,
    Readiness,
    Role,
    Unit,
)
from marsad.core.errors import InvalidInput
from marsad.core.services import gate, lookups
from marsad.core.services.base import lock_writes, require_writer
from marsad.core.services.inputs import choice, listed, parse_date, parse_quantity
from marsad.core.services.timelines import add_step
from marsad.extraction.contract import MANDATE_TASKS

NATIONS = ("state", "organization", "group")
BODIES = ("force", "body", "organization")
MEMBERS = ("state", "organization", "group", "body")


@transaction.atomic
def create_invitation(
    *,
    by: Any,
    inviter: Any,
    invitee: Any,
    body: Any,
    role: str,
    state: str = "proposed",
    on: Any = None,
    channels: Iterable[Any] = (),
    claims: Iterable[Any] = (),
    note: str = "",
    marking: str = "",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> Invitation:
    """Record an invitation and the first step of its timeline."""
    require_writer(by)
    invitation = Invitation(
        inviter=lookups.actor(by, inviter, "inviter", NATIONS + ("office", "person", "body")),
        invitee=lookups.actor(by, invitee, "invitee", NATIONS),
        body=lookups.actor(by, body, "body", BODIES),
        role=choice(role, "role", Role.values),
        note=note.strip(),
    )
    gate.store(
        invitation,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
        channels=lookups.actors(by, channels, "channels"),
    )
    record_status(
        by=by,
        invitation=invitation,
        state=state,
        on=on,
        claims=claims,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
    )
    return invitation


@transaction.atomic
def record_status(
    *,
    by: Any,
    invitation: Invitation,
    state: str,
    on: Any,
    claims: Iterable[Any] = (),
    note: str = "",
    marking: str = "",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> InvitationStatus:
    """Add a step to an invitation's timeline; the previous step ends on the new one's date."""
    require_writer(by)
    state = choice(state, "state", InvitationState.values)
    valid_from = parse_date(on, "on")
    if valid_from is None:
        raise InvalidInput.one("on", on, "the date of the step is required")
    # Check against the timeline as stored once no other writer can change it: two writers
    # would otherwise both find the same current step and both follow it.
    lock_writes()
    step = InvitationStatus(invitation=invitation, state=state, valid_from=valid_from, note=note)
    add_step(
        by=by,
        step=step,
        stored=InvitationStatus.objects.filter(invitation=invitation),
        refusal=transitions.refusal,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
    return step


@transaction.atomic
def record_membership(
    *,
    by: Any,
    member: Any,
    body: Any,
    role: str,
    since: Any = None,
    until: Any = None,
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> Membership:
    """Record that an actor is (or was) a member of a force or body, in a role."""
    require_writer(by)
    membership = Membership(
        member=lookups.actor(by, member, "member", MEMBERS),
        body=lookups.actor(by, body, "body", BODIES),
        role=choice(role, "role", Role.values),
        since=parse_date(since, "since"),
        until=parse_date(until, "until"),
    )
    gate.store(
        membership,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
    return membership


@transaction.atomic
def record_pledge(
    *,
    by: Any,
    nation: Any,
    body: Any,
    kind: str,
    quantity: Any = None,
    unit: str = "",
    negative: bool = False,
    conditions: str = "",
    status: str = "offered",
    announced: Any = None,
    status_since: Any = None,
    readiness: str = "",
    deployable_from: Any = None,
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> Pledge:
    """Record what a nation offers (or says it will not give) the force."""
    require_writer(by)
    kind = choice(kind, "kind", PledgeKind.values)
    pledge = Pledge(
        nation=lookups.actor(by, nation, "nation", NATIONS),
        body=lookups.actor(by, body, "body", BODIES),
        kind=kind,
        quantity=parse_quantity(quantity, "quantity"),
        unit=choice(unit or DEFAULT_UNIT[PledgeKind(kind)], "unit", Unit.values),
        negative=bool(negative),
        conditions=conditions.strip(),
        status=choice(status, "status", PledgeStatus.values),
        announced=parse_date(announced, "announced"),
        readiness=choice(readiness, "readiness", Readiness.values) if readiness else "",
        deployable_from=parse_date(deployable_from, "deployable_from"),
    )
    # A status recorded with the pledge holds from its announcement unless dated otherwise.
    pledge.status_since = parse_date(status_since, "status_since") or pledge.announced
    gate.store(
        pledge,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
    return pledge


@transaction.atomic
def set_pledge_status(
    *, by: Any, pledge: Pledge, status: str, on: Any = None, claims: Iterable[Any] = ()
) -> Pledge:
    """Move a pledge along offered → confirmed → delivered, or withdraw it, from the day `on`
    (today when not given): a pledge withdrawn on a day still counts on the days before."""
    require_writer(by)
    status = choice(status, "status", PledgeStatus.values)
    since = parse_date(on, "on") or date.today()
    # The status the pledge has now, not the one of the object handed in (it may be stale).
    lock_writes()
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    why = transitions.pledge_refusal(pledge.status, status)
    if why:
        raise InvalidInput.one("status", status, why)
    if pledge.status_since and since < pledge.status_since:
        raise InvalidInput.one(
            "on", on, f"is before the pledge's current status took effect ({pledge.status_since})"
        )
    pledge.status, pledge.status_since = status, since
    return gate.store(pledge, by=by, claims=claims)


@transaction.atomic
def set_pledge_readiness(
    *,
    by: Any,
    pledge: Pledge,
    readiness: str,
    deployable_from: Any = None,
    claims: Iterable[Any] = (),
) -> Pledge:
    """Record how ready a contribution is and the day it can deploy."""
    require_writer(by)
    pledge.readiness = choice(readiness, "readiness", Readiness.values) if readiness else ""
    pledge.deployable_from = parse_date(deployable_from, "deployable_from")
    return gate.store(pledge, by=by, claims=claims)


@transaction.atomic
def record_caveat(
    *,
    by: Any,
    nation: Any,
    kind: str,
    text_ar: str = "",
    text_en: str = "",
    areas: Iterable[str] = (),
    tasks: Iterable[str] = (),
    until: Any = None,
    met: bool | None = None,
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> Caveat:
    """Record a national caveat or legal condition, with its text in Arabic and English."""
    require_writer(by)
    kind = choice(kind, "kind", CaveatKind.values)
    area_codes = [str(a).strip().upper() for a in listed(areas, "areas")]
    for index, code in enumerate(area_codes):
        lookups.actor(by, code, f"areas[{index}]", ["place"])
    task_codes = [
        choice(t, f"tasks[{i}]", MANDATE_TASKS) for i, t in enumerate(listed(tasks, "tasks"))
    ]
    caveat = Caveat(
        nation=lookups.actor(by, nation, "nation", NATIONS),
        kind=kind,
        text_ar=text_ar.strip(),
        text_en=text_en.strip(),
        areas=area_codes,
        tasks=task_codes,
        until=parse_date(until, "until"),
        met=met,
    )
    gate.store(
        caveat,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
    return caveat


@transaction.atomic
def set_condition_met(
    *, by: Any, caveat: Caveat, met: bool | None, claims: Iterable[Any] = ()
) -> Caveat:
    """Record whether a legal condition (parliament, constitution, UN mandate) is now met."""
    require_writer(by)
    caveat = Caveat.objects.select_for_update().get(pk=caveat.pk)
    if not caveat.is_legal_condition:
        raise InvalidInput.one("met", met, f"'{caveat.kind}' is a limit, not a legal condition")
    caveat.met = met
    return gate.store(caveat, by=by, claims=claims)
