"""An import started from a page: the file as received, who started it, how far it has gone and
what it did with each row. Bookkeeping of the coordination centre, read by its writers only; the
records an import creates carry their own markings."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marsad.core.releasability import Marking, decode_nations


class ImportKind(models.TextChoices):
    ACLED = "acled", _("ACLED events (CSV)")
    CASUALTIES = "casualties", _("Daily casualty series (JSON)")
    UNRWA = "unrwa", _("UNRWA aid trucks (CSV)")
    COGAT = "cogat", _("COGAT aid consignments (CSV)")


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ImportRun(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=ImportKind.choices)
    file_name = models.CharField(_("file"), max_length=255)
    stored_as = models.CharField(_("stored as"), max_length=80, unique=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    lines = models.PositiveIntegerField(_("lines in the file"), default=0)
    marking = models.CharField(_("releasability"), max_length=10, choices=Marking.choices)
    releasable_to = models.CharField(_("releasable to"), max_length=400, blank=True, default="")
    source = models.CharField(_("source"), max_length=40, blank=True, default="")
    status = models.CharField(
        _("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    # Rows read so far: written as the import goes (see services.note_progress), not audited.
    rows_done = models.PositiveIntegerField(_("rows read"), default=0)
    result = models.JSONField(_("result"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True, default="")
    started_by = models.ForeignKey(
        "core.User", models.PROTECT, related_name="+", verbose_name=_("started by")
    )
    created = models.DateTimeField(_("started"), default=timezone.now, db_index=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.kind}: {self.file_name}"

    @property
    def percent(self) -> int:
        """How far the import has read its file, from 0 to 100 (lines stand in for rows: a
        header line and rows that span lines make it an estimate, never over 100)."""
        if self.status == RunStatus.DONE:
            return 100
        if not self.lines:
            return 0
        return min(99, round(100 * self.rows_done / self.lines))

    @property
    def nations(self) -> list[str]:
        return decode_nations(self.releasable_to)

    @property
    def active(self) -> bool:
        return self.status in (RunStatus.QUEUED, RunStatus.RUNNING)
