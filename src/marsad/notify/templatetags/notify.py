"""Template helpers of notifications: the unread count in the navigation (one query), and a
notification's title and link in the page's language."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.translation import get_language

from marsad.notify import selectors
from marsad.notify.messages import path_in

register = template.Library()


def _english() -> bool:
    return (get_language() or "ar").startswith("en")


@register.inclusion_tag("notify/_nav.html", takes_context=True)
def notifications_nav(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "unread": selectors.unread_count(user),
        "digits": context.get("digits"),
        "active": getattr(getattr(request, "resolver_match", None), "namespace", "") == "notify",
    }


@register.filter
def title(notification: Any) -> str:
    return notification.title_en if _english() else notification.title_ar


@register.filter
def link(notification: Any) -> str:
    if not notification.link:
        return reverse("notify:index")
    return path_in(notification.link, "en" if _english() else "ar")
