"""The plan's points (the tracker) with their export columns, declared for the exports and saved
searches (see `core/listing.py`). HXL has no hashtags for a peace plan's provisions: no HXL."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext_lazy as _

from marsad.core.listing import MARKING, Column, ListSpec, register
from marsad.plan import selectors


def _words(values: Iterable[Any]) -> str:
    return " ".join(str(v) for v in sorted(values))


POINTS = register(
    ListSpec(
        key="plan-points",
        url_name="plan:tracker",
        title=_("The plan's points"),
        parse=selectors.PointFilters.parse,
        rows=selectors.points,
        columns=(
            Column("number"),
            Column("summary_ar"),
            Column("summary_en"),
            Column("category"),
            Column("score"),
            # A point never reaches further than the actors and points it names (the gate).
            Column("responsible", read=lambda p: _words(a.key for a in p.responsible.all())),
            Column("depends_on", read=lambda p: _words(d.number for d in p.depends_on.all())),
            MARKING,
        ),
    )
)
