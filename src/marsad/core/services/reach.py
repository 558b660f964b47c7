"""What a writer may name: steps 2 and 3 of the write gate (`gate`), for one record and for a
batch. A record may point only to records its writer can read (a hidden one answers as an
unknown one, so that a write cannot be used to learn what is recorded), and may not be released
further than anything it names. The batch form checks each distinct marking and each distinct
record named once, so that a batch of thousands costs a handful of checks.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.db import models

from marsad.core.errors import InvalidInput
from marsad.core.releasability import (
    Releasable,
    decode_nations,
    marking_problem,
    reach_problem,
    readable,
)
from marsad.core.services.base import Writer


def name_of(record: models.Model) -> str:
    """How a refusal names a record: its key if it has one, else its number."""
    return str(getattr(record, "key", None) or record.pk)


def _referenced(record: models.Model) -> Iterable[tuple[str, Releasable]]:
    """(field, record) for every releasable record a foreign key of `record` points to."""
    for field in record._meta.concrete_fields:
        if not (field.many_to_one and issubclass(field.related_model, Releasable)):
            continue
        if getattr(record, field.attname) is None:
            continue
        yield field.name, getattr(record, field.name)


def unknown(field: str, other: models.Model) -> InvalidInput:
    """The same refusal a lookup gives for a record that does not exist."""
    what = str(other._meta.verbose_name)
    return InvalidInput.one(field, name_of(other), f"no {what} has this identifier")


def check_names(by: Writer, record: models.Model) -> None:
    """Every releasable record `record` points to is readable by the writer."""
    for field, other in _referenced(record):
        if not readable(by, other):
            raise unknown(field, other)


def check_reach(record: Any, field: str, related: Iterable[Any]) -> None:
    """`record` may not be released further than any releasable record it names."""
    for other in related:
        problem = reach_problem(record, other, f"{field} '{name_of(other)}'")
        if problem:
            raise InvalidInput.one(field, name_of(other), problem)


def _reach_exempt(record: Any, field: str) -> bool:
    """A sanitized release may be released further than its supporting claims (its reason is
    audited); nothing else may."""
    return field == "claims" and bool(getattr(record, "sanitized_reason", ""))


def related(by: Writer, record: Any, field: str, values: Iterable[Any]) -> list[Any]:
    """A many-to-many relation's records, each readable by the writer and at least as widely
    released as `record` (claims excepted when the record is a sanitized release)."""
    found = list(dict.fromkeys(values))
    for index, other in enumerate(found):
        if isinstance(other, Releasable) and not readable(by, other):
            raise unknown(f"{field}[{index}]", other)
    if not _reach_exempt(record, field):
        check_reach(record, field, found)
    return found


def check_batch(
    by: Writer,
    records: Sequence[models.Model],
    relations: Mapping[str, Sequence[Sequence[Any]]] | None = None,
) -> None:
    """Steps 1-3 for a batch: the markings, the records its foreign keys point to and, in
    `relations` (a relation's name → each record's related records, in the records' order),
    the records of its many-to-many relations."""
    if not isinstance(records[0], Releasable):
        return
    for marking, nations in {(r.marking, r.releasable_to) for r in records}:  # type: ignore[attr-defined]
        problem = marking_problem(marking, decode_nations(nations))
        if problem:
            raise InvalidInput.one(*problem)
    fields = [
        field
        for field in records[0]._meta.concrete_fields
        if field.many_to_one and issubclass(field.related_model, Releasable)
    ]
    seen: set[tuple[str, str, str, Any]] = set()
    for record in records:
        for field in fields:
            value = getattr(record, field.attname)
            token = (record.marking, record.releasable_to, field.name, value)  # type: ignore[attr-defined]
            if value is None or token in seen:
                continue
            seen.add(token)
            other = getattr(record, field.name)
            if not readable(by, other):
                raise unknown(field.name, other)
            check_reach(record, field.name, [other])
    for name, each in (relations or {}).items():
        _check_related(by, records, name, each)


def _check_related(
    by: Writer, records: Sequence[models.Model], field: str, each: Sequence[Sequence[Any]]
) -> None:
    """`related` for every record of a batch, each distinct record named checked once for the
    writer and once per marking of the records that name it."""
    if len(each) != len(records):
        raise ValueError(f"{field}: {len(each)} lists of related records for {len(records)}")
    read: dict[tuple[type, Any], bool] = {}
    seen: set[tuple[str, str, type, Any]] = set()
    for record, others in zip(records, each, strict=True):
        for index, other in enumerate(dict.fromkeys(others)):
            if not isinstance(other, Releasable):
                continue
            key = (type(other), other.pk)
            if key not in read:
                read[key] = readable(by, other)
            if not read[key]:
                raise unknown(f"{field}[{index}]", other)
            token = (record.marking, record.releasable_to, *key)  # type: ignore[attr-defined]
            if token in seen or _reach_exempt(record, field):
                continue
            seen.add(token)
            check_reach(record, field, [other])
