"""The proposed claims of a batch of new documents, stored at once (see `intake.services_batch`).

Each claim is checked as `core.services.claims.record_claim` checks it, with the actors and
sources it names read once for the whole batch. A claim that would create an actor or a source
(its first mention), or that any check refuses, goes through `services.propose_one` instead, so
that what it creates, or why it is refused, is exactly the one-by-one path's. The grades of the
claims of one event are then worked out in memory (`intake.regrading`) in the one-by-one order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError

from marsad.core.errors import InvalidInput
from marsad.core.models import Actor, Claim, Document, Reliability, ReviewState, Source
from marsad.core.releasability import readable
from marsad.core.search import given as search_given
from marsad.core.services import gate, reach
from marsad.core.services.base import Writer, clean_marking, on_behalf
from marsad.core.services.claims import _credibility, _facts, _review
from marsad.core.services.inputs import MOST_ITEMS
from marsad.extraction.contract import Problem, check_claim
from marsad.intake.ingest import Extracted, quotes_of
from marsad.intake.regrading import Grader
from marsad.intake.services_batch_dictionary import create_first_mentions
from marsad.intake.services_batch_kept import Kept, read_near


class Quick(Exception):
    """The quick path cannot store this claim; `propose_one` will."""


class Refused(Exception):
    """`record_claim` refuses this claim, whatever the dictionary holds."""


# Checked for every claim of a batch (`values` builds its list anew).
_RELIABILITIES = frozenset(Reliability.values)
_REVIEW_STATES = frozenset(ReviewState.values)


def _named(data: Mapping[str, Any]) -> list[str]:
    where = data.get("where") or {}
    keys = [*(data.get("actor") or []), *(data.get("recipient") or [])]
    return [str(k) for k in (*keys, data.get("target"), where.get("entity")) if k]


def _pick(actors: dict[str, Actor], keys: Any) -> list[Actor]:
    if keys is None:
        return []
    if isinstance(keys, str) or not isinstance(keys, list) or len(keys) > MOST_ITEMS:
        raise Quick
    wanted = [str(k).strip().upper() for k in keys]
    if any(k not in actors for k in wanted):
        raise Quick
    return [actors[k] for k in dict.fromkeys(wanted)]


def _one(actors: dict[str, Actor], key: Any) -> Actor | None:
    return _pick(actors, [key])[0] if key else None


def _checked(
    document: Document,
    entities: Mapping[str, Any],
    proposed: Mapping[str, Any],
    sources: Mapping[str, Source],
) -> tuple[dict[str, Any], list[Problem]]:
    """The claim's data as `record_claim` reads it, and what the contract finds wrong in it."""
    given = proposed["attribution"].get("source")
    # The source `services._source` would give: a known one, or one it creates from the
    # extracted entities; else none.
    kept = given if given and (given in sources or given in entities) else None
    data: dict[str, Any] = {
        "status": "reported",
        "modality": "asserted",
        **proposed,
        "attribution": {"source_kind": "unknown", **proposed["attribution"], "source": kept},
    }
    return data, check_claim(data, text_length=len(document.text))


def _build(
    by: Writer,
    document: Document,
    entities: Mapping[str, Any],
    proposed: Mapping[str, Any],
    actors: dict[str, Actor],
    sources: dict[str, Source],
) -> tuple[Claim, list[Actor], list[Actor]]:
    """The claim `propose_one` would store, not saved; Refused when `record_claim` is sure to
    refuse it (whatever the dictionary holds), Quick when it would create or may refuse."""
    data, problems = _checked(document, entities, proposed, sources)
    if problems:
        raise Refused
    attribution = data["attribution"]
    if any(key not in actors for key in _named(proposed)):
        raise Quick
    kept = attribution.get("source")
    if kept and kept not in sources:
        raise Quick
    named = _pick(actors, data.get("actor")), _pick(actors, data.get("recipient"))
    where = data.get("where") or {}
    target, place = _one(actors, data.get("target")), _one(actors, where.get("entity"))
    source = sources.get(str(attribution.get("source") or "").strip().upper())
    if attribution.get("source") and source is None:
        raise Quick
    reliability = str(data.get("reliability") or "").strip().upper() or (
        source.reliability if source else document.source.reliability
    )
    credibility = _credibility(data.get("credibility"), problems)
    review_state = data.get("review_state") or ReviewState.PROPOSED
    if problems or reliability not in _RELIABILITIES or review_state not in _REVIEW_STATES:
        raise Quick
    claim = Claim(
        document=document,
        attribution_source=source,
        attribution_kind=attribution["source_kind"],
        attribution_cue=(attribution.get("cue") or "").strip(),
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
    try:
        _facts(claim, data, target, place)
        _review(claim, review_state, by)
        if "marking" in data:
            claim.marking, claim.releasable_to = clean_marking(
                data.get("marking"), data.get("releasable_to")
            )
        else:
            claim.marking, claim.releasable_to = document.marking, document.releasable_to
        reach.check_reach(claim, "actor", named[0])
        reach.check_reach(claim, "recipient", named[1])
        reach.check_names(by, claim)
        claim.full_clean(
            exclude=["document", "target", "where", "attribution_source", "reviewed_by"],
            validate_unique=False,
        )
    except (InvalidInput, ValidationError) as exc:
        raise Quick from exc
    return claim, *named


def store_claims(
    by: Writer,
    new: list[tuple[Extracted, Document]],
    links: list[tuple[int, int, float]],
    kept: Kept | None = None,
) -> dict[int, int]:
    """Store the proposed claims of the batch's new documents; returns how many each got.
    `kept` carries what earlier batches of the same writer read (a fresh one if not given); it
    is only valid while those batches stay committed."""
    wanted = {k for r, _d in new for c in r.extraction["claims"] for k in _named(c)}
    given = {
        c["attribution"].get("source")
        for r, _d in new
        for c in r.extraction["claims"]
        if c["attribution"].get("source")
    }
    actors = {a.key: a for a in Actor.objects.visible_to(by).filter(key__in=wanted)}
    sources = {s.key: s for s in Source.objects.visible_to(by).filter(key__in=given)}
    create_first_mentions(
        by, new, actors, sources, lambda d, e, c: bool(_checked(d, e, c, sources)[1])
    )
    counts: dict[int, int] = defaultdict(int)
    order: list[tuple[Document, list[tuple[Claim, list[str]]]]] = []
    quick: list[Claim] = []
    named: dict[int, tuple[list[Actor], list[Actor]]] = {}
    slow: set[int] = set()
    terms: dict[int, dict[str, str]] = {}
    for result, document in new:
        entities = {e["id"]: e for e in result.extraction["entities"]}
        mine: list[tuple[Claim, list[str]]] = []
        for index, proposed in enumerate(result.extraction["claims"]):
            try:
                claim, *pair = _build(by, document, entities, proposed, actors, sources)
            except Refused:
                continue
            except Quick:
                # Imported here: it brings the effects of every kind of claim, which an ingest
                # whose claims all take the quick path never needs.
                from marsad.intake.services import propose_one

                try:
                    claim = propose_one(by=by, document=document, entities=entities, data=proposed)
                except InvalidInput:
                    continue
                slow.add(claim.pk)
                keys = _named(proposed)
                actors.update({a.key: a for a in Actor.objects.visible_to(by).filter(key__in=keys)})
                sources.update(
                    {s.key: s for s in Source.objects.visible_to(by).filter(key__in=keys)}
                )
                mine.append((claim, [a.key for a in claim.actors.all()]))
            else:
                claim.pk = -1 - len(quick)  # a stand-in, unique until it is saved
                quick.append(claim)
                named[id(claim)] = (pair[0], pair[1])
                terms[id(claim)] = _given_terms(document, proposed, result, index)
                mine.append((claim, [a.key for a in pair[0]]))
            counts[document.pk] += 1
        order.append((document, mine))
    if kept is None or kept.full():
        kept = Kept()
    grader = kept.grader
    read_near(kept, [c for _d, mine in order for c, _k in mine], slow)
    for document_id, original_id, score in links:
        grader.add_link(document_id, original_id, score)
    for _document, mine in order:
        for claim, keys in mine:
            if claim.pk > 0:
                grader.stored_grade[claim.pk] = claim.credibility
            grader.add(claim, keys)
        for claim, _keys in mine:
            grader.regrade(claim)
    for claim in quick:
        claim.pk = None
        actors_of, recipients_of = named[id(claim)]
        # Its search entry is built from these when the gate announces the batch.
        search_given.give(
            claim, terms[id(claim)], related={"actors": actors_of, "recipients": recipients_of}
        )
    gate.store_batch(
        Claim,
        quick,
        by=by,
        ids=lambda c: f"{c.document_id}:{c.type}",
        detail={"proposed": True},
        action="create",
        relations={
            "actors": [named[id(c)][0] for c in quick],
            "recipients": [named[id(c)][1] for c in quick],
        },
    )
    kept.stored(quick)
    kept.own |= slow
    _update_grades(by, grader)
    kept.mark()
    return counts


def _given_terms(
    document: Document, proposed: Mapping[str, Any], result: Extracted, index: int
) -> dict[str, str]:
    """The search terms the worker found for the claim's quotes, keyed by those quotes, and for
    its document's title (the end of the claim's search title, after its type's label)."""
    found = {}
    if "title" in result.terms:
        found[document.title] = result.terms["title"]
    analysed = result.claim_terms[index] if index < len(result.claim_terms) else None
    quotes = quotes_of(document.text, dict(proposed))
    if analysed is not None and quotes is not None:
        found[quotes] = analysed
    return found


def _update_grades(by: Writer, grader: Grader) -> None:
    """Write the grades the batch changed of claims stored before it (those it stored were
    stored with theirs)."""
    changed: dict[Any, list[Claim]] = defaultdict(list)
    for claim in grader.touched.values():
        before = grader.stored_grade.get(claim.pk) if claim.pk else None
        if before is not None and before != claim.credibility:
            writer = by if readable(by, claim) else on_behalf(by, "grading")
            changed[writer].append(claim)
    grader.touched.clear()
    for writer, claims in changed.items():
        gate.update_batch(
            Claim, claims, ["credibility"], by=writer, ids=lambda c: c.pk, detail={"graded": True}
        )
        for claim in claims:
            grader.stored_grade[claim.pk] = claim.credibility
