"""The governorate the ceasefire tests record their incidents in, made the one way."""

from __future__ import annotations

from typing import Any

from marsad.core.models import Actor
from marsad.core.services.actors import create_actor


def khan_younis(by: Any) -> Actor:
    """Khan Younis (PS0270) as a public place actor, through the write gate."""
    return create_actor(
        by=by,
        key="PS0270",
        kind="place",
        pcode="PS0270",
        name_ar="خان يونس",
        name_en="Khan Younis",
        marking="public",
    )
