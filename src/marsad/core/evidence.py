"""Records that rest on claims. Every record of an area (an invitation status, a pledge, a
caveat, an incident...) points to the claims that support it; the claims carry the source,
grading and confirmation status."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from marsad.core.models import Claim
from marsad.core.releasability import Releasable


class Evidenced(Releasable):
    """Abstract: a releasable record with its supporting claims."""

    claims = models.ManyToManyField(
        "core.Claim", related_name="+", blank=True, verbose_name=_("supporting claims")
    )
    sanitized_reason = models.TextField(
        _("reason for a sanitized release"),
        blank=True,
        default="",
        help_text=_(
            "Set when an analyst releases the record further than its supporting claims: "
            "readers who may not read the evidence are told so."
        ),
    )

    class Meta:
        abstract = True

    def evidence_for(self, user: Any) -> models.QuerySet[Claim]:
        """The supporting claims `user` may read."""
        return self.claims.visible_to(user).select_related(  # type: ignore[attr-defined]
            "document", "attribution_source", "document__source"
        )

    def anonymous_only_for(self, user: Any) -> bool:
        """True when every supporting claim `user` may read rests on anonymous sources only."""
        kinds = {c.attribution_kind for c in self.claims.visible_to(user)}  # type: ignore[attr-defined]
        return bool(kinds) and kinds <= {"anonymous"}
