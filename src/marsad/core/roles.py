"""Who a user is to Marsad: a role, and for liaison officers, a nation."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    ANALYST = "analyst", _("Analyst")
    LIAISON = "liaison", _("Liaison officer")
    HUMANITARIAN = "humanitarian", _("Humanitarian coordinator")
    PUBLIC = "public", _("Public reader")


# Roles that may record documents and claims. Liaison officers, humanitarian coordinators and
# public readers only read in the core; their own areas grant them writes there.
WRITER_ROLES = frozenset({Role.ADMIN, Role.ANALYST})
