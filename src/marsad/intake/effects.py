"""What an accepted claim changes in the other areas: an attack with a place and a date
becomes (or corroborates) an incident, a casualty count a figure, a statement or refusal a
statement, an invitation or a membership decision the coalition's timeline, a contribution a
pledge, a charter action the governance record. Each effect that cannot be made is reported in
words; the claim stays accepted.

A record never rests on evidence its readers may not read: a claim is added only to a record
marked exactly as the claim (so that whoever the claim is released to reads the record, and
whoever reads the record reads the claim); otherwise a record marked like the claim is made.
Each effect says which record it chose and how that record is marked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from marsad.analytics.truce import TRUCE_START
from marsad.ceasefire import selectors as ceasefire
from marsad.ceasefire.models import Incident
from marsad.ceasefire.services import record_figure, record_incident
from marsad.coalition import selectors as coalition
from marsad.coalition import transitions
from marsad.coalition.services import create_invitation, record_pledge, record_status
from marsad.coalition.vocabulary import InvitationState
from marsad.core.errors import InvalidInput
from marsad.core.models import Claim
from marsad.core.releasability import Marking
from marsad.core.services import gate
from marsad.core.services.base import Writer
from marsad.geo.governorates import governorate_geometries
from marsad.governance import selectors as governance
from marsad.governance.services import record_charter_action
from marsad.intake import undo
from marsad.intake.effects_access import corridor_status
from marsad.intake.effects_tolls import PART_COLUMNS, known, part_of_toll
from marsad.statements import selectors as statements
from marsad.statements.services import statement_from_claim

GOVERNORATES = frozenset(governorate_geometries())

# ACLED event and sub-event type for each means of attack in the contract.
ATTACK_EVENTS = {
    "air": ("Explosions/Remote violence", "Air/drone strike"),
    "drone": ("Explosions/Remote violence", "Air/drone strike"),
    "artillery": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "gunfire": ("Battles", "Armed clash"),
    "explosive": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "abduction": ("Violence against civilians", "Abduction/forced disappearance"),
    "demolition": ("Strategic developments", "Looting/property destruction"),
    "other": ("Violence against civilians", "Attack"),
}
# ACLED event and sub-event type for each form of protest: a riot is violent, the rest are not
# (ACLED codes a strike or a sit-in as a peaceful protest).
PROTEST_EVENTS = {
    "riot": ("Riots", "Violent demonstration"),
    "demonstration": ("Protests", "Peaceful protest"),
    "strike": ("Protests", "Peaceful protest"),
    "sit_in": ("Protests", "Peaceful protest"),
    "other": ("Protests", "Peaceful protest"),
}
PLEDGE_KINDS = {
    "troops": "troops",
    "police_training": "police_trainers",
    "funding": "funding",
    "logistics": "logistics",
    "engineering": "engineering",
    "medical": "medical",
    "political": "political",
    "other": "other",
}


def _day(claim: Claim) -> Any:
    return claim.when_date or claim.document.published


def _marking(claim: Claim) -> dict[str, Any]:
    return {"marking": claim.marking, "releasable_to": claim.nations}


def _marked_like(claim: Claim) -> dict[str, Any]:
    """The filter of records marked exactly as the claim."""
    return {"marking": claim.marking, "releasable_to": claim.releasable_to}


def marking_words(record: Any) -> str:
    """How a record is marked, in the reader's language: "public", "nations: FRA"..."""
    if not record.marking:
        return _("unmarked")
    label = str(Marking(record.marking).label)
    return f"{label}: {', '.join(record.nations)}" if record.nations else label


def _add_evidence(*, by: Writer, record: Any, claim: Claim) -> None:
    gate.store(record, by=by, claims=[claim])


def _event_of(claim: Claim) -> tuple[str, str] | None:
    """The ACLED event and sub-event type a claim says, or None when it does not say how (an
    attack by unnamed means, a casualty count)."""
    if claim.type == "protest":
        return PROTEST_EVENTS.get(claim.attributes.get("form", "other"), PROTEST_EVENTS["other"])
    means = claim.attributes.get("means", "other")
    if claim.type == "attack" and means in ATTACK_EVENTS and means != "other":
        return ATTACK_EVENTS[means]
    return None


def _incident_for(by: Any, claim: Claim) -> Incident | None:
    """An incident the user can see, marked like the claim, of the claim's day (strikes on
    different days are different incidents, never merged) and governorate, of the same kind
    when the claim says how it was done (a report that says only "struck", or a casualty count,
    fits any kind), and by the same perpetrator when both name one (two strikes by different
    sides on one day are two incidents)."""
    day = claim.when_date
    found = ceasefire.incidents(by).filter(
        pcode=claim.where_pcode,
        event_date=day,
        **_marked_like(claim),
    )
    kind = _event_of(claim)
    if kind is not None:
        found = found.filter(sub_event_type=kind[1])
    perpetrators = list(claim.actors.all())
    if perpetrators:
        found = found.filter(Q(actor1_ref__isnull=True) | Q(actor1_ref__in=perpetrators))
    return found.order_by("event_date", "id").first()


def _truce_start(by: Any) -> Any:
    """The day the ceasefire took effect (the main agreement's, as the summary counts)."""
    agreement = ceasefire.main_agreement(by)
    return agreement.effective if agreement else TRUCE_START


def _attack(*, by: Any, claim: Claim) -> str:
    if not (claim.when_date and claim.where_pcode):
        return _("No incident: the event has no date or no governorate.")
    found = _incident_for(by, claim)
    if found is not None:
        _add_evidence(by=by, record=found, claim=claim)
        return _("Added as a source of incident %(event)s (%(marking)s).") % {
            "event": found.event_id,
            "marking": marking_words(found),
        }
    event_type, sub_event = _event_of(claim) or ATTACK_EVENTS["other"]
    perpetrator = claim.actors.first()
    quote = " … ".join(claim.evidence_quotes())
    arabic = claim.document.language == "ar"
    incident = record_incident(
        by=by,
        event_date=claim.when_date,
        event_type=event_type,
        sub_event_type=sub_event,
        time_precision={"day": 1, "month": 3, "year": 3}.get(claim.when_precision, 1),
        actor1=perpetrator.name_en if perpetrator else "",
        actor1_ref=perpetrator.key if perpetrator else None,
        place=claim.where.key if claim.where and claim.where.kind == "place" else None,
        pcode=claim.where_pcode if claim.where_pcode in GOVERNORATES else "",
        location=claim.where_text or (claim.where.name_en if claim.where else ""),
        geo_precision=3,
        description_ar=quote if arabic else "",
        description_en="" if arabic else quote,
        reported_by=(claim.attribution_source or claim.document.source).name_en,
        claims=[claim],
        **_marking(claim),
    )
    return _("Proposed incident %(event)s, marked like the claim (%(marking)s).") % {
        "event": incident.event_id,
        "marking": marking_words(incident),
    }


def _casualties(*, by: Any, claim: Claim) -> str:
    figure = claim.figures.get("killed") or {}
    injured = claim.figures.get("injured") or {}
    if not (known(figure) or known(injured)):
        return _("No figure: the claim gives no number.")
    # A toll "since the truce" counts the whole period, not one incident or one day: it is
    # what the ceasefire summary compares across sources.
    since_truce = claim.attributes.get("period") == "since_truce"
    incident = (
        _incident_for(by, claim)
        if claim.when_date and claim.where_pcode and not since_truce
        else None
    )
    day = _day(claim)
    if incident is None and day is None:
        return _("No figure: the claim has no date.")
    start = _truce_start(by) if since_truce else day
    part = claim.attributes.get("within") == "toll"
    if part:
        done = part_of_toll(by=by, claim=claim, incident=incident, day=day, start=start)
        if done:
            return done
    column = PART_COLUMNS.get(claim.attributes.get("population", "")) if part else None
    if part and column is None:
        return _("No figure: a part of a toll that Marsad does not count apart.")
    record_figure(
        by=by,
        source=claim.attribution_source or claim.document.source,
        reported_on=claim.document.published or day,
        incident=incident,
        period_start=None if incident else start,
        period_end=None if incident else day,
        area=claim.where_pcode,
        # A part of a toll recorded before the toll itself is no toll: only its column.
        killed=None if part else figure.get("best"),
        killed_low=None if part else figure.get("low"),
        killed_high=None if part else figure.get("high"),
        injured=injured.get("best"),
        injured_low=injured.get("low"),
        injured_high=injured.get("high"),
        **({column: figure.get("best")} if column else {}),
        wording=" ".join(filter(None, [figure.get("text"), injured.get("text")])),
        claims=[claim],
        **_marking(claim),
    )
    if incident:
        return _("Figure added to incident %(event)s.") % {"event": incident.event_id}
    if since_truce:
        return _("Figure recorded for the period since the truce (%(start)s to %(day)s).") % {
            "start": start,
            "day": day,
        }
    return _("Figure recorded for %(day)s.") % {"day": day}


def _statement(*, by: Any, claim: Claim) -> str:
    if statements.statements(by).filter(claims=claim).exists():
        return _("The statement is recorded already.")
    statement = statement_from_claim(by=by, claim=claim)
    return _("Recorded as a statement of %(speaker)s.") % {"speaker": statement.speaker.name}


def _invitation(*, by: Any, claim: Claim) -> str:
    inviter, invitee = claim.actors.first(), claim.recipients.first()
    if not (inviter and invitee and claim.target):
        return _("No invitation: inviter, invitee or force not named.")
    found = (
        coalition.invitations(by)
        .filter(inviter=inviter, invitee=invitee, body=claim.target, **_marked_like(claim))
        .first()
    )
    if found is not None:
        _add_evidence(by=by, record=found, claim=claim)
        return _("Added as evidence of the invitation of %(invitee)s (%(marking)s).") % {
            "invitee": invitee.name,
            "marking": marking_words(found),
        }
    create_invitation(
        by=by,
        inviter=inviter,
        invitee=invitee,
        body=claim.target,
        role=claim.attributes.get("role", "member").replace("unspecified", "member"),
        state="proposed",
        on=_day(claim),
        claims=[claim],
        **_marking(claim),
    )
    return _("Invitation of %(invitee)s recorded, marked like the claim (%(marking)s).") % {
        "invitee": invitee.name,
        "marking": marking_words(claim),
    }


def _decision(*, by: Any, claim: Claim) -> str:
    invitee = claim.actors.first()
    found = coalition.invitations(by).filter(invitee=invitee, body=claim.target).first()
    if found is None:
        return _("No invitation of this actor to update.")
    state = claim.attributes.get("decision", "")
    current = coalition.status_on(by, found)
    if transitions.refusal(current.state if current else None, state):
        record = current or found
        if (record.marking, record.releasable_to) != (claim.marking, claim.releasable_to):
            return _(
                "Not added: the invitation's current status is marked otherwise than the "
                "claim (%(marking)s)."
            ) % {"marking": marking_words(record)}
        _add_evidence(by=by, record=record, claim=claim)
        return _("Added as evidence of the invitation's current status.")
    record_status(
        by=by, invitation=found, state=state, on=_day(claim), claims=[claim], **_marking(claim)
    )
    return _("The invitation is now: %(state)s.") % {"state": InvitationState(state).label}


def _contribution(*, by: Any, claim: Claim) -> str:
    nation = claim.actors.first()
    kind = PLEDGE_KINDS.get(claim.attributes.get("kind", ""), "other")
    if nation is None or claim.target is None:
        return _("No pledge: nation or force not named.")
    negative = claim.modality == "negated"
    found = (
        coalition.pledges(by)
        .filter(
            nation=nation, body=claim.target, kind=kind, negative=negative, **_marked_like(claim)
        )
        .first()
    )
    if found is not None:
        _add_evidence(by=by, record=found, claim=claim)
        return _("Added as evidence of a pledge of %(nation)s (%(marking)s).") % {
            "nation": nation.name,
            "marking": marking_words(found),
        }
    amount = (
        claim.figures.get("troops")
        or claim.figures.get("trainees")
        or claim.figures.get("amount_usd")
        or {}
    ).get("best")
    record_pledge(
        by=by,
        nation=nation,
        body=claim.target,
        kind=kind,
        quantity=None if negative else amount,
        negative=negative,
        announced=_day(claim),
        claims=[claim],
        **_marking(claim),
    )
    return _("Pledge of %(nation)s recorded, marked like the claim (%(marking)s).") % {
        "nation": nation.name,
        "marking": marking_words(claim),
    }


def _charter(*, by: Any, claim: Claim) -> str:
    action = {"open_to_amendment": "open_to_amendments"}.get(
        claim.attributes.get("action", ""), claim.attributes.get("action", "")
    )
    if claim.target is None or claim.target.kind != "agreement":
        return _("No charter action: the charter is not named.")
    done = []
    for actor in claim.actors.all():
        recorded = governance.charter_actions(by)
        if recorded.filter(charter=claim.target, actor=actor, action=action).exists():
            continue
        record_charter_action(
            by=by,
            charter=claim.target,
            actor_key=actor,
            action=action,
            on=_day(claim),
            claims=[claim],
            **_marking(claim),
        )
        done.append(actor.name)
    return _("Charter actions recorded: %(actors)s.") % {"actors": "، ".join(done) or "–"}


EFFECTS: dict[str, Callable[..., str]] = {
    "attack": _attack,
    "protest": _attack,
    "casualties": _casualties,
    "statement": _statement,
    "comment_refusal": _statement,
    "invitation": _invitation,
    "membership_decision": _decision,
    "contribution": _contribution,
    "charter_action": _charter,
    "corridor_status": corridor_status,
}


def apply(*, by: Any, claim: Claim) -> list[str]:
    """The effects of an accepted claim, each in its own savepoint: one that fails is reported
    and leaves nothing behind."""
    effect = EFFECTS.get(claim.type)
    if effect is None:
        return []
    # What the effect writes is noted for an undo only once its savepoint holds.
    with undo.journal() as written:
        try:
            with transaction.atomic():
                done = [effect(by=by, claim=claim)]
        except InvalidInput as error:
            return [_("Not applied: %(reason)s") % {"reason": error}]
    undo.keep(written)
    return done
