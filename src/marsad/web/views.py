"""Pages that belong to no area: the digit-style switch, the login lockout."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from marsad.web.context import DIGITS_COOKIE


def set_digits(request: HttpRequest) -> HttpResponse:
    """Remember whether the reader wants Arabic-Indic (٣) or Latin (3) digits."""
    style = request.GET.get("style", "")
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
        target = "/"
    response = HttpResponseRedirect(target)
    if style in ("arab", "latn"):
        response.set_cookie(DIGITS_COOKIE, style, max_age=365 * 24 * 3600, samesite="Lax")
    return response


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """Shown by django-axes (AXES_LOCKOUT_CALLABLE) instead of the login page, or the admin's,
    once a user name is locked out from the reader's address. It says neither whether the user
    name exists nor whether the last password was right."""
    return render(
        request,
        "registration/locked_out.html",
        {"minutes": settings.LOCKOUT_MINUTES},
        status=429,
    )
