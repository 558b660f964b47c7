"""The Board of Peace, its charter and the legal basis of the force."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from marsad.coalition.selectors import memberships
from marsad.core import selectors as core
from marsad.governance import selectors

BOARD = "BOP"
CHARTER = "BOP-CHARTER"


def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    board = core.actors(user).filter(key=BOARD).first()
    charter = core.actors(user).filter(key=CHARTER).first()
    return render(
        request,
        "governance/index.html",
        {
            "board": board,
            "charter": charter,
            "actions": selectors.actions_by_kind(user, CHARTER),
            "members": memberships(user).filter(body__key=BOARD),
            "instruments": selectors.instruments(user),
        },
    )
