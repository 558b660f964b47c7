"""Finding the records a writer names, as that writer sees them. A record hidden from the writer
answers exactly as one that does not exist, so that no write can be used to learn what is
recorded (which numbers exist, how they are marked)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.db import models

from marsad.core.errors import InvalidInput
from marsad.core.models import Actor, Claim, Source
from marsad.core.releasability import readable
from marsad.core.services.inputs import listed
from marsad.extraction.numerals import BEYOND_RANGE, parse_int

Record = TypeVar("Record", bound=models.Model)

# The largest id a database column holds: a larger number names no record.
MAX_ID = 2**63 - 1


def _unknown(field: str, value: Any, what: str, noun: str) -> InvalidInput:
    return InvalidInput.one(field, value, f"no {what} has this {noun}")


def by_key(
    user: Any,
    model: type[Record],
    value: Any,
    field: str,
    what: str,
    *,
    key_field: str = "key",
) -> Record:
    """The record of `model` whose key is `value` (any case), if `user` may read it."""
    if isinstance(value, model):
        if not readable(user, value):
            raise _unknown(field, getattr(value, key_field, value.pk), what, "identifier")
        return value
    key = str(value or "").strip().upper()
    found = (
        model.objects.visible_to(user).filter(**{key_field: key}).first()  # type: ignore[attr-defined]
        if key
        else None
    )
    if found is None:
        raise _unknown(field, value, what, "identifier")
    return found


def record_number(value: Any, field: str, what: str) -> int:
    """A record's number as typed (any digits); one outside what a database holds names none."""
    if isinstance(value, bool):
        raise InvalidInput.one(field, value, f"must be a {what} number")
    try:
        number = value if isinstance(value, int) else parse_int(value)
    except (TypeError, ValueError) as exc:
        message = str(exc) if str(exc) == BEYOND_RANGE else f"must be a {what} number"
        raise InvalidInput.one(field, value, message) from None
    if number > MAX_ID:
        raise InvalidInput.one(field, value, BEYOND_RANGE)
    if number < 1:
        raise _unknown(field, value, what, "number")
    return number


def by_number(user: Any, model: type[Record], value: Any, field: str, what: str) -> Record:
    """The record of `model` with this number, if `user` may read it."""
    if isinstance(value, model):
        if not readable(user, value):
            raise _unknown(field, value.pk, what, "number")
        return value
    number = record_number(value, field, what)
    found = model.objects.visible_to(user).filter(pk=number).first()  # type: ignore[attr-defined]
    if found is None:
        raise _unknown(field, value, what, "number")
    return found


def actor(user: Any, value: Any, field: str, kinds: Iterable[str] | None = None) -> Actor:
    """An actor given as itself or by identifier, optionally of given kinds."""
    found = by_key(user, Actor, value, field, "actor")
    kinds = list(kinds or [])
    if kinds and found.kind not in kinds:
        raise InvalidInput.one(
            field, found.key, f"is a {found.kind}; expected " + " or ".join(kinds)
        )
    return found


def actors(user: Any, values: Iterable[Any] | None, field: str) -> list[Actor]:
    if isinstance(values, str):
        raise InvalidInput.one(field, values, "must be a list of actor identifiers")
    return list(dict.fromkeys(actor(user, v, f"{field}[{i}]") for i, v in enumerate(values or [])))


def source(user: Any, value: Any, field: str = "source") -> Source:
    return by_key(user, Source, value, field, "source")


def claims(user: Any, values: Iterable[Any] | None, field: str = "claims") -> list[Claim]:
    """The claims with these numbers (or the claims themselves), in the order given, once each.
    Every number is checked before any is read, and all are read in one query."""
    if isinstance(values, str | bytes):
        raise InvalidInput.one(field, values, "must be a list of claim numbers")
    given = listed(values, field)
    wanted = [
        raw.pk if isinstance(raw, Claim) else record_number(raw, f"{field}[{i}]", "claim")
        for i, raw in enumerate(given)
    ]
    found = {c.pk: c for c in Claim.objects.visible_to(user).filter(pk__in=set(wanted))}
    for index, pk in enumerate(wanted):
        if pk not in found:
            raise _unknown(
                f"{field}[{index}]",
                given[index] if not isinstance(given[index], Claim) else pk,
                "claim",
                "number",
            )
    return [found[pk] for pk in dict.fromkeys(wanted)]
