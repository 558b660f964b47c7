"""Writes of saved searches: a list's filters kept under a name by their owner, through the gate
(audited). A saved search holds filters, never records."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

from django.db import transaction

from marsad.core import listing
from marsad.core.errors import InvalidInput, NotAllowed
from marsad.core.models import SavedSearch, User
from marsad.core.services import gate

NAME_LENGTH = SavedSearch._meta.get_field("name").max_length


def _owner(by: Any) -> User:
    if not isinstance(by, User) or not by.is_authenticated:
        raise NotAllowed("sign in to save a search")
    return by


def _query(spec: listing.ListSpec, query: str) -> str:
    """The filters, checked by the list's own parser (a refusal names the filter) and written
    in a stable order without paging."""
    params = dict(parse_qsl((query or "").lstrip("?"), keep_blank_values=False))
    spec.parse(listing.filter_params(params))
    return listing.query_string(params)


def saved_search_create(*, by: Any, name: str, list_name: str, query: str = "") -> SavedSearch:
    """Keep the filters `query` of the list `list_name` (a page's URL name) under `name`."""
    owner = _owner(by)
    name = " ".join((name or "").split())
    if not name:
        raise InvalidInput.one("name", name, "give the search a name")
    if NAME_LENGTH and len(name) > NAME_LENGTH:
        raise InvalidInput.one("name", name, f"at most {NAME_LENGTH} characters")
    spec = listing.by_url_name(list_name or "")
    if spec is None:
        raise InvalidInput.one("list_name", list_name, "is not a list Marsad shows")
    cleaned = _query(spec, query)
    with transaction.atomic():
        if SavedSearch.objects.filter(owner=owner, name=name).exists():
            raise InvalidInput.one("name", name, "you have a saved search with this name")
        search = SavedSearch(owner=owner, name=name, list_name=spec.url_name, query=cleaned)
        return gate.store(search, by=owner)


def saved_search_delete(*, by: Any, search: SavedSearch) -> None:
    """Delete a saved search: its owner only."""
    owner = _owner(by)
    if search.owner_id != owner.pk:
        raise NotAllowed("only its owner deletes a saved search")
    with transaction.atomic():
        gate.remove(search, by=owner)
