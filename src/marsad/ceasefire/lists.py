"""The ceasefire's lists (incidents, casualty figures) with their export columns and HXL
hashtags, declared for the exports and saved searches (see `core/listing.py`)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from marsad.ceasefire import selectors
from marsad.ceasefire.tolls import with_tolls
from marsad.core.listing import MARKING, Column, ListSpec, register


def _source(record: Any) -> str:
    # A record never reaches further than its source (the import and the models check it), so
    # whoever may export the record may read its source's key.
    return record.source.key if record.source_id else ""


INCIDENT_COLUMNS = (
    Column("event_id", "#event+id"),
    Column("event_date", "#date"),
    Column("time_precision", "#date+precision"),
    Column("event_type", "#event+type"),
    Column("sub_event_type", "#event+type+sub"),
    Column("actor1", "#actor+name"),
    Column("inter1", "#actor+type"),
    Column("actor2", "#actor+name+target"),
    Column("inter2", "#actor+type+target"),
    Column("admin1", "#adm1+name"),
    Column("admin2", "#adm2+name"),
    Column("pcode", "#adm2+code"),
    Column("location", "#loc+name"),
    Column("latitude", "#geo+lat"),
    Column("longitude", "#geo+lon"),
    Column("geo_precision", "#geo+precision"),
    # The toll every page shows (tolls.py); the count coded on the incident stays beside it.
    Column("toll", "#affected+killed"),
    Column("fatalities", "#affected+killed+coded"),
    Column("verification", "#status+verification"),
    Column("source", "#meta+source", _source),
    Column("source_row", "#meta+line"),
    Column("reported_by", "#meta+reported_by"),
    MARKING,
)

FIGURE_COLUMNS = (
    Column("id", "#meta+id"),
    Column("incident", "#event+id", lambda f: f.incident.event_id if f.incident_id else ""),
    Column("period_start", "#date+start"),
    Column("period_end", "#date+end"),
    Column("area", "#adm2+code"),
    Column("source", "#meta+source", _source),
    Column("reported_on", "#date+reported"),
    Column("killed_low", "#affected+killed+low"),
    Column("killed_best", "#affected+killed"),
    Column("killed_high", "#affected+killed+high"),
    Column("injured_low", "#affected+injured+low"),
    Column("injured_best", "#affected+injured"),
    Column("injured_high", "#affected+injured+high"),
    Column("civilians", "#affected+killed+civilians"),
    Column("children", "#affected+killed+children"),
    Column("women", "#affected+killed+women"),
    Column("wording", "#description"),
    MARKING,
)


def _incident_point(incident: Any) -> tuple[float, float] | None:
    if incident is None or incident.latitude is None or incident.longitude is None:
        return None
    return incident.longitude, incident.latitude


def incident_rows(reader: Any, filters: selectors.IncidentFilters) -> Any:
    """Incidents oldest first (a dataset's order), the same set as the page."""
    found = selectors.incidents(reader, filters).select_related("source")
    return with_tolls(reader, found.order_by("event_date", "id"))


def figure_rows(reader: Any, filters: selectors.FigureFilters) -> Any:
    return selectors.figures(reader, filters).order_by("reported_on", "id")


INCIDENTS = register(
    ListSpec(
        key="incidents",
        url_name="ceasefire:incidents",
        title=_("Incidents"),
        parse=selectors.IncidentFilters.parse,
        rows=incident_rows,
        columns=INCIDENT_COLUMNS,
        point=_incident_point,
    )
)

FIGURES = register(
    ListSpec(
        key="figures",
        url_name="ceasefire:figures",
        title=_("Casualty figures"),
        parse=selectors.FigureFilters.parse,
        rows=figure_rows,
        columns=FIGURE_COLUMNS,
        # A figure's place is its incident's point; figures of a period or an area have none.
        point=lambda figure: _incident_point(figure.incident if figure.incident_id else None),
    )
)
