"""What the write gate tells the rest of Marsad: every write, once stored, is announced here.

The gate knows nothing of who listens. Notifications (marsad.notify) listen to turn writes into
events for subscribers; a listener runs inside the writer's transaction, so what it records
(an outbox row) is kept or rolled back with the write itself, and it hands slow work (delivery,
alert evaluation) to the job system with `transaction.on_commit`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import models


@dataclass(frozen=True)
class Written:
    """One write through the gate: `records` of `model`, stored by `writer`.

    `action` is the gate's: create, update, delete, import, or an update that is an event of its
    own (accept, reject, revoke…). `before` is the one record's stored fields before an update
    (None for a new record and for batches).
    """

    model: type[models.Model]
    records: Sequence[models.Model]
    action: str
    writer: Any
    before: dict[str, Any] | None = None


Listener = Callable[[Written], None]
_listeners: list[Listener] = []


def listen(listener: Listener) -> None:
    """Call `listener` after every write (once per listener, however often an app is ready)."""
    if listener not in _listeners:
        _listeners.append(listener)


def announce(written: Written) -> None:
    for listener in _listeners:
        listener(written)
