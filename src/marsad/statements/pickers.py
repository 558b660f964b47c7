"""The statements' picker: a statement by its speaker's name or the words it quotes."""

from __future__ import annotations

from typing import Any

from marsad.statements.selectors import statements
from marsad.web.pickers import Option, Picker, arabic, ranked, register


def _rows(user: Any) -> Any:
    return (
        statements(user)
        .order_by("-on", "-id")
        .values_list("id", "on", "speaker__name_ar", "speaker__name_en", "quote")
    )


def _option(pk: int, on: Any, speaker_ar: str, speaker_en: str, quote: str) -> Option:
    speaker = speaker_ar if arabic() else speaker_en
    return Option(str(pk), f"{speaker} · {on or ''}".strip(" ·"), quote[:100], f"#{pk}")


def _find(user: Any, query: str) -> list[Option]:
    if query.lstrip("#").isdigit():
        return [_option(*r) for r in _rows(user).filter(id=int(query.lstrip("#")[:18]))]
    return ranked(query, ((_option(*r), [r[2], r[3], r[4]]) for r in _rows(user)[:1000]))


def _label(user: Any, values: list[str]) -> dict[str, Option]:
    numbers = [int(v) for v in values if v.isdigit() and len(v) < 18]
    return {str(r[0]): _option(*r) for r in _rows(user).filter(id__in=numbers)}


def register_all() -> None:
    register("statements", Picker(_find, _label))
