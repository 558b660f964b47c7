"""API of saved searches: the reader's own, to list, save and delete. A saved search holds a
list's filters; its link (`share_url`) opens the list with them for whoever follows it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import Router, Schema, Status

from marsad.core import selectors
from marsad.core.errors import NotAllowed
from marsad.core.models import SavedSearch
from marsad.core.schemas import Error
from marsad.core.services.searches import saved_search_create, saved_search_delete

router = Router(tags=["searches"])


class SavedSearchIn(Schema):
    name: str
    list_name: str
    query: str = ""


class SavedSearchOut(Schema):
    id: int
    name: str
    list_name: str
    query: str
    share_key: str
    share_url: str
    created: datetime


def _reader(request: HttpRequest) -> Any:
    reader = request.auth  # type: ignore[attr-defined]
    if not getattr(reader, "is_authenticated", False):
        raise NotAllowed("sign in to keep saved searches")
    return reader


def _out(request: HttpRequest, search: SavedSearch) -> dict[str, Any]:
    return {
        "id": search.pk,
        "name": search.name,
        "list_name": search.list_name,
        "query": search.query,
        "share_key": search.share_key,
        "share_url": request.build_absolute_uri(reverse("saved_search", args=[search.share_key])),
        "created": search.created,
    }


@router.get("/searches", response=list[SavedSearchOut], summary="Your saved searches")
def list_searches(request: HttpRequest) -> Any:
    return [_out(request, s) for s in selectors.saved_searches(_reader(request))]


@router.post(
    "/searches",
    response={201: SavedSearchOut, 403: Error, 422: Error},
    summary="Save a list's filters under a name",
)
def create_search(request: HttpRequest, payload: SavedSearchIn) -> Any:
    search = saved_search_create(by=_reader(request), **payload.dict())
    return Status(201, _out(request, search))


@router.delete(
    "/searches/{search_id}",
    response={204: None, 403: Error, 404: Error},
    summary="Delete one of your saved searches",
)
def delete_search(request: HttpRequest, search_id: int) -> Any:
    search = selectors.saved_searches(_reader(request)).filter(pk=search_id).first()
    if search is None:
        return Status(404, {"detail": "you have no saved search with this number"})
    saved_search_delete(by=request.auth, search=search)  # type: ignore[attr-defined]
    return Status(204, None)
