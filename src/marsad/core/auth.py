"""API authentication: a bearer token when one is sent (it must be valid), otherwise the
browser session for reads, otherwise an anonymous reader who sees public records only."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from marsad.core.models import ApiToken, User
from marsad.core.models.users import TokenState, hash_token
from marsad.core.services.users import token_used

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
# A token's use is written (with an audit entry) at most this often: enough to tell a token in
# use from a forgotten one, without a write and a lock of the audit chain on every request.
LAST_USED_RESOLUTION = timedelta(hours=1)


class InvalidToken(Exception):
    """The Authorization header holds no valid token."""


class ApiAuth(HttpBearer):
    def __call__(self, request: HttpRequest) -> Any:
        header = request.headers.get("Authorization", "")
        if header:
            scheme, _, token = header.partition(" ")
            if scheme.lower() != "bearer" or not token.strip():
                raise InvalidToken("the Authorization header must be 'Bearer <token>'")
            return self.authenticate(request, token.strip())
        user = getattr(request, "user", None)
        # A session counts for reads only: writes through a session would need CSRF checks.
        if user is not None and user.is_authenticated and request.method in SAFE_METHODS:
            return user
        return AnonymousUser()

    def authenticate(self, request: HttpRequest, token: str) -> User:
        # Unknown, expired, revoked or of an inactive user: one answer, so a caller learns
        # nothing about a token that does not work.
        refused = InvalidToken("the API token is not valid")
        found = ApiToken.objects.select_related("user").filter(digest=hash_token(token)).first()
        now = timezone.now()
        if found is None or found.state(now) != TokenState.ACTIVE or not found.user.is_active:
            raise refused
        stale = found.last_used is None or now - found.last_used > LAST_USED_RESOLUTION
        if stale and not token_used(token=found, at=now):
            raise refused
        return found.user
