"""The mandate's pickers: forces, their tasks, what the tasks need, and the pledges that may
be assigned to it. A task, a requirement or a pledge is chosen by what it is called (the task,
the nation, the capability), never by its number."""

from __future__ import annotations

from typing import Any

from marsad.coalition.selectors import pledges
from marsad.coalition.vocabulary import PledgeKind
from marsad.mandate import selectors
from marsad.web.pickers import Option, Picker, actor_picker, arabic, bilingual, ranked, register

KINDS = dict(PledgeKind.choices)


def _task_rows(user: Any) -> Any:
    return (
        selectors.tasks(user)
        .prefetch_related(None)
        .values_list("pk", "name_ar", "name_en", "code", "force__key")
    )


def _task_option(pk: int, ar: str, en: str, force: str) -> Option:
    return bilingual(str(pk), ar, en, force)


def _find_tasks(user: Any, query: str) -> list[Option]:
    return ranked(
        query,
        (
            (_task_option(pk, ar, en, force), [ar, en, code, force])
            for pk, ar, en, code, force in _task_rows(user)
        ),
    )


def _numbers(values: list[str]) -> list[int]:
    return [int(v) for v in values if v.isdigit() and len(v) < 18]


def _label_tasks(user: Any, values: list[str]) -> dict[str, Option]:
    rows = _task_rows(user).filter(pk__in=_numbers(values))
    return {str(pk): _task_option(pk, ar, en, force) for pk, ar, en, _c, force in rows}


def _requirement_rows(user: Any) -> Any:
    return selectors.requirements(user).values_list(
        "pk",
        "task__name_ar",
        "task__name_en",
        "capability",
        "quantity",
        "area__name_ar",
        "area__name_en",
    )


def _requirement_option(row: tuple[Any, ...]) -> Option:
    pk, task_ar, task_en, capability, quantity, area_ar, area_en = row
    task, area = (task_ar, area_ar) if arabic() else (task_en, area_en)
    what = f"{KINDS.get(capability, capability)} × {quantity}"
    return Option(str(pk), f"{task or task_en or task_ar}: {what}", area or "", f"#{pk}")


def _find_requirements(user: Any, query: str) -> list[Option]:
    return ranked(
        query,
        (
            (_requirement_option(row), [str(t) for t in (*row[1:3], KINDS.get(row[3]), *row[5:])])
            for row in _requirement_rows(user)
        ),
    )


def _label_requirements(user: Any, values: list[str]) -> dict[str, Option]:
    rows = _requirement_rows(user).filter(pk__in=_numbers(values))
    return {str(row[0]): _requirement_option(row) for row in rows}


def _pledge_rows(user: Any) -> Any:
    """Pledges that may be assigned: not refusals, not withdrawn."""
    return (
        pledges(user)
        .exclude(negative=True)
        .exclude(status="withdrawn")
        .order_by("nation__key", "kind", "pk")
        .values_list("pk", "nation__name_ar", "nation__name_en", "nation__key", "kind", "quantity")
    )


def _pledge_option(row: tuple[Any, ...]) -> Option:
    pk, ar, en, nation, kind, quantity = row
    name = bilingual(nation, ar, en).label
    amount = f" × {quantity}" if quantity is not None else ""
    return Option(str(pk), f"{name}: {KINDS.get(kind, kind)}{amount}", nation, f"#{pk}")


def _find_pledges(user: Any, query: str) -> list[Option]:
    return ranked(
        query,
        (
            (_pledge_option(row), [row[1], row[2], row[3], str(KINDS.get(row[4], row[4]))])
            for row in _pledge_rows(user)
        ),
    )


def _label_pledges(user: Any, values: list[str]) -> dict[str, Option]:
    rows = _pledge_rows(user).filter(pk__in=_numbers(values))
    return {str(row[0]): _pledge_option(row) for row in rows}


def register_all() -> None:
    register("forces", actor_picker("force", "body"))
    register("tasks", Picker(_find_tasks, _label_tasks))
    register("requirements", Picker(_find_requirements, _label_requirements))
    register("assignable-pledges", Picker(_find_pledges, _label_pledges))
