"""What a document has said so far, for the slots a sentence leaves empty: the force or body
the text is about, the last subject and speaker (for "it", "she", verbs with no subject), and
the last perpetrator of an attack."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from marsad.extraction.gazetteer import ENTITY, Actor, Entry, Match

_GAZA_PARTIES = frozenset({"HAMAS", "PIJ", "ISR", "IDF", "PSE", "PA", "GAZA-CEASEFIRE"})
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
    last_group: str | None = None
    # whether the text names a party to the Gaza ceasefire (its default agreement)
    gaza_parties: bool = False

    def refer(self, entities: list[Match], cues: list[Match]) -> list[Match]:
        """The entities of a block with "the movement" (الحركة) read as a mention of the armed
        group named last before it, in this block or an earlier one."""
        refs = [c for c in cues if c.category == "GROUPREF" and self._subject(c, cues)]
        if not refs:
            return entities
        found = list(entities)
        for ref in refs:
            named = [
                m
                for m in entities
                if m.end <= ref.start and self.actors[m.entry.value].kind == "armed_group"
            ]
            group = named[-1].entry.value if named else self.last_group
            if group is None or any(m.start < ref.end and ref.start < m.end for m in entities):
                continue
            found.append(
                Match(ref.start, ref.end, Entry(ENTITY, group, ref.entry.lang), ref.prefix)
            )
        return sorted(found, key=lambda m: m.start)

    @staticmethod
    def _subject(ref: Match, cues: list[Match]) -> bool:
        """Whether "the movement" stands where a speaker or an agent stands: right after a verb
        of saying or of a claim (وطالبت الحركة، قالت الحركة) or after "that" (إن الحركة), not in
        "freedom of movement" or "the movement of trucks"."""
        if ref.entry.lang != "ar":
            return True
        return any(
            c.end <= ref.start - len(ref.prefix) <= c.end + 1
            and (c.category.startswith(("T:", "ATTR:say")) or c.category == "THAT")
            for c in cues
        )

    def read(self, entities: list[Match]) -> None:
        """Count the topics of a block before its sentences are read."""
        for match in entities:
            actor = self.actors[match.entry.value]
            if actor.kind == "armed_group":
                self.last_group = actor.id
            national = actor.parent and self.actors[actor.parent].kind == "state"
            if actor.kind in TOPIC_KINDS and actor.id not in _NOT_TOPICS and not national:
                self.topics[actor.id] += 1
            if actor.kind == "place" and (actor.pcode or actor.parent or "").startswith("PS02"):
                self.gaza = True
            if actor.id in _GAZA_PARTIES:
                self.gaza_parties = True

    @property
    def gaza_ceasefire(self) -> str | None:
        """The agreement a ceasefire word means when the text names none: the Gaza ceasefire
        in a text about Gaza or its parties, none in a text about Sudan or Yemen."""
        return "GAZA-CEASEFIRE" if self.gaza or self.gaza_parties else None

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
