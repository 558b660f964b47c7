"""Reader of ACLED's 31-column event export, one `AcledEvent` or `Rejection`s per row.

Offshore events ("Coast of Gaza City") are ordinary events: they keep their coordinates even
though they fall in no governorate. `event_id_cnty` is ACLED's own id and the idempotency key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any, NamedTuple

from marsad.datasets.acled_codebook import EVENT_TYPES, inter_name, is_known_sub_event
from marsad.datasets.rows import Loaded, Rejection, RowCheck, Source, csv_rows, load, open_text

#: Columns without which a row cannot be an event; the others are read when present.
REQUIRED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "inter1",
    "actor2",
    "inter2",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
)


class AcledEvent(NamedTuple):
    """One ACLED event, typed; `line` is where its row starts in the file. A named tuple: an
    export has hundreds of thousands of rows, and a frozen dataclass sets each field by a call
    of its own."""

    event_id_cnty: str
    event_date: date
    time_precision: int
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: str
    inter1: str
    actor2: str
    assoc_actor_2: str
    inter2: str
    interaction: str
    civilian_targeting: bool
    iso: int | None
    region: str
    country: str
    admin1: str
    admin2: str
    admin3: str
    location: str
    latitude: float
    longitude: float
    geo_precision: int
    source: str
    source_scale: str
    notes: str
    fatalities: int
    tags: str
    timestamp: int | None
    line: int

    @property
    def key(self) -> str:
        """The idempotency key: ACLED's own event id."""
        return self.event_id_cnty

    @property
    def offshore(self) -> bool:
        """Whether ACLED placed the event at sea ("Coast of ...")."""
        return self.location.startswith("Coast of")


def iter_acled(source: Source) -> Iterator[AcledEvent | Rejection]:
    """Events and rejections of an ACLED CSV export, in file order."""
    first_line: dict[str, int] = {}
    columns = _Columns()
    with open_text(source) as stream:
        for item in csv_rows(stream, required=REQUIRED_COLUMNS):
            if isinstance(item, Rejection):
                yield item
                continue
            line, row = item
            check = RowCheck(line)
            event = _event(check, row, columns)
            if event is not None and event.key in first_line:
                # ACLED never repeats an id in one export: a repeat is a damaged file, and the
                # importer would silently keep only one of the two.
                check.reject(
                    "event_id_cnty",
                    event.key,
                    f"repeats the event of line {first_line[event.key]}; the first is kept",
                )
            if check.rejections:
                yield from check.rejections
            elif event is not None:
                first_line[event.key] = line
                yield event


def read_acled(source: Source) -> Loaded[AcledEvent]:
    """The whole export in memory, with its rejections and counts."""
    return load(iter_acled(source))


_UNSEEN = object()
# Distinct texts kept per column: enough for the dates, precisions and places of any export.
_KEPT = 20_000


class _Known:
    """The values of one column already read without a refusal, by their text: an export
    repeats its dates, precisions, counts and places thousands of times, and each is parsed
    once. A text that was refused is read again each time, so every row gets its rejection."""

    __slots__ = ("known", "read")

    def __init__(self, read: Callable[[RowCheck, str], Any]) -> None:
        self.read = read
        self.known: dict[str, Any] = {}

    def __call__(self, check: RowCheck, raw: str) -> Any:
        value = self.known.get(raw, _UNSEEN)
        if value is _UNSEEN:
            refused = len(check.rejections)
            value = self.read(check, raw)
            if len(check.rejections) == refused and len(self.known) < _KEPT:
                self.known[raw] = value
        return value


class _Columns:
    """The readers of the columns whose values repeat, for one file."""

    def __init__(self) -> None:
        self.event_date = _Known(lambda check, raw: check.day("event_date", raw))
        self.year = _Known(lambda check, raw: check.optional_integer("year", raw))
        self.time_precision = _Known(
            lambda check, raw: check.integer("time_precision", raw, minimum=1, maximum=3)
        )
        self.iso = _Known(lambda check, raw: check.optional_integer("iso", raw))
        self.latitude = _Known(
            lambda check, raw: check.number("latitude", raw, minimum=-90, maximum=90)
        )
        self.longitude = _Known(
            lambda check, raw: check.number("longitude", raw, minimum=-180, maximum=180)
        )
        self.geo_precision = _Known(
            lambda check, raw: check.integer("geo_precision", raw, minimum=1, maximum=3)
        )
        self.fatalities = _Known(lambda check, raw: check.integer("fatalities", raw, minimum=0))
        self.timestamp = _Known(lambda check, raw: check.optional_integer("timestamp", raw))


def _event(check: RowCheck, row: dict[str, str], columns: _Columns) -> AcledEvent | None:
    # The checks run in the order of the columns' rejections in a report.
    cell = row.get
    event_date = columns.event_date(check, cell("event_date", ""))
    year = columns.year(check, cell("year", ""))
    if year is not None and event_date != date.min and year != event_date.year:
        check.reject(
            "year", cell("year", ""), f"does not match event_date {event_date.isoformat()}"
        )
    event_type = check.choice("event_type", cell("event_type", ""), EVENT_TYPES)
    sub_event_type = cell("sub_event_type", "").strip()
    if event_type in EVENT_TYPES and not is_known_sub_event(event_type, sub_event_type):
        check.reject("sub_event_type", cell("sub_event_type", ""), f"is not a type of {event_type}")
    actor1 = check.text("actor1", cell("actor1", ""), required=True)
    actor2 = check.text("actor2", cell("actor2", ""))
    event = AcledEvent(
        event_id_cnty=check.text("event_id_cnty", cell("event_id_cnty", ""), required=True),
        event_date=event_date,
        time_precision=columns.time_precision(check, cell("time_precision", "")),
        disorder_type=cell("disorder_type", "").strip(),
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1=actor1,
        assoc_actor_1=cell("assoc_actor_1", "").strip(),
        inter1=_inter(check, "inter1", cell("inter1", ""), actor1),
        actor2=actor2,
        assoc_actor_2=cell("assoc_actor_2", "").strip(),
        inter2=_inter(check, "inter2", cell("inter2", ""), actor2),
        interaction=cell("interaction", "").strip(),
        civilian_targeting=bool(cell("civilian_targeting", "").strip()),
        iso=columns.iso(check, cell("iso", "")),
        region=cell("region", "").strip(),
        country=cell("country", "").strip(),
        admin1=cell("admin1", "").strip(),
        admin2=cell("admin2", "").strip(),
        admin3=cell("admin3", "").strip(),
        location=cell("location", "").strip(),
        latitude=columns.latitude(check, cell("latitude", "")),
        longitude=columns.longitude(check, cell("longitude", "")),
        geo_precision=columns.geo_precision(check, cell("geo_precision", "")),
        source=cell("source", "").strip(),
        source_scale=cell("source_scale", "").strip(),
        notes=cell("notes", "").strip(),
        fatalities=columns.fatalities(check, cell("fatalities", "")),
        tags=cell("tags", "").strip(),
        timestamp=columns.timestamp(check, cell("timestamp", "")),
        line=check.line,
    )
    return None if check.rejections else event


def _inter(check: RowCheck, name: str, raw: str, actor: str) -> str:
    """The actor type of an actor column: required with an actor, empty without one."""
    value = inter_name(raw)
    if value is None:
        check.reject(name, raw, "is not an ACLED actor type")
        return ""
    if actor and not value:
        check.reject(name, raw, "is required when the actor is named")
    return value
