"""Writes of governance: legal instruments and actions on a charter."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from marsad.core.errors import InvalidInput
from marsad.core.services import gate, lookups
from marsad.core.services.base import require_writer
from marsad.core.services.inputs import choice, parse_date, parse_quantity
from marsad.governance.models import (
    CharterAction,
    CharterActionKind,
    InstrumentKind,
    LegalInstrument,
)

ACTING = ("state", "organization", "group", "person", "office", "body")


@transaction.atomic
def record_instrument(
    *,
    by: Any,
    actor_key: Any,
    kind: str,
    adopted: Any = None,
    votes_for: Any = None,
    votes_against: Any = None,
    abstentions: Any = None,
    abstainers: Iterable[Any] = (),
    endorses: Iterable[Any] = (),
    summary_ar: str = "",
    summary_en: str = "",
    authorised_until: Any = None,
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> LegalInstrument:
    """Record a resolution, agreement or charter with its vote and the end of what it
    authorises."""
    require_writer(by)
    subject = lookups.actor(by, actor_key, "actor", ["agreement", "plan"])
    gate.check_unique(
        by,
        LegalInstrument.objects.filter(actor=subject),
        "actor",
        subject.key,
        "this instrument is recorded already",
    )
    abstaining = lookups.actors(by, abstainers, "abstainers")
    instrument = LegalInstrument(
        actor=subject,
        kind=choice(kind, "kind", InstrumentKind.values),
        adopted=parse_date(adopted, "adopted"),
        votes_for=parse_quantity(votes_for, "votes_for"),
        votes_against=parse_quantity(votes_against, "votes_against"),
        abstentions=parse_quantity(abstentions, "abstentions"),
        summary_ar=summary_ar.strip(),
        summary_en=summary_en.strip(),
        authorised_until=parse_date(authorised_until, "authorised_until"),
    )
    if (
        instrument.abstentions is not None
        and abstaining
        and len(abstaining) != instrument.abstentions
    ):
        raise InvalidInput.one(
            "abstainers",
            [a.key for a in abstaining],
            f"names {len(abstaining)} abstaining members but the vote counts "
            f"{instrument.abstentions}",
        )
    return gate.store(
        instrument,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
        abstainers=abstaining,
        endorses=lookups.actors(by, endorses, "endorses"),
    )


@transaction.atomic
def record_charter_action(
    *,
    by: Any,
    charter: Any,
    actor_key: Any,
    action: str,
    on: Any = None,
    text_ar: str = "",
    text_en: str = "",
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> CharterAction:
    """Record what an actor did about a charter (signed, stayed away, reserved, amended)."""
    require_writer(by)
    record = CharterAction(
        charter=lookups.actor(by, charter, "charter", ["agreement"]),
        actor=lookups.actor(by, actor_key, "actor", ACTING),
        action=choice(action, "action", CharterActionKind.values),
        on=parse_date(on, "on"),
        text_ar=text_ar.strip(),
        text_en=text_en.strip(),
    )
    return gate.store(
        record,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
