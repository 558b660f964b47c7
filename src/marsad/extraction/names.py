"""The names of one block of a document: the dictionary scan, then the readers of the names the
dictionaries do not know, in the order each needs the others' hits (a place checked against the
document's states, a title given its holder on the day, persons, places, groups and names in
quotes or with their short form, appositions), then one name per span and a speaking capital
read as its state. What the document has named so far (its states and places, its persons'
surnames) carries from block to block."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cache

from marsad.extraction import (
    acronyms,
    capitals,
    group_names,
    offices,
    place_names,
    places,
    quoted_names,
)
from marsad.extraction.appositions import appositions
from marsad.extraction.gazetteer import Actor, Match, lexicon, scan
from marsad.extraction.normalize import Normalized
from marsad.extraction.overlaps import resolve
from marsad.extraction.persons import Persons


@cache
def _titles() -> frozenset[str]:
    return offices.titles()


@cache
def _known_persons() -> frozenset[str]:
    return frozenset(k for k, a in lexicon().actors.items() if a.kind == "person")


class Names:
    """The name readers of one document."""

    def __init__(self, actors: Mapping[str, Actor], published: date | None) -> None:
        self.actors = actors
        self.published = published
        # the states and places the document has named so far (places.check)
        self.places: set[str] = set()
        self.persons = Persons(_known_persons())

    def read(self, norm: Normalized, original: str) -> tuple[list[Match], list[Match]]:
        """The block's entity names and cues, one name per span."""
        text, at = norm.text, norm.to_original
        hits = scan(text, original, at)
        hits = places.check(hits, text, self.actors, self.places)
        hits = offices.resolve(hits, self.published, self.actors, self.places, text)
        hits += self.persons.find(text, original, at, hits)
        hits = offices.named_after(hits, self.actors, text)
        hits += place_names.find(text, original, at, hits)
        hits += group_names.find(text, original, at, hits)
        hits += quoted_names.find(text, original, at, hits, self.actors)
        hits += acronyms.find(text, original, at, hits, self.actors)
        hits = appositions(hits, self.actors, text, _titles())
        entities, cues = resolve(hits)
        return capitals.speaking(entities, cues, text, self.actors), cues
