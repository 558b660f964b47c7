"""Errors that services raise and every entry point (page, API, command) reports as they are."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from marsad.extraction.contract import Problem


class InvalidInput(ValueError):
    """Input refused: names each field, its value and what is wrong with it."""

    def __init__(self, problems: Problem | Iterable[Problem]):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))

    @classmethod
    def one(cls, field: str, value: Any, message: str) -> InvalidInput:
        return cls(Problem(field, value, message))

    def as_dict(self) -> dict[str, Any]:
        return {
            "detail": str(self),
            "errors": [
                {"field": p.field, "value": _json_safe(p.value), "message": p.message}
                for p in self.problems
            ],
        }


def _json_safe(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    return str(value)


class NotAllowed(PermissionError):
    """The user's role does not allow this action."""
