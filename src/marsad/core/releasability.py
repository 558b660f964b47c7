"""Releasability: who may read a record. Deny by default.

Every domain record carries a marking:
  public    everyone, including readers who are not logged in
  force     every contributing nation's liaison officers, and the coordination centre
  nations   the liaison officers of the nations listed in `releasable_to`, and the centre
  internal  the coordination centre only (analysts)
  (empty)   unmarked: nobody but administrators

`visible_to(user)` is the one filter every read goes through.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from marsad.core.roles import CENTRE_READER_ROLES, Role

ISO3 = re.compile(r"^[A-Z]{3}$")


class Marking(models.TextChoices):
    PUBLIC = "public", _("Public")
    FORCE = "force", _("Whole force")
    NATIONS = "nations", _("Releasable to named nations")
    INTERNAL = "internal", _("Internal")


def encode_nations(nations: Iterable[str]) -> str:
    """Store a set of ISO3 codes as '|ITA|USA|' so one LIKE finds a nation on any database."""
    codes = sorted({n.strip().upper() for n in nations if n and n.strip()})
    return f"|{'|'.join(codes)}|" if codes else ""


def decode_nations(stored: str) -> list[str]:
    return [code for code in stored.split("|") if code]


def releasability_filter(user: Any, prefix: str = "") -> Q | None:
    """The Q that keeps what `user` may read, or None when the user may read everything."""
    role = getattr(user, "role", None) if getattr(user, "is_authenticated", False) else None
    if role == Role.ADMIN or getattr(user, "is_superuser", False):
        return None
    marking = f"{prefix}marking"
    visible = Q(**{marking: Marking.PUBLIC})
    if role in CENTRE_READER_ROLES:
        visible |= Q(**{f"{marking}__in": [Marking.FORCE, Marking.NATIONS, Marking.INTERNAL]})
    elif role == Role.LIAISON and (nations := reader_nations(user)):
        named = Q(**{marking: Marking.NATIONS})
        for nation in nations:
            named &= Q(**{f"{prefix}releasable_to__contains": f"|{nation}|"})
        visible |= Q(**{marking: Marking.FORCE}) | named
    return visible


def reader_nations(user: Any) -> tuple[str, ...]:
    """The nations a reader reads for: a liaison officer's one nation, or every nation of an
    audience (marsad.core.audience), which reads only what is releasable to all of them."""
    nations = getattr(user, "audience_nations", None)
    if nations is not None:
        return tuple(nations)
    return (user.nation,) if getattr(user, "nation", "") else ()


def can_read(user: Any, marking: str, nations: Iterable[str] = ()) -> bool:
    """Whether `user` may read a record marked so: the rule of `releasability_filter`, for one
    record already in hand (no query)."""
    role = getattr(user, "role", None) if getattr(user, "is_authenticated", False) else None
    if role == Role.ADMIN or getattr(user, "is_superuser", False):
        return True
    if marking == Marking.PUBLIC:
        return True
    if role in CENTRE_READER_ROLES:
        return marking in (Marking.FORCE, Marking.NATIONS, Marking.INTERNAL)
    if role == Role.LIAISON and (readers := reader_nations(user)):
        return marking == Marking.FORCE or (
            marking == Marking.NATIONS and set(readers) <= set(nations)
        )
    return False


def readable(user: Any, record: Any) -> bool:
    """Whether `user` may read `record` (a releasable record in hand)."""
    return can_read(user, record.marking, decode_nations(record.releasable_to))


# Read on every record written (a bulk import's every row): `Marking.values` builds its list anew.
_MARKINGS = frozenset(("", *Marking.values))


def marking_problem(marking: str, nations: list[str]) -> tuple[str, Any, str] | None:
    """(field, value, message) when a marking and its nations do not fit together."""
    if marking not in _MARKINGS:
        return "marking", marking, "must be one of " + ", ".join(Marking.values) + " (or empty)"
    for code in nations:
        if not ISO3.match(code):
            return "releasable_to", code, "must be ISO 3166 alpha-3 codes"
    if marking == Marking.NATIONS and not nations:
        return "releasable_to", [], "the marking 'nations' needs at least one nation"
    if marking != Marking.NATIONS and nations:
        return "releasable_to", nations, "nations can be named only with the marking 'nations'"
    return None


class ReleasableQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> ReleasableQuerySet:
        """Only the records `user` may read."""
        condition = releasability_filter(user)
        return self if condition is None else self.filter(condition)


class Releasable(models.Model):
    """Abstract base of every domain record: its marking and the nations it may go to."""

    marking = models.CharField(
        _("releasability"),
        max_length=10,
        choices=Marking.choices,
        blank=True,
        default="",
        db_index=True,
        help_text=_("Empty means unmarked: visible to administrators only."),
    )
    releasable_to = models.CharField(
        _("releasable to"),
        max_length=400,
        blank=True,
        default="",
        help_text=_("ISO 3166 alpha-3 codes of the nations, when the marking is 'nations'."),
    )

    objects = ReleasableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def nations(self) -> list[str]:
        return decode_nations(self.releasable_to)

    def clean(self) -> None:
        super().clean()
        problem = marking_problem(self.marking, self.nations)
        if problem:
            field, value, message = problem
            raise ValidationError({field: f"{message} (got {value!r})"})
        reach = [
            message
            for field in _pointers(type(self))
            if (message := self._reach_of(field)) is not None
        ]
        if reach:
            raise ValidationError({"marking": reach})

    def _reach_of(self, field: Any) -> str | None:
        """A record may not reach further than any releasable record it points to."""
        if getattr(self, field.attname) is None:
            return None
        referenced = getattr(self, field.name)
        name = getattr(referenced, "key", None) or str(referenced)
        return reach_problem(self, referenced, f"{field.name.replace('_', ' ')} '{name}'")


@cache
def _pointers(model: type[Releasable]) -> list[Any]:
    """The model's foreign keys to releasable records, in field order: found once per model,
    not once per field of every record cleaned (an ingest cleans thousands)."""
    return [
        field
        for field in model._meta.concrete_fields
        if field.many_to_one and issubclass(field.related_model, Releasable)
    ]


def audience(marking: str, nations: Iterable[str] = ()) -> tuple[int, frozenset[str]]:
    """Rank a marking by how widely it reaches (higher is wider), with its nations."""
    rank = {"": 0, Marking.INTERNAL: 1, Marking.NATIONS: 2, Marking.FORCE: 3, Marking.PUBLIC: 4}
    return rank[marking], frozenset(nations)


def within(inner: tuple[str, Iterable[str]], outer: tuple[str, Iterable[str]]) -> bool:
    """True when every reader of a record marked `inner` may also read one marked `outer`.

    A claim may not reach further than the document it quotes.
    """
    (inner_rank, inner_nations), (outer_rank, outer_nations) = audience(*inner), audience(*outer)
    if inner_rank == outer_rank == 2:
        return inner_nations <= outer_nations
    return inner_rank <= outer_rank


def narrowest(
    first: tuple[str, Iterable[str]], second: tuple[str, Iterable[str]]
) -> tuple[str, list[str]]:
    """The marking whose readers may read both markings: what a record about two records (a
    conflict between them, say) may be released to."""
    (rank_a, nations_a), (rank_b, nations_b) = audience(*first), audience(*second)
    if rank_a == rank_b == 2:
        shared = sorted(nations_a & nations_b)
        return (Marking.NATIONS, shared) if shared else (Marking.INTERNAL, [])
    if rank_a == 2 and rank_b > 2:
        return Marking.NATIONS, sorted(nations_a)
    if rank_b == 2 and rank_a > 2:
        return Marking.NATIONS, sorted(nations_b)
    marking = first[0] if rank_a <= rank_b else second[0]
    return marking, []


def reach_problem(record: Releasable, referenced: Releasable | None, what: str) -> str | None:
    """Why `record` may not point at `referenced`: whoever reads the record must be able to read
    what it quotes or names, or the record would leak it. None when it may."""
    if referenced is None or within(
        (record.marking, record.nations), (referenced.marking, referenced.nations)
    ):
        return None
    shown = " ".join([referenced.marking or "unmarked", *referenced.nations])
    return (
        f"{what} is marked '{shown}': a record marked '{record.marking or 'unmarked'}' "
        "may not point to it"
    )
