"""The review workbench's writes: accepting or rejecting many claims in one action (a
rejection needs its reason, kept), undoing the writer's last action, giving a document to an
analyst, and a claim's discussion thread. Every write goes through the gate (history, audit);
each record is marked exactly like the claim or document it is about."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from marsad.core import selectors as core_selectors
from marsad.core.errors import InvalidInput
from marsad.core.models import Claim, Document, ReviewState, User
from marsad.core.services import gate, lookups
from marsad.core.services.base import Writer, history_user, require_writer, validate
from marsad.core.services.claims import review_claim
from marsad.intake import effects, services, undo
from marsad.intake.models import Assignment, ClaimComment, ReviewDecision
from marsad.intake.selectors import last_action

MAX_COMMENT = 5000


@dataclass
class Outcome:
    """What one action did: the claims decided, what their acceptance changed elsewhere, and
    the claims left as they were (not proposed any more), with why."""

    batch: str
    decided: list[Claim] = field(default_factory=list)
    effects: list[str] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)


def _claims(by: Writer, ids: Iterable[Any]) -> list[Claim]:
    """The claims named, each one the writer may read (an unknown or hidden one is refused
    alike, naming the value)."""
    given = [v for v in ids if str(v).strip()]
    if not given:
        raise InvalidInput.one("claims", "", "choose at least one claim")
    return lookups.claims(by, given)


def _accept_all(by: Writer, claims: list[Claim], outcome: Outcome) -> list[list[dict[str, Any]]]:
    """Accept proposed claims in one action: their review state written at once (one history
    row each, one audit entry listing them), then each one's grade and effects, journalled for
    an undo. Returns each claim's journal."""
    locked = {
        c.pk: c
        for c in core_selectors.records(by, Claim)
        .select_for_update(of=("self",))
        .select_related("document__source", "attribution_source", "target", "where")
        .filter(pk__in=[c.pk for c in claims])
    }
    ordered = [locked[c.pk] for c in claims]
    now, reviewer = timezone.now(), history_user(by)
    for claim in ordered:
        claim.review_state, claim.reviewed_by, claim.reviewed_at = (
            ReviewState.ACCEPTED,
            reviewer,
            now,
        )
    gate.update_batch(
        Claim,
        ordered,
        ["review_state", "reviewed_by", "reviewed_at"],
        by=by,
        ids=lambda c: c.pk,
        detail={"review": ReviewState.ACCEPTED, "action": outcome.batch},
    )
    services.regrade_many(by=by, claims=ordered)
    journals = []
    for claim in ordered:
        with undo.journal() as changed:
            outcome.effects += effects.apply(by=by, claim=claim)
        journals.append(changed)
    return journals


@transaction.atomic
def decide_many(*, by: Writer, claims: Iterable[Any], state: str, reason: str = "") -> Outcome:
    """Accept or reject many proposed claims in one action. A rejection needs a reason, kept
    with each claim. Claims already decided are left as they are and reported. The decisions
    of one action are stored together (one audit entry listing them)."""
    require_writer(by)
    if state not in (ReviewState.ACCEPTED, ReviewState.REJECTED):
        raise InvalidInput.one("action", state, "must be accepted or rejected")
    reason = (reason or "").strip()
    if state == ReviewState.REJECTED and not reason:
        raise InvalidInput.one("reason", "", "a rejection needs its reason")
    outcome = Outcome(batch=uuid.uuid4().hex)
    for claim in _claims(by, claims):
        if claim.review_state != ReviewState.PROPOSED:
            outcome.skipped.append((claim.pk, claim.review_state))
        else:
            outcome.decided.append(claim)
    if not outcome.decided:
        return outcome
    if state == ReviewState.ACCEPTED:
        journals = _accept_all(by, outcome.decided, outcome)
    else:
        journals = [[] for _claim in outcome.decided]
        for claim in outcome.decided:
            services.reject(by=by, claim=claim)
    writer = by if isinstance(by, User) else None
    decisions = [
        ReviewDecision(
            claim=claim,
            state=state,
            previous=ReviewState.PROPOSED,
            reason=reason,
            batch=outcome.batch,
            by=writer,
            effects=changed,
            marking=claim.marking,
            releasable_to=claim.releasable_to,
        )
        for claim, changed in zip(outcome.decided, journals, strict=True)
    ]
    for decision in decisions:
        validate(decision)
    gate.store_batch(
        ReviewDecision,
        decisions,
        by=by,
        ids=lambda d: d.claim_id,
        detail={"action": outcome.batch, "decision": state},
        action="create",
    )
    return outcome


@dataclass
class Undone:
    """The claims returned to the queue, and what their accepts had changed that was taken
    back (in words)."""

    claims: list[Claim] = field(default_factory=list)
    effects: list[str] = field(default_factory=list)


@transaction.atomic
def undo_last(*, by: Writer) -> Undone:
    """Return the claims of the writer's last action to the queue, and take back what their
    accepts changed in the other areas (intake.undo): a status step, an incident, a figure, the
    claim as evidence of a record."""
    require_writer(by)
    decisions = last_action(by)
    if not decisions:
        raise InvalidInput.one("undo", "", "there is no action of yours to undo")
    undone = Undone()
    # The last decided first: what a later accept added on an earlier one's record goes first.
    for decision in sorted(decisions, key=lambda d: d.pk, reverse=True):
        if decision.state == ReviewState.ACCEPTED and decision.effects:
            undone.effects += undo.undo_effects(
                by=by, claim=decision.claim, entries=decision.effects
            )
        claim = review_claim(by=by, claim=decision.claim, state=ReviewState.PROPOSED)
        services.regrade(by=by, claim=claim)
        decision.undone_at = timezone.now()
        gate.store(decision, by=by)
        undone.claims.append(claim)
    undone.claims.reverse()
    return undone


@transaction.atomic
def comment(*, by: Writer, claim: Claim, text: str) -> ClaimComment:
    """Add a message to a claim's discussion thread, marked like the claim."""
    require_writer(by)
    text = (text or "").strip()
    if not text:
        raise InvalidInput.one("text", "", "write the comment first")
    if len(text) > MAX_COMMENT:
        raise InvalidInput.one("text", text[:40], f"is longer than {MAX_COMMENT} characters")
    claim = lookups.claims(by, [claim.pk])[0]
    return gate.store(
        ClaimComment(claim=claim, author=by if isinstance(by, User) else None, text=text),
        by=by,
        marking=claim.marking,
        releasable_to=claim.nations,
    )


def analysts() -> list[User]:
    """Who may be given documents to review: active writers."""
    return [
        u
        for u in User.objects.filter(is_active=True).order_by("username")
        if getattr(u, "can_write", False)
    ]


@transaction.atomic
def assign(*, by: Writer, document: Document, analyst: Any) -> Assignment:
    """Give a document to an analyst to review (none: back to everyone's queue)."""
    require_writer(by)
    person = None
    if analyst not in (None, ""):
        person = next((u for u in analysts() if str(u.pk) == str(analyst)), None)
        if person is None:
            raise InvalidInput.one("analyst", analyst, "is not an analyst who may review")
    return gate.store(
        Assignment(document=document, analyst=person, by=by if isinstance(by, User) else None),
        by=by,
        marking=document.marking,
        releasable_to=document.nations,
    )
