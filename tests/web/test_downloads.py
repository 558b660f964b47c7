"""A file answered to a request with a well-formed `download_token` carries the cookie that
tells the page it has come (web/downloads.py); the file itself is the same with or without the
token, and nothing else (a malformed token, a refusal, a page) sets the cookie."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from marsad.core import listing
from marsad.web.downloads import COOKIE

TOKEN = "0123456789abcdef01234567"


def _client(user: Any = None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _told(response: Any) -> list[str]:
    """The download cookies an answer sets, of any token."""
    return [name for name in response.cookies if name.startswith(COOKIE)]


def _body(response: Any) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return bytes(response.content)


def test_every_export_with_a_token_says_so_and_is_the_same_file(demo: Any, demo_users: Any):
    client = _client(demo_users["analyst"])
    for spec in listing.specs():
        for fmt in spec.formats:
            plain = client.get(f"/exports/{spec.key}.{fmt}")
            marked = client.get(f"/exports/{spec.key}.{fmt}", {"download_token": TOKEN})
            assert plain.status_code == marked.status_code == 200, (spec.key, fmt)
            assert not _told(plain)
            cookie = marked.cookies[COOKIE + TOKEN]
            assert cookie.value == "1"
            assert (cookie["path"], cookie["max-age"], cookie["samesite"]) == ("/", 60, "Lax")
            assert not cookie["httponly"]  # the page's script reads it
            assert "private" in marked["Cache-Control"]
            assert marked["Content-Disposition"] == plain["Content-Disposition"]
            assert _body(marked) == _body(plain), (spec.key, fmt)


def test_an_anonymous_export_and_an_old_address_say_so_too(demo: Any):
    client = _client()
    for path in ("/exports/incidents.csv", "/en/ceasefire/export/figures.geojson"):
        marked = client.get(path, {"download_token": TOKEN, "start": "2025-10-11"})
        assert marked.status_code == 200
        assert marked.cookies[COOKIE + TOKEN].value == "1"


@pytest.mark.parametrize(
    "token",
    [
        "",
        "short",  # under eight characters
        "x" * 65,  # over 64
        "0123456789abcdef; path=/admin",
        "0123456789abcdef\r\nSet-Cookie: a=b",
        "0123456789abcdef<script>",
        "٠١٢٣٤٥٦٧٨٩abcdef",  # digits of another script
        "0123456789abcdef=",
    ],
)
def test_a_malformed_token_sets_nothing_and_changes_nothing(demo: Any, token: str):
    client = _client()
    plain = client.get("/exports/incidents.csv")
    marked = client.get("/exports/incidents.csv", {"download_token": token})
    assert marked.status_code == 200
    assert not _told(marked)
    assert _body(marked) == _body(plain)


def test_a_refused_export_or_a_page_sets_nothing(demo: Any, demo_users: Any):
    client = _client(demo_users["analyst"])
    refused = client.get("/exports/figures.csv", {"incident": "abc", "download_token": TOKEN})
    assert refused.status_code == 404
    assert not _told(refused)
    unknown = client.get("/exports/nothing.csv", {"download_token": TOKEN})
    assert unknown.status_code == 404
    assert not _told(unknown)
    page = client.get("/ceasefire/figures/", {"download_token": TOKEN})
    assert page.status_code == 200
    assert not _told(page)


def test_the_daily_report_as_a_file_says_so(demo: Any, demo_users: Any):
    """Not only the lists' exports: any view answering a file (here the daily report)."""
    client = _client(demo_users["analyst"])
    asked = {"audience": "public", "lang": "ar", "format": "html"}
    plain = client.get("/reports/daily/", asked)
    marked = client.get("/reports/daily/", {**asked, "download_token": TOKEN})
    assert plain.status_code == marked.status_code == 200
    assert marked["Content-Disposition"].startswith("attachment")
    assert marked.cookies[COOKIE + TOKEN].value == "1"
    assert not _told(plain)
