"""The kinds of record search finds. Each area declares its own in its `searchable.py` (found
by `autodiscover_modules`, as lists are), so the core knows no area: a kind says how one of its
records reads as an index entry and where its page is."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Model
from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules


@dataclass
class Entry:
    """What a record gives the index. `names` are indexed but not shown (the names, in both
    languages, of the actors and places it names: an English claim about Italy is found by
    ايطاليا)."""

    title_ar: str
    title_en: str
    body: str = ""
    names: Sequence[str] = ()
    day: date | None = None
    link: str = ""
    claim_type: str = ""
    source_id: int | None = None
    grade: str = ""
    governorate: str = ""
    actor_ids: Iterable[int] = ()


@dataclass(frozen=True)
class Follow:
    """Another record whose fields an entry reads (a claim's title holds its document's): when
    such a record is written with one of `fields` changed, the entries of the records reaching it
    by `path` (a lookup from the kind's model: "document", "document__source") are rewritten.
    The names of the actors and governorates an entry names are followed for every kind
    (marsad.core.search.services), through the index itself."""

    model: type[Model]
    path: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Kind:
    key: str
    label: Promise
    model: type[Model]
    entry: Callable[[Any], Entry]
    # The record's page, from its index row's record_id and link.
    url: Callable[[str, str], str]
    record_id: Callable[[Any], str] = lambda record: str(record.pk)
    # What building entries for many records at once should load with them.
    select: tuple[str, ...] = ()
    prefetch: tuple[str, ...] = ()
    # The field an index row's record_id is (the record's key, for actors).
    lookup: str = "pk"
    follows: tuple[Follow, ...] = ()


_KINDS: dict[str, Kind] = {}
_discovered = False


def register(kind: Kind) -> Kind:
    if kind.key in _KINDS and _KINDS[kind.key] != kind:
        raise ValueError(f"two searchable kinds are named {kind.key!r}")
    _KINDS[kind.key] = kind
    return kind


def kinds() -> list[Kind]:
    global _discovered
    if not _discovered:
        autodiscover_modules("searchable")
        _discovered = True
    return list(_KINDS.values())


def by_key(key: str) -> Kind | None:
    return next((kind for kind in kinds() if kind.key == key), None)


def for_model(model: type[Model]) -> Kind | None:
    return next((kind for kind in kinds() if kind.model is model), None)


_BOTH: dict[int, tuple[str, str]] = {}


def both(label: Any) -> tuple[str, str]:
    """A translatable label in Arabic and in English (an entry holds both titles)."""
    from django.utils import translation

    found = _BOTH.get(id(label))
    if found is None:
        with translation.override("ar"):
            arabic = str(label)
        with translation.override("en"):
            english = str(label)
        found = _BOTH[id(label)] = (arabic, english)
    return found


def governorate(pcode: str) -> str:
    """The governorate of a P-code (PS0260 of a neighbourhood PS0260xx); '' outside Gaza's."""
    return pcode[:6] if pcode.startswith("PS02") and len(pcode) >= 6 else ""
