"""The audience of a report, from how it is written (`ITA,FRA`, `force`, `public`, `internal`),
and the marking line that says who may read it.

`force` is every contributing nation: the states that are members of the force, and the states
with a pledge to it (not a refusal, not withdrawn), as the coordination centre knows them on the
day. The centre reads them (an internal reader): who the force is decides only how narrow the
report is, and the marking line names no nation, so nothing of that reading reaches a reader.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pycountry
from django.utils.translation import gettext as _

from marsad.core.audience import FORCE, INTERNAL, NATIONS, PUBLIC, Audience, nations_audience
from marsad.core.errors import InvalidInput

FIELD = "audience"
WORDS = (PUBLIC, INTERNAL, FORCE)


def known_nations() -> set[str]:
    """ISO 3166 alpha-3 codes Marsad knows: every code of pycountry, and the state actors'
    identifiers (a state the centre recorded under an ISO code pycountry may not list yet)."""
    from marsad.core import selectors as core
    from marsad.core.models.actors import ActorKind

    codes = {country.alpha_3 for country in pycountry.countries}
    states = core.actors(Audience(INTERNAL), kind=ActorKind.STATE).values_list("key", flat=True)
    return codes | {key for key in states if len(key) == 3}


def force_nations(day: date | None = None) -> tuple[str, ...]:
    """The contributing nations on `day`: members of the force and states pledging to it."""
    from marsad.coalition import selectors as coalition

    reader = Audience(INTERNAL)
    found = set()
    for standing in coalition.standings(reader, day=day):
        actor = standing.actor
        if actor.kind == "state" and (standing.membership is not None or standing.pledges):
            found.add(actor.key)
    return tuple(sorted(found))


def parse_audience(text: Any, *, day: date | None = None) -> Audience:
    """The audience written as `ITA,FRA`, `force`, `public` or `internal`; anything else is
    refused naming the field `audience`."""
    raw = str(text or "").strip()
    parts = [p.strip() for p in raw.replace(";", ",").split(",") if p.strip()]
    if not parts:
        raise InvalidInput.one(FIELD, raw, "name at least one nation, or force, public or internal")
    words = [p.lower() for p in parts if p.lower() in WORDS]
    if words and len(parts) > 1:
        raise InvalidInput.one(
            FIELD, raw, f"'{words[0]}' stands alone: it cannot be mixed with nations or other words"
        )
    if words == [PUBLIC]:
        return Audience(PUBLIC)
    if words == [INTERNAL]:
        return Audience(INTERNAL)
    if words == [FORCE]:
        return Audience(FORCE, force_nations(day))
    return nations_audience(parts, known=known_nations(), field_name=FIELD)


def marking_line(audience: Audience) -> str:
    """The line at the top and foot of every page, in the active language; in an exercise it
    starts with "EXERCISE — NAME"."""
    from django.utils.translation import get_language

    from marsad.exercises.mode import mark

    return mark(_marking_line(audience), (get_language() or "en")[:2])


def _marking_line(audience: Audience) -> str:
    if audience.kind == PUBLIC:
        return _("Public: releasable to everyone")
    if audience.kind == INTERNAL:
        return _("Internal: coordination centre only, not releasable")
    if audience.kind == FORCE:
        return _("Releasable to: the whole force (every contributing nation)")
    return _("Releasable to: %(nations)s") % {"nations": ", ".join(audience.audience_nations)}


def audience_label(audience: Audience) -> str:
    """The audience in words, in the active language: its nations, or what the word means."""
    words = {
        PUBLIC: _("the public"),
        INTERNAL: _("the coordination centre"),
        FORCE: _("the whole force"),
    }
    return words.get(audience.kind) or ", ".join(audience.audience_nations)


def marking_of(audience: Audience) -> tuple[str, tuple[str, ...]]:
    """The releasability marking of what is issued to `audience` (an issued report)."""
    if audience.kind == NATIONS:
        return NATIONS, audience.audience_nations
    return audience.kind, ()


def may_request(reader: Any, audience: Audience) -> bool:
    """Whether `reader` may read a report cut for `audience`: the audience must read nothing the
    reader may not. Analysts and administrators read every audience; a liaison officer of ITA
    reads audiences that include ITA (ITA, ITA+FRA), the whole force when ITA is a contributing
    nation, and public; a public reader public only. Deny by default."""
    if not getattr(reader, "is_authenticated", False):
        return audience.kind == PUBLIC
    role = getattr(reader, "role", "")
    if getattr(reader, "is_superuser", False) or role in ("admin", "analyst"):
        return True
    if audience.kind == PUBLIC:
        return True
    nation = getattr(reader, "nation", "")
    if role != "liaison" or not nation:
        return False
    if audience.kind == NATIONS:
        return nation in audience.audience_nations
    if audience.kind == FORCE:
        return nation in audience.audience_nations
    return False
