"""Fill a new exercise database: the demo, then the scenario's clock, injects, ground truth and
key facts; injects at D+0 00:00 are the exercise's starting state and are delivered at once.

Runs in a process whose database is the exercise's (settings.EXERCISE): it cannot write to the
live record because it has no connection to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from marsad.core.services import gate
from marsad.core.services.base import SystemUser
from marsad.exercises import selectors
from marsad.exercises.models import Clock, Inject, KeyFact, Truth
from marsad.exercises.scenario import Scenario, check_references, minutes

LOADER = SystemUser("exercise:loader")
TRUTH_SPEC = ("actor", "recipient", "target", "attributes", "killed")


@dataclass
class Loaded:
    injects: int
    truths: int
    key_facts: int
    started: list[str]


def check(scenario: Scenario) -> None:
    """Refuse a scenario naming a source, actor or crossing this database does not hold."""
    check_references(
        scenario,
        is_source=lambda key: selectors.source_known(LOADER, key),
        is_actor=lambda key: selectors.actor_known(LOADER, key),
        is_crossing=lambda key: selectors.crossing_known(LOADER, key),
    )


def load(scenario: Scenario, *, name: str = "", demo: bool = True) -> Loaded:
    """The demo (unless `demo` is false: a test database that holds it already), then the
    scenario; a scenario that does not fit the database is refused with nothing written."""
    if demo:
        from marsad.core.demo.loader import load_demo

        load_demo()
    check(scenario)
    with transaction.atomic():
        clock = Clock(
            name=name or settings.EXERCISE,
            title_ar=scenario.title_ar,
            title_en=scenario.title_en,
            day_zero=scenario.day_zero,
            ceiling=scenario.ceiling,
            scenario=scenario.text,
        )
        gate.store(clock, by=LOADER)
        truths = 0
        for item in scenario.injects:
            payload = {k: v for k, v in item.items() if k not in ("id", "at", "kind", "_line")}
            payload.pop("truth", None)
            inject = Inject(
                key=item["id"],
                at=minutes(item["at"]) or 0,
                kind=item["kind"],
                line=item["_line"],
                payload=payload,
            )
            gate.store(inject, by=LOADER)
            for spec in item.get("truth", []):
                truth = Truth(
                    inject=inject,
                    key=spec["id"],
                    claim_type=spec["type"],
                    spec={k: spec[k] for k in TRUTH_SPEC if k in spec},
                )
                gate.store(truth, by=LOADER)
                truths += 1
        for fact in scenario.key_facts:
            gate.store(KeyFact(key=fact["id"], text_ar=fact["ar"], text_en=fact["en"]), by=LOADER)
    started = _starting_state()
    return Loaded(len(scenario.injects), truths, len(scenario.key_facts), started)


def _starting_state() -> list[str]:
    """Deliver the injects of D+0 00:00 now, in this process."""
    from marsad.exercises.tasks import deliver_inject

    return [
        deliver_inject.call_local(inject.pk)
        for inject in Inject.objects.filter(at=0).order_by("pk")
    ]
