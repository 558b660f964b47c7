"""Who a user is to Marsad: a role, and for liaison officers, a nation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from marsad.core.models.users import User


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    ANALYST = "analyst", _("Analyst")
    LIAISON = "liaison", _("Liaison officer")
    HUMANITARIAN = "humanitarian", _("Humanitarian coordinator")
    PUBLIC = "public", _("Public reader")
    # Runs an exercise (marsad.exercises): its clock and its after-action review. Reads what the
    # coordination centre reads, since it scores the trainees' work, but records no claim.
    CONTROLLER = "controller", _("Exercise controller")


# Roles that may record documents and claims. Liaison officers, humanitarian coordinators and
# public readers only read in the core; their own areas grant them writes there.
WRITER_ROLES = frozenset({Role.ADMIN, Role.ANALYST})

# Roles that read who wrote what (user names): the coordination centre. Other readers read the
# writer's role instead, so that a liaison officer or the public cannot collect the user names
# of the people whose passwords guard every internal record.
NAME_READER_ROLES = frozenset({Role.ADMIN, Role.ANALYST, Role.CONTROLLER})

# Roles that read everything but unmarked records: the coordination centre.
CENTRE_READER_ROLES = frozenset({Role.ANALYST, Role.CONTROLLER})


def reads_usernames(reader: User | AnonymousUser) -> bool:
    """Whether `reader` (a user, or an anonymous reader) may read other users' names."""
    return bool(getattr(reader, "is_superuser", False)) or (
        getattr(reader, "role", None) in NAME_READER_ROLES
    )
