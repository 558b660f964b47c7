"""Error pages in the site's layout and the reader's language, each with a way back. The API
keeps its own JSON answers: a request under /api/ that no route matches gets one too.

What a refusal says is Marsad's own sentence, the one a view gave its `Http404` or
`PermissionDenied` (translated where it was raised); what the resolver says (the patterns it
tried) is never shown.
"""

from __future__ import annotations

import logging
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)


def _message(exception: Any) -> str:
    if exception is not None and exception.args and isinstance(exception.args[0], str):
        return exception.args[0]
    return ""


def _answer(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message or title}, status=status)
    back = request.META.get("HTTP_REFERER", "")
    if back and not back.startswith(request.build_absolute_uri("/")):
        back = ""  # only back to a page of Marsad
    return render(
        request,
        "web/error.html",
        {"status": status, "title": title, "message": message, "back": back},
        status=status,
    )


def bad_request(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return _answer(request, 400, _("The request could not be read"), _message(exception))


def permission_denied(request: HttpRequest, exception: Any = None) -> HttpResponse:
    message = _message(exception)
    if not getattr(request.user, "is_authenticated", False) and not message:
        message = _("Signing in may give you access.")
    return _answer(request, 403, _("You may not open this page"), message)


def page_not_found(request: HttpRequest, exception: Any = None) -> HttpResponse:
    from django.urls import Resolver404

    message = "" if isinstance(exception, Resolver404) else _message(exception)
    return _answer(request, 404, _("No such page"), message)


def server_error(request: HttpRequest) -> HttpResponse:
    """The page of an unexpected failure. Rendered with as little as possible: the database
    itself may be what failed, so a failure here falls back to plain text."""
    title = _("Something went wrong on our side")
    message = _("The error is logged. Try again in a moment; if it persists, tell the centre.")
    try:
        return render(
            request,
            "web/error.html",
            {"status": 500, "title": title, "message": message, "back": ""},
            status=500,
        )
    except Exception:
        log.exception("the error page itself failed")
        return HttpResponse(f"{title}. {message}", status=500, content_type="text/plain")
