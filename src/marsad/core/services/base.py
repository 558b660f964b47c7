"""What every service write shares: who is writing, what a marking may be, the model's own
validation. Saving, reach, history and audit are the gate's (`gate.py`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from marsad.core.errors import InvalidInput, NotAllowed
from marsad.core.models import AuditHead, User
from marsad.core.releasability import encode_nations, marking_problem
from marsad.core.roles import Role
from marsad.extraction.contract import Problem


@dataclass(frozen=True)
class SystemUser:
    """A process that writes on its own behalf (the demo loader, an import), named in the audit."""

    username: str
    role: str = Role.ADMIN
    nation: str = ""
    is_authenticated: bool = True
    is_superuser: bool = True
    can_write: bool = True


Writer = User | SystemUser


def on_behalf(by: Writer, task: str) -> SystemUser:
    """The system writing what `by`'s write causes in records `by` may not read (a grade, a link
    between copies of one story): the audit names both the writer and the task."""
    return SystemUser(f"{getattr(by, 'username', '') or 'system'}:{task}")


def lock_writes() -> None:
    """Take the audit chain's lock now, for a write that must first check what is stored (two
    writers would otherwise both find nothing and both insert)."""
    AuditHead.objects.select_for_update().get_or_create(pk=1)


def require_writer(by: Any) -> None:
    if not getattr(by, "is_authenticated", False) or not getattr(by, "can_write", False):
        raise NotAllowed("only administrators and analysts may record this")


def history_user(by: Any) -> User | None:
    return by if isinstance(by, User) else None


def problems_from(error: ValidationError, instance: models.Model) -> list[Problem]:
    problems = []
    for field, messages in error.message_dict.items():
        value = plain(getattr(instance, field, None)) if field != "__all__" else None
        for message in messages:
            problems.append(Problem(field, value, message))
    return problems


def plain(value: Any) -> Any:
    """A stored value as a user would have written it: a date in ISO form, a record by its key
    (or id), not a Python object."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return getattr(value, "key", None) or value.pk
    return value


def validate(instance: models.Model, exclude: Iterable[str] = ()) -> None:
    """Run the model's own validation and report it as InvalidInput (field, value, message)."""
    try:
        instance.full_clean(exclude=list(exclude), validate_unique=True)
    except ValidationError as error:
        raise InvalidInput(problems_from(error, instance)) from None


def clean_marking(marking: str | None, nations: Iterable[str] | None) -> tuple[str, str]:
    """Check a marking and its nations; return them as stored."""
    marking = (marking or "").strip()
    codes = [n.strip().upper() for n in (nations or []) if n and n.strip()]
    problem = marking_problem(marking, codes)
    if problem:
        raise InvalidInput.one(*problem)
    return marking, encode_nations(codes)
