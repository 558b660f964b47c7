"""Writes of the coalition: invitations and their timeline, memberships, pledges, caveats."""

from __future__ import annotations

from collections.abc import Iterable
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
    Role,
    Unit,
)
from marsad.core import audit
from marsad.core.errors import InvalidInput
from marsad.core.evidence import claims_by_ids
from marsad.core.services.base import (
    check_reach,
    clean_marking,
    lock_writes,
    require_writer,
    save,
    validate,
)
from marsad.core.services.inputs import (
    actor,
    actors,
    choice,
    listed,
    parse_date,
    parse_quantity,
)
from marsad.extraction.contract import MANDATE_TASKS

NATIONS = ("state", "organization", "group")
BODIES = ("force", "body", "organization")
MEMBERS = ("state", "organization", "group", "body")


def _marked(record: Any, marking: str | None, releasable_to: Iterable[str]) -> None:
    record.marking, record.releasable_to = clean_marking(marking, releasable_to)


def _store(record: Any, *, by: Any, claims: Iterable[Any] = (), **m2m: Iterable[Any]) -> None:
    """Validate, check what the record names, save and audit it with its relations."""
    validate(record)
    supporting = claims_by_ids(claims)
    for field, related in m2m.items():
        check_reach(record, field, related)
    save(record, by=by, m2m={"claims": supporting, **m2m})


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
) -> Invitation:
    """Record an invitation and the first step of its timeline."""
    require_writer(by)
    invitation = Invitation(
        inviter=actor(inviter, "inviter", NATIONS + ("office", "person", "body")),
        invitee=actor(invitee, "invitee", NATIONS),
        body=actor(body, "body", BODIES),
        role=choice(role, "role", Role.values),
        note=note.strip(),
    )
    _marked(invitation, marking, releasable_to)
    _store(invitation, by=by, claims=claims, channels=actors(channels, "channels"))
    record_status(
        by=by,
        invitation=invitation,
        state=state,
        on=on,
        claims=claims,
        marking=marking,
        releasable_to=releasable_to,
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
    invitation = Invitation.objects.get(pk=invitation.pk)
    current = invitation.current_status()
    why = transitions.refusal(current.state if current else None, state)
    if why:
        raise InvalidInput.one("state", state, why)
    if current and valid_from < current.valid_from:
        raise InvalidInput.one(
            "on",
            valid_from.isoformat(),
            f"is before the current step ('{current.state}' since {current.valid_from})",
        )
    if current:
        before = audit.snapshot(current)
        current.valid_to = valid_from
        save(current, by=by, before=before)
    step = InvitationStatus(invitation=invitation, state=state, valid_from=valid_from, note=note)
    _marked(step, marking, releasable_to)
    _store(step, by=by, claims=claims)
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
) -> Membership:
    """Record that an actor is (or was) a member of a force or body, in a role."""
    require_writer(by)
    membership = Membership(
        member=actor(member, "member", MEMBERS),
        body=actor(body, "body", BODIES),
        role=choice(role, "role", Role.values),
        since=parse_date(since, "since"),
        until=parse_date(until, "until"),
    )
    _marked(membership, marking, releasable_to)
    _store(membership, by=by, claims=claims)
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
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
) -> Pledge:
    """Record what a nation offers (or says it will not give) the force."""
    require_writer(by)
    kind = choice(kind, "kind", PledgeKind.values)
    pledge = Pledge(
        nation=actor(nation, "nation", NATIONS),
        body=actor(body, "body", BODIES),
        kind=kind,
        quantity=parse_quantity(quantity, "quantity"),
        unit=choice(unit or DEFAULT_UNIT[PledgeKind(kind)], "unit", Unit.values),
        negative=bool(negative),
        conditions=conditions.strip(),
        status=choice(status, "status", PledgeStatus.values),
        announced=parse_date(announced, "announced"),
    )
    _marked(pledge, marking, releasable_to)
    _store(pledge, by=by, claims=claims)
    return pledge


@transaction.atomic
def set_pledge_status(
    *, by: Any, pledge: Pledge, status: str, claims: Iterable[Any] = ()
) -> Pledge:
    """Move a pledge along offered → confirmed → delivered, or withdraw it."""
    require_writer(by)
    status = choice(status, "status", PledgeStatus.values)
    # The status the pledge has now, not the one of the object handed in (it may be stale).
    lock_writes()
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    why = transitions.pledge_refusal(pledge.status, status)
    if why:
        raise InvalidInput.one("status", status, why)
    before = audit.snapshot(pledge)
    pledge.status = status
    validate(pledge)
    save(
        pledge,
        by=by,
        before=before,
        m2m={
            "claims": [*pledge.claims.all(), *claims_by_ids(claims)],
        },
    )
    return pledge


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
) -> Caveat:
    """Record a national caveat or legal condition, with its text in Arabic and English."""
    require_writer(by)
    kind = choice(kind, "kind", CaveatKind.values)
    area_codes = [str(a).strip().upper() for a in listed(areas, "areas")]
    for index, code in enumerate(area_codes):
        actor(code, f"areas[{index}]", ["place"])
    task_codes = [
        choice(t, f"tasks[{i}]", MANDATE_TASKS) for i, t in enumerate(listed(tasks, "tasks"))
    ]
    caveat = Caveat(
        nation=actor(nation, "nation", NATIONS),
        kind=kind,
        text_ar=text_ar.strip(),
        text_en=text_en.strip(),
        areas=area_codes,
        tasks=task_codes,
        until=parse_date(until, "until"),
        met=met,
    )
    _marked(caveat, marking, releasable_to)
    _store(caveat, by=by, claims=claims)
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
    before = audit.snapshot(caveat)
    caveat.met = met
    save(
        caveat,
        by=by,
        before=before,
        m2m={
            "claims": [*caveat.claims.all(), *claims_by_ids(claims)],
        },
    )
    return caveat
