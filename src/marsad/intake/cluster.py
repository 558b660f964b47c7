"""The Dask side of `marsad ingest --scheduler`: the executor of a Dask distributed cluster, so
that the same pipeline (`intake.ingest.run`) sends its batches of texts there instead of to a
local process pool. Only extraction runs on the cluster; every result comes back to the one
writer of the command, which stores it centrally.

A worker that dies loses no batch: the scheduler gives a task whose worker was lost to another
worker, and `RETRIES` more attempts are allowed for a task that failed outright (a worker
killed in the middle of it counts as such once it has been lost too often), before the command
reports the batch failed and stops with nothing of that batch stored.
"""

from __future__ import annotations

from concurrent.futures import Executor
from typing import Any

RETRIES = 3


class SchedulerUnreachable(Exception):
    """No Dask scheduler answers at the address given."""


def connect(address: str, timeout: float = 5.0) -> Any:
    """A client of the scheduler at `address`, or SchedulerUnreachable before anything is
    sent (nor stored)."""
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - a dependency of the project
        raise SchedulerUnreachable(f"Dask is not installed ({exc})") from exc
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise SchedulerUnreachable(
            f"no Dask scheduler answers at {address} within {timeout:g} s ({exc})"
        ) from exc


def executor(client: Any) -> Executor:
    """The client's `concurrent.futures` executor; each batch is its own task (pure=False:
    two equal batches are still two), retried on failure."""
    return client.get_executor(retries=RETRIES, pure=False)  # type: ignore[no-any-return]


def workers(client: Any) -> int:
    return len(client.scheduler_info().get("workers", {}))
