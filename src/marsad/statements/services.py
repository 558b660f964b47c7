"""Writes of statements, from a form or the API, or from an accepted claim."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from marsad.core.errors import InvalidInput
from marsad.core.models import Claim
from marsad.core.services import gate, lookups
from marsad.core.services.base import require_writer
from marsad.core.services.inputs import choice, parse_date
from marsad.statements.models import REFUSALS, STANCES, QuoteLanguage, Statement, Topic

SPEAKERS = (
    "state",
    "organization",
    "body",
    "force",
    "armed_group",
    "person",
    "office",
    "media",
    "group",
)


@transaction.atomic
def record_statement(
    *,
    by: Any,
    speaker: Any,
    topic: str,
    on: Any = None,
    stance: str = "",
    refusal: str = "",
    about: Iterable[Any] = (),
    calls_for_ar: str = "",
    calls_for_en: str = "",
    quote: str = "",
    quote_language: str = "",
    translation: str = "",
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> Statement:
    """Record what an actor said (a stance) or would not say (a refusal)."""
    require_writer(by)
    if stance:
        choice(stance, "stance", STANCES)
    if refusal:
        choice(refusal, "refusal", REFUSALS)
    statement = Statement(
        speaker=lookups.actor(by, speaker, "speaker", SPEAKERS),
        on=parse_date(on, "on"),
        stance=stance,
        refusal=refusal,
        topic=choice(topic, "topic", Topic.values),
        calls_for_ar=calls_for_ar.strip(),
        calls_for_en=calls_for_en.strip(),
        quote=quote.strip(),
        quote_language=choice(quote_language, "quote_language", QuoteLanguage.values)
        if quote_language
        else "",
        translation=translation.strip(),
    )
    return gate.store(
        statement,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
        about=lookups.actors(by, about, "about"),
    )


TOPIC_OF_TARGET_KIND = {
    "force": "coalition",
    "body": "governance",
    "plan": "plan",
    "agreement": "ceasefire",
}


def statement_from_claim(*, by: Any, claim: Claim, topic: str = "") -> Statement:
    """The statement or refusal an accepted `statement` or `comment_refusal` claim records, with
    the claim as its evidence and its words as the quote."""
    if claim.type not in ("statement", "comment_refusal"):
        raise InvalidInput.one("type", claim.type, "only statements and refusals become statements")
    speakers = list(claim.actors.all())
    if not speakers:
        raise InvalidInput.one("actor", [], "the claim names no speaker")
    target = claim.target
    document = claim.document
    return record_statement(
        by=by,
        speaker=speakers[0],
        topic=topic or TOPIC_OF_TARGET_KIND.get(target.kind if target else "", "other"),
        on=claim.when_date or document.published,
        stance=claim.attributes.get("stance", "") if claim.type == "statement" else "",
        refusal=claim.attributes.get("kind", "") if claim.type == "comment_refusal" else "",
        about=[target] if target else [],
        quote=" … ".join(claim.evidence_quotes()),
        quote_language=document.language if document.language in ("ar", "en") else "other",
        claims=[claim],
        marking=claim.marking,
        releasable_to=claim.nations,
    )
