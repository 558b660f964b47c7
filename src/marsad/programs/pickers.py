"""The programs' picker: a pledge of police trainers a course rests on, by its nation's name in
either language or its number. Refusals to give trainers are not proposed: a course cannot rest
on one."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext

from marsad.coalition.selectors import pledges
from marsad.web.pickers import Option, Picker, bilingual, ranked, register


def _rows(user: Any) -> Any:
    return (
        pledges(user)
        .filter(kind="police_trainers", negative=False)
        .order_by("-id")
        .values_list("id", "nation__name_ar", "nation__name_en", "quantity")
    )


def _option(pk: int, name_ar: str, name_en: str, quantity: int | None) -> Option:
    nation = bilingual(str(pk), name_ar, name_en)
    label = nation.label
    if quantity:
        label = gettext("%(nation)s · %(n)s trainers") % {"nation": label, "n": quantity}
    return Option(str(pk), label, nation.other, f"#{pk}")


def _find(user: Any, query: str) -> list[Option]:
    if query.lstrip("#").isdigit():
        return [_option(*r) for r in _rows(user).filter(id=int(query.lstrip("#")[:18]))]
    return ranked(query, ((_option(*r), [r[1], r[2]]) for r in _rows(user)[:1000]))


def _label(user: Any, values: list[str]) -> dict[str, Option]:
    numbers = [int(v) for v in values if v.isdigit() and len(v) < 18]
    return {str(r[0]): _option(*r) for r in _rows(user).filter(id__in=numbers)}


def register_all() -> None:
    register("trainer_pledges", Picker(_find, _label))
