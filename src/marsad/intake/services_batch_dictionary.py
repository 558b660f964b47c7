"""The dictionary entries (actors, sources) that the proposed claims of an ingest batch name for
the first time, created at once through the gate's batch form.

`services.propose_one` creates them one claim at a time (`_entity_actor`, `_source`): each
actor the claim names that is not yet in the dictionary, its parent first when the extraction
names the parent too (a parent that is neither extracted nor stored is left out), then the
source of its attribution with that source's actor. Here the same decisions are taken in the
same order for the whole batch, in memory, and the entries are stored with `gate.store_batch`
(one audit entry per model and layer instead of one per entry): what is stored is what the
one-by-one path stores.

A claim whose first mentions cannot be decided here (a key not in its extraction or not in the
dictionary's form, an entry the actor checks refuse, a key held by a record hidden from the
writer, a claim that `record_claim` refuses) creates nothing here and is left to `propose_one`,
which decides it exactly.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError

from marsad.core.models import Actor, ActorKind, Document, Source
from marsad.core.releasability import ISO3
from marsad.core.services import gate
from marsad.core.services.actors import KEY
from marsad.core.services.base import Writer, clean_marking
from marsad.intake.ingest import Extracted

PUBLIC = clean_marking("public", ())
SOURCE_KIND_OF_ACTOR = {"media": "media"}


class _Undecided(Exception):
    """Left to `propose_one`."""


def _new_actor(entity: Mapping[str, Any], key: str, parent: Actor | None) -> Actor:
    """The actor `create_actor` makes of an extracted entity, checked as it checks it."""
    kind = entity["kind"]
    iso3 = (entity.get("iso3") or "").strip().upper()
    if kind not in ActorKind.values:
        raise _Undecided
    if (kind == ActorKind.STATE and not ISO3.match(iso3)) or (iso3 and kind != ActorKind.STATE):
        raise _Undecided
    actor = Actor(
        key=key,
        kind=kind,
        name_ar=(entity["name_ar"] or "").strip(),
        name_en=(entity["name_en"] or "").strip(),
        aliases_ar=[],
        aliases_en=[],
        iso3=iso3,
        pcode=(entity.get("pcode") or "").strip().upper(),
        geometry=None,
        parent=parent,
    )
    # a dictionary entity is public knowledge; a name read from the text, its document's
    actor.marking, actor.releasable_to = (
        clean_marking(entity["marking"], entity.get("nations")) if "marking" in entity else PUBLIC
    )
    try:
        actor.full_clean(exclude=["parent"], validate_unique=False)
    except ValidationError:
        raise _Undecided from None
    return actor


def _new_source(actor: Actor) -> Source:
    source = Source(
        key=actor.key,
        name_ar=actor.name_ar,
        name_en=actor.name_en,
        kind=SOURCE_KIND_OF_ACTOR.get(actor.kind, "official"),
        reliability="F",
        actor=actor,
        url="",
        grading_note_ar="",
        grading_note_en="",
    )
    source.marking, source.releasable_to = actor.marking, actor.releasable_to
    try:
        source.full_clean(exclude=["actor"], validate_unique=False)
    except ValidationError:
        raise _Undecided from None
    return source


class _Plan:
    """The entries to create, in the order `propose_one` would create them."""

    def __init__(
        self, actors: dict[str, Actor], sources: dict[str, Source], taken: tuple[set[str], set[str]]
    ) -> None:
        self.actors, self.sources = actors, sources
        # Keys held by entries the writer may not read: creating them again is refused.
        self.taken, self.taken_sources = taken
        self.new_actors: dict[str, Actor] = {}
        self.new_sources: dict[str, Source] = {}

    def _actor(self, entities: Mapping[str, Any], key: str, mine: dict[str, Actor]) -> Actor:
        """`_entity_actor`: the stored or planned actor, else a new one (its parent first)."""
        found = self.actors.get(key) or self.new_actors.get(key) or mine.get(key)
        if found is not None:
            return found
        if not KEY.match(key) or key in self.taken or key not in entities:
            raise _Undecided
        entity = entities[key]
        parent_key = entity.get("parent") or ""
        parent = None
        if parent_key and parent_key in entities:
            parent = self._actor(entities, parent_key, mine)
        elif parent_key:
            parent = (
                self.actors.get(parent_key)
                or self.new_actors.get(parent_key)
                or mine.get(parent_key)
            )
            if parent is None and parent_key in self.taken:
                raise _Undecided  # stored but hidden from the writer: lookups decide
        mine[key] = _new_actor(entity, key, parent)
        return mine[key]

    def claim(self, entities: Mapping[str, Any], data: Mapping[str, Any]) -> None:
        """Plan the first mentions of one claim: all of them, or none (as a claim refused by
        `propose_one` leaves none behind)."""
        mine: dict[str, Actor] = {}
        sources: dict[str, Source] = {}
        try:
            keys = [*data["actor"], *data["recipient"], data["target"], data["where"].get("entity")]
            for key in keys:
                if key:
                    self._actor(entities, key, mine)
            given = data["attribution"].get("source")
            if given and given not in self.sources and given not in self.new_sources:
                if given in self.taken_sources or not KEY.match(given):
                    raise _Undecided
                if given in entities:
                    sources[given] = _new_source(self._actor(entities, given, mine))
        except (_Undecided, KeyError, TypeError, AttributeError):
            return
        self.new_actors.update(mine)
        self.new_sources.update(sources)


def _store_actors(by: Writer, actors: list[Actor], detail: dict[str, Any]) -> None:
    """Parents before their children: a layer at a time, each with its parents' ids set."""
    waiting = list(actors)
    while waiting:
        ready = [a for a in waiting if a.parent is None or a.parent.pk is not None]
        for actor in ready:
            actor.parent = actor.parent  # takes the parent's id, now that it has one
        gate.store_batch(Actor, ready, by=by, ids=lambda a: a.key, detail=detail, action="create")
        waiting = [a for a in waiting if a.pk is None]


def create_first_mentions(
    by: Writer,
    new: list[tuple[Extracted, Document]],
    actors: dict[str, Actor],
    sources: dict[str, Source],
    refused: Any,
) -> None:
    """Create the actors and sources the batch's claims name for the first time, and add them
    to `actors` and `sources`. `refused(document, entities, claim)` says whether `record_claim`
    refuses a claim whatever the dictionary holds (such a claim creates nothing)."""
    wanted = {
        str(key)
        for result, _d in new
        for entity in result.extraction["entities"]
        for key in (entity["id"], entity.get("parent"))
        if key
    }
    actors.update({a.key: a for a in Actor.objects.visible_to(by).filter(key__in=wanted)})
    sources.update({s.key: s for s in Source.objects.visible_to(by).filter(key__in=wanted)})
    taken = (
        set(Actor.objects.filter(key__in=wanted).values_list("key", flat=True)) - actors.keys(),
        set(Source.objects.filter(key__in=wanted).values_list("key", flat=True)) - sources.keys(),
    )
    plan = _Plan(actors, sources, taken)
    for result, document in new:
        entities = {e["id"]: e for e in result.extraction["entities"]}
        for proposed in result.extraction["claims"]:
            if not refused(document, entities, proposed):
                plan.claim(entities, proposed)
    if not plan.new_actors and not plan.new_sources:
        return
    detail = {"first mentions": True}
    _store_actors(by, list(plan.new_actors.values()), detail)
    for source in plan.new_sources.values():
        source.actor = source.actor  # takes the actor's id
    gate.store_batch(
        Source, list(plan.new_sources.values()), by=by, ids=lambda s: s.key, detail=detail,
        action="create",
    )  # fmt: skip
    actors.update(plan.new_actors)
    sources.update(plan.new_sources)
