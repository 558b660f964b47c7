"""Writes of casualty figures: killed and injured as one source gives them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from marsad.ceasefire.models import CasualtyFigure, Incident
from marsad.core.errors import InvalidInput
from marsad.core.services import gate, lookups
from marsad.core.services.base import require_writer
from marsad.core.services.inputs import parse_date, parse_quantity


@transaction.atomic
def record_figure(
    *,
    by: Any,
    source: Any,
    reported_on: Any,
    incident: Incident | None = None,
    period_start: Any = None,
    period_end: Any = None,
    area: str = "",
    killed: Any = None,
    killed_low: Any = None,
    killed_high: Any = None,
    injured: Any = None,
    injured_low: Any = None,
    injured_high: Any = None,
    civilians: Any = None,
    children: Any = None,
    women: Any = None,
    wording: str = "",
    claims: Iterable[Any] = (),
    marking: str = "",
    releasable_to: Iterable[str] = (),
    sanitized: str | None = None,
) -> CasualtyFigure:
    """Record killed and injured as one source gives them; other sources' figures stay."""
    require_writer(by)
    reported = parse_date(reported_on, "reported_on")
    if reported is None:
        raise InvalidInput.one("reported_on", reported_on, "the date of the report is required")
    figure = CasualtyFigure(
        incident=incident,
        period_start=parse_date(period_start, "period_start"),
        period_end=parse_date(period_end, "period_end"),
        area=area.strip().upper(),
        source=lookups.source(by, source),
        reported_on=reported,
        killed_low=parse_quantity(killed_low, "killed_low"),
        killed_best=parse_quantity(killed, "killed"),
        killed_high=parse_quantity(killed_high, "killed_high"),
        injured_low=parse_quantity(injured_low, "injured_low"),
        injured_best=parse_quantity(injured, "injured"),
        injured_high=parse_quantity(injured_high, "injured_high"),
        civilians=parse_quantity(civilians, "civilians"),
        children=parse_quantity(children, "children"),
        women=parse_quantity(women, "women"),
        wording=wording.strip(),
    )
    given = [
        getattr(figure, f"{measure}_{bound}")
        for measure in ("killed", "injured")
        for bound in ("low", "best", "high")
    ]
    parts = (figure.civilians, figure.children, figure.women)
    # A corrected range ("0 to 3") stands without a best estimate; a part of a toll ("among
    # them three children") stands on its own until the toll is recorded.
    if all(v is None for v in (*given, *parts)):
        raise InvalidInput.one("killed", None, "give at least killed or injured")
    gate.store(
        figure,
        by=by,
        marking=marking,
        releasable_to=releasable_to,
        sanitized=sanitized,
        claims=claims,
    )
    return figure
