"""A casualty claim that is a part of a toll ("among them three children"): stored on the
toll's figure, in the column of its population, never as a toll of its own."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from marsad.ceasefire import selectors as ceasefire
from marsad.ceasefire.models import CasualtyFigure
from marsad.core.models import Claim
from marsad.core.services import gate


def _marked_like(claim: Claim) -> dict[str, Any]:
    return {"marking": claim.marking, "releasable_to": claim.releasable_to}


# A part of a toll ("among them three children") goes to the figure's column of its population.
PART_COLUMNS = {"children": "children", "civilians": "civilians"}


def known(figure: Any) -> bool:
    return any(figure.get(bound) is not None for bound in ("low", "best", "high"))


def part_of_toll(*, by: Any, claim: Claim, incident: Any, day: Any, start: Any) -> str | None:
    """Store a part of a toll on the toll's figure from the same document (same incident or
    period, marked like the claim); None when no such figure is recorded yet."""
    column = PART_COLUMNS.get(claim.attributes.get("population", ""))
    number = (claim.figures.get("killed") or {}).get("best")
    if column is None or number is None:
        return None
    figures = ceasefire.figures(by).filter(claims__document=claim.document, **_marked_like(claim))
    figures = (
        figures.filter(incident=incident)
        if incident
        else figures.filter(incident__isnull=True, period_start=start, period_end=day)
    )
    toll = figures.exclude(claims=claim).order_by("-id").first()
    if toll is None:
        return None
    setattr(toll, column, number)
    gate.store(toll, by=by, claims=[claim])
    return _("Recorded as a part of the toll of %(source)s (%(number)s %(who)s).") % {
        "source": toll.source.name,
        "number": number,
        "who": CasualtyFigure._meta.get_field(column).verbose_name,
    }
