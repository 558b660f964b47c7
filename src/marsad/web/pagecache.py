"""Pages answered from Django's cache, never across two readers' visibility.

Two layers, both keyed by the reader's visibility class (`visibility_class`: what the
releasability filter lets them read), the language and a generation that every write the gate
announces moves on (after its commit), so nothing written is ever hidden behind a cached page:

- Whole pages (`PageCache`, a middleware) for anonymous readers of the home and the areas'
  dashboards: their pages hold nothing of their own (no user name, no notifications, no CSRF
  token; a page that used one, set a cookie or showed a message is not kept), so one rendering
  serves them all. Signed-in readers never get a whole page from the cache: their navigation
  holds their name, their unread notifications and their CSRF token.
- Computed figures (`cached`) for every reader, signed in or not: a view keeps what it
  computed for a visibility class, and renders the page around it for each reader, with their
  own navigation.

A time limit (`PAGE_SECONDS`) bounds what a change made outside the gate (SQL by hand) leaves
shown. The cache is the project's `default` one (settings.CACHES): files under the var
directory, shared by every worker process of one server.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from marsad.core import events
from marsad.core.releasability import reader_nations
from marsad.core.roles import Role
from marsad.web.context import DIGITS_COOKIE
from marsad.web.headers import signed_in

GENERATION = "marsad:generation"
PAGE_SECONDS = 300
# The pages kept whole for anonymous readers: the home and each area's dashboard.
CACHED_PAGES = frozenset(
    {
        "home",
        "coalition:index",
        "governance:index",
        "mandate:index",
        "ceasefire:dashboard",
        "access:dashboard",
        "plan:tracker",
        "programs:index",
        "statements:index",
    }
)

T = TypeVar("T")


def visibility_class(user: Any) -> str:
    """Readers who may read exactly the same records share a class: 'all' (administrators),
    'analyst', 'nations:FRA' (a liaison officer, or an audience of several nations), 'public'
    (anonymous readers and every other reader, who read public records only)."""
    role = getattr(user, "role", None) if getattr(user, "is_authenticated", False) else None
    if role == Role.ADMIN or getattr(user, "is_superuser", False):
        return "all"
    if role == Role.ANALYST:
        return "analyst"
    if role == Role.LIAISON and (nations := reader_nations(user)):
        return "nations:" + "|".join(sorted(nations))
    return "public"


def generation() -> str:
    found = cache.get(GENERATION)
    if found is None:
        found = uuid.uuid4().hex
        cache.add(GENERATION, found, None)
        found = cache.get(GENERATION, found)
    return str(found)


def bump() -> None:
    """Every cached page and figure is out of date from now on."""
    cache.set(GENERATION, uuid.uuid4().hex, None)


def on_write(written: events.Written) -> None:
    # After the commit: a reader who reads the old generation meanwhile stores what they read
    # under it, and the new generation leaves it behind.
    transaction.on_commit(bump)


def _digits(request: HttpRequest, language: str) -> str:
    style = request.COOKIES.get(DIGITS_COOKIE, "")
    return style if style in ("arab", "latn") else f"default-{language}"


def cached(name: str, user: Any, compute: Callable[[], T], *parts: Any) -> T:
    """What `compute` returns for `user`'s visibility class in the active language, computed
    once per generation; `parts` name anything else it depends on (filters, dates)."""
    raw = "|".join(str(p) for p in (name, visibility_class(user), get_language(), *parts))
    key = f"data:{generation()}:{hashlib.sha256(raw.encode()).hexdigest()}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, PAGE_SECONDS)
    return found  # type: ignore[no-any-return]


class PageCache:
    """Whole pages for anonymous readers (see the module's text)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if key and self._keepable(request, response):
            cache.set(
                key,
                (response.status_code, response["Content-Type"], response.content),
                PAGE_SECONDS,
            )
            response["X-Page-Cache"] = "stored"
        return response

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        match = request.resolver_match
        if request.method != "GET" or match is None or match.view_name not in CACHED_PAGES:
            return None
        if signed_in(request) or len(get_messages(request)):
            return None
        language = getattr(request, "LANGUAGE_CODE", "") or get_language() or ""
        raw = "|".join(("public", language, _digits(request, language), request.get_full_path()))
        key = f"page:{generation()}:{hashlib.sha256(raw.encode()).hexdigest()}"
        found = cache.get(key)
        if found is not None:
            status, content_type, content = found
            response = HttpResponse(content, status=status, content_type=content_type)
            response["X-Page-Cache"] = "hit"
            return response
        request._page_cache_key = key  # type: ignore[attr-defined]
        return None

    @staticmethod
    def _keepable(request: HttpRequest, response: HttpResponse) -> bool:
        """Nothing of this request's own: no cookie set, no CSRF token used, no message."""
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or signed_in(request):
            return False
        session = getattr(request, "session", None)
        return not (session is not None and session.modified)
