"""Fixtures of notifications: crossings, a local HTTP server that receives webhooks, API
clients with tokens."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from marsad.access import services as access
from marsad.core.services.users import issue_token

SECRET = "a-webhook-secret-of-some-length"


@dataclass
class Receiver:
    """What the local webhook target received, and how it answers."""

    url: str
    status: int = 200
    delay: float = 0.0
    received: list[dict[str, Any]] = field(default_factory=list)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """An HTTP server on 127.0.0.1 in a thread, recording each POST (headers and raw body)."""
    box: dict[str, Receiver] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
            target = box["receiver"]
            data = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            target.received.append({"headers": dict(self.headers), "body": data})
            if target.delay:
                time.sleep(target.delay)
            self.send_response(target.status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    box["receiver"] = Receiver(url=f"http://127.0.0.1:{server.server_address[1]}/hook")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield box["receiver"]
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture
def crossings(system: Any, states: Any) -> Any:
    return access.ensure_crossings(by=system)


@pytest.fixture
def bearer(system: Any) -> Any:
    """Authorization headers of a user's own API token."""

    def headers(user: Any) -> dict[str, str]:
        return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(by=system, user=user)}"}

    return headers
