"""Saved searches: a list's filters kept under a name, to come back to, to share as a link, and
to follow (a subscription to new documents that match one). A saved search holds filters only,
never results: whoever opens it reads what they themselves may read."""

from __future__ import annotations

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_share_key() -> str:
    return secrets.token_urlsafe(12)


class SavedSearch(models.Model):
    owner = models.ForeignKey(
        "core.User", models.CASCADE, related_name="saved_searches", verbose_name=_("owner")
    )
    name = models.CharField(_("name"), max_length=120)
    # The URL name of the list (documents, claims, ceasefire:incidents…) and its query string.
    list_name = models.CharField(_("list"), max_length=60)
    query = models.TextField(_("filters"), blank=True, default="")
    share_key = models.CharField(
        _("link key"), max_length=32, unique=True, default=new_share_key, editable=False
    )
    created = models.DateTimeField(_("saved"), default=timezone.now)

    class Meta:
        ordering = ["owner", "name"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="saved_search_name_per_owner")
        ]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")

    def __str__(self) -> str:
        return self.name
