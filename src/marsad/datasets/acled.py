"""Reader of ACLED's 31-column event export, one `AcledEvent` or `Rejection`s per row.

Offshore events ("Coast of Gaza City") are ordinary events: they keep their coordinates even
though they fall in no governorate. `event_id_cnty` is ACLED's own id and the idempotency key.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

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


@dataclass(frozen=True, slots=True)
class AcledEvent:
    """One ACLED event, typed; `line` is where its row starts in the file."""

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
    with open_text(source) as stream:
        for item in csv_rows(stream, required=REQUIRED_COLUMNS):
            if isinstance(item, Rejection):
                yield item
                continue
            line, row = item
            check = RowCheck(line)
            event = _event(check, row)
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


def _event(check: RowCheck, row: dict[str, str]) -> AcledEvent | None:
    def cell(name: str) -> str:
        return row.get(name, "")

    event_date = check.day("event_date", cell("event_date"))
    year = check.optional_integer("year", cell("year"))
    if year is not None and event_date != date.min and year != event_date.year:
        check.reject("year", cell("year"), f"does not match event_date {event_date.isoformat()}")
    event_type = check.choice("event_type", cell("event_type"), EVENT_TYPES)
    sub_event_type = cell("sub_event_type").strip()
    if event_type in EVENT_TYPES and not is_known_sub_event(event_type, sub_event_type):
        check.reject("sub_event_type", cell("sub_event_type"), f"is not a type of {event_type}")
    actor1 = check.text("actor1", cell("actor1"), required=True)
    actor2 = check.text("actor2", cell("actor2"))
    event = AcledEvent(
        event_id_cnty=check.text("event_id_cnty", cell("event_id_cnty"), required=True),
        event_date=event_date,
        time_precision=check.integer(
            "time_precision", cell("time_precision"), minimum=1, maximum=3
        ),
        disorder_type=cell("disorder_type").strip(),
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1=actor1,
        assoc_actor_1=cell("assoc_actor_1").strip(),
        inter1=_inter(check, "inter1", cell("inter1"), actor1),
        actor2=actor2,
        assoc_actor_2=cell("assoc_actor_2").strip(),
        inter2=_inter(check, "inter2", cell("inter2"), actor2),
        interaction=cell("interaction").strip(),
        civilian_targeting=bool(cell("civilian_targeting").strip()),
        iso=check.optional_integer("iso", cell("iso")),
        region=cell("region").strip(),
        country=cell("country").strip(),
        admin1=cell("admin1").strip(),
        admin2=cell("admin2").strip(),
        admin3=cell("admin3").strip(),
        location=cell("location").strip(),
        latitude=check.number("latitude", cell("latitude"), minimum=-90, maximum=90),
        longitude=check.number("longitude", cell("longitude"), minimum=-180, maximum=180),
        geo_precision=check.integer("geo_precision", cell("geo_precision"), minimum=1, maximum=3),
        source=cell("source").strip(),
        source_scale=cell("source_scale").strip(),
        notes=cell("notes").strip(),
        fatalities=check.integer("fatalities", cell("fatalities"), minimum=0),
        tags=cell("tags").strip(),
        timestamp=check.optional_integer("timestamp", cell("timestamp")),
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
