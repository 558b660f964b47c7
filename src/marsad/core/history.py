"""Reading records as they were: "what did we know on date X".

A past version is shown only when the reader may read the record both now and as it was then,
so neither a later nor an earlier marking leaks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from django.db.models import Model, QuerySet, prefetch_related_objects

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
    visible_now = model.objects.visible_to(user).values("pk")  # type: ignore[attr-defined]
    # Historical rows have their own primary key; the record's is kept in `id`.
    return past.filter(condition).filter(id__in=visible_now)


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
