"""Marker records for the leak matrix: one record of every releasable model for each marking,
each carrying a token of its own (letters and digits, so it survives escaping and Arabic
pages) in a field that pages and the API show. A token found where its marking does not reach
is a leak, whichever record showed it."""

from __future__ import annotations

from .marked import MARKINGS, SYSTEM, Markers, One
from .world_operations import access, mandate, plan, programs, system
from .world_record import ceasefire, coalition, core, governance


def _world(m: Markers, name: str, marking: str, nations: tuple[str, ...]) -> None:
    """Every model's marker for one marking, in the order their records are written."""
    w = One(m, name, marking, nations)
    actor, source, claim = core(w)
    accord = ceasefire(w, actor, source)
    pledge = coalition(w, actor)
    governance(w, actor, accord)
    plan(w, actor)
    corridor = access(w)
    mandate(w, corridor, pledge)
    programs(w, source)
    system(w, claim)


def make_markers() -> Markers:
    markers = Markers()
    for name, marking, nations in MARKINGS:
        _world(markers, name, marking, nations)
    return markers


def unused(markers: Markers) -> list[str]:
    """Models whose markers hold no record (a model added to Marsad and missing here)."""
    return [model for model, found in markers.records.items() if len(found) != len(MARKINGS)]


#: Models whose text no page or API shows yet (an agreement's summary beside the main one's, a
#: clause's text): their markers are still checked wherever their tokens appear.
NOT_SHOWN = frozenset({"agreement", "clause"})

__all__ = ["MARKINGS", "NOT_SHOWN", "SYSTEM", "Markers", "make_markers", "unused"]
