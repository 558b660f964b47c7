"""Response headers that keep what Marsad shows inside the browser and the reader it was for."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from marsad.web import reader


class ContentSecurityPolicy(CSPMiddleware):
    """The policy of settings.CONTENT_SECURITY_POLICY, on every answer.

    The admin's templates are not Marsad's: django-simple-history's history page writes a
    `style` attribute, and Django's change list a `<style>` element when its actions are
    hidden. In the admin alone, styles may be inline; scripts stay Marsad's own files there
    too, so an injected script still cannot run."""

    def get_policy_parts(
        self, request: HttpRequest, response: Any, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        match = getattr(request, "resolver_match", None)
        if match is not None and "admin" in match.namespaces:
            parts.update = {**(parts.update or {}), "style-src": ["'unsafe-inline'"]}
        return parts


def signed_in(request: HttpRequest) -> bool:
    """The request carries credentials: a bearer token, or a session of a logged-in user (or
    any session, when the request was answered before its user was known)."""
    if request.META.get("HTTP_AUTHORIZATION"):
        return True
    known = reader.known(request)
    if known is not None:
        # A kept page's answer: its reader was summarized without loading the user.
        return known.id is not None
    user = getattr(request, "user", None)
    if user is None:
        return settings.SESSION_COOKIE_NAME in request.COOKIES
    return bool(user.is_authenticated)


class PrivateAnswers:
    """An answer to a signed-in reader holds what their role and nation may read: no cache,
    shared or the browser's own, may keep it. API answers also say that they depend on the
    credentials, so a cache never hands an analyst's answer to an anonymous reader or the
    other way round. Anonymous answers hold public records only and stay cacheable."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            patch_vary_headers(response, ("Authorization", "Cookie"))
        if signed_in(request):
            patch_cache_control(response, private=True, no_store=True)
        return response
