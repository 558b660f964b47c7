"""Serve the WSGI application with gunicorn, in this process (no shell command line to build)."""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication


class _Gunicorn(BaseApplication):  # type: ignore[misc]
    def __init__(self, options: dict[str, Any]):
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from marsad.wsgi import application

        return application


# Threads of each worker process when none are asked for (see docs/benchmarks.md, "Pages
# under load"): a kept page is answered in a few milliseconds of Python, so threads of one
# process mostly wait for each other; a few keep a slow page from holding the rest up.
THREADS = 4


def serve(*, host: str, port: int, workers: int, threads: int = 0) -> None:
    _Gunicorn(
        {
            "bind": f"{host}:{port}",
            "workers": max(1, workers),
            "threads": threads if threads > 0 else THREADS,
            "worker_class": "gthread",
            "accesslog": "-",
            "timeout": 60,
            "graceful_timeout": 10,
            # No runtime control socket in the user's home: Marsad is stopped with a signal.
            "control_socket_disable": True,
        }
    ).run()
