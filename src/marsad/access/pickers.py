"""The access area's pickers: crossings and corridors, by name in either language or key."""

from __future__ import annotations

from typing import Any

from marsad.access import selectors
from marsad.web.pickers import Option, Picker, bilingual, ranked, register


def _rows(queryset: Any) -> Any:
    return queryset.values_list("key", "name_ar", "name_en", "aliases_ar", "aliases_en")


def _corridor_rows(queryset: Any) -> Any:
    return queryset.values_list("key", "name_ar", "name_en")


def _find(queryset_of: Any, aliases: bool) -> Picker:
    def rows(user: Any) -> Any:
        qs = queryset_of(user)
        if aliases:
            return ((k, ar, en, [*(a or []), *(b or [])]) for k, ar, en, a, b in _rows(qs))
        return ((k, ar, en, []) for k, ar, en in _corridor_rows(qs))

    def find(user: Any, query: str) -> list[Option]:
        return ranked(
            query,
            ((bilingual(k, ar, en, k), [ar, en, k, *more]) for k, ar, en, more in rows(user)),
        )

    def label(user: Any, values: list[str]) -> dict[str, Option]:
        wanted = {v.upper() for v in values}
        return {k: bilingual(k, ar, en, k) for k, ar, en, _more in rows(user) if k in wanted}

    return Picker(find, label)


def register_all() -> None:
    register("crossings", _find(selectors.crossings, aliases=True))
    register("corridors", _find(selectors.corridors, aliases=False))
