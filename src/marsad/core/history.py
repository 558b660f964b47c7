"""Reading records as they were: "what did we know on date X".

A past version is shown only when the reader may read the record both now and as it was then,
so neither a later nor an earlier marking leaks it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from django.db.models import Exists, Model, OuterRef, QuerySet, prefetch_related_objects

from marsad.core.releasability import releasability_filter
from marsad.core.roles import reads_usernames

if TYPE_CHECKING:
    from marsad.core.models import User


@dataclass(frozen=True)
class Version:
    date: datetime
    user: str  # the writer's user name, or their role's label for readers of roles only
    kind: str  # created, changed, deleted
    changed: tuple[str, ...]
    reason: str


_KINDS = {"+": "created", "~": "changed", "-": "deleted"}


@cache
def historical(model: type[Model]) -> Any:
    """The model's history model (simple_history), None when it keeps no history. Found once:
    the `history` descriptor builds a new manager class each time it is read, which cost about
    a millisecond every time a batch write asked for it."""
    # Read by the name simple_history registered: a model may have a field named `history`
    # (a history link row's foreign key to its history row).
    name = getattr(model._meta, "simple_history_manager_attribute", None)
    return None if name is None else getattr(model, name).model


def versions(record: Model, user: Any, limit: int = 50) -> list[Version]:
    """The visible versions of `record`, newest first, each with the fields it changed."""
    rows = record.history.select_related("history_user")  # type: ignore[attr-defined]
    condition = releasability_filter(user)
    if condition is not None:
        rows = rows.filter(condition)
    rows = list(rows.order_by("-history_date", "-history_id")[: limit + 1])
    names = reads_usernames(user)
    out = []
    for newer, older in pairwise([*rows, None]):
        if len(out) == limit:
            break
        changed: tuple[str, ...] = ()
        if older is not None and newer.history_type == "~":
            changed = tuple(c.field for c in newer.diff_against(older).changes)
        out.append(
            Version(
                date=newer.history_date,
                user=_writer(newer.history_user, names),
                kind=_KINDS.get(newer.history_type, newer.history_type),
                changed=changed,
                reason=newer.history_change_reason or "",
            )
        )
    return out


def _writer(writer: User | None, names: bool) -> str:
    if writer is None:
        return ""
    return writer.username if names else str(writer.get_role_display())


def known_on(model: type[Model], user: Any, when: datetime) -> QuerySet[Any]:
    """Every record of `model` as Marsad held it at `when` (`core.moments`: `known_on`),
    limited to what `user` may read both as the record was marked then and as it is now."""
    past = model.history.as_of(when)  # type: ignore[attr-defined]
    condition = releasability_filter(user)
    if condition is None:
        return past
    # Historical rows have their own primary key; the record's is kept in `id`. Asked per
    # version (EXISTS) rather than as a list of every record readable now (IN): SQLite's planner
    # drove the query from that list, most of the table, where a narrower filter (the incidents
    # a source gave a figure for) should lead; half the time at 100,000 (docs/benchmarks.md).
    visible_now = model.objects.visible_to(user).filter(pk=OuterRef("id"))  # type: ignore[attr-defined]
    return past.filter(condition).filter(Exists(visible_now))


def held(model: type[Model], user: Any, when: datetime | None) -> QuerySet[Any]:
    """The records of `model` that `user` may read: as they are now, or as Marsad held them at
    `when` (`known_on`) when one is given. The one switch every dated read makes."""
    if when is None:
        return model.objects.visible_to(user)  # type: ignore[attr-defined]
    return known_on(model, user, when)


def with_related(rows: QuerySet[Any], *names: str) -> list[Any]:
    """The records of `rows` with the records their foreign keys `names` point to, read in one
    query each: a version read from the history tables is made into a record afresh, which
    drops what `select_related` joined."""
    found = list(rows)
    prefetch_related_objects(found, *names)
    return found


def moment_of(record: Model) -> datetime | None:
    """The moment a record made from a version was read as held at (`known_on`); None for a
    record as it is now."""
    past = getattr(record, "_history", None)
    return getattr(past, "_as_of", None) if past is not None else None


def held_links(records: Iterable[Model], name: str, user: Any, *related: str) -> None:
    """Give each version among `records` what its many-to-many `name` linked to when it was
    held, in place of today's links: the version's own copy of the links (simple-history's
    `m2m_fields`), each linked record as held then and shown only if `user` may read it as
    marked then and now (`known_on`), with the records its foreign keys `related` name.
    Afterwards `record.<name>.all()` reads them, and `withheld(record, name)` says whether some
    were left out. Records as they are now are left alone. One query for the links and one
    (plus one per related name) for the linked records, whatever the number of versions."""
    versions = [r for r in records if moment_of(r) is not None]
    if not versions:
        return
    model = type(versions[0])
    field = model._meta.get_field(name)
    links = getattr(model.history.model, name).model  # type: ignore[attr-defined]
    column = links._meta.get_field(field.m2m_reverse_field_name()).attname  # type: ignore[attr-defined]
    by_version: dict[int, set[int]] = {}
    for version, target in links.objects.filter(
        history_id__in=[r._history.history_id for r in versions]  # type: ignore[attr-defined]
    ).values_list("history_id", column):
        by_version.setdefault(version, set()).add(target)
    wanted = set().union(*by_version.values())
    target_model = field.related_model
    found: dict[int, Any] = {}
    for when in {moment_of(r) for r in versions}:
        held_then = known_on(target_model, user, when).filter(id__in=wanted)  # type: ignore[arg-type]
        found.update({t.pk: t for t in with_related(held_then, *related)})
    for record in versions:
        linked = sorted(by_version.get(record._history.history_id, ()))  # type: ignore[attr-defined]
        kept = [found[pk] for pk in linked if pk in found]
        rows = getattr(record, name).get_queryset()
        rows._result_cache, rows._prefetch_done = kept, True
        if not hasattr(record, "_prefetched_objects_cache"):
            record._prefetched_objects_cache = {}  # type: ignore[attr-defined]
        record._prefetched_objects_cache[name] = rows  # type: ignore[attr-defined]
        record.__dict__.setdefault("_held_withheld", {})[name] = len(kept) < len(linked)


def withheld(record: Model, name: str) -> bool | None:
    """For a version given its links by `held_links`: whether some linked records were left
    out for the reader; None when its links were not read as held."""
    return record.__dict__.get("_held_withheld", {}).get(name)


def held_named(records: Iterable[Model], user: Any, *names: str) -> list[Any]:
    """The versions among `records` with the records their foreign keys `names` point to, as
    Marsad held those at the same moment and as `user` may read them then and now (a model
    without history is read as it is now). A record whose required link is not readable so is
    left out; an optional one reads as empty. Records as they are now pass unchanged."""
    records = list(records)
    versions = [r for r in records if moment_of(r) is not None]
    dropped: set[int] = set()
    for name in names:
        field = type(versions[0])._meta.get_field(name) if versions else None
        if field is None:
            break
        target = field.related_model
        ids = {getattr(r, field.attname) for r in versions} - {None}  # type: ignore[union-attr]
        found: dict[int, Any] = {}
        for when in {moment_of(r) for r in versions}:
            if hasattr(target, "history"):
                rows = known_on(target, user, when)  # type: ignore[arg-type]
            else:
                rows = target._default_manager.all()  # type: ignore[union-attr]
                if hasattr(rows, "visible_to"):
                    rows = rows.visible_to(user)
            found.update({t.pk: t for t in rows.filter(id__in=ids)})
        for record in versions:
            pk = getattr(record, field.attname)  # type: ignore[union-attr]
            if pk is None:
                continue
            if pk not in found and not field.null:
                dropped.add(id(record))
            field.set_cached_value(record, found.get(pk))  # type: ignore[union-attr]
    return [r for r in records if id(r) not in dropped]
