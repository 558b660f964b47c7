"""The plan's picker: its provisions (points), by number or words of their summary in either
language. The value is the point's number in the main plan."""

from __future__ import annotations

from typing import Any

from marsad.plan import selectors
from marsad.web.pickers import Option, Picker, bilingual, ranked, register


def _rows(user: Any) -> Any:
    plan = selectors.main_plan(user)
    if plan is None:
        return []
    return (
        selectors.provisions(user, plan)
        .prefetch_related(None)
        .values_list("number", "summary_ar", "summary_en")
    )


def _option(number: int, summary_ar: str, summary_en: str) -> Option:
    option = bilingual(str(number), summary_ar[:120], summary_en[:120], f"{number}")
    return option


def _find(user: Any, query: str) -> list[Option]:
    rows = list(_rows(user))
    if query.isdigit():
        return [_option(*row) for row in rows if str(row[0]) == query]
    return ranked(query, ((_option(*row), [row[1], row[2]]) for row in rows), limit=20)


def _label(user: Any, values: list[str]) -> dict[str, Option]:
    return {str(row[0]): _option(*row) for row in _rows(user) if str(row[0]) in values}


def register_all() -> None:
    register("provisions", Picker(_find, _label))
