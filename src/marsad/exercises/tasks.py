"""Jobs of an exercise: deliver an inject whose time has come, and let a running clock queue
the injects it reaches (every minute). Outside an exercise both find nothing to do."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from marsad.core.errors import InvalidInput
from marsad.core.services import gate
from marsad.core.services.base import SystemUser
from marsad.exercises import clock as exercise_clock
from marsad.exercises.deliver import INJECTOR, deliver
from marsad.exercises.models import Clock, Inject

CLOCK = SystemUser("exercise:clock")


@db_task()
def deliver_inject(pk: int) -> str:
    """Deliver one inject once; a refusal (a crossing already closed, say) is kept on it."""
    inject = Inject.objects.filter(pk=pk, delivered_at__isnull=True).first()
    clock = Clock.objects.order_by("pk").first()
    if inject is None or clock is None:
        return ""
    try:
        with transaction.atomic():
            record, document = deliver(inject, clock.day_zero)
            inject.record, inject.document = record, document
            inject.delivered_at = timezone.now()
            inject.delivered_minute = exercise_clock.now(clock)
            gate.store(inject, by=INJECTOR, action="inject delivered")
    except InvalidInput as error:
        with transaction.atomic():
            inject.failure = str(error)[:500]
            gate.store(inject, by=INJECTOR, action="inject refused")
        return inject.failure
    return record


@db_periodic_task(crontab(minute="*"))
def exercise_tick() -> None:
    exercise_clock.tick(by=CLOCK)
