"""The append-only audit log, chained by keyed hashes (`marsad.core.audit`).

Each entry's hash is an HMAC, under a key kept outside the database, of the previous entry's
hash and a canonical JSON of the entry, so an entry altered, removed or moved breaks the chain
at that point, and nobody without the key can compute a hash that fits. `AuditHead` holds the
last sequence number and hash: writers lock it, which keeps the chain linear when several write
at once, and it reveals entries removed from the end.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

GENESIS_HASH = "0" * 64


class AuditEntry(models.Model):
    seq = models.PositiveBigIntegerField(_("sequence"), unique=True)
    at = models.DateTimeField(_("time"))
    user = models.CharField(_("user"), max_length=150, blank=True, default="")
    action = models.CharField(_("action"), max_length=20)
    model = models.CharField(_("record type"), max_length=100)
    object_id = models.CharField(_("record"), max_length=64)
    # Canonical JSON text, stored as hashed: a database's JSON type may reorder or reformat it.
    before = models.TextField(_("before"))
    after = models.TextField(_("after"))
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["seq"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.model}:{self.object_id}"


class AuditHead(models.Model):
    """One row: the last entry's sequence number and hash."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default=GENESIS_HASH)
