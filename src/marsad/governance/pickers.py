"""Governance's pickers: the agreements and plans an instrument is recorded for, the charters
acted on, those who act on them, and the legal instruments a task rests on."""

from __future__ import annotations

from typing import Any

from marsad.governance import selectors
from marsad.web.pickers import Option, Picker, actor_picker, bilingual, ranked, register

# The kinds of actor that sign, boycott or amend a charter (the service's own list).
ACTING = ("state", "organization", "group", "person", "office", "body")


def _instrument_rows(user: Any) -> Any:
    return selectors.instruments(user).values_list("actor__key", "actor__name_ar", "actor__name_en")


def _find_instruments(user: Any, query: str) -> list[Option]:
    return ranked(
        query,
        ((bilingual(k, ar, en, k), [ar, en, k]) for k, ar, en in _instrument_rows(user)),
    )


def _label_instruments(user: Any, values: list[str]) -> dict[str, Option]:
    rows = _instrument_rows(user).filter(actor__key__in=[v.upper() for v in values])
    return {k: bilingual(k, ar, en, k) for k, ar, en in rows}


def register_all() -> None:
    register("agreements", actor_picker("agreement", "plan"))
    register("charters", actor_picker("agreement"))
    register("signatories", actor_picker(*ACTING))
    register("instruments", Picker(_find_instruments, _label_instruments))
