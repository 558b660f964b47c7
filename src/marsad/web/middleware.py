"""Text holding the NUL character is refused before any view runs: PostgreSQL cannot store it,
and no user writes it. The refusal names the field, like every other bad input."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse

from marsad.core.errors import InvalidInput

NUL = "\x00"


def _in_json(value: Any, path: str) -> str | None:
    """The path of the first key or string holding NUL in a parsed JSON value."""
    if isinstance(value, str):
        return path if NUL in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            if NUL in str(key):
                return where
            found = _in_json(item, where)
            if found:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = _in_json(item, f"{path}.{index}" if path else str(index))
            if found:
                return found
    return None


def nul_field(request: HttpRequest) -> str | None:
    """The first parameter, form field or JSON field of the request that holds NUL."""
    sources = [request.GET, request.POST] if request.method == "POST" else [request.GET]
    for params in sources:
        for key, values in params.lists():
            if NUL in key or any(NUL in value for value in values):
                return key
    if request.content_type == "application/json" and request.body:
        try:
            return _in_json(json.loads(request.body), "")
        except ValueError:
            return None  # not JSON: the API refuses the body itself
    return None


class RejectNul:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        field = nul_field(request)
        if field is None:
            return self.get_response(request)
        refused = InvalidInput.one(field, "\\x00", "must not contain the NUL character")
        if request.path.startswith("/api/"):
            return JsonResponse(refused.as_dict(), status=422)
        return HttpResponseBadRequest(str(refused))
