"""extract(): a text in, the extraction contract's JSON object out (marsad.extraction/1).

The text is processed in blocks of at most MAX_BLOCK characters cut at line ends, and each
block sentence by sentence, so memory stays bounded on texts of several megabytes and the work
per sentence stays linear in its length.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections.abc import Iterator
from datetime import date
from functools import cache
from operator import attrgetter
from typing import Any

from marsad.extraction import group_names
from marsad.extraction.contract import CONTRACT, LANGUAGES, MAX_SPANS
from marsad.extraction.dates import FoundDate
from marsad.extraction.discourse import Discourse
from marsad.extraction.draft import Attribution, Draft, attribution, evidence_span, modality, status
from marsad.extraction.gazetteer import Actor, Match, lexicon
from marsad.extraction.language import detect_language
from marsad.extraction.names import Names
from marsad.extraction.normalize import Normalized, normalize
from marsad.extraction.patrons import without_patrons
from marsad.extraction.rules import sentence_drafts
from marsad.extraction.rules_blame import named_later, restated
from marsad.extraction.rules_speech import stances
from marsad.extraction.sentences import split_sentences
from marsad.extraction.slots import Sentence

MAX_BLOCK = 50_000
# "since" or منذ as a word. The look-behinds come after the words so that the regex starts with
# their letters and skips ahead to them, rather than trying every position of the sentence.
_SINCE = re.compile(r"(?:since(?<!\wsince)|منذ(?<!\wمنذ))(?!\w)")
_TEXTS = frozenset({"agreement", "plan"})
_START = attrgetter("start")
# Sentences with none of these cues cannot yield a claim and skip the rules.
_CLAIM_CUES = frozenset(
    {"T", "MEAS", "NOCOMBAT", "COMBAT", "GROUND", "CONDITION", "TASK", "DUAL", "DETAIN"}
    | {"VOW", "ANSWER"}
)


def blocks(text: str, size: int = MAX_BLOCK) -> Iterator[tuple[int, int]]:
    """[start, end) pieces of at most `size` characters, cut after a line end when possible."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + size // 2, end)
            if cut > start:
                end = cut + 1
        yield start, end
        start = end


@cache
def _is_claim_cue(category: str) -> bool:
    return category.split(":")[0] in _CLAIM_CUES


def _next_clause_end(sent: Sentence, end: int) -> int:
    """The end of the clause after a position ("…, according to witnesses, …")."""
    for at in range(min(end + 1, sent.end), sent.end):
        if sent.text[at] in ",;:،؛":
            return at
    return sent.end


def _clause_of(sent: Sentence, a: int, b: int) -> Sentence:
    """The part of a sentence between two positions, as a sentence of its own."""
    return Sentence(
        sent.text,
        a,
        b,
        [m for m in sent.entities if a <= m.start and m.end <= b],
        [c for c in sent.cues if a <= c.start and c.end <= b],
        sent.actors,
        sent.discourse,
        sent.published,
    )


def _within(items: list[Match], starts: list[int], a: int, b: int) -> list[Match]:
    return [m for m in items[bisect_left(starts, a) : bisect_left(starts, b)] if m.end <= b]


class _Document:
    """What extraction collects over a document: entities with mentions, and claims."""

    def __init__(self, text: str, published: date | None) -> None:
        self.text = text
        self.published = published
        self.actors = lexicon().actors
        self.entities: dict[str, dict[str, Any]] = {}
        self.claims: list[dict[str, Any]] = []
        self.index: dict[tuple[object, ...], dict[str, Any]] = {}
        # The claim each draft went to, by the draft's identity: an act told again adds its
        # sentence to it (the draft told before is kept alive by the one that tells it).
        self.added: dict[int, dict[str, Any]] = {}
        self.last_source: Attribution | None = None
        self.isf_near = False
        self.discourse = Discourse(self.actors)
        self.names = Names(self.actors, published)

    def entity(self, actor_id: str) -> dict[str, Any]:
        if actor_id not in self.entities:
            actor: Actor = self.actors[actor_id]
            self.entities[actor_id] = {
                "id": actor.id,
                "kind": actor.kind,
                "iso3": actor.iso3,
                "pcode": actor.pcode,
                "parent": actor.parent,
                "name_en": actor.name_en,
                "name_ar": actor.name_ar,
                "mentions": [],
            }
        return self.entities[actor_id]

    def block(self, base: int, end: int) -> None:
        chunk = self.text[base:end]
        norm = normalize(chunk)
        entities, cues = self.names.read(norm, chunk)
        entities = self.discourse.block(entities, cues, norm.text, chunk, norm.to_original)
        self.mentions(entities, norm, base)
        entities = [m for m in entities if m.entry.flags != group_names.MENTION_ONLY]
        # a patron is named ("Iran-aligned groups") but is no party to what the block tells
        entities, cues = without_patrons(entities, cues, norm.text)
        cues = stances(cues, norm.text)
        self.discourse.read(entities)
        entity_starts = [m.start for m in entities]
        cue_starts = [c.start for c in cues]
        # the force's mentions, looked up alone for the many sentences that have no cue
        isf = [m for m in entities if m.entry.value == "ISF"]
        isf_starts = [m.start for m in isf]
        sources: list[Attribution | None] = []
        pending: list[tuple[Draft, Sentence, int]] = []
        for s, e in split_sentences(norm.text, chunk, norm.to_original):
            sentence_cues = _within(cues, cue_starts, s, e)
            has_isf = bool(isf) and bool(_within(isf, isf_starts, s, e))
            if not sentence_cues:
                # no cue, no claim and no source: only whether it names the force counts
                self.isf_near = has_isf
                sources.append(None)
                continue
            sentence_entities = _within(entities, entity_starts, s, e)
            sent = Sentence(
                norm.text,
                s,
                e,
                sentence_entities,
                sentence_cues,
                self.actors,
                self.discourse,
                self.published,
            )
            drafts: list[Draft] = []
            if any(_is_claim_cue(c.entry.category) for c in sentence_cues):
                drafts = sentence_drafts(sent, isf_near=self.isf_near or has_isf)
            if pending:
                # the claims since the last sentence that told an attack ("… a car bomb
                # exploded. Three bystanders were wounded. Officials blamed al-Qaeda")
                told = [i for d, _, i in pending if d.type == "attack"]
                previous = told[-1] if told else pending[-1][2]
                earlier = [d for d, _, i in pending if i >= previous]
                drafts = restated(sent, drafts, earlier)
                if sent.has("CLAIMED", "CLAIMED:own", "BLAME"):
                    named_later(sent, earlier)
            self.isf_near = has_isf
            # attribution() reads ATTR cues only: a sentence without any names no source
            named = any(c.entry.category.startswith("ATTR:") for c in sentence_cues)
            sources.append(attribution(sent) if named else None)
            for draft in drafts:
                if draft.type == "attack" and draft.modality is None:
                    # known now, while its sentence is at hand: later sentences ask it
                    draft.modality = modality(sent, draft)
                pending.append((draft, sent, len(sources) - 1))
                self.discourse.remember(draft.type, draft.actor, draft.recipient)
        for draft, sent, index in pending:
            self.add(draft, sent, self.nearest_source(sources, index), norm, base)
        self.last_source = next((s for s in reversed(sources) if s), self.last_source)

    def mentions(self, entities: list[Match], norm: Normalized, base: int) -> None:
        """Each entity's mentions, in original offsets of the whole text."""
        size, length = len(norm.text), norm.original_length

        def same(a: int, b: int) -> tuple[int, int]:
            # nothing dropped: the offsets are the same but for the end of the text
            return (a if a < size else length), (b if b < size else length)

        span = norm.span if norm.breaks else same

        entities_by_id = self.entities
        for match in entities:
            start, stop = span(match.start, match.end)
            actor_id = match.entry.value
            entity = entities_by_id.get(actor_id) or self.entity(actor_id)
            entity["mentions"].append([base + start, base + stop])

    def nearest_source(self, sources: list[Attribution | None], index: int) -> Attribution | None:
        """The sentence's own source, else the nearest one named before it, else after it: a
        report names its source once, in the lead or at the end."""
        for at in range(index, -1, -1):
            if sources[at] is not None:
                return sources[at]
        if self.last_source is not None:
            return self.last_source
        for at in range(index + 1, len(sources)):
            if sources[at] is not None:
                return sources[at]
        return None

    def original(self, norm: Normalized, base: int, a: int, b: int) -> tuple[int, int]:
        start, end = norm.span(a, b)
        return base + start, base + end

    def add(
        self,
        draft: Draft,
        sent: Sentence,
        source: Attribution | None,
        norm: Normalized,
        base: int,
    ) -> None:
        def words(a: int, b: int) -> str:
            start, end = self.original(norm, base, a, b)
            return self.text[start:end]

        clause = evidence_span(sent, draft)
        start, end = self.original(norm, base, *clause)
        cue_start, cue_end = self.original(norm, base, draft.trigger.start, draft.trigger.end)
        evidence = {"start": start, "end": end, "rule": draft.rule, "cue": [cue_start, cue_end]}
        if draft.told is not None and id(draft.told) in self.added:
            # the act told again: its sentence is more evidence of the claim told before
            spans = self.added[id(draft.told)]["evidence"]
            if len(spans) < MAX_SPANS:
                spans.append(evidence)
            return
        chosen = source
        if clause != (sent.start, sent.end):
            # a long sentence's clauses may each name their own source: "according to
            # witnesses" for the strike, "the ministry said" for its concern
            reach = _next_clause_end(sent, clause[1])
            own = attribution(_clause_of(sent, clause[0], reach))
            if own is not None:
                chosen = own
        if draft.type == "statement" and (chosen is None or chosen.source is None) and draft.actor:
            attrib = {"source": draft.actor[0], "source_kind": "official", "cue": None}
        elif chosen is None and draft.type.startswith("mandate") and self.discourse.topic(_TEXTS):
            # the force's tasks come from the text that sets them up (resolution, plan, charter)
            attrib = {
                "source": self.discourse.topic(_TEXTS),
                "source_kind": "document",
                "cue": None,
            }
        elif chosen is None:
            attrib = {"source": None, "source_kind": "unknown", "cue": None}
        else:
            cue = words(chosen.cue.start, chosen.cue.end) if chosen.cue else None
            attrib = {"source": chosen.source, "source_kind": chosen.kind, "cue": cue}
        figures = {
            name: {
                "low": f["low"],
                "best": f["best"],
                "high": f["high"],
                "text": words(*f["span"]),
            }
            for name, f in draft.figures.items()
        }
        claim: dict[str, Any] = {
            "id": "",
            "type": draft.type,
            "actor": draft.actor,
            "recipient": draft.recipient,
            "target": draft.target,
            "attributes": {k: v for k, v in draft.attributes.items() if v is not None},
            "status": status(sent, draft),
            "modality": modality(sent, draft),
            "attribution": attrib,
            "figures": figures,
            "when": self.when(sent, draft, words),
            "where": self.where(draft, words),
            "evidence": [evidence],
        }
        key = (
            claim["type"],
            tuple(claim["actor"]),
            tuple(claim["recipient"]),
            claim["target"],
            tuple(sorted((k, str(v)) for k, v in claim["attributes"].items())),
            claim["modality"],
            tuple(sorted((k, f["best"]) for k, f in figures.items())),
        )
        if key in self.index:
            # A claim repeated through a long text keeps its first passages, as the contract
            # allows a claim no more.
            if len(self.index[key]["evidence"]) < MAX_SPANS:
                self.index[key]["evidence"].append(evidence)
            self.added[id(draft)] = self.index[key]
            return
        self.index[key] = claim
        self.added[id(draft)] = claim
        claim["id"] = f"c{len(self.claims) + 1}"
        self.claims.append(claim)
        used = [*claim["actor"], *claim["recipient"], claim["target"], attrib["source"]]
        used.append(claim["where"]["entity"])
        for actor_id in used:
            if actor_id:
                self.entity(actor_id)

    def when(self, sent: Sentence, draft: Draft, words: Any) -> dict[str, Any]:
        found: FoundDate | None = None
        since = [c.end for c in sent.of("PERIOD:since_truce")]
        since += [m.end() for m in _SINCE.finditer(sent.text, sent.start, sent.end)]
        for item in sent.dates:
            if any(0 <= item.start - pos <= 40 for pos in since):
                continue  # "since the truce took effect on 10 October" is not when
            if found is None or abs(item.start - draft.trigger.start) < abs(
                found.start - draft.trigger.start
            ):
                found = item
        if found is None:
            return {"date": None, "precision": None, "text": None}
        return {
            "date": found.date,
            "precision": found.precision,
            "text": words(found.start, found.end),
        }

    def where(self, draft: Draft, words: Any) -> dict[str, Any]:
        if draft.where is None:
            return {"entity": None, "pcode": None, "text": None}
        actor = self.actors[draft.where.entry.value]
        pcode = actor.pcode or actor.admin1
        text = words(draft.where.start, draft.where.end)
        return {"entity": actor.id, "pcode": pcode, "text": text}


def extract(
    text: str,
    *,
    language: str = "auto",
    published: date | None = None,
    path: str | None = None,
) -> dict[str, Any]:
    """Extract the entities and claims of a text, in the shape of the contract."""
    if language not in ("auto", *LANGUAGES):
        raise ValueError(f"language must be auto, ar, en or other (got {language!r})")
    lang = detect_language(text) if language == "auto" else language
    document = _Document(text, published)
    for start, end in blocks(text):
        document.block(start, end)
    hasher = hashlib.sha256()
    for start in range(0, len(text), 1 << 20):
        # a megabyte at a time: no second copy of a long text in memory
        hasher.update(text[start : start + (1 << 20)].encode("utf-8", "surrogatepass"))
    digest = hasher.hexdigest()
    return {
        "contract": CONTRACT,
        "document": {
            "path": path,
            "language": lang,
            "sha256": digest,
            "chars": len(text),
            "published": published.isoformat() if published else None,
        },
        "entities": list(document.entities.values()),
        "claims": document.claims,
    }
