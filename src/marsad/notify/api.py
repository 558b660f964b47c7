"""API of notifications: subscriptions (each owner's own), their delivery log, the in-app
notifications with their unread count, and the Atom feed's token."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from marsad.core.api import Page
from marsad.core.errors import NotAllowed
from marsad.core.schemas import Error
from marsad.notify import selectors, services
from marsad.notify.schemas import (
    DeliveryOut,
    FeedTokenOut,
    Marked,
    NotificationList,
    NotificationOut,
    Revoked,
    SubscriptionIn,
    SubscriptionOut,
)

router = Router(tags=["notify"])
ERRORS = {401: Error, 403: Error, 404: Error, 422: Error}


def _owner(request: HttpRequest) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    if not getattr(user, "is_authenticated", False):
        raise NotAllowed("log in (or send an API token) to read your notifications")
    return user


@router.get(
    "/subscriptions", response={200: list[SubscriptionOut], **ERRORS}, summary="Your subscriptions"
)
@paginate(Page)
def list_subscriptions(request: HttpRequest) -> Any:
    return selectors.subscriptions(_owner(request))


@router.post("/subscriptions", response={201: SubscriptionOut, **ERRORS}, summary="Follow events")
def create_subscription(request: HttpRequest, payload: SubscriptionIn) -> Any:
    """Channels: app (the list in Marsad), atom (your feed), webhook (a signed JSON POST to
    `url`, with `secret`), email (your account's address)."""
    return Status(201, services.subscription_create(by=_owner(request), **payload.dict()))


@router.delete("/subscriptions/{pk}", response={204: None, **ERRORS}, summary="Stop following")
def delete_subscription(request: HttpRequest, pk: int) -> Any:
    services.subscription_delete(by=_owner(request), pk=pk)
    return Status(204, None)


@router.get(
    "/subscriptions/{pk}/deliveries",
    response={200: list[DeliveryOut], **ERRORS},
    summary="A subscription's delivery log",
)
@paginate(Page)
def list_deliveries(request: HttpRequest, pk: int) -> Any:
    return selectors.deliveries(_owner(request), pk)


class PageParams(Schema):
    page: int = Field(1, ge=1, le=1_000_000)
    page_size: int = Field(50, ge=1, le=500)


@router.get(
    "/notifications", response={200: NotificationList, **ERRORS}, summary="Your notifications"
)
def list_notifications(request: HttpRequest, params: Query[PageParams]) -> Any:
    """Unread first, then newest; with the number unread."""
    owner = _owner(request)
    found = selectors.notifications(owner)
    start = (params.page - 1) * params.page_size
    return {
        "count": found.count(),
        "unread": selectors.unread_count(owner),
        "items": list(found[start : start + params.page_size]),
    }


@router.post("/notifications/read-all", response={200: Marked, **ERRORS}, summary="Mark all read")
def read_all(request: HttpRequest) -> Any:
    return {"marked": services.notifications_read_all(by=_owner(request))}


@router.post(
    "/notifications/{pk}/read", response={200: NotificationOut, **ERRORS}, summary="Mark read"
)
def read_one(request: HttpRequest, pk: int) -> Any:
    return services.notification_read(by=_owner(request), pk=pk)


@router.post("/feed-token", response={201: FeedTokenOut, **ERRORS}, summary="A new feed address")
def new_feed_token(request: HttpRequest) -> Any:
    """The old address stops working. The token is shown once."""
    token = services.feed_token_issue(by=_owner(request))
    path = reverse("notify:feed", args=[token])
    return Status(201, {"token": token, "url": settings.BASE_URL + path})


@router.delete("/feed-token", response={200: Revoked, **ERRORS}, summary="Revoke the feed address")
def revoke_feed_token(request: HttpRequest) -> Any:
    return {"revoked": services.feed_token_revoke(by=_owner(request))}
