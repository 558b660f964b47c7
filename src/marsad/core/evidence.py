"""Records that rest on claims. Every record of an area (an invitation status, a pledge, a
caveat, an incident...) points to the claims that support it; the claims carry the source,
grading and confirmation status."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from marsad.core import history
from marsad.core.models import Claim
from marsad.core.releasability import Releasable

# What a claim shown as evidence names (its document and sources), read with it.
CLAIM_RELATED = ("document", "attribution_source", "document__source")


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

    def evidence_for(self, user: Any) -> models.QuerySet[Claim] | list[Claim]:
        """The supporting claims `user` may read; for a version read as held (`known_on`), the
        claims it rested on then, as held then (`core.history.held_links`)."""
        if history.moment_of(self) is not None:
            if history.withheld(self, "claims") is None:
                history.held_links([self], "claims", user, *CLAIM_RELATED)
            return list(self.claims.all())  # type: ignore[attr-defined]
        return self.claims.visible_to(user).select_related(*CLAIM_RELATED)  # type: ignore[attr-defined]

    def evidence_ids(self, user: Any) -> list[int]:
        """The numbers of the supporting claims `user` may read (as `evidence_for`)."""
        found = self.evidence_for(user)
        if isinstance(found, list):
            return [c.pk for c in found]
        return list(found.values_list("id", flat=True))

    def anonymous_only_for(self, user: Any) -> bool:
        """True when every supporting claim `user` may read rests on anonymous sources only."""
        if history.moment_of(self) is not None:
            kinds = {c.attribution_kind for c in self.evidence_for(user)}
        else:
            kinds = {c.attribution_kind for c in self.claims.visible_to(user)}  # type: ignore[attr-defined]
        return bool(kinds) and kinds <= {"anonymous"}
