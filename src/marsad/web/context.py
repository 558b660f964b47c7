"""Template context shared by every page: navigation, the other language, digit style."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

from marsad.web.navigation import available_areas

DIGITS_COOKIE = "marsad_digits"


def navigation(request: HttpRequest) -> dict[str, Any]:
    language = get_language() or "ar"
    other = "en" if language.startswith("ar") else "ar"
    return {
        "nav_areas": available_areas(writer=bool(getattr(request.user, "can_write", False))),
        "other_language": other,
        "other_language_url": translate_url(request.get_full_path(), other),
        "digits": request.COOKIES.get(
            DIGITS_COOKIE, "arab" if language.startswith("ar") else "latn"
        ),
    }
