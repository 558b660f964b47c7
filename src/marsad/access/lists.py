"""The consignment list with its export columns and HXL hashtags, declared for the exports and
saved searches (see `core/listing.py`)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from marsad.access import selectors
from marsad.core.listing import MARKING, Column, ListSpec, register


def _key(record: Any) -> str:
    # A record never reaches further than what it names or its source (the import and the
    # models check it), so whoever may export the record may read their keys.
    return record.key if record is not None else ""


CONSIGNMENT_COLUMNS = (
    Column("key", "#meta+id"),
    Column("day", "#date"),
    Column("crossing", "#loc+crossing+code", lambda c: c.crossing.key),
    Column("corridor", "#loc+corridor+code", lambda c: _key(c.corridor)),
    Column("category", "#item+type"),
    Column("category_raw", "#item+type+as_listed"),
    Column("description", "#item+name"),
    Column("donor", "#org+donor"),
    Column("donation_type", "#org+donor+type"),
    Column("trucks", "#indicator+trucks"),
    Column("quantity", "#value"),
    Column("unit", "#value+unit"),
    Column("unit_raw", "#value+unit+as_listed"),
    Column("tons", "#indicator+tons"),
    Column("status", "#status"),
    Column("destination", "#org+recipient"),
    Column("source", "#meta+source", lambda c: _key(c.source)),
    Column("reported_by", "#meta+reported_by"),
    Column("imported_from", "#meta+list"),
    Column("line", "#meta+line"),
    MARKING,
)


def consignment_rows(reader: Any, filters: selectors.ConsignmentFilters) -> Any:
    """Consignments by day (a dataset's order), the same set as the page."""
    return (
        selectors.consignments(reader, filters)
        .select_related("source")
        .defer("crossing__description_ar", "crossing__description_en")
        .order_by("day", "id")
    )


def _crossing_point(consignment: Any) -> tuple[float, float] | None:
    crossing = consignment.crossing
    if crossing.latitude is None or crossing.longitude is None:
        return None
    return crossing.longitude, crossing.latitude


CONSIGNMENTS = register(
    ListSpec(
        key="consignments",
        url_name="access:consignments",
        title=_("Consignments"),
        parse=selectors.ConsignmentFilters.parse,
        rows=consignment_rows,
        columns=CONSIGNMENT_COLUMNS,
        # A consignment's place is the crossing it went through.
        point=_crossing_point,
    )
)
