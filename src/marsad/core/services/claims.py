"""Recording and reviewing claims, checked against the extraction contract."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from marsad.core import audit
from marsad.core.errors import InvalidInput
from marsad.core.models import Actor, Claim, Document, Reliability, ReviewState, Source
from marsad.core.services.base import (
    check_reach,
    clean_marking,
    history_user,
    require_writer,
    save,
    validate,
)
from marsad.core.services.inputs import MOST_ITEMS, parse_date
from marsad.extraction.contract import Problem, check_claim, normalize_figures
from marsad.extraction.numerals import parse_int


def _actors(keys: Any, field: str, problems: list[Problem]) -> list[Actor]:
    if keys is None:
        return []
    if isinstance(keys, str) or not isinstance(keys, list):
        problems.append(Problem(field, keys, "must be a list of actor identifiers"))
        return []
    if len(keys) > MOST_ITEMS:
        problems.append(Problem(field, len(keys), f"has more than {MOST_ITEMS} items"))
        return []
    wanted = [str(k).strip().upper() for k in keys]
    found = {a.key: a for a in Actor.objects.filter(key__in=wanted)}
    for index, key in enumerate(wanted):
        if key not in found:
            problems.append(
                Problem(f"{field}[{index}]", keys[index], "no actor has this identifier")
            )
    return [found[k] for k in dict.fromkeys(wanted) if k in found]


def _one_actor(key: Any, field: str, problems: list[Problem]) -> Actor | None:
    if not key:
        return None
    actor = Actor.objects.filter(key=str(key).strip().upper()).first()
    if actor is None:
        problems.append(Problem(field, key, "no actor has this identifier"))
    return actor


def _credibility(value: Any, problems: list[Problem]) -> int:
    if value in (None, ""):
        return 6
    try:
        number = parse_int(value)
    except ValueError as exc:
        problems.append(Problem("credibility", value, str(exc)))
        return 6
    if not 1 <= number <= 6:
        problems.append(Problem("credibility", value, "must be an Admiralty digit 1-6"))
    return number


@transaction.atomic
def record_claim(*, by: Any, document: Document, data: Mapping[str, Any]) -> Claim:
    """Store one claim of `document` given in the contract's shape, plus `reliability` (A-F),
    `credibility` (1-6), `review_state` and a marking no wider than the document's."""
    require_writer(by)
    data = {"status": "reported", "modality": "asserted", **data}
    attribution = {"source_kind": "unknown", **(data.get("attribution") or {})}
    data["attribution"] = attribution
    problems = check_claim(data, text_length=len(document.text))
    figures, _ = normalize_figures(data.get("figures") or {})
    actors = _actors(data.get("actor"), "actor", problems)
    recipients = _actors(data.get("recipient"), "recipient", problems)
    target = _one_actor(data.get("target"), "target", problems)
    when, where = data.get("when") or {}, data.get("where") or {}
    place = _one_actor(where.get("entity"), "where.entity", problems)

    source: Source | None = None
    if attribution.get("source"):
        source = Source.objects.filter(key=str(attribution["source"]).strip().upper()).first()
        if source is None:
            problems.append(
                Problem(
                    "attribution.source", attribution["source"], "no source has this identifier"
                )
            )
    reliability = str(data.get("reliability") or "").strip().upper() or (
        source.reliability if source else document.source.reliability
    )
    if reliability not in Reliability.values:
        problems.append(Problem("reliability", reliability, "must be an Admiralty letter A-F"))
    credibility = _credibility(data.get("credibility"), problems)
    review_state = data.get("review_state") or ReviewState.PROPOSED
    if review_state not in ReviewState.values:
        problems.append(
            Problem("review_state", review_state, "must be one of " + ", ".join(ReviewState.values))
        )
    if problems:
        raise InvalidInput(problems)

    if "marking" in data:
        marking, nations = clean_marking(data.get("marking"), data.get("releasable_to"))
    else:
        marking, nations = document.marking, document.releasable_to
    reviewed = review_state != ReviewState.PROPOSED
    claim = Claim(
        document=document,
        type=data["type"],
        target=target,
        attributes=dict(data.get("attributes") or {}),
        status=data["status"],
        modality=data["modality"],
        attribution_source=source,
        attribution_kind=attribution["source_kind"],
        attribution_cue=(attribution.get("cue") or "").strip(),
        figures=figures,
        when_date=parse_date(when.get("date"), "when.date"),
        when_precision=when.get("precision") or "",
        when_text=(when.get("text") or "").strip(),
        where=place,
        where_pcode=(where.get("pcode") or (place.pcode if place else "")).strip(),
        where_text=(where.get("text") or "").strip(),
        # The quoted words are kept with each span: a document's text never changes (it is
        # identified by its hash), and lists of claims need not load whole documents.
        evidence=[
            {
                "start": s["start"],
                "end": s["end"],
                "rule": s.get("rule"),
                "quote": document.text[s["start"] : s["end"]],
            }
            for s in data["evidence"]
        ],
        reliability=reliability,
        credibility=credibility,
        review_state=review_state,
        reviewed_by=history_user(by) if reviewed else None,
        reviewed_at=timezone.now() if reviewed else None,
        marking=marking,
        releasable_to=nations,
    )
    validate(claim)
    check_reach(claim, "actor", actors)
    check_reach(claim, "recipient", recipients)
    save(claim, by=by, m2m={"actors": actors, "recipients": recipients})
    return claim


@transaction.atomic
def review_claim(*, by: Any, claim: Claim, state: str) -> Claim:
    """Accept or reject a claim (or return it to the queue), recording the reviewer and time."""
    require_writer(by)
    if state not in ReviewState.values:
        raise InvalidInput.one(
            "review_state", state, "must be one of " + ", ".join(ReviewState.values)
        )
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    before = audit.snapshot(claim)
    claim.review_state = state
    reviewed = state != ReviewState.PROPOSED
    claim.reviewed_by = history_user(by) if reviewed else None
    claim.reviewed_at = timezone.now() if reviewed else None
    save(claim, by=by, before=before)
    return claim
