"""Reading what users type: dates and quantities in any digits, actors by identifier, choices.
Each refusal names the field and the value."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from marsad.core.errors import InvalidInput
from marsad.extraction.numerals import parse_int, to_latin_digits
from marsad.geo.governorates import governorate_geometries

# The longest list a record takes (supporting claims, actors, areas, tasks): no record needs
# more, and each item costs a lookup.
MOST_ITEMS = 200


def listed(values: Iterable[Any] | None, field: str) -> list[Any]:
    """The items of a list given for `field`, refused when there are more than MOST_ITEMS."""
    items = list(values or [])
    if len(items) > MOST_ITEMS:
        raise InvalidInput.one(field, len(items), f"has more than {MOST_ITEMS} items")
    return items


def parse_date(value: Any, field: str) -> date | None:
    """An ISO date, written with any digits; None when empty."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(to_latin_digits(str(value)).strip())
    except ValueError:
        raise InvalidInput.one(field, value, "must be a date written YYYY-MM-DD") from None


def parse_quantity(value: Any, field: str, *, required: bool = False) -> int | None:
    """A whole, non-negative number in any digit script; None when empty and not required."""
    if value in (None, ""):
        if required:
            raise InvalidInput.one(field, value, "is required")
        return None
    try:
        number = parse_int(value)
    except ValueError as exc:
        raise InvalidInput.one(field, value, str(exc)) from None
    if number < 0:
        raise InvalidInput.one(field, value, "must not be negative")
    return number


def choice(value: Any, field: str, allowed: Iterable[str]) -> str:
    allowed = list(allowed)
    if value not in allowed:
        raise InvalidInput.one(field, value, "must be one of " + ", ".join(allowed))
    return str(value)


def governorate(value: Any, field: str = "pcode") -> str:
    """A Gaza governorate's OCHA P-code (PS0255 ... PS0275), in any case."""
    code = str(value or "").strip().upper()
    known = sorted(governorate_geometries())
    if code not in known:
        raise InvalidInput.one(
            field, value, "is not the P-code of a Gaza governorate (" + ", ".join(known) + ")"
        )
    return code
