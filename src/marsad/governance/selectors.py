"""Reads of governance, always through visible_to."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Q, QuerySet

from marsad.core.models import Actor
from marsad.governance.models import CharterAction, CharterActionKind, LegalInstrument


def instruments(user: Any) -> QuerySet[LegalInstrument]:
    return LegalInstrument.objects.visible_to(user).select_related("actor")


def charter_actions(user: Any) -> QuerySet[CharterAction]:
    return CharterAction.objects.visible_to(user).select_related("charter", "actor")


def charter_actions_of(user: Any, actor: Actor) -> QuerySet[CharterAction]:
    """What the actor, or one of its offices and people, did about charters."""
    return charter_actions(user).filter(Q(actor=actor) | Q(actor__parent=actor))


def actions_by_kind(user: Any, charter_key: str) -> list[tuple[str, str, list[CharterAction]]]:
    """The charter's actions grouped by kind, in the order of the vocabulary."""
    grouped: dict[str, list[CharterAction]] = defaultdict(list)
    for action in charter_actions(user).filter(charter__key=charter_key).order_by("on", "id"):
        grouped[action.action].append(action)
    return [
        (kind, str(label), grouped[kind])
        for kind, label in CharterActionKind.choices
        if grouped[kind]
    ]
