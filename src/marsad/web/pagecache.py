"""Pages answered from Django's cache, never across two readers' visibility.

Whole pages of the home and the areas' dashboards are kept, keyed by the reader's visibility
class (`visibility_class`: what the releasability filter lets them read), their role, whether
they write and administer, the language, the digit style, the address, and a generation that
every write the gate announces moves on (after its commit), so nothing written is ever hidden
behind a kept page.

What belongs to one signed-in reader is never kept: the page is rendered for the cache with
holes where it would be (the user name, the CSRF token, the unread notifications: `HOLES`), and
each answer fills them for its own reader. A template that asks anything else of the user (an
e-mail address, an id) spoils the page for the cache, and it is served once, filled, and not
kept. A page that set a cookie, changed the session or showed a message is not kept either.
Anonymous readers' pages have no holes; they are kept compressed as well. Who the reader is
comes from a summary kept per session (web.reader): a kept page is answered without loading
the user.

`cached` keeps a view's computed figures per visibility class the same way, for what a page
computes outside its template. A time limit (`PAGE_SECONDS`) bounds what a change made outside
the gate (SQL by hand) leaves shown. The cache is the project's `default` one (settings.CACHES):
files under the var directory, shared by every worker process of one server.
"""

from __future__ import annotations

import gzip
import hashlib
import secrets
import uuid
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers
from django.utils.html import escape
from django.utils.translation import get_language

from marsad.core import events
from marsad.core.releasability import reader_nations
from marsad.core.roles import Role
from marsad.web import pieces, reader
from marsad.web.context import DIGITS_COOKIE

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


def generation(*models: str) -> str:
    """The generation of everything, or of the records of `models` ('app.model' labels) alone:
    what is kept under it is out of date once a write moves it on."""
    keys = [f"{GENERATION}:{m}" for m in models] if models else [GENERATION]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, uuid.uuid4().hex, None)
            found[key] = cache.get(key, "")
    return "-".join(str(found[key]) for key in keys)


def bump(models: Iterable[str] = ()) -> None:
    """Every kept page and figure is out of date from now on, and so is what was kept under the
    generation of `models`."""
    keys = [GENERATION, *(f"{GENERATION}:{m}" for m in models)]
    cache.set_many({key: uuid.uuid4().hex for key in keys}, None)


def on_write(written: events.Written) -> None:
    # After the commit: a reader who reads the old generation meanwhile stores what they read
    # under it, and the new generation leaves it behind.
    label = written.model._meta.label_lower
    transaction.on_commit(lambda: bump([label]))


def _digits(request: HttpRequest, language: str) -> str:
    style = request.COOKIES.get(DIGITS_COOKIE, "")
    return style if style in ("arab", "latn") else f"default-{language}"


def digits(request: HttpRequest) -> str:
    """The reader's digit style, as the navigation's context gives it to templates."""
    language = get_language() or "ar"
    return request.COOKIES.get(DIGITS_COOKIE, "arab" if language.startswith("ar") else "latn")


def cached(
    name: str, user: Any, compute: Callable[[], T], *parts: Any, models: Iterable[str] = ()
) -> T:
    """What `compute` returns for `user`'s visibility class in the active language, computed
    once per generation (of every record, or of the records of `models` when it reads nothing
    else); `parts` name anything else it depends on (filters, dates)."""
    raw = "|".join(str(p) for p in (name, visibility_class(user), get_language(), *parts))
    key = f"data:{generation(*models)}:{hashlib.sha256(raw.encode()).hexdigest()}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, PAGE_SECONDS)
    return found  # type: ignore[no-any-return]


def _marker(name: str) -> str:
    # Unguessable without the secret key, so no text a writer stores can be taken for a hole.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|hole|{name}".encode()).hexdigest()[:24]
    return f"marsad-hole-{name}-{digest}"


# Fillers of holes other apps punch (notifications), by name: the page's request to its text.
_fillers: dict[str, Callable[[HttpRequest], str]] = {}


def hole(name: str, fill: Callable[[HttpRequest], str]) -> None:
    """Let a template tag leave `marker(name)` in a page kept for the cache; `fill` gives what
    stands there for each reader."""
    _fillers[name] = fill


def marker(name: str) -> str:
    return _marker(name)


def punching(request: Any) -> bool:
    """Whether the page being rendered is for the cache (its per-reader parts left as holes)."""
    return bool(getattr(request, "_page_holes", False))


class MaskedUser:
    """The user as a page kept for the cache sees it: what the key holds (role, nation, writing,
    administering), and a hole for the name. Anything else spoils the page for the cache."""

    SHOWN = frozenset(
        {
            "is_authenticated",
            "is_anonymous",
            "is_active",
            "is_staff",
            "is_superuser",
            "role",
            "nation",
            "can_write",
        }
    )

    def __init__(self, request: HttpRequest) -> None:
        self._request = request

    def __getattr__(self, name: str) -> Any:
        user = self._request.user
        if name in self.SHOWN:
            return getattr(user, name)
        if name in ("username", "get_username"):
            found = _marker("user")
            return (lambda: found) if name == "get_username" else found
        self._request._page_spoiled = True  # type: ignore[attr-defined]
        return getattr(user, name)

    def __str__(self) -> str:
        return _marker("user")


def holes(request: HttpRequest) -> dict[str, Any]:
    """Context processor (last of them): the user and the CSRF token as holes while a page is
    rendered for the cache."""
    if not punching(request):
        return {}
    return {"user": MaskedUser(request), "csrf_token": _marker("csrf")}


def _filling(request: HttpRequest, hole: str) -> str:
    if hole == "user":
        found = reader.known(request)
        if found is not None:
            return escape(found.name)
        user = getattr(request, "user", None)
        return escape(user.get_username() if user is not None and user.is_authenticated else "")
    if hole == "csrf":
        return get_token(request)
    return _fillers[hole](request)


def _holed(content: bytes) -> tuple[list[bytes], list[str], list[bytes]]:
    """A page rendered with holes, as kept: its texts between the holes, the holes' names, and
    the texts compressed ahead (web.pieces)."""
    markers = {_marker(name): name for name in ("user", "csrf", *_fillers)}
    texts, names = pieces.split(content, markers)
    return texts, names, pieces.deflate(texts)


def _filled(request: HttpRequest, response: HttpResponse, kept: tuple[Any, ...]) -> None:
    """`response` becomes the kept page with holes, filled for this request's reader and
    compressed if the reader accepts it."""
    texts, names, deflated = kept
    found: dict[str, bytes] = {}
    for name in names:
        if name not in found:
            found[name] = _filling(request, name).encode("utf-8")
    fillings = [found[name] for name in names]
    if "gzip" not in request.META.get("HTTP_ACCEPT_ENCODING", ""):
        response.content = pieces.joined(texts, fillings)
        return
    # The random-length name Django's GZip also writes, against guessing by length (BREACH).
    padding = b"a" * secrets.randbelow(100)
    response.content = pieces.gzipped(texts, deflated, fillings, name=padding)
    response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ("Accept-Encoding",))


def reader_key(user: Any) -> str:
    """What a signed-in reader's pages are keyed by: readers with the same key see the same
    page, but for the holes."""
    return "|".join(
        str(part)
        for part in (
            visibility_class(user),
            getattr(user, "role", ""),
            getattr(user, "nation", ""),
            bool(getattr(user, "can_write", False)),
            user.is_staff,
            user.is_superuser,
        )
    )


class PageCache:
    """Whole pages of the home and the dashboards (see the module's text)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if key is None:
            return response
        if response.streaming:
            return response
        content, content_type = response.content, response["Content-Type"]
        keep = self._keepable(request, response)
        if punching(request):
            holed = _holed(content)
            if keep:
                cache.set(key, (content_type, None, holed), PAGE_SECONDS)
            _filled(request, response, holed)
        elif keep:
            # Compressed only (b"" for the text): every answer read the whole page back from
            # the cache, and nearly every reader asks for GZip.
            cache.set(key, (content_type, b"", gzip.compress(content, 6)), PAGE_SECONDS)
        if keep:
            response["X-Page-Cache"] = "stored"
        return response

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        match = request.resolver_match
        if request.method != "GET" or match is None or match.view_name not in CACHED_PAGES:
            return None
        if request.META.get("HTTP_AUTHORIZATION") or len(get_messages(request)):
            return None
        language = getattr(request, "LANGUAGE_CODE", "") or get_language() or ""
        now = generation()
        who = reader.summary(request, now, reader_key).key
        raw = "|".join((who, language, _digits(request, language), request.get_full_path()))
        key = f"page:2:{now}:{hashlib.sha256(raw.encode()).hexdigest()}"
        found = cache.get(key)
        if found is None:
            request._page_cache_key = key  # type: ignore[attr-defined]
            request._page_holes = who != "anonymous"  # type: ignore[attr-defined]
            return None
        content_type, content, packed = found
        if content is None:
            response = HttpResponse(content_type=content_type)
            _filled(request, response, packed)
        elif "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", ""):
            response = HttpResponse(packed, content_type=content_type)
            response["Content-Encoding"] = "gzip"
            patch_vary_headers(response, ("Accept-Encoding",))
        else:
            response = HttpResponse(content or gzip.decompress(packed), content_type=content_type)
        response["X-Page-Cache"] = "hit"
        return response

    @staticmethod
    def _keepable(request: HttpRequest, response: HttpResponse) -> bool:
        """Nothing of this request's own: no cookie set, no CSRF token used, no session
        changed, nothing asked of the user beyond the key."""
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or getattr(request, "_page_spoiled", 0):
            return False
        session = getattr(request, "session", None)
        return not (session is not None and session.modified)
