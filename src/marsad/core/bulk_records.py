"""New records of a model built a column at a time, for an import's batch (`new_records`).

Django's keyword constructor (`Incident(event_id=..., place=...)`) looks each field up among the
keywords one by one; for thousands of records of thirty fields that costs more than inserting
them (`core.bulk_insert`). Here the columns are laid out in the model's field order once, and
each record gets its values as a row read from the database does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import repeat
from typing import Any, TypeVar

from django.db import models, router
from django.db.models.base import ModelState
from django.db.models.query_utils import DeferredAttribute
from django.db.models.signals import post_init, pre_init

M = TypeVar("M", bound=models.Model)


def new_records(model: type[M], columns: Mapping[str, Sequence[Any]]) -> list[M]:
    """New, unsaved records of `model`, one per row of `columns` (a field's attname, or a
    relation's name holding the related records, each with one value per row); every other
    field takes its default. Built by Django's positional constructor, as the rows of a query
    are, rather than its keyword one, which looks up each field's keyword one by one: an import
    builds thousands. A related record given is kept on its record, as `Model(place=...)`
    keeps it, so reading it back costs no query."""
    meta = model._meta
    lengths = {len(values) for values in columns.values()}
    if len(lengths) != 1:
        raise ValueError("the columns are not of one length")
    (n,) = lengths
    known = {f.name for f in meta.concrete_fields} | {f.attname for f in meta.concrete_fields}
    if set(columns) - known:
        raise ValueError(f"not fields of {meta.label}: {sorted(set(columns) - known)}")
    args: list[Any] = []
    related = []
    for field in meta.concrete_fields:
        if field.is_relation and field.name in columns:
            if not field.many_to_one:
                raise ValueError(f"{field.name}: give the id of a one-to-one relation")
            target, kind = field.target_field.attname, field.related_model  # type: ignore[union-attr]
            others = columns[field.name]
            for other in others:
                if other is not None and not isinstance(other, kind):  # type: ignore[arg-type]
                    raise TypeError(f"{field.name} holds {other!r}, not a {kind}")
            args.append([None if o is None else getattr(o, target) for o in others])
            related.append((field, others))
        elif field.attname in columns:
            args.append(columns[field.attname])
        elif field.has_default() and callable(field.default):
            args.append([field.get_default() for _row in range(n)])
        else:
            # The constructor gives every record this same value.
            args.append(repeat(field.get_default(), n))
    records = _built(model, args)
    for field, others in related:
        cache = field.set_cached_value  # type: ignore[attr-defined]
        # As the relation's descriptor does: a record given a related one is bound to the
        # database the router names for it (asked once per distinct related record).
        bound: dict[int, str] = {}
        for record, other in zip(records, others, strict=True):
            cache(record, other)
            if other is None:
                continue
            if id(other) not in bound:
                bound[id(other)] = router.db_for_write(model, instance=other)
                if other._state.db is None:
                    other._state.db = router.db_for_write(type(other), instance=record)
            if record._state.db is None:
                record._state.db = bound[id(other)]
    return records


def _built(model: type[M], args: list[Any]) -> list[M]:
    """One record per row of `args` (a column per concrete field, in order). When nothing
    listens to the model's construction and every field's attribute is Django's plain one,
    each record is its state and its values, which is all the positional constructor makes of
    them; otherwise that constructor runs."""
    fields = model._meta.concrete_fields
    plain = all(type(_attribute(model, f.attname)) in _PLAIN_ATTRIBUTES for f in fields)
    if not plain or pre_init.has_listeners(model) or post_init.has_listeners(model):
        return [model(*row) for row in zip(*args, strict=True)]
    names = [f.attname for f in fields]
    new = model.__new__
    records = []
    for row in zip(*args, strict=True):
        record = new(model)
        record._state = ModelState()
        record.__dict__.update(zip(names, row, strict=True))
        records.append(record)
    return records


def _attribute(model: type[models.Model], name: str) -> Any:
    """The class attribute `name` of `model` as defined (a descriptor, not what it gives)."""
    return next((kind.__dict__[name] for kind in model.__mro__ if name in kind.__dict__), None)


def _plain_attributes() -> tuple[type, ...]:
    from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute

    return (DeferredAttribute, ForeignKeyDeferredAttribute)


_PLAIN_ATTRIBUTES = _plain_attributes()
