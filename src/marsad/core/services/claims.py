"""Recording, correcting and reviewing claims, checked against the extraction contract."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from marsad.core.errors import InvalidInput
from marsad.core.models import Actor, Claim, Document, Reliability, ReviewState, Source
from marsad.core.services import gate, reach
from marsad.core.services.base import Writer, clean_marking, history_user, require_writer
from marsad.core.services.inputs import MOST_ITEMS, parse_date
from marsad.extraction.contract import Problem, check_claim, normalize_figures
from marsad.extraction.numerals import parse_int


def _actors(by: Writer, keys: Any, field: str, problems: list[Problem]) -> list[Actor]:
    """The actors named by identifier that the writer may read; each other one is a problem."""
    if keys is None:
        return []
    if isinstance(keys, str) or not isinstance(keys, list):
        problems.append(Problem(field, keys, "must be a list of actor identifiers"))
        return []
    if len(keys) > MOST_ITEMS:
        problems.append(Problem(field, len(keys), f"has more than {MOST_ITEMS} items"))
        return []
    if len(keys) > MOST_ITEMS:
        problems.append(Problem(field, len(keys), f"has more than {MOST_ITEMS} items"))
        return []
    wanted = [str(k).strip().upper() for k in keys]
    found = {a.key: a for a in Actor.objects.visible_to(by).filter(key__in=wanted)}
    for index, key in enumerate(wanted):
        if key not in found:
            problems.append(
                Problem(f"{field}[{index}]", keys[index], "no actor has this identifier")
            )
    return [found[k] for k in dict.fromkeys(wanted) if k in found]


def _one_actor(by: Writer, key: Any, field: str, problems: list[Problem]) -> Actor | None:
    if not key:
        return None
    found = _actors(by, [key], field, [])
    if not found:
        problems.append(Problem(field, key, "no actor has this identifier"))
        return None
    return found[0]


def _source(by: Writer, key: Any, problems: list[Problem]) -> Source | None:
    if not key:
        return None
    found = Source.objects.visible_to(by).filter(key=str(key).strip().upper()).first()
    if found is None:
        problems.append(Problem("attribution.source", key, "no source has this identifier"))
    return found


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


def _review(claim: Claim, state: str, by: Writer) -> None:
    reviewed = state != ReviewState.PROPOSED
    claim.review_state = state
    claim.reviewed_by = history_user(by) if reviewed else None
    claim.reviewed_at = timezone.now() if reviewed else None


def _places(
    by: Writer, data: Mapping[str, Any], problems: list[Problem]
) -> tuple[Actor | None, Actor | None]:
    """The claim's target and place, as the writer may read them."""
    where = data.get("where") or {}
    return (
        _one_actor(by, data.get("target"), "target", problems),
        _one_actor(by, where.get("entity"), "where.entity", problems),
    )


def _facts(
    claim: Claim, data: Mapping[str, Any], target: Actor | None, place: Actor | None
) -> None:
    """Set the claim's contract fields from `data`, already checked by `check_claim`."""
    claim.type, claim.status, claim.modality = data["type"], data["status"], data["modality"]
    claim.attributes = dict(data.get("attributes") or {})
    claim.target = target
    claim.figures = {
        measure: figure
        for measure, figure in normalize_figures(data.get("figures") or {})[0].items()
        if any(figure.get(bound) is not None for bound in ("low", "best", "high"))
    }
    when, where = data.get("when") or {}, data.get("where") or {}
    claim.when_date = parse_date(when.get("date"), "when.date")
    claim.when_precision = (when.get("precision") or "") if claim.when_date else ""
    claim.when_text = (when.get("text") or "").strip()
    claim.where = place
    claim.where_pcode = (where.get("pcode") or (place.pcode if place else "")).strip()
    claim.where_text = (where.get("text") or "").strip()


@transaction.atomic
def record_claim(*, by: Writer, document: Document, data: Mapping[str, Any]) -> Claim:
    """Store one claim of `document` given in the contract's shape, plus `reliability` (A-F),
    `credibility` (1-6), `review_state` and a marking no wider than the document's."""
    require_writer(by)
    data = {"status": "reported", "modality": "asserted", **data}
    attribution = {"source_kind": "unknown", **(data.get("attribution") or {})}
    data["attribution"] = attribution
    problems = check_claim(data, text_length=len(document.text))
    actors = _actors(by, data.get("actor"), "actor", problems)
    recipients = _actors(by, data.get("recipient"), "recipient", problems)
    target, place = _places(by, data, problems)
    source = _source(by, attribution.get("source"), problems)
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
    claim = Claim(
        document=document,
        attribution_source=source,
        attribution_kind=attribution["source_kind"],
        attribution_cue=(attribution.get("cue") or "").strip(),
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
    )
    _facts(claim, data, target, place)
    _review(claim, review_state, by)
    if "marking" in data:
        claim.marking, claim.releasable_to = clean_marking(
            data.get("marking"), data.get("releasable_to")
        )
    else:
        claim.marking, claim.releasable_to = document.marking, document.releasable_to
    # Named as the contract names them, before the gate checks them as relations.
    reach.check_reach(claim, "actor", actors)
    reach.check_reach(claim, "recipient", recipients)
    return gate.store(claim, by=by, actors=actors, recipients=recipients)


# What a correction may change: the contract's facts and the credibility digit.
EDITABLE = (
    "type",
    "actor",
    "recipient",
    "target",
    "attributes",
    "status",
    "modality",
    "credibility",
    "where",
    "when",
    "figures",
)


@transaction.atomic
def update_claim(*, by: Writer, claim: Claim, changes: Mapping[str, Any]) -> Claim:
    """Correct a claim's facts (given in the contract's shape, each replacing the claim's own),
    checked like a new claim; the history keeps what it said before."""
    require_writer(by)
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise InvalidInput.one(unknown[0], changes[unknown[0]], "cannot be edited")
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    merged = {**claim.to_contract(), **{k: v for k, v in changes.items() if k != "credibility"}}
    problems = check_claim(merged, text_length=len(claim.document.text))
    relations = {}
    for field, relation in (("actor", "actors"), ("recipient", "recipients")):
        if field in changes:
            relations[relation] = _actors(by, merged.get(field) or [], field, problems)
    target, place = _places(by, merged, problems)
    if "credibility" in changes:
        claim.credibility = _credibility(changes["credibility"], problems)
    if problems:
        raise InvalidInput(problems)
    _facts(claim, merged, target, place)
    return gate.store(claim, by=by, **relations)


@transaction.atomic
def review_claim(*, by: Writer, claim: Claim, state: str) -> Claim:
    """Accept or reject a claim (or return it to the queue), recording the reviewer and time."""
    require_writer(by)
    if state not in ReviewState.values:
        raise InvalidInput.one(
            "review_state", state, "must be one of " + ", ".join(ReviewState.values)
        )
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    _review(claim, state, by)
    return gate.store(claim, by=by)


@transaction.atomic
def grade_claim(*, by: Writer, claim: Claim, credibility: int) -> Claim:
    """Set a claim's credibility digit (1-6), as the corroboration rule gives it."""
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if not 1 <= credibility <= 6:
        raise InvalidInput.one("credibility", credibility, "must be an Admiralty digit 1-6")
    claim.credibility = credibility
    return gate.store(claim, by=by)
