"""A file answered to a page's link tells that page it has come.

A link marked `data-download` (an export, a report as PDF) takes seconds to answer, and the
browser shows nothing meanwhile: the page does not change, since the answer is an attachment.
`downloads.js` adds a one-time token to the link's address (`download_token`), shows that the
file is being prepared, and looks for the cookie named after its token; this middleware sets that
cookie on every file answered to a request carrying a well-formed token. It is the one place
that does so, whatever view wrote the file (the lists' exports, the daily report, the
exercise's review).

The cookie is readable by the page's script (not HttpOnly: the script must read it), holds
nothing but the page's own random token, and dies after a minute. A refused download answers a
page (in the reader's language), which the browser shows in place of the one that asked: the
indicator goes with that page, and nothing is set.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

PARAMETER = "download_token"
# One cookie per token, so that two files arriving together each end their own indicator.
COOKIE = "marsad_download_"
SECONDS = 60
# What downloads.js writes (hex of random bytes), with room to spare; anything else is ignored.
TOKEN = re.compile(r"[A-Za-z0-9_-]{8,64}")


def token(request: HttpRequest) -> str:
    """The request's download token, or "" when it has none or a malformed one."""
    given = request.GET.get(PARAMETER, "")
    return given if TOKEN.fullmatch(given) else ""


def is_file(response: HttpResponse) -> bool:
    disposition = response.get("Content-Disposition", "")
    return response.status_code == 200 and disposition.lower().startswith("attachment")


class DownloadArrived:
    """Sets `marsad_download_<token>=1` on a file answered to a request with a valid token."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_file(response) and (found := token(request)):
            response.set_cookie(
                COOKIE + found,
                "1",
                max_age=SECONDS,
                path="/",
                samesite="Lax",
                secure=request.is_secure(),
                httponly=False,
            )
            # The answer carries one page's token: no shared cache may hand it to another.
            patch_cache_control(response, private=True)
        return response
