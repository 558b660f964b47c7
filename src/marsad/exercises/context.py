"""The exercise banner's words for every page (none in the live system)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from marsad.exercises import mode


def exercise(request: HttpRequest) -> dict[str, Any]:
    return {"exercise_name": mode.current()}
