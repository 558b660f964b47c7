"""Incidents and figures as CSV, HXL-tagged CSV and GeoJSON: ISO dates, Latin digits, the same
filtered queries as the pages."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import QuerySet

from marsad import spreadsheet
from marsad.ceasefire.models import CasualtyFigure, Incident

INCIDENT_COLUMNS = [
    ("event_id", "#event+id"),
    ("event_date", "#date"),
    ("time_precision", "#date+precision"),
    ("event_type", "#event+type"),
    ("sub_event_type", "#event+type+sub"),
    ("actor1", "#actor+name"),
    ("inter1", "#actor+type"),
    ("actor2", "#actor+name+target"),
    ("inter2", "#actor+type+target"),
    ("admin1", "#adm1+name"),
    ("admin2", "#adm2+name"),
    ("pcode", "#adm2+code"),
    ("location", "#loc+name"),
    ("latitude", "#geo+lat"),
    ("longitude", "#geo+lon"),
    ("geo_precision", "#geo+precision"),
    ("fatalities", "#affected+killed"),
    ("verification", "#status+verification"),
    ("source", "#meta+source"),
    ("source_row", "#meta+line"),
    ("reported_by", "#meta+reported_by"),
    ("marking", "#meta+releasability"),
]
FIGURE_COLUMNS = [
    ("id", "#meta+id"),
    ("incident", "#event+id"),
    ("period_start", "#date+start"),
    ("period_end", "#date+end"),
    ("area", "#adm2+code"),
    ("source", "#meta+source"),
    ("reported_on", "#date+reported"),
    ("killed_low", "#affected+killed+low"),
    ("killed_best", "#affected+killed"),
    ("killed_high", "#affected+killed+high"),
    ("injured_low", "#affected+injured+low"),
    ("injured_best", "#affected+injured"),
    ("injured_high", "#affected+injured+high"),
    ("civilians", "#affected+killed+civilians"),
    ("children", "#affected+killed+children"),
    ("women", "#affected+killed+women"),
    ("wording", "#description"),
    ("marking", "#meta+releasability"),
]


def _value(record: Any, name: str) -> Any:
    if name == "incident":
        return record.incident.event_id if record.incident_id else ""
    if name == "source":
        # A record never reaches further than its source (the import and the models check
        # it), so whoever may export the record may read its source's key.
        return record.source.key if record.source_id else ""
    value = getattr(record, name)
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else value


def csv_lines(
    records: Iterable[Any], columns: list[tuple[str, str]], *, hxl: bool
) -> Iterator[str]:
    """CSV text line by line (streamed), with the HXL hashtag row under the header if asked."""
    header = [[name for name, _tag in columns]]
    if hxl:
        header.append([tag for _name, tag in columns])
    values = ([_value(record, name) for name, _tag in columns] for record in records)
    return spreadsheet.lines(itertools.chain(header, values))


def incident_rows(qs: QuerySet[Incident]) -> Iterator[Incident]:
    return qs.select_related("source").order_by("event_date", "id").iterator(chunk_size=2000)


def figure_rows(qs: QuerySet[CasualtyFigure]) -> Iterator[CasualtyFigure]:
    return qs.order_by("reported_on", "id").iterator(chunk_size=2000)


def geojson_chunks(qs: QuerySet[Incident]) -> Iterator[str]:
    """A GeoJSON FeatureCollection of the incidents with coordinates, streamed."""
    yield '{"type":"FeatureCollection","features":['
    first = True
    for incident in incident_rows(qs.filter(latitude__isnull=False)):
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [incident.longitude, incident.latitude]},
            "properties": {
                name: _value(incident, name)
                for name, _tag in INCIDENT_COLUMNS
                if name not in ("latitude", "longitude")
            },
        }
        yield ("" if first else ",") + json.dumps(feature, ensure_ascii=False)
        first = False
    yield "]}"


def figure_geojson_chunks(qs: QuerySet[CasualtyFigure]) -> Iterator[str]:
    """A GeoJSON FeatureCollection of the figures that have a place: the point of their
    incident. Figures of a period or an area, and those of incidents without coordinates, have
    no point; they are left out, and the `metadata` member says how many (GeoJSON allows such
    foreign members), so a map never passes for the whole record."""
    placed = qs.filter(incident__latitude__isnull=False, incident__longitude__isnull=False)
    metadata = {
        "exported": placed.count(),
        "left_out_without_place": qs.exclude(pk__in=placed.values("pk")).count(),
        "geometry": "the point of the figure's incident",
        "dates": "ISO 8601",
    }
    yield '{"type":"FeatureCollection","metadata":' + json.dumps(metadata) + ',"features":['
    first = True
    for figure in figure_rows(placed):
        incident = figure.incident
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [incident.longitude, incident.latitude]},
            "properties": {name: _value(figure, name) for name, _tag in FIGURE_COLUMNS},
        }
        yield ("" if first else ",") + json.dumps(feature, ensure_ascii=False)
        first = False
    yield "]}"
