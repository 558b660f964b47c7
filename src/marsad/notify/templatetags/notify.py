"""Template helpers of notifications: the unread count in the navigation (kept), and a
notification's title and link in the page's language."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from marsad.notify import selectors
from marsad.notify.messages import path_in
from marsad.web import pagecache, reader

register = template.Library()


def _english() -> bool:
    return (get_language() or "ar").startswith("en")


@register.simple_tag(takes_context=True)
def notifications_nav(context: template.Context) -> str:
    request = context.get("request")
    if pagecache.punching(request):
        # A page kept for every reader of a class: each answer fills in its reader's count.
        return mark_safe(pagecache.marker("notifications"))
    return nav(request, context.get("digits"))


def nav(request: Any, digits: Any) -> str:
    """The navigation's entry: notifications, with the reader's unread count (kept in the cache
    between two changes of their notifications)."""
    unread = selectors.unread_count_kept(reader.user_id(request))
    active = getattr(getattr(request, "resolver_match", None), "namespace", "") == "notify"
    return _entry(get_language() or "", unread, str(digits), active)


@lru_cache(maxsize=512)
def _entry(language: str, unread: int, digits: str, active: bool) -> str:
    # The same few entries are drawn again and again: once each, in this process.
    return render_to_string(
        "notify/_nav.html", {"unread": unread, "digits": digits, "active": active}
    )


@register.filter
def title(notification: Any) -> str:
    return notification.title_en if _english() else notification.title_ar


@register.filter
def link(notification: Any) -> str:
    if not notification.link:
        return reverse("notify:index")
    return path_in(notification.link, "en" if _english() else "ar")
