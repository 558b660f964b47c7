"""Login lockouts (django-axes) enter the audit chain: axes keeps the counters in its own
tables; the moment a user name is locked out from an address is a security event of Marsad's."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from marsad.core.services.users import user_locked_out


def audit_lockout(
    sender: Any, request: HttpRequest, username: str | None, ip_address: str | None, **kwargs: Any
) -> None:
    """Receiver of axes' `user_locked_out`. Axes sends it again for every refused try during a
    lockout; only the try that reached the limit is recorded, so a guesser cannot flood the
    log (the further tries are counted in axes' table)."""
    failures = getattr(request, "axes_failures_since_start", None)
    if failures != settings.AXES_FAILURE_LIMIT:
        return
    user_locked_out(
        username=username or "",
        ip_address=ip_address,
        path=request.path,
        failures=failures,
    )
