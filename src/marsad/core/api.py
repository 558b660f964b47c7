"""API of the provenance core: actors, sources, documents (create and read), claims."""

from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from marsad.core import history, selectors
from marsad.core.errors import NotAllowed
from marsad.core.models import Actor, ActorKind
from marsad.core.moments import moment
from marsad.core.schemas import (
    ActorDetail,
    ActorOut,
    ClaimIn,
    ClaimOut,
    ConflictOut,
    ConflictResolution,
    DocumentCreated,
    DocumentDetail,
    DocumentIn,
    DocumentOut,
    Error,
    Me,
    SourceOut,
)
from marsad.core.services.claims import record_claim
from marsad.core.services.conflicts import resolve_conflict
from marsad.core.services.documents import submit_document
from marsad.extraction.contract import CLAIM_TYPES, STATUSES

router = Router()


# Pages beyond this would ask the database for an offset it cannot hold.
MAX_PAGE = 1_000_000


class Page(PageNumberPagination):
    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int = Field(50, ge=1, le=500)

    def paginate_queryset(self, queryset: Any, pagination: Any, **params: Any) -> Any:
        size = pagination.page_size
        offset = (pagination.page - 1) * size
        return {"items": queryset[offset : offset + size], "count": self._items_count(queryset)}


def _user(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


@router.get("/me", response=Me, summary="Who the API sees you as")
def me(request: HttpRequest) -> dict[str, Any]:
    user = _user(request)
    if not user.is_authenticated:
        return {"username": None, "role": "anonymous", "nation": None}
    return {"username": user.username, "role": user.role, "nation": user.nation or None}


class ActorFilters(Schema):
    kind: Literal[tuple(ActorKind.values)] | None = None  # type: ignore[valid-type]
    q: str = ""


@router.get("/actors", response=list[ActorOut], summary="Actors visible to you")
@paginate(Page)
def list_actors(request: HttpRequest, filters: Query[ActorFilters]) -> Any:
    return selectors.actors(_user(request), kind=filters.kind or "", query=filters.q.strip())


@router.get("/actors/{key}", response={200: ActorDetail, 404: Error}, summary="One actor")
def get_actor(request: HttpRequest, key: str, known_on: str | None = None) -> Any:
    """With `known_on` (a date, or an ISO date-time), the actor as Marsad held it then."""
    user = _user(request)
    when = moment(known_on)
    if when is None:
        return selectors.actor(user, key)
    return history.known_on(Actor, user, when).get(key=key.upper())


@router.get("/sources", response=list[SourceOut], summary="Sources visible to you")
@paginate(Page)
def list_sources(request: HttpRequest) -> Any:
    return selectors.sources(_user(request))


@router.get("/sources/{key}", response={200: SourceOut, 404: Error}, summary="One source")
def get_source(request: HttpRequest, key: str) -> Any:
    return selectors.source(_user(request), key)


def _document_detail(document: Any, user: Any) -> Any:
    """The document with the ids of its claims that `user` may read."""
    document.visible_claims = list(
        selectors.claims(user, document_id=document.pk).values_list("id", flat=True)
    )
    return document


class DocumentFilters(Schema):
    q: str = ""
    language: Literal["ar", "en", "other"] | None = None
    source: str = ""


@router.get("/documents", response=list[DocumentOut], summary="Documents visible to you")
@paginate(Page)
def list_documents(request: HttpRequest, filters: Query[DocumentFilters]) -> Any:
    """The same filters as the documents' page, its exports and saved searches."""
    return selectors.DocumentFilters.parse(filters.dict()).apply(_user(request))


@router.post(
    "/documents",
    response={200: DocumentCreated, 201: DocumentCreated, 403: Error, 422: Error},
    summary="Submit a document",
)
def create_document(request: HttpRequest, payload: DocumentIn) -> Any:
    """Stores the text; the same text again returns the stored document (200, created false)."""
    user = _user(request)
    document, created = submit_document(by=user, **payload.dict())
    return Status(
        201 if created else 200,
        {
            "created": created,
            "document": _document_detail(document, user),
        },
    )


@router.get("/documents/{pk}", response={200: DocumentDetail, 404: Error}, summary="One document")
def get_document(request: HttpRequest, pk: int) -> Any:
    user = _user(request)
    return _document_detail(selectors.document(user, pk), user)


class ClaimFilters(Schema):
    type: Literal[CLAIM_TYPES] | None = None  # type: ignore[valid-type]
    actor: str = ""
    status: Literal[STATUSES] | None = None  # type: ignore[valid-type]
    review_state: Literal["proposed", "accepted", "rejected"] | None = None
    document: int | None = None


@router.get("/claims", response=list[ClaimOut], summary="Claims visible to you")
@paginate(Page)
def list_claims(request: HttpRequest, filters: Query[ClaimFilters]) -> Any:
    reader = _user(request)
    claims = selectors.claims(
        reader,
        type=filters.type or "",
        actor_key=filters.actor.strip(),
        status=filters.status or "",
        review_state=filters.review_state or "",
        document_id=filters.document,
    )
    return [ClaimOut.from_claim(c, reader) for c in claims]


@router.get("/claims/{pk}", response={200: ClaimOut, 404: Error}, summary="One claim")
def get_claim(request: HttpRequest, pk: int) -> Any:
    reader = _user(request)
    return ClaimOut.from_claim(selectors.claim(reader, pk), reader)


@router.post(
    "/claims",
    response={201: ClaimOut, 403: Error, 404: Error, 422: Error},
    summary="Record a claim of a stored document",
)
def create_claim(request: HttpRequest, payload: ClaimIn) -> Any:
    user = _user(request)
    document = selectors.document(user, payload.document)
    data = payload.dict(exclude={"document"})
    if data.get("marking") is None:
        data.pop("marking")
        data.pop("releasable_to")
    claim = record_claim(by=user, document=document, data=data)
    return Status(201, ClaimOut.from_claim(claim, user))


@router.get(
    "/conflicts",
    response={200: list[ConflictOut], 403: Error},
    summary="Writes that disagree with a record their writer could not see",
)
@paginate(Page)
def list_conflicts(request: HttpRequest, all: bool = False) -> Any:
    """To analysts and administrators: those not reconciled yet (`all=true`: every one), each
    readable only by readers of both records."""
    user = _user(request)
    if not getattr(user, "can_write", False):
        raise NotAllowed("only analysts reconcile conflicts")
    return selectors.conflicts(user, open_only=not all)


@router.post(
    "/conflicts/{pk}/resolve",
    response={200: ConflictOut, 403: Error, 404: Error, 422: Error},
    summary="Say how a conflict was reconciled",
)
def resolve(request: HttpRequest, pk: int, payload: ConflictResolution) -> Any:
    return resolve_conflict(by=_user(request), conflict=pk, resolution=payload.resolution)
