"""The exercise's clock: started, paused, advanced and ended by the exercise controller. When
the clock passes an inject's time, the inject is queued for the job worker (tasks.py), which
delivers it as if it came from outside."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from marsad.core.errors import InvalidInput, NotAllowed
from marsad.core.roles import Role
from marsad.core.services import gate
from marsad.exercises.models import Clock, ClockState, Inject, exercise_time
from marsad.exercises.scenario import minutes as parse_time

CONTROLLERS = frozenset({Role.ADMIN, Role.CONTROLLER})


class NoExercise(LookupError):
    """This database holds no exercise (it is the live record, or not yet loaded)."""


def require_controller(by: Any) -> None:
    if not getattr(by, "is_authenticated", False) or not (
        getattr(by, "is_superuser", False) or getattr(by, "role", None) in CONTROLLERS
    ):
        raise NotAllowed("only the exercise controller may run the exercise clock")


def the_clock() -> Clock:
    clock = Clock.objects.order_by("pk").first()
    if clock is None:
        raise NoExercise("this database holds no exercise")
    return clock


def now(clock: Clock, at: datetime | None = None) -> int:
    """Exercise time in minutes after D+0 00:00."""
    minutes = clock.elapsed
    if clock.state == ClockState.RUNNING and clock.running_since is not None:
        wall = (at or timezone.now()) - clock.running_since
        minutes += max(0, int(wall.total_seconds() // 60))
    return minutes


def exercise_datetime(clock: Clock, minutes: int) -> datetime:
    start = datetime.combine(clock.day_zero, datetime.min.time(), tzinfo=UTC)
    return start + timedelta(minutes=minutes)


def _fold(clock: Clock, at: datetime) -> None:
    """Bank the running time into `elapsed`, so that a change starts from a fixed point."""
    if clock.state == ClockState.RUNNING and clock.running_since is not None:
        clock.elapsed = now(clock, at)
        clock.running_since = at


def _save(clock: Clock, by: Any, action: str) -> Clock:
    return gate.store(clock, by=by, action=f"exercise {action}")


def _queue_due(by: Any, clock: Clock, at: datetime) -> list[int]:
    """Mark every inject whose time has come as queued; returns their ids."""
    due = list(
        Inject.objects.filter(at__lte=now(clock, at), queued_at__isnull=True).order_by("at", "pk")
    )
    for inject in due:
        inject.queued_at = at
        gate.store(inject, by=by, action="inject queued")
    return [inject.pk for inject in due]


def _enqueue(ids: list[int]) -> None:
    from marsad.exercises.tasks import deliver_inject

    for pk in ids:
        deliver_inject(pk)


def _change(by: Any, action: str, apply: Any) -> Clock:
    require_controller(by)
    with transaction.atomic():
        clock = Clock.objects.select_for_update().get(pk=the_clock().pk)
        at = timezone.now()
        if clock.state == ClockState.ENDED:
            raise InvalidInput.one("state", clock.state, "the exercise has ended")
        _fold(clock, at)
        apply(clock, at)
        _save(clock, by, action)
        ids = _queue_due(by, clock, at) if clock.state != ClockState.ENDED else []
    # Queued after the commit: the worker reads the injects as queued.
    _enqueue(ids)
    return clock


def start(*, by: Any) -> Clock:
    """Start the clock, or restart it after a pause."""

    def apply(clock: Clock, at: datetime) -> None:
        if clock.state == ClockState.RUNNING:
            raise InvalidInput.one("state", clock.state, "the clock is running already")
        clock.state, clock.running_since = ClockState.RUNNING, at
        clock.started_at = clock.started_at or at

    return _change(by, "start", apply)


def pause(*, by: Any) -> Clock:
    def apply(clock: Clock, at: datetime) -> None:
        if clock.state != ClockState.RUNNING:
            raise InvalidInput.one("state", clock.state, "the clock is not running")
        clock.state, clock.running_since = ClockState.PAUSED, None

    return _change(by, "pause", apply)


def advance(*, by: Any, to: str = "", minutes: int = 0) -> Clock:
    """Move exercise time forward to `to` ("D+0 12:00") or by `minutes`; never back."""

    def apply(clock: Clock, at: datetime) -> None:
        current = now(clock, at)
        if to:
            target = parse_time(to)
            if target is None:
                raise InvalidInput.one("to", to, "is not a time like D+0 12:00")
            if target < current:
                raise InvalidInput.one(
                    "to", to, f"is before the exercise's time ({exercise_time(current)})"
                )
        else:
            if minutes <= 0:
                raise InvalidInput.one("minutes", minutes, "must be a positive number")
            target = current + minutes
        clock.elapsed += target - current
        if clock.state == ClockState.READY:
            clock.started_at = clock.started_at or at

    return _change(by, "advance", apply)


def end(*, by: Any) -> Clock:
    def apply(clock: Clock, at: datetime) -> None:
        clock.state, clock.running_since, clock.ended_at = ClockState.ENDED, None, at

    return _change(by, "end", apply)


def tick(*, by: Any) -> list[int]:
    """What the worker does every minute: queue the injects a running clock has reached."""
    with transaction.atomic():
        clock = Clock.objects.select_for_update().filter(state=ClockState.RUNNING).first()
        ids = _queue_due(by, clock, timezone.now()) if clock else []
    _enqueue(ids)
    return ids
