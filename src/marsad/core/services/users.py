"""Creating users with a role (and a nation for liaison officers) and issuing API tokens."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from marsad.core.errors import InvalidInput, NotAllowed
from marsad.core.models import Actor, ActorKind, ApiToken, User
from marsad.core.models.users import hash_token
from marsad.core.releasability import ISO3
from marsad.core.roles import Role
from marsad.core.services import gate
from marsad.core.services.base import validate


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
def issue_token(*, by: Any, user: User, label: str = "") -> str:
    """Create an API token for `user` and return it; only its hash is kept."""
    if by != user:
        _require_admin(by)
    secret = ApiToken.new_secret()
    token = ApiToken(user=user, digest=hash_token(secret), label=label[:100])
    gate.store(token, by=by)
    return secret
