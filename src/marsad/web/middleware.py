"""Input no field of Marsad can hold is refused before any view runs, naming the field like
every other bad input:

- text with the NUL character (PostgreSQL cannot store it, and no user writes it);
- a lone surrogate (`"\\ud800"` escaped in JSON): half of a UTF-16 pair, no character at all,
  which no database encoding can store;
- JSON nested deeper than MAX_DEPTH, measured before it is parsed (Python's parser recurses,
  and a few thousand brackets exhaust its stack);
- a body larger than Django's DATA_UPLOAD_MAX_MEMORY_SIZE.

Numbers beyond a database column's range are refused by the API, which knows which fields are
numbers (marsad.api), and by `extraction.numerals.parse_int` for numbers typed as text."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse

from marsad.core.errors import InvalidInput
from marsad.extraction.contract import Problem

MAX_DEPTH = 64
NUL = "\x00"
_SURROGATE = re.compile("[\ud800-\udfff]")
# What changes the depth, once strings (with their escapes) are stepped over.
_TOKEN = re.compile(rb'\\.|["\[\]{}]', re.DOTALL)


def deeper_than(body: bytes, limit: int) -> bool:
    """True when the JSON text nests arrays and objects more than `limit` levels deep."""
    depth, in_string = 0, False
    for token in _TOKEN.finditer(body):
        char = token.group()
        if char == b'"':
            in_string = not in_string
        elif in_string or char[:1] == b"\\":
            continue
        elif char in (b"[", b"{"):
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def _bad_text(text: str, field: str) -> Problem | None:
    if NUL in text:
        return Problem(field, "\\x00", "must not contain the NUL character")
    lone = _SURROGATE.search(text)
    if lone:
        shown = f"\\u{ord(lone.group()):04x}"
        return Problem(field, shown, "holds a lone surrogate, which is no character")
    return None


def _in_json(value: Any, field: str) -> Problem | None:
    """The first key or string of a parsed JSON value that no database can store."""
    if isinstance(value, str):
        return _bad_text(value, field or "body")
    items: list[tuple[str, Any]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{field}.{key}" if field else str(key)
            found = _bad_text(str(key), where)
            if found:
                return found
            items.append((where, item))
    elif isinstance(value, list):
        items = [(f"{field or 'body'}[{index}]", item) for index, item in enumerate(value)]
    for where, item in items:
        found = _in_json(item, where)
        if found:
            return found
    return None


def unstorable(request: HttpRequest) -> Problem | None:
    """The first parameter, form field or JSON field of the request that no field can hold."""
    sources = [request.GET, request.POST] if request.method == "POST" else [request.GET]
    for params in sources:
        for key, values in params.lists():
            for text in (key, *values):
                found = _bad_text(text, key)
                if found:
                    return found
    if request.content_type == "application/json" and request.body:
        if deeper_than(request.body, MAX_DEPTH):
            return Problem("body", None, f"nests arrays or objects deeper than {MAX_DEPTH} levels")
        try:
            return _in_json(json.loads(request.body), "")
        except ValueError:
            return None  # not JSON: the API refuses the body itself
    return None


def refusal(request: HttpRequest, problem: Problem, *, api: int, page: int) -> HttpResponse:
    """The API's one error shape, or plain text on pages (never HTML: it repeats the input)."""
    refused = InvalidInput(problem)
    if request.path.startswith("/api/"):
        return JsonResponse(
            refused.as_dict(), status=api, content_type="application/json; charset=utf-8"
        )
    return HttpResponse(str(refused), status=page, content_type="text/plain; charset=utf-8")


class RefuseUnstorable:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            problem = unstorable(request)
        except RequestDataTooBig:
            limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
            too_big = Problem("body", None, f"is larger than the {limit:,} bytes Marsad accepts")
            return refusal(request, too_big, api=413, page=413)
        if problem is None:
            return self.get_response(request)
        return refusal(request, problem, api=422, page=400)
