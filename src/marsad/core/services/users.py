"""Users and their access: creating users with a role (and a nation for liaison officers), API
tokens (issued, used, revoked) and login lockouts. Each is an audit entry."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from marsad.core import audit
from marsad.core.errors import InvalidInput, NotAllowed
from marsad.core.models import Actor, ActorKind, ApiToken, User
from marsad.core.models.users import TokenState, hash_token
from marsad.core.releasability import ISO3
from marsad.core.roles import Role
from marsad.core.services import gate
from marsad.core.services.base import Writer, lock_writes, validate


def _require_admin(by: Any) -> None:
    if not (getattr(by, "is_superuser", False) or getattr(by, "role", None) == Role.ADMIN):
        raise NotAllowed("only administrators manage users")


@transaction.atomic
def create_user(
    *,
    by: Any,
    username: str,
    role: str,
    password: str,
    nation: str = "",
    email: str = "",
) -> User:
    """Create a user. A liaison officer needs the nation (a state known to Marsad) they serve;
    no other role has one. Administrators may also use the Django admin."""
    _require_admin(by)
    if role not in Role.values:
        raise InvalidInput.one("role", role, "must be one of " + ", ".join(Role.values))
    nation = (nation or "").strip().upper()
    if role == Role.LIAISON:
        if not ISO3.match(nation):
            raise InvalidInput.one(
                "nation", nation, "a liaison officer needs an ISO alpha-3 nation"
            )
        if not Actor.objects.filter(kind=ActorKind.STATE, iso3=nation).exists():
            raise InvalidInput.one(
                "nation", nation, "no state with this ISO alpha-3 code is recorded"
            )
    elif nation:
        raise InvalidInput.one("nation", nation, "only liaison officers have a nation")
    if User.objects.filter(username=username).exists():
        raise InvalidInput.one("username", username, "this user exists already")
    user = User(
        username=username,
        email=email,
        role=role,
        nation=nation,
        is_staff=role == Role.ADMIN,
        is_superuser=role == Role.ADMIN,
    )
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise InvalidInput.one("password", "(hidden)", " ".join(error.messages)) from None
    user.set_password(password)
    validate(user, exclude=["password"])
    gate.store(user, by=by)
    return user


@transaction.atomic
def issue_token(*, by: Any, user: User, label: str = "", days: int | None = None) -> str:
    """Create an API token for `user`, valid for `days` (MARSAD_TOKEN_DAYS by default), and
    return it; only its hash is kept, and the audit entry holds neither."""
    if by != user:
        _require_admin(by)
    days = settings.TOKEN_DAYS if days is None else days
    if not 1 <= days <= settings.TOKEN_MAX_DAYS:
        raise InvalidInput.one(
            "days", days, f"a token is valid for 1 to {settings.TOKEN_MAX_DAYS} days"
        )
    secret = ApiToken.new_secret()
    now = timezone.now()
    token = ApiToken(
        user=user,
        digest=hash_token(secret),
        label=label[:100],
        created=now,
        expires=now + timedelta(days=days),
    )
    gate.store(token, by=by)
    return secret


@transaction.atomic
def token_revoke(*, by: Writer, token_id: int) -> ApiToken:
    """Revoke a token for good. The row stays, so its owner and history can still be read."""
    _require_admin(by)
    lock_writes()
    token = ApiToken.objects.select_for_update().filter(pk=token_id).first()
    if token is None:
        raise InvalidInput.one("id", token_id, "no API token has this id")
    if token.revoked is not None:
        raise InvalidInput.one("id", token_id, "this token was revoked already")
    token.revoked = timezone.now()
    gate.store(token, by=by, action="revoke")
    return token


@transaction.atomic
def token_used(*, token: ApiToken, at: datetime) -> bool:
    """Record that `token` was used at `at`: its last use, and an audit entry by its owner (the
    caller calls this at most once an hour per token). False when the token stopped being
    valid meanwhile (revoked by another request): the caller then refuses it."""
    lock_writes()
    current = ApiToken.objects.select_for_update().select_related("user").get(pk=token.pk)
    if current.state(at) != TokenState.ACTIVE or not current.user.is_active:
        return False
    current.last_used = at
    gate.store(current, by=current.user, action="use")
    return True


@transaction.atomic
def user_locked_out(*, username: str, ip_address: str | None, path: str, failures: int) -> None:
    """Record that logging in as `username` from `ip_address` is refused for a while. Nobody
    known did it, so the entry has no user; `about` holds the user name tried."""
    audit.record_event(
        user=None,
        action="lockout",
        about=username,
        detail={
            "username": username,
            "ip_address": ip_address,
            "path": path,
            "failures": failures,
            "minutes": settings.LOCKOUT_MINUTES,
        },
    )


@transaction.atomic
def user_unlock(*, by: Writer, username: str) -> int:
    """Clear the failed logins of `username` from every address, ending any lockout; return how
    many records of failures were cleared. Nothing cleared, nothing audited."""
    _require_admin(by)
    cleared = axes_reset(username=username)
    if cleared:
        audit.record_event(
            user=by,
            action="unlock",
            about=username,
            detail={"username": username, "cleared": cleared},
        )
    return cleared
