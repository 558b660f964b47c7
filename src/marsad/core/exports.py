"""Any list's rows as CSV, HXL-tagged CSV, JSON or GeoJSON, streamed: the same rows the page
shows its reader, with the same filters, ISO dates and Latin digits in every format.

CSV goes through `marsad.spreadsheet` (cells a spreadsheet would run as formulas are
neutralised). JSON is one array of objects with the CSV's fields; GeoJSON a FeatureCollection of
the rows that have a place, with a `metadata` member saying how many rows were left out for
having none, so that a map never passes for the whole list.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, StreamingHttpResponse
from django.utils.translation import gettext as _

from marsad import spreadsheet
from marsad.core import listing
from marsad.core.errors import InvalidInput
from marsad.core.listing import ListSpec

CONTENT_TYPES = {
    "csv": "text/csv",
    "hxl.csv": "text/csv",
    "json": "application/json",
    "geojson": "application/geo+json",
}


def _record(spec: ListSpec, row: Any) -> dict[str, Any]:
    return {column.name: column.value(row) for column in spec.columns}


def csv_lines(spec: ListSpec, rows: Iterable[Any], *, hxl: bool) -> Iterator[str]:
    """The header, the HXL hashtag row if asked, then one line per row."""
    header = [[column.name for column in spec.columns]]
    if hxl:
        header.append([column.tag for column in spec.columns])
    values = (
        ["" if v is None else v for v in (column.value(row) for column in spec.columns)]
        for row in rows
    )
    return spreadsheet.lines(itertools.chain(header, values))


def json_chunks(spec: ListSpec, rows: Iterable[Any]) -> Iterator[str]:
    """A JSON array of one object per row, streamed."""
    yield "["
    for index, row in enumerate(rows):
        yield ("," if index else "") + "\n" + json.dumps(_record(spec, row), ensure_ascii=False)
    yield "\n]\n"


def geojson_chunks(spec: ListSpec, rows: Iterable[Any]) -> Iterator[str]:
    """A FeatureCollection of the rows with a place (a point), streamed; `metadata` (a foreign
    member, which GeoJSON allows) counts the rows left out for having no place."""
    assert spec.point is not None
    yield '{"type":"FeatureCollection","features":['
    exported = left_out = 0
    for row in rows:
        point = spec.point(row)
        if point is None:
            left_out += 1
            continue
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(point[0]), float(point[1])]},
            "properties": _record(spec, row),
        }
        yield ("," if exported else "") + json.dumps(feature, ensure_ascii=False)
        exported += 1
    metadata = {"exported": exported, "left_out_without_place": left_out, "dates": "ISO 8601"}
    yield '],"metadata":' + json.dumps(metadata) + "}"


def chunks(spec: ListSpec, fmt: str, rows: Iterable[Any]) -> Iterator[str]:
    if fmt == "json":
        return json_chunks(spec, rows)
    if fmt == "geojson":
        return geojson_chunks(spec, rows)
    return csv_lines(spec, rows, hxl=fmt == "hxl.csv")


def _exercise_spec(spec: ListSpec, exercise: str) -> ListSpec:
    """`spec` with "EXERCISE NAME" before each row's marking (settings.EXERCISE)."""

    def marked(column: listing.Column) -> listing.Column:
        if column.name != "marking":
            return column
        return dataclasses.replace(
            column, read=lambda row: f"EXERCISE {exercise}: {column.value(row)}"
        )

    return dataclasses.replace(spec, columns=tuple(marked(c) for c in spec.columns))


def response(request: HttpRequest, key: str, fmt: str) -> StreamingHttpResponse:
    """The page `/exports/<list>.<format>`: the export of the list `key` in `fmt` for the
    request's reader and filters; 404 for an unknown list or format, or a refused filter (the
    message names the field)."""
    spec = listing.by_key(key)
    if spec is None or fmt not in spec.formats:
        raise Http404(_("No such export."))
    try:
        rows = listing.rows(spec, request.user, request.GET)
    except InvalidInput as error:
        raise Http404(str(error)) from None
    exercise = str(getattr(settings, "EXERCISE", "") or "")
    if exercise:
        # An exercise's export says so in its name and in every row's marking.
        spec, key = _exercise_spec(spec, exercise), f"EXERCISE-{exercise}-{key}"
    answer = StreamingHttpResponse(
        chunks(spec, fmt, rows), content_type=f"{CONTENT_TYPES[fmt]}; charset=utf-8"
    )
    answer["Content-Disposition"] = f'attachment; filename="marsad-{key}.{fmt}"'
    return answer
