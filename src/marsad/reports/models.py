"""Issued reports: what was sent to whom on which day, kept as the exact bytes with their
SHA-256. A record of this kind is never changed nor deleted."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from marsad.core.errors import NotAllowed
from marsad.core.releasability import Releasable, ReleasableQuerySet
from marsad.core.roles import reads_usernames


class Format(models.TextChoices):
    PDF = "pdf", "PDF"
    HTML = "html", "HTML"


class Language(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    ENGLISH = "en", _("English")


CONTENT_TYPES = {Format.PDF: "application/pdf", Format.HTML: "text/html; charset=utf-8"}


class IssuedQuerySet(ReleasableQuerySet):
    """Issued reports are records: no bulk update or delete either."""

    def update(self, **kwargs: Any) -> int:
        raise NotAllowed("an issued report is never changed")

    def delete(self) -> Any:
        raise NotAllowed("an issued report is never deleted")


class IssuedReport(Releasable):
    """One issued daily report: its day, audience, language and format, the exact bytes sent,
    their SHA-256, who issued it and when. Its marking is its audience's."""

    day = models.DateField(_("day"), db_index=True)
    audience = models.CharField(_("audience"), max_length=400)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    content = models.BinaryField(_("content"))
    sha256 = models.CharField(_("SHA-256 fingerprint"), max_length=64, db_index=True)
    size = models.PositiveIntegerField(_("size (bytes)"))
    issued_by = models.CharField(_("issued by"), max_length=150)
    # Readers outside the coordination centre read the issuer's role, not its user name.
    issuer_role = models.CharField(_("role of the issuer"), max_length=20, blank=True, default="")
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now, db_index=True)
    # The bytes are kept once, here; history keeps everything else (and the hash).
    history = HistoricalRecords(excluded_fields=["content"])

    objects = IssuedQuerySet.as_manager()

    class Meta:
        ordering = ["-day", "-issued_at", "-id"]
        verbose_name = _("issued report")
        verbose_name_plural = _("issued reports")

    def __str__(self) -> str:
        return f"{self.day} {self.audience} {self.language} {self.format}"

    def get_absolute_url(self) -> str:
        return reverse("reports:download", args=[self.pk])

    def issuer_for(self, reader: Any) -> str:
        """Who issued it, as `reader` may read it: the user name for the centre (and for the
        system's own jobs), the role for everyone else."""
        if self.issued_by.startswith("system:") or reads_usernames(reader):
            return self.issued_by
        return self.issuer_role

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[Format(self.format)]

    @property
    def filename(self) -> str:
        audience = self.audience.replace(",", "-")
        return f"marsad-sitrep-{self.day.isoformat()}-{audience}-{self.language}.{self.format}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise NotAllowed("an issued report is never changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise NotAllowed("an issued report is never deleted")
