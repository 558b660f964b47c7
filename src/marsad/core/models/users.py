"""Users, their role and nation, and API tokens."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime
from enum import StrEnum

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marsad.core.roles import WRITER_ROLES, Role


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PUBLIC)
    nation = models.CharField(
        _("nation"),
        max_length=3,
        blank=True,
        default="",
        help_text=_("ISO 3166 alpha-3 code of a liaison officer's nation."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def can_write(self) -> bool:
        return self.is_superuser or self.role in WRITER_ROLES


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class TokenState(StrEnum):
    ACTIVE = "active"
    EXPIRED = "expired"
    REVOKED = "revoked"


class ApiToken(models.Model):
    """A bearer token for the API. Only its SHA-256 is stored; the token is shown once. A revoked
    token keeps its row, so the audit log and `marsad token list` can still say whose it was."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    digest = models.CharField(max_length=64, unique=True)
    label = models.CharField(_("label"), max_length=100, blank=True, default="")
    created = models.DateTimeField(default=timezone.now)
    expires = models.DateTimeField(_("expires"))
    revoked = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.user} {self.label}".strip()

    def state(self, now: datetime | None = None) -> TokenState:
        if self.revoked is not None:
            return TokenState.REVOKED
        if self.expires <= (now or timezone.now()):
            return TokenState.EXPIRED
        return TokenState.ACTIVE

    @staticmethod
    def new_secret() -> str:
        return "marsad_" + secrets.token_urlsafe(32)
