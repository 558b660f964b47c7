"""Every read of a releasable record goes through a selector (with the reader) or a service
(a write, through the gate): no page, API, command, model, template tag or import reads a
releasable model's manager directly, so no read can skip `visible_to`."""

import ast
from pathlib import Path

import pytest
from django.apps import apps

from marsad.core.releasability import Releasable

SRC = Path(__file__).resolve().parents[1] / "src" / "marsad"


def _allowed(path: Path) -> bool:
    """Selectors read for a reader; services write through the gate."""
    parts = path.relative_to(SRC).parts
    name = path.stem
    return (
        "migrations" in parts or "services" in parts or name.startswith(("selectors", "services"))
    )


def _releasable_names() -> set[str]:
    return {
        model.__name__
        for model in apps.get_models()
        if issubclass(model, Releasable) and not model.__name__.startswith("Historical")
    }


def _manager_reads(path: Path, names: set[str]) -> list[str]:
    """`Model.objects` (or `_default_manager`) of a releasable model, with the line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Attribute)
            and node.attr in ("objects", "_default_manager")
            and isinstance(node.value, ast.Name)
            and node.value.id in names
        ):
            found.append(f"{path.relative_to(SRC)}:{node.lineno} {node.value.id}.{node.attr}")
    return found


@pytest.mark.django_db
def test_no_releasable_model_is_read_outside_selectors_and_services():
    names = _releasable_names()
    assert {"Claim", "Document", "Incident", "Consignment", "Pledge", "Conflict"} <= names
    offending = [
        hit
        for path in sorted(SRC.rglob("*.py"))
        if not _allowed(path)
        for hit in _manager_reads(path, names)
    ]
    assert offending == []
