"""What `marsad check` verifies about an installation."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.core import checks
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from marsad.web.finders import VENDOR_FILES, vendor_source


@dataclass(frozen=True)
class Result:
    name: str
    ok: bool
    detail: str


def run_checks() -> Iterator[Result]:
    messages = [m for m in checks.run_checks() if m.level >= checks.ERROR]
    yield Result(
        "django system checks", not messages, "; ".join(str(m) for m in messages) or "no errors"
    )
    try:
        connection.ensure_connection()
        vendor = connection.vendor
        yield Result("database", True, f"{vendor}: {settings.DATABASES['default']['NAME']}")
    except Exception as exc:  # noqa: BLE001 - any failure to connect is the finding
        yield Result("database", False, str(exc))
        return
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    yield Result(
        "migrations",
        not pending,
        f"{len(pending)} pending: run `marsad migrate`" if pending else "all applied",
    )
    if vendor == "sqlite" and not connection.is_in_memory_db():
        with connection.cursor() as cursor:
            mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
        yield Result("sqlite journal", mode == "wal", f"journal_mode={mode}")
    missing = [served for served in VENDOR_FILES if not vendor_source(served).is_file()]
    yield Result(
        "front-end assets",
        not missing,
        "missing " + ", ".join(missing) + ": run `make setup`"
        if missing
        else "Bootstrap, HTMX, Leaflet, Chart.js, world outlines installed",
    )
    if not pending:
        from marsad.core.audit import verify

        report = verify()
        yield Result(
            "audit chain",
            report.ok,
            f"{report.checked} entries intact" if report.ok else report.problem,
        )
