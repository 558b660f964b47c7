"""The two questions a dated read answers, with one naming in pages, API and commands:

- `as_of` (a day): the state of the world on that day, by what Marsad knows today. Status
  steps in force that day, pledges announced by then, reports published by then.
- `known_on` (a day, or a moment): what Marsad held on that day, read from the history tables
  (django-simple-history); a day means its end in the site's time zone.

A past version is read only when the reader may read the record both as it was marked then and
as it is marked now (`core.history.known_on`): a record later restricted is not shown in its old
form, and one released later is not shown as it stood while it was restricted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from marsad.core.errors import InvalidInput
from marsad.core.services.inputs import parse_date


def end_of(day: date) -> datetime:
    """The last moment of `day` in the site's time zone (what was held "on" that day)."""
    midnight = datetime.combine(day + timedelta(days=1), time.min)
    return timezone.make_aware(midnight) - timedelta(microseconds=1)


def moment(value: Any, field: str = "known_on") -> datetime | None:
    """A `known_on` value: a day (its end) or an ISO date-time; None when empty."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    text = str(value).strip()
    if "T" in text or " " in text:
        try:
            found = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise InvalidInput.one(
                field, value, "is not a date (YYYY-MM-DD) or a date-time"
            ) from None
        return found if timezone.is_aware(found) else timezone.make_aware(found)
    day = parse_date(text, field)
    return end_of(day) if day else None


@dataclass(frozen=True)
class Moments:
    """The day a read is `as_of`, and the moment it is `known_on` (either may be None)."""

    as_of: date | None = None
    known_on: datetime | None = None

    @classmethod
    def parse(cls, params: Mapping[str, Any]) -> Moments:
        """From query parameters; a bad value raises InvalidInput naming its field."""
        return cls(
            as_of=parse_date(params.get("as_of"), "as_of"),
            known_on=moment(params.get("known_on")),
        )

    @property
    def known_day(self) -> date | None:
        return timezone.localdate(self.known_on) if self.known_on else None
