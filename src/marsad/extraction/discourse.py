"""What a document has said so far, for the slots a sentence leaves empty: the force or body
the text is about, the last subject and speaker (for "it", "she", verbs with no subject), and
the last perpetrator of an attack."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from marsad.extraction.gazetteer import Actor, Match

TOPIC_KINDS = frozenset({"force", "body", "agreement", "plan"})
# Bodies that are talked about, never joined or contributed to.
_NOT_TOPICS = frozenset({"UNSC", "IDF", "CENTCOM", "ITA-PARLIAMENT", "ITA-CARABINIERI", "PA"})


@dataclass
class Discourse:
    """Document-level memory shared by the sentences of one document."""

    actors: dict[str, Actor]
    topics: Counter[str] = field(default_factory=Counter)
    gaza: bool = False
    last_subject: list[str] = field(default_factory=list)
    last_speaker: list[str] = field(default_factory=list)
    last_perpetrator: list[str] = field(default_factory=list)

    def read(self, entities: list[Match]) -> None:
        """Count the topics of a block before its sentences are read."""
        for match in entities:
            actor = self.actors[match.entry.value]
            national = actor.parent and self.actors[actor.parent].kind == "state"
            if actor.kind in TOPIC_KINDS and actor.id not in _NOT_TOPICS and not national:
                self.topics[actor.id] += 1
            if actor.kind == "place" and (actor.pcode or actor.parent or "").startswith("PS02"):
                self.gaza = True

    def topic(self, kinds: frozenset[str] = TOPIC_KINDS, skip: tuple[str, ...] = ()) -> str | None:
        """The most mentioned force, body, agreement or plan of the document, if any."""
        for actor_id, _ in self.topics.most_common():
            if self.actors[actor_id].kind in kinds and actor_id not in skip:
                return actor_id
        return None

    def remember(self, claim_type: str, actor: list[str]) -> None:
        """Keep the actor of a claim for the sentences that follow."""
        if not actor:
            return
        if claim_type in ("attack", "casualties"):
            self.last_perpetrator = actor
            return
        kinds = {self.actors[a].kind for a in actor}
        if kinds & {"state", "office", "person", "organization", "group", "body", "armed_group"}:
            self.last_subject = actor
        if claim_type in ("statement", "comment_refusal"):
            self.last_speaker = actor
