"""Records that rest on claims. Every record of an area (an invitation status, a pledge, a
caveat, an incident...) points to the claims that support it; the claims carry the source,
grading and confirmation status."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from marsad.core.errors import InvalidInput
from marsad.core.models import Claim
from marsad.core.releasability import Releasable
from marsad.core.services.inputs import listed
from marsad.extraction.numerals import BEYOND_RANGE, parse_int


class Evidenced(Releasable):
    """Abstract: a releasable record with its supporting claims."""

    claims = models.ManyToManyField(
        "core.Claim", related_name="+", blank=True, verbose_name=_("supporting claims")
    )

    class Meta:
        abstract = True

    def evidence_for(self, user: Any) -> models.QuerySet[Claim]:
        """The supporting claims `user` may read."""
        return self.claims.visible_to(user).select_related(  # type: ignore[attr-defined]
            "document", "attribution_source", "document__source"
        )

    @property
    def anonymous_only(self) -> bool:
        """True when every supporting claim rests on anonymous sources only."""
        kinds = {c.attribution_kind for c in self.claims.all()}
        return bool(kinds) and kinds <= {"anonymous"}


def claims_by_ids(ids: Iterable[Any] | None, field: str = "claims") -> list[Claim]:
    """The claims with these ids (or the claims themselves), or InvalidInput naming the first
    unknown one."""
    wanted: list[int] = []
    for index, raw in enumerate(listed(ids, field)):
        try:
            wanted.append(raw.pk if isinstance(raw, Claim) else parse_int(raw))
        except (TypeError, ValueError) as exc:
            message = str(exc) if str(exc) == BEYOND_RANGE else "must be a claim number"
            raise InvalidInput.one(f"{field}[{index}]", raw, message) from None
    found = {c.pk: c for c in Claim.objects.filter(pk__in=wanted)}
    for index, pk in enumerate(wanted):
        if pk not in found:
            raise InvalidInput.one(f"{field}[{index}]", pk, "no claim has this number")
    return [found[pk] for pk in dict.fromkeys(wanted)]
