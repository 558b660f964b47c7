"""Writes that disagree with a record their writer cannot see. Refusing them would tell the
writer the hidden record exists (and what it says); so they are stored, and the disagreement is
queued here for an analyst who may read both records to reconcile."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from marsad.core.releasability import Releasable


class Conflict(Releasable):
    """One disagreement between a stored record and a record hidden from its writer. Marked so
    that only readers of both records read it."""

    created = models.DateTimeField(_("recorded"), default=timezone.now, db_index=True)
    created_by = models.ForeignKey(
        "core.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    model = models.CharField(_("record type"), max_length=100)
    record_id = models.CharField(_("record"), max_length=64)
    other_model = models.CharField(_("type of the other record"), max_length=100)
    other_id = models.CharField(_("other record"), max_length=64)
    field = models.CharField(_("field"), max_length=100)
    reason = models.TextField(_("what disagrees"))
    resolved_at = models.DateTimeField(_("reconciled at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        "core.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reconciled by"),
    )
    resolution = models.TextField(_("how it was reconciled"), blank=True, default="")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("conflict with a hidden record")
        verbose_name_plural = _("conflicts with hidden records")

    def __str__(self) -> str:
        return f"{self.model}:{self.record_id} ≠ {self.other_model}:{self.other_id}"

    @property
    def open(self) -> bool:
        return self.resolved_at is None
