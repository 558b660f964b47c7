"""Template context shared by every page: navigation, the other language, digit style."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

from marsad.web.navigation import menu

DIGITS_COOKIE = "marsad_digits"
DIGIT_STYLES = ("arab", "latn")


def navigation(request: HttpRequest) -> dict[str, Any]:
    language = get_language() or "ar"
    other = "en" if language.startswith("ar") else "ar"
    # A style that is not offered (an old or forged cookie) is ignored.
    default = "arab" if language.startswith("ar") else "latn"
    digits = request.COOKIES.get(DIGITS_COOKIE, default)
    return {
        "nav_menu": menu(writer=bool(getattr(request.user, "can_write", False))),
        "other_language": other,
        "other_language_url": translate_url(request.get_full_path(), other),
        "digits": digits if digits in DIGIT_STYLES else default,
    }
