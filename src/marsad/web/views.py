"""Pages that belong to no area: the digit-style switch."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
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
