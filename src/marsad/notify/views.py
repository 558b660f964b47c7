"""Pages of notifications: the list (unread first, mark read), subscriptions (follow events on
a channel with filters, stop, read a webhook's or e-mail's delivery log) and the feed address."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from marsad.core.errors import InvalidInput, NotAllowed
from marsad.extraction.contract import CLAIM_TYPES
from marsad.geo.governorates import governorate_geometries
from marsad.notify import selectors, services
from marsad.notify.kinds import KIND_CHOICES
from marsad.notify.models import Channel
from marsad.web.problems import explain

PER_PAGE = 50
LOG_ROWS = 10


@login_required
def index(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.notifications(request.user), PER_PAGE).get_page(
        request.GET.get("page")
    )
    shown = selectors.readable_now(request.user, list(page.object_list))
    return render(
        request,
        "notify/index.html",
        {"page": page, "shown": shown, "unread": selectors.unread_count(request.user)},
    )


@login_required
@require_POST
def read(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        services.notification_read(by=request.user, pk=pk)
    except services.Notification.DoesNotExist:
        pass  # another's or gone: nothing to mark, nothing to say
    return redirect("notify:index")


@login_required
@require_POST
def read_all(request: HttpRequest) -> HttpResponse:
    services.notifications_read_all(by=request.user)
    return redirect("notify:index")


def _form_context(request: HttpRequest, **extra: Any) -> dict[str, Any]:
    found = list(selectors.subscriptions(request.user))
    logs = selectors.recent_deliveries(request.user, each=LOG_ROWS)
    return {
        "subscriptions": [(s, logs.get(s.pk)) for s in found],
        "kinds": KIND_CHOICES,
        "channels": Channel.choices,
        "claim_types": CLAIM_TYPES,
        "pcodes": sorted(governorate_geometries()),
        "saved_searches": selectors.saved_searches(request.user),
        **extra,
    }


@login_required
def subscriptions(request: HttpRequest) -> HttpResponse:
    error, form = "", {}
    if request.method == "POST":
        form = request.POST
        try:
            services.subscription_create(
                by=request.user,
                channel=form.get("channel", ""),
                events=form.getlist("events"),
                language=form.get("language", "ar"),
                claim_type=form.get("claim_type", ""),
                actor=form.get("actor", ""),
                pcode=form.get("pcode", ""),
                saved_search=form.get("saved_search") or None,
                url=form.get("url", ""),
                secret=form.get("secret", ""),
            )
        except (InvalidInput, NotAllowed) as exc:
            error = explain(exc)
        else:
            return redirect("notify:subscriptions")
    context = _form_context(request, error=error, form=form)
    return render(request, "notify/subscriptions.html", context, status=422 if error else 200)


@login_required
@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        services.subscription_delete(by=request.user, pk=pk)
    except services.Subscription.DoesNotExist:
        pass
    return redirect("notify:subscriptions")


@login_required
@require_POST
def feed_token(request: HttpRequest) -> HttpResponse:
    """A new feed address (shown once, on this answer), or the address revoked."""
    if request.POST.get("action") == "revoke":
        services.feed_token_revoke(by=request.user)
        return redirect("notify:subscriptions")
    token = services.feed_token_issue(by=request.user)
    feed_url = settings.BASE_URL + reverse("notify:feed", args=[token])
    return render(request, "notify/subscriptions.html", _form_context(request, feed_url=feed_url))
