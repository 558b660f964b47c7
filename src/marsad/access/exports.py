"""Consignments as CSV (optionally with HXL hashtags), streamed: ISO dates, Latin digits, the
same filtered query as the list page and the API."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import QuerySet

from marsad import spreadsheet
from marsad.access.models import Consignment

CONSIGNMENT_COLUMNS = [
    ("key", "#meta+id"),
    ("day", "#date"),
    ("crossing", "#loc+crossing+code"),
    ("corridor", "#loc+corridor+code"),
    ("category", "#item+type"),
    ("category_raw", "#item+type+as_listed"),
    ("description", "#item+name"),
    ("donor", "#org+donor"),
    ("donation_type", "#org+donor+type"),
    ("trucks", "#indicator+trucks"),
    ("quantity", "#value"),
    ("unit", "#value+unit"),
    ("unit_raw", "#value+unit+as_listed"),
    ("tons", "#indicator+tons"),
    ("status", "#status"),
    ("destination", "#org+recipient"),
    ("source", "#meta+source"),
    ("reported_by", "#meta+reported_by"),
    ("imported_from", "#meta+list"),
    ("line", "#meta+line"),
    ("marking", "#meta+releasability"),
]


def _value(record: Consignment, name: str) -> Any:
    if name == "crossing":
        return record.crossing.key
    if name == "corridor":
        return record.corridor.key if record.corridor_id else ""
    if name == "source":
        # A record never reaches further than its source (the import and the models check
        # it), so whoever may export the record may read its source's key.
        return record.source.key if record.source_id else ""
    value = getattr(record, name)
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else value


def csv_lines(records: Iterable[Consignment], *, hxl: bool = False) -> Iterator[str]:
    """CSV text line by line, with the HXL hashtag row under the header if asked."""
    header = [[name for name, _tag in CONSIGNMENT_COLUMNS]]
    if hxl:
        header.append([tag for _name, tag in CONSIGNMENT_COLUMNS])
    values = ([_value(record, name) for name, _tag in CONSIGNMENT_COLUMNS] for record in records)
    return spreadsheet.lines(itertools.chain(header, values))


def rows(qs: QuerySet[Consignment]) -> Iterator[Consignment]:
    return qs.select_related("source").order_by("day", "id").iterator(chunk_size=2000)
