"""Turn a database URL into Django's DATABASES entry.

SQLite gets WAL mode, a busy timeout and BEGIN IMMEDIATE transactions: a writer that finds the
database locked waits for its turn instead of failing halfway through with "database is locked".
"""

from __future__ import annotations

from typing import Any

import dj_database_url

SQLITE_BUSY_TIMEOUT_SECONDS = 30
SQLITE_CONNECTION_SECONDS = 600
SQLITE_PRAGMAS = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"


def database_from_url(url: str) -> dict[str, Any]:
    """Parse `url` (sqlite:///path, postgres://user@host/db, ...) into a DATABASES entry."""
    config: dict[str, Any] = dict(dj_database_url.parse(url, conn_health_checks=True))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Kept open between requests by each server thread: opening a file, setting the pragmas
        # and registering Django's functions took longer than a kept page's whole answer.
        config["CONN_MAX_AGE"] = SQLITE_CONNECTION_SECONDS
        config["OPTIONS"] = {
            "timeout": SQLITE_BUSY_TIMEOUT_SECONDS,
            "transaction_mode": "IMMEDIATE",
            "init_command": SQLITE_PRAGMAS,
            **config.get("OPTIONS", {}),
        }
    else:
        config.setdefault("CONN_MAX_AGE", 60)
    return config
