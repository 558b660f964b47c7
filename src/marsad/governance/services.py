"""Writes of governance: legal instruments and actions on a charter."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from marsad.core.errors import InvalidInput
from marsad.core.evidence import claims_by_ids
from marsad.core.services.base import (
    check_reach,
    clean_marking,
    require_writer,
    save,
    validate,
)
from marsad.core.services.inputs import actor, actors, choice, parse_date, parse_quantity
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
) -> LegalInstrument:
    """Record a resolution, agreement or charter with its vote and the end of what it
    authorises."""
    require_writer(by)
    subject = actor(actor_key, "actor", ["agreement", "plan"])
    if LegalInstrument.objects.filter(actor=subject).exists():
        raise InvalidInput.one("actor", subject.key, "this instrument is recorded already")
    abstaining = actors(abstainers, "abstainers")
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
    instrument.marking, instrument.releasable_to = clean_marking(marking, releasable_to)
    validate(instrument)
    endorsed = actors(endorses, "endorses")
    check_reach(instrument, "abstainers", abstaining)
    check_reach(instrument, "endorses", endorsed)
    save(
        instrument,
        by=by,
        m2m={
            "abstainers": abstaining,
            "endorses": endorsed,
            "claims": claims_by_ids(claims),
        },
    )
    return instrument


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
) -> CharterAction:
    """Record what an actor did about a charter (signed, stayed away, reserved, amended)."""
    require_writer(by)
    record = CharterAction(
        charter=actor(charter, "charter", ["agreement"]),
        actor=actor(actor_key, "actor", ACTING),
        action=choice(action, "action", CharterActionKind.values),
        on=parse_date(on, "on"),
        text_ar=text_ar.strip(),
        text_en=text_en.strip(),
    )
    record.marking, record.releasable_to = clean_marking(marking, releasable_to)
    validate(record)
    save(record, by=by, m2m={"claims": claims_by_ids(claims)})
    return record
