"""The background job system: Huey, configured in settings.HUEY (a SQLite file by default, Redis
when MARSAD_REDIS_URL is set). Each app keeps its jobs in its own `tasks.py`, declared with
`huey.contrib.djhuey.db_task` / `db_periodic_task` so that each job closes its database
connection when done. `marsad worker` runs them; `marsad run` starts one beside the web server.
"""

from __future__ import annotations

import ctypes
import signal
import subprocess
import sys
from typing import Any

_PR_SET_PDEATHSIG = 1


def run_worker(*, workers: int, periodic: bool = True) -> None:
    """Run jobs in this process until stopped (SIGINT or SIGTERM finish the running jobs)."""
    from django.conf import settings
    from django.utils.module_loading import autodiscover_modules
    from huey.contrib.djhuey import HUEY

    autodiscover_modules("tasks")
    options: dict[str, Any] = {**settings.HUEY.get("consumer", {})}
    options.update(workers=workers, periodic=periodic)
    HUEY.create_consumer(**options).run()


def start_worker_process() -> subprocess.Popen[bytes]:
    """`marsad worker` as a child process (the web server's companion in `marsad run`)."""
    return subprocess.Popen(
        [sys.executable, "-m", "marsad.cli", "worker"], preexec_fn=_stop_with_parent
    )


def _stop_with_parent() -> None:
    # Should the server die without its `finally` (SIGKILL, a crash), Linux still sends the
    # worker SIGTERM, so that no orphaned worker keeps running jobs against the database.
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def exit_on_sigterm() -> None:
    """Until the web server installs its own handlers, SIGTERM unwinds this process (running its
    `finally` blocks) instead of ending it on the spot."""

    def _exit(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, _exit)


def stop_worker_process(process: subprocess.Popen[bytes], *, wait: float = 15) -> None:
    """Ask the worker to finish its running jobs, then make sure it is gone."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=wait)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
