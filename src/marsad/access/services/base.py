"""What the access services share: who may write, and numbers and names as typed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from marsad.core.errors import InvalidInput, NotAllowed
from marsad.core.roles import Role
from marsad.extraction.numerals import to_latin_digits


def require_access_writer(by: Any, marking: str | None = None) -> None:
    """Writers of the core, and humanitarian coordinators for public records."""
    if not getattr(by, "is_authenticated", False):
        raise NotAllowed("log in to record this")
    if getattr(by, "can_write", False):
        return
    if getattr(by, "role", "") == Role.HUMANITARIAN:
        if marking not in (None, "public"):
            raise NotAllowed("humanitarian coordinators record public records only")
        return
    raise NotAllowed("only administrators, analysts and humanitarian coordinators may record this")


def number(value: Any, field: str, *, limit: float | None = None) -> float | None:
    if value in (None, ""):
        return None
    try:
        number = float(to_latin_digits(str(value)).replace("٫", ".").replace(",", "").strip())
    except ValueError:
        raise InvalidInput.one(field, value, "must be a number") from None
    if number < 0 and limit is None:
        raise InvalidInput.one(field, value, "must not be negative")
    if limit is not None and not -limit <= number <= limit:
        raise InvalidInput.one(field, value, f"must lie between -{limit} and {limit}")
    return number


def names(values: Iterable[str] | None) -> list[str]:
    return [v.strip() for v in values or [] if v and v.strip()]
