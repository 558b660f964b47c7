"""Reads of the mandate, always through visible_to."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet, Sum

from marsad.core.models import Actor
from marsad.mandate.models import Assignment, ForceAction, Limit, Requirement, Task


def tasks(user: Any) -> QuerySet[Task]:
    """The tasks, each with `protections`: the corridors it protects that the user may see."""
    # Humanitarian access records which corridors a task protects (access builds on the
    # mandate, so it is read here through its own selector, never the other way round).
    from marsad.access.selectors import protections

    visible = Prefetch(
        "protected_corridors",
        queryset=protections(user).order_by("corridor__key"),
        to_attr="protections",
    )
    return (
        Task.objects.visible_to(user)
        .select_related("force", "legal_basis__actor")
        .prefetch_related(visible)
    )


def limits(user: Any) -> QuerySet[Limit]:
    return Limit.objects.visible_to(user).select_related("force")


def requirements(user: Any) -> QuerySet[Requirement]:
    return Requirement.objects.visible_to(user).select_related("task", "task__force", "area")


def assignments(user: Any) -> QuerySet[Assignment]:
    return Assignment.objects.visible_to(user).select_related(
        "pledge", "pledge__nation", "requirement", "requirement__task", "requirement__area"
    )


def assignments_of(user: Any, nation: Actor) -> QuerySet[Assignment]:
    return assignments(user).filter(pledge__nation=nation)


def actions(user: Any) -> QuerySet[ForceAction]:
    return ForceAction.objects.visible_to(user).select_related("force", "task", "place")


def requirement_fill(user: Any, requirement: Requirement) -> int:
    """Units assigned to the requirement, counting the assignments the reader may see."""
    live = assignments(user).filter(requirement=requirement).exclude(status="ended")
    return live.aggregate(n=Sum("quantity"))["n"] or 0
