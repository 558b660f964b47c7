"""The section statements add to an actor's page."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from marsad.core.models import Actor
from marsad.statements.selectors import by_actor


def actor_statements(request: HttpRequest, actor: Actor) -> str:
    found = list(by_actor(request.user, actor)[:30])
    if not found:
        return ""
    return render_to_string(
        "statements/_panel.html", {"statements": found, "actor": actor}, request=request
    )
