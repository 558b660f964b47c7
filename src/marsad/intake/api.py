"""API of intake: submit a text (returns the extraction and the stored proposals), the review
queue, accept, reject, correct."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from marsad.core import selectors as core
from marsad.core.errors import InvalidInput
from marsad.core.models import ReviewState
from marsad.core.schemas import ClaimOut, Error
from marsad.intake import services, workflow
from marsad.intake.schemas import (
    BulkIn,
    BulkOut,
    CommentIn,
    CommentOut,
    DecisionOut,
    EditIn,
    QueueItem,
    RejectIn,
    SubmitIn,
    SubmitOut,
)
from marsad.intake.selectors import comments, queue

router = Router(tags=["intake"])
ERRORS = {403: Error, 404: Error, 422: Error}


def _user(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


def _document(document: Any, user: Any) -> Any:
    document.visible_claims = list(
        core.claims(user, document_id=document.pk).values_list("id", flat=True)
    )
    return document


@router.post(
    "/documents",
    response={200: SubmitOut, 201: SubmitOut, **ERRORS},
    summary="Submit a text: it is stored and its claims are proposed",
)
def submit(request: HttpRequest, payload: SubmitIn) -> Any:
    user = _user(request)
    result = services.submit(by=user, **payload.dict())
    return Status(
        201 if result.created else 200,
        {
            "created": result.created,
            "document": _document(result.document, user),
            "claims": [ClaimOut.from_claim(c, user) for c in result.claims],
            "same_story": [d.pk for d, _score in result.same_story],
            "skipped": result.skipped,
            "extraction": result.extraction,
        },
    )


@router.get("/queue", response=list[QueueItem], summary="Documents with claims to review")
def review_queue(request: HttpRequest) -> Any:
    return [
        {
            "id": d.pk,
            "title": d.title,
            "language": d.language,
            "source": d.source.key,
            "proposed": d.proposed,
        }
        for d in queue(_user(request))
    ]


def _claim(request: HttpRequest, pk: int) -> Any:
    return core.claim(_user(request), pk)


@router.post(
    "/claims/{pk}/accept",
    response={200: DecisionOut, **ERRORS},
    summary="Accept a claim; returns what it changed in the other areas",
)
def accept(request: HttpRequest, pk: int) -> Any:
    found = workflow.decide_many(
        by=_user(request), claims=[_claim(request, pk).pk], state=ReviewState.ACCEPTED
    )
    return {
        "claim": ClaimOut.from_claim(_claim(request, pk), _user(request)),
        "effects": found.effects,
    }


@router.post(
    "/claims/{pk}/reject",
    response={200: ClaimOut, **ERRORS},
    summary="Reject a claim, with the reason (required, kept with the claim)",
)
def reject(request: HttpRequest, pk: int, payload: RejectIn) -> Any:
    workflow.decide_many(
        by=_user(request),
        claims=[_claim(request, pk).pk],
        state=ReviewState.REJECTED,
        reason=payload.reason,
    )
    return ClaimOut.from_claim(_claim(request, pk), _user(request))


@router.post(
    "/claims/review",
    response={200: BulkOut, **ERRORS},
    summary="Accept or reject many proposed claims in one action (a rejection needs a reason)",
)
def review_many(request: HttpRequest, payload: BulkIn) -> Any:
    state = {"accept": ReviewState.ACCEPTED, "reject": ReviewState.REJECTED}.get(payload.action)
    if state is None:
        raise InvalidInput.one("action", payload.action, "must be accept or reject")
    found = workflow.decide_many(
        by=_user(request), claims=payload.claims, state=state, reason=payload.reason
    )
    return {
        "action": found.batch,
        "decided": [c.pk for c in found.decided],
        "skipped": [pk for pk, _state in found.skipped],
        "effects": found.effects,
    }


@router.post(
    "/claims/review/undo",
    response={200: BulkOut, **ERRORS},
    summary="Return the claims of your last review action to the queue",
)
def undo(request: HttpRequest) -> Any:
    undone = workflow.undo_last(by=_user(request))
    return {
        "action": "",
        "decided": [c.pk for c in undone.claims],
        "skipped": [],
        "effects": undone.effects,
    }


@router.get(
    "/claims/{pk}/comments",
    response={200: list[CommentOut], 404: Error},
    summary="A claim's discussion thread",
)
def list_comments(request: HttpRequest, pk: int) -> Any:
    claim = _claim(request, pk)
    return comments(_user(request), [claim])[claim.pk]


@router.post(
    "/claims/{pk}/comments",
    response={201: CommentOut, **ERRORS},
    summary="Add a comment to a claim's discussion thread",
)
def add_comment(request: HttpRequest, pk: int, payload: CommentIn) -> Any:
    return Status(
        201, workflow.comment(by=_user(request), claim=_claim(request, pk), text=payload.text)
    )


@router.post(
    "/claims/{pk}/edit", response={200: ClaimOut, **ERRORS}, summary="Correct a proposed claim"
)
def edit(request: HttpRequest, pk: int, payload: EditIn) -> Any:
    # Only what was sent: an unsent part of `when` or of a figure keeps its current value.
    data = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    services.edit(by=_user(request), claim=_claim(request, pk), data=data)
    return ClaimOut.from_claim(_claim(request, pk), _user(request))
