"""What every service write shares: who is writing, validation, saving with history and audit."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from marsad.core import audit
from marsad.core.errors import InvalidInput, NotAllowed
from marsad.core.models import AuditHead, User
from marsad.core.releasability import encode_nations, marking_problem, reach_problem
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


def check_reach(record: Any, field: str, related: Iterable[Any]) -> None:
    """Many-to-many relations are set after the record is saved, so its model cannot check
    them: the record may not reach further than any releasable record it names."""
    for other in related:
        problem = reach_problem(record, other, f"{field} '{getattr(other, 'key', other)}'")
        if problem:
            raise InvalidInput.one(
                field, getattr(other, "key", getattr(other, "pk", other)), problem
            )


def save(
    instance: models.Model,
    *,
    by: Any,
    before: dict[str, Any] | None = None,
    m2m: dict[str, Iterable[models.Model]] | None = None,
    action: str = "",
) -> None:
    """Save (and set many-to-many relations), with the writer recorded in the history row and an
    audit entry, in the caller's transaction. `action` names an update that is an event of its
    own (a token revoked), so the log can be searched for it; otherwise create or update."""
    action = action or ("create" if instance.pk is None else "update")
    instance._history_user = history_user(by)  # type: ignore[attr-defined]
    instance.save()
    for name, related in (m2m or {}).items():
        getattr(instance, name).set(list(related))
    audit.record(user=by, action=action, instance=instance, before=before)


def delete(instance: models.Model, *, by: Any) -> None:
    """Delete with a history row and an audit entry holding the record as it was."""
    before = audit.snapshot(instance)
    instance._history_user = history_user(by)  # type: ignore[attr-defined]
    instance.delete()
    audit.record(user=by, action="delete", instance=instance, before=before)
