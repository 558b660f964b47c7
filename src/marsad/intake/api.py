"""API of intake: submit a text (returns the extraction and the stored proposals), the review
queue, accept, reject, correct."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from marsad.core import selectors as core
from marsad.core.schemas import ClaimOut, Error
from marsad.intake import services
from marsad.intake.schemas import DecisionOut, EditIn, QueueItem, SubmitIn, SubmitOut
from marsad.intake.selectors import queue

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
    effects = services.accept(by=_user(request), claim=_claim(request, pk))
    return {"claim": ClaimOut.from_claim(_claim(request, pk), _user(request)), "effects": effects}


@router.post("/claims/{pk}/reject", response={200: ClaimOut, **ERRORS})
def reject(request: HttpRequest, pk: int) -> Any:
    services.reject(by=_user(request), claim=_claim(request, pk))
    return ClaimOut.from_claim(_claim(request, pk), _user(request))


@router.post(
    "/claims/{pk}/edit", response={200: ClaimOut, **ERRORS}, summary="Correct a proposed claim"
)
def edit(request: HttpRequest, pk: int, payload: EditIn) -> Any:
    # Only what was sent: an unsent part of `when` or of a figure keeps its current value.
    data = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    services.edit(by=_user(request), claim=_claim(request, pk), data=data)
    return ClaimOut.from_claim(_claim(request, pk), _user(request))
