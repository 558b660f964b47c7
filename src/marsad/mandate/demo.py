"""The mandate's part of the demo scenario (demo.toml), loaded through the services."""

from __future__ import annotations

from pathlib import Path

from marsad.coalition.models import Pledge
from marsad.core import selectors as core
from marsad.core.demo.loader import DEMO_USER, DemoReport, find_claims, read_area_data
from marsad.mandate.models import Assignment, ForceAction, Limit, Requirement, Task
from marsad.mandate.services import (
    assign,
    create_limit,
    create_requirement,
    create_task,
    record_force_action,
)

DATA = Path(__file__).resolve().parent / "demo.toml"
FORCE = "ISF"
PLANNING = {"marking": "force"}


def _task(code: str) -> Task:
    return core.records(DEMO_USER, Task).get(force__key=FORCE, code=code)


def load(report: DemoReport) -> None:
    data = read_area_data(DATA)
    for spec in data.get("task", []):
        exists = core.records(DEMO_USER, Task).filter(force__key=FORCE, code=spec["code"]).exists()
        report.count("tasks", created=not exists)
        if not exists:
            fields = {k: v for k, v in spec.items() if k != "claims"}
            create_task(
                by=DEMO_USER,
                force=FORCE,
                claims=find_claims(spec["claims"]),
                marking="public",
                **fields,
            )
    for spec in data.get("limit", []):
        exists = core.records(DEMO_USER, Limit).filter(force__key=FORCE, kind=spec["kind"]).exists()
        report.count("limits", created=not exists)
        if not exists:
            create_limit(
                by=DEMO_USER,
                force=FORCE,
                kind=spec["kind"],
                text_ar=spec["text_ar"],
                text_en=spec["text_en"],
                claims=find_claims(spec["claims"]),
                marking="public",
            )
    for spec in data.get("requirement", []):
        task = _task(spec["task"])
        exists = (
            core.records(DEMO_USER, Requirement)
            .filter(
                task=task,
                capability=spec["capability"],
                area__key=spec.get("area"),
                combat=spec.get("combat", False),
            )
            .exists()
        )
        report.count("requirements", created=not exists)
        if not exists:
            fields = {k: v for k, v in spec.items() if k != "task"}
            create_requirement(by=DEMO_USER, task=task, **fields, **PLANNING)
    for spec in data.get("assignment", []):
        pledge = (
            core.records(DEMO_USER, Pledge)
            .filter(nation__key=spec["nation"], kind=spec["kind"], quantity__isnull=False)
            .order_by("id")
            .first()
        )
        requirement = core.records(DEMO_USER, Requirement).get(
            task=_task(spec["requirement"]["task"]),
            capability=spec["requirement"]["capability"],
        )
        exists = (
            core.records(DEMO_USER, Assignment)
            .filter(pledge=pledge, requirement=requirement)
            .exists()
        )
        report.count("assignments", created=not exists)
        if not exists:
            assign(
                by=DEMO_USER,
                pledge=pledge,
                requirement=requirement,
                quantity=spec["quantity"],
                status=spec["status"],
                since=spec.get("since"),
                claims=find_claims(spec["claims"]),
                marking=spec.get("marking", "force"),
                releasable_to=spec.get("releasable_to", []),
            )
    for spec in data.get("action", []):
        exists = (
            core.records(DEMO_USER, ForceAction)
            .filter(force__key=FORCE, on=spec["on"], description_en=spec["description_en"])
            .exists()
        )
        report.count("actions of the force", created=not exists)
        if not exists:
            record_force_action(
                by=DEMO_USER,
                force=FORCE,
                on=spec["on"],
                task=_task(spec["task"]),
                place=spec.get("place"),
                description_ar=spec["description_ar"],
                description_en=spec["description_en"],
                combat=spec.get("combat", False),
                **PLANNING,
            )
