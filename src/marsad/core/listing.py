"""The lists Marsad shows (documents, claims, incidents…), declared once each so that the page,
its exports and its saved searches read the same filters the same way.

Each area declares its lists in its own `lists.py` (found by `autodiscover_modules`, as Django's
admin finds `admin.py`): the list's URL name, how it reads its filters from a query string (the
area's own filter parser, which refuses a bad value naming the field), the selector that gives
its rows for a reader (through `visible_to`), its export columns with their HXL hashtags, and
where a row is on the map when it has a place. The core knows no area; the areas declare.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules

from marsad.core.releasability import Marking, decode_nations

# Parameters of a list's page that are not filters: they never go into an export or a saved
# search.
NOT_FILTERS = frozenset({"page", "format"})


def marking_text(record: Any) -> str:
    """A record's marking as an export writes it: `nations:FRA,ITA` names the nations."""
    if record.marking == Marking.NATIONS:
        return "nations:" + ",".join(decode_nations(record.releasable_to))
    return record.marking or "unmarked"


def plain_value(value: Any) -> Any:
    """A cell as exports write it: ISO dates, plain numbers, text; None stays None."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


@dataclass(frozen=True)
class Column:
    """One exported field: its name, its HXL hashtag ('' when HXL has none), and how to read it
    from a row (the attribute of the same name when not given)."""

    name: str
    tag: str = ""
    read: Callable[[Any], Any] | None = None

    def value(self, row: Any) -> Any:
        if self.read is not None:
            return plain_value(self.read(row))
        if self.name == "marking":
            return marking_text(row)
        return plain_value(getattr(row, self.name))


MARKING = Column("marking", "#meta+releasability")


@dataclass(frozen=True)
class ListSpec:
    """A list: `key` names it in export URLs, `url_name` is its page."""

    key: str
    url_name: str
    title: str | Promise
    parse: Callable[[Mapping[str, Any]], Any]
    rows: Callable[[Any, Any], Iterable[Any]]
    columns: tuple[Column, ...]
    # Where a row is on the map, (longitude, latitude), or None: lists with places only.
    point: Callable[[Any], tuple[float, float] | None] | None = None
    # Whether anonymous readers may open the page (they read the public records).
    public: bool = True

    @property
    def hxl(self) -> bool:
        """HXL only when every column has a hashtag: a list without sensible tags gets none."""
        return all(column.tag for column in self.columns)

    @property
    def formats(self) -> list[str]:
        found = ["csv", "json"]
        if self.hxl:
            found.insert(1, "hxl.csv")
        if self.point is not None:
            found.append("geojson")
        return found


_REGISTRY: dict[str, ListSpec] = {}
_discovered = False


def register(spec: ListSpec) -> ListSpec:
    if spec.key in _REGISTRY and _REGISTRY[spec.key] != spec:
        raise ValueError(f"two lists are named {spec.key!r}")
    if any(other.url_name == spec.url_name for other in _REGISTRY.values() if other != spec):
        raise ValueError(f"two lists have the page {spec.url_name!r}")
    _REGISTRY[spec.key] = spec
    return spec


def _discover() -> None:
    global _discovered
    if not _discovered:
        autodiscover_modules("lists")
        _discovered = True


def specs() -> list[ListSpec]:
    _discover()
    return list(_REGISTRY.values())


def by_key(key: str) -> ListSpec | None:
    _discover()
    return _REGISTRY.get(key)


def by_url_name(url_name: str) -> ListSpec | None:
    _discover()
    return next((s for s in _REGISTRY.values() if s.url_name == url_name), None)


def filter_params(params: Any) -> dict[str, str]:
    """The filters of a query string (a QueryDict or a mapping), without paging and empties."""
    items = params.items() if hasattr(params, "items") else params
    return {k: str(v).strip() for k, v in items if k not in NOT_FILTERS and v not in (None, "")}


def query_string(params: Any) -> str:
    """The filters as a query string, in a stable order: what a saved search keeps."""
    return urlencode(sorted(filter_params(params).items()))


def rows(spec: ListSpec, reader: Any, params: Any) -> Iterable[Any]:
    """The rows the list shows `reader` with these filters, streamed from the database.
    InvalidInput when a filter is refused."""
    found = spec.rows(reader, spec.parse(filter_params(params)))
    if isinstance(found, QuerySet):
        return found.iterator(chunk_size=2000)
    return found
