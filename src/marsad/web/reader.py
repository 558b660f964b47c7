"""Who is reading a kept page, known without loading the user from the database.

A kept page needs of its reader only what its key holds (visibility class, role, nation,
writing, administering) and what its holes show (the user name, the unread count). Django loads
the user on every request and checks the session against the password; for a kept page that
load was most of the answer. So the first request of a session loads and checks the user as
Django does, and keeps a summary of them in the cache, under:

- the session's user id, authentication backend and password hash, so that a session of
  another user, or one made before the password changed, never finds it;
- the generation of everything (web.pagecache), which every write the gate announces moves on
  after its commit, and so does any other save or deletion of a user (the admin's password
  form, Django's commands: `user_changed`), so that a user deactivated, demoted or moved to
  another nation is checked again at their next request.

A logged-out or expired session holds no user id any more: its reader is anonymous at once.
"""

from __future__ import annotations

import hashlib
from typing import Any, NamedTuple

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.cache import cache
from django.http import HttpRequest

# A change made outside Django (SQL by hand) is seen within this time.
SUMMARY_SECONDS = 300


class Reader(NamedTuple):
    id: int | None  # None: anonymous
    name: str
    key: str  # what kept pages are keyed by (web.pagecache.reader_key)


ANONYMOUS = Reader(None, "", "anonymous")


def summary(request: HttpRequest, generation: str, key_of: Any) -> Reader:
    """The request's reader; `key_of(user)` is what pages are keyed by, computed only when the
    user is loaded."""
    found: Reader | None = getattr(request, "_reader", None)
    if found is not None:
        return found
    session = getattr(request, "session", None)
    user_id = session.get(SESSION_KEY) if session is not None else None
    if user_id is None:
        # Django's authentication reads the session alone: no user id, no user.
        found = ANONYMOUS
    else:
        assert session is not None
        raw = "|".join(
            str(part)
            for part in (
                user_id,
                session.get(BACKEND_SESSION_KEY, ""),
                session.get(HASH_SESSION_KEY, ""),
            )
        )
        key = f"reader:{generation}:{hashlib.sha256(raw.encode()).hexdigest()}"
        found = cache.get(key)
        if found is None:
            user = request.user
            if not user.is_authenticated:
                found = ANONYMOUS
            else:
                found = Reader(user.pk, user.get_username(), key_of(user))
                cache.set(key, found, SUMMARY_SECONDS)
    request._reader = found  # type: ignore[attr-defined]
    return found


def known(request: HttpRequest) -> Reader | None:
    """The reader, if a kept page's answer already summarized them (else None: ask the user)."""
    return getattr(request, "_reader", None)


def user_id(request: HttpRequest) -> int | None:
    """The signed-in reader's id, without loading the user when a summary is known."""
    found = known(request)
    if found is not None:
        return found.id
    user = getattr(request, "user", None)
    return user.pk if user is not None and user.is_authenticated else None


def user_changed(sender: Any, instance: Any = None, update_fields: Any = None, **_: Any) -> None:
    """A user saved or deleted outside the gate: summaries are made again after the commit. The
    time of the last login, saved at each login, changes nothing a summary holds."""
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    from django.db import transaction

    from marsad.web.pagecache import bump

    transaction.on_commit(lambda: bump(["core.user"]))
