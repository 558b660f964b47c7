"""Rules for what parties say and how the force is described: statements, refusals to
comment, disputes and the tasks of the mandate."""

from __future__ import annotations

import re

from marsad.extraction.draft import Draft, variant_of
from marsad.extraction.gazetteer import Match
from marsad.extraction.persons_words import AR_TITLES
from marsad.extraction.slots import (
    ACTOR_KINDS,
    Sentence,
    after,
    before,
    chain,
    eligible,
    ids,
    marked,
    thing_near,
)

STATE_LIKE = frozenset({"state", "office", "person", "body", "group", "organization"})
_OBJECTS = ("agreement", "plan", "force", "body")
# The bodies a dispute over who governs Gaza is about.
_GOVERNING = ("BOP", "NCAG")
_TASK_CATEGORIES = (
    "TASK:ceasefire",
    "TASK:security",
    "TASK:humanitarian_corridors",
    "TASK:reconstruction",
    "TASK:police_training",
    "TASK:border_security",
    "TASK:disarmament",
)


def _crossing_near(sent: Sentence, pos: int) -> str | None:
    found = [m for m in sent.entities if m.entry.value.startswith("CROSSING-")]
    return found[0].entry.value if found and found[0].start >= pos else None


def _holder(sent: Sentence, speaker: list[Match]) -> list[Match]:
    """The person who holds the office a demonym qualifies: "ودان وزير الخارجية العراقي فؤاد
    حسين": the minister speaks, named right after his state."""
    if len(speaker) != 1 or not speaker[0].entry.adjective:
        return speaker
    for match in sent.entities:
        if (
            match.start >= speaker[0].end
            and sent.kind(match) == "person"
            and sent.words(speaker[0].end, match.start) == 0
        ):
            return [match]
    return speaker


# Words at most between a verb and the name its subject's title leads to ("ودعت الممثلة الخاصة
# للأمين العام للأمم المتحدة في العراق جينين هينيس-بلاسخارت").
_TITLE_REACH = 10


def _titled(sent: Sentence, trigger: Match) -> list[Match]:
    """The person an Arabic verb's subject names by a title first: "ودان المبعوث الأممي إلى
    سوريا ستافان دي ميستورا" (not Syria, nor the UN of his title)."""
    words = sent.text[trigger.end : trigger.end + 20].split()
    if not words or words[0] not in AR_TITLES:
        return []
    for match in sent.entities:
        if match.start >= trigger.end and sent.kind(match) == "person":
            near = sent.words(trigger.end, match.start) <= _TITLE_REACH
            return [match] if near and not _barrier(sent, trigger.end, match.start) else []
    return []


# "Ban Ki-moon, who was visiting Israel, condemned": the subject stands before the clause.
_RELATIVE = re.compile(r",\s+(?:who|which)\s[^,]{1,80},\s*$")


def _before_clause(sent: Sentence, pos: int) -> int:
    """Where to look for an English subject: before a relative clause that ends at `pos`."""
    found = _RELATIVE.search(sent.text, max(sent.start, pos - 100), pos)
    return found.start() if found else pos


def _barrier(sent: Sentence, a: int, b: int) -> bool:
    return any(a <= mark < b for mark in sent.barriers) or "،" in sent.text[a:b]


# English participles of support that describe a noun when "by" follows them.
_PARTICIPLES_EN = frozenset({"backed", "supported", "endorsed"})


def stances(cues: list[Match], text: str) -> list[Match]:
    """The cues without the participles of support that describe a noun ("Yemeni troops backed
    by tanks shelled …"): no stance, and no speaker's clause for the act to stop at."""
    return [
        c
        for c in cues
        if not (
            c.entry.category == "T:statement"
            and text[c.start : c.end] in _PARTICIPLES_EN
            and text[c.end : c.end + 4] == " by "
        )
    ]


def statement(sent: Sentence, trigger: Match) -> list[Draft]:
    """A speaker's stance: shocked, condemn, concern, welcome, support, reject, call, announce."""
    arabic = trigger.entry.lang == "ar"
    if sent.text[trigger.start : trigger.end].startswith("ask"):
        lead = sent.text[max(sent.start, trigger.start - 8) : trigger.start].split()
        if lead and lead[-1] in ("be", "been", "was", "were", "being", "is", "are"):
            return []  # "would not be asked to fight": no one calls
    speaker: list[Match] = []
    expressed = None
    if "c" in trigger.entry.flags or (
        arabic and _ADDING.search(sent.text, max(sent.start, trigger.start - 24), trigger.start)
    ):
        # a participle (داعياً، مطالبةً، محذراً) shares the subject of the sentence's main verb
        items = [m for m in eligible(sent, ACTOR_KINDS) if m.start < trigger.start]
        speaker = chain(sent, items, 0, 1) if items else []
        main = [c for c in sent.of("T:statement") if c.end <= trigger.start]
        if main and arabic:
            speaker = _titled(sent, main[0]) or speaker
    elif arabic and (
        "v" in trigger.entry.flags
        or trigger.prefix in ("و", "ف")
        or (expressed := _EXPRESSED.search(sent.text, sent.start, trigger.start))
    ):
        # a verb first: أدانت قطر, رحبت مصر (a verb joined by و is a verb whatever its entry);
        # "وأعرب عن قلقه": the verb before the noun, its subject that of the verb before
        speaker = [] if expressed else after(sent, trigger.end, max_words=3, names_only=True)
        joined = trigger.prefix in ("و", "ف") or expressed is not None
        # "وطالبت بفرض عقوبات على المستوطنين": the complement right after the verb, no subject
        bare = bool(_COMPLEMENT.match(sent.text, trigger.end))
        if joined and (
            not speaker
            or bare
            or (sent.kind(speaker[-1]) != "person" and _addressee(sent, speaker[-1]))
        ):
            # "زار كولن باول دارفور، ودعا الحكومة السودانية إلى": the second verb shares the
            # first one's subject, a person; the party after it is the one called on
            earlier = before(sent, trigger.start, max_words=12)
            persons = [
                m for m in sent.entities if m.start < trigger.start and sent.kind(m) == "person"
            ]
            first = _first_speaker(sent, trigger)
            if earlier and sent.kind(earlier[-1]) == "person":
                speaker = earlier
            elif first:
                # "ودانت وزارة الخارجية الإيرانية الاعتداء، وطالبت الحكومة العراقية بحماية":
                # the subject of the sentence's first verb of speech
                speaker = first
            elif persons:
                # "أعرب مدير الوكالة محمد البرادعي عن قلقه من توسيع إيران منشأة التخصيب في
                # نطنز، ودعا طهران إلى": the person the sentence opened with, however far
                speaker = persons[:1]
    speaker = _holder(sent, speaker)
    if arabic and "c" not in trigger.entry.flags:
        speaker = _titled(sent, trigger) or speaker
    speaker = spoken_for(sent, speaker)
    speaker = speaker or before(sent, _before_clause(sent, trigger.start), max_words=3)
    if arabic and not speaker:
        speaker = after(sent, trigger.end, max_words=3, names_only=True)
    speaker = speaker or before(sent, trigger.start, max_words=12)
    actor = ids(speaker) or list(sent.discourse.last_speaker or sent.discourse.last_subject)
    if not actor:
        return []
    variant = 2 if speaker and speaker[0].start > trigger.end else 1
    stance = trigger.entry.value
    things = [
        m
        for m in sent.entities
        if m.start >= trigger.end
        and sent.words(trigger.end, m.start) <= 8
        and not any(trigger.end <= c.start < m.start for c in sent.of("T:statement"))
        and sent.kind(m) in _OBJECTS
        and m.entry.value not in actor
        and m.entry.value not in ("UNSC", "IDF")
    ]
    things.sort(key=lambda m: (_OBJECTS.index(sent.kind(m)), m.start))
    target = things[0].entry.value if things else _crossing_near(sent, trigger.end)
    later = [t.start for t in sent.of("T:statement") if t.start > trigger.end]
    limit = min(later, default=sent.end)
    if target is None and any(trigger.end <= c.start < limit for c in sent.of("CEASEFIRE")):
        # "called on both sides to respect the ceasefire": Gaza's, in a text about Gaza
        target = sent.discourse.gaza_ceasefire
    if target is None and any(
        trigger.end <= c.start < limit and sent.words(trigger.end, c.start) <= 4
        for c in sent.of("BACKREF")
    ):
        # "welcomed the move": what the document is about, named in an earlier sentence
        target = sent.discourse.topic(skip=tuple(actor))
    spoken = max((m.end for m in speaker if m.start > trigger.end), default=trigger.end)
    addressed = _called_on(sent, spoken, actor) if stance == "call" else []
    return [Draft("statement", trigger, variant, actor, addressed, target, {"stance": stance})]


# A participle of saying, then "that" and a pronoun, right before a stance: "مضيفاً أنه يؤيد",
# "مؤكدةً أنها ترفض" (folded): the speaker is the subject of the sentence's main verb.
_ADDING = re.compile(
    r"(?<!\S)(?:مضيفا|مضيفه|مؤكدا|مؤكده|مشيرا|مشيره|موضحا|موضحه|معتبرا|معتبره)\s+ان(?:ه|ها)?\s+$"
)
# A verb of expressing joined by و right before the noun of a stance, with no subject between:
# "وأعرب عن قلقه", "وأبدت أسفها" (folded).
_EXPRESSED = re.compile(r"(?<!\S)[وف](?:اعرب|اعربت|ابدي|ابدت|عبر|عبرت)\s+(?:عن\s+)?$")
# "طالب برلسكوني واشنطن بتقديم تفسير": طالب takes what it asks for with ب.
_COMPLEMENT = re.compile(r"\s+(?:ب\w{3,}|الي\s)")
_TO = re.compile(r"^\s*(?:\S+\s+)?(?:(?:الي|to|علي)\s|ب\w{3,})")


def _first_speaker(sent: Sentence, trigger: Match) -> list[Match]:
    """The subject after the first Arabic verb of speech before `trigger` in its sentence."""
    for cue in sent.of("T:statement"):
        if cue.end > trigger.start:
            break
        if cue.entry.lang == "ar" and ("v" in cue.entry.flags or cue.prefix in ("و", "ف")):
            # "دعا المبعوث الأممي الخاص إلى سوريا غير بيدرسن": the titled person, not Syria
            found = _titled(sent, cue) or after(sent, cue.end, max_words=3, names_only=True)
            if found and found[0].end <= trigger.start:
                return found
    return []


def _addressee(sent: Sentence, match: Match) -> bool:
    """ "دعا الحكومة السودانية إلى", "urged NATO commanders to": the party called on."""
    return bool(_TO.match(sent.text[match.end : min(sent.end, match.end + 30)]))


def _called_on(sent: Sentence, end: int, actor: list[str]) -> list[str]:
    """Whom a call addresses: the party right after the verb (and its speaker, "دعا الأمين
    العام للأمم المتحدة أنطونيو غوتيريش رواندا إلى") and before إلى / "to"."""
    for match in sorted(sent.entities, key=lambda m: m.start):
        if match.start < end or sent.words(end, match.start) > 3:
            continue
        value = match.entry.value
        actor_of = sent.actors[value]
        if (
            sent.kind(match) == "place"
            and (actor_of.population or 0) >= CAPITAL
            and actor_of.parent
        ):
            value = actor_of.parent  # "دعا طهران إلى": a capital speaks for its state
        elif value in actor or sent.kind(match) not in _ADDRESSEES:
            continue
        if value in actor:
            continue
        lead = sent.text[max(sent.start, match.start - len(match.prefix) - 30) : match.start]
        if sent.kind(match) == "person" and set(lead.split()) & AR_TITLES:
            return []  # "ودعا الأمين العام أنطونيو غوتيريش إلى": the titled speaker
        return [value] if _addressee(sent, match) else []
    return []


# A spokesman's words before the party he speaks for (folded): "المتحدث الرسمي باسم الجماعة",
# "the spokesman for the army", and the party's own name before "spokesman" ("Taliban spokesman").
_SPOKESMAN = re.compile(
    r"(?:(?:ال)?(?:متحدث|ناطق)(?:ه)?(?:\s+(?:ال)?رسمي(?:ه)?)?(?:\s+(?:ال)?عسكري)?\s+باسم"
    r"|\b(?:spokesman|spokeswoman|spokesperson)\s+(?:for|of))\s+(?:the\s+)?$"
)
_SPOKESMAN_AFTER = re.compile(r"\s+(?:military\s+)?(?:spokesman|spokeswoman|spokesperson)\s*$")


def spoken_for(sent: Sentence, speaker: list[Match]) -> list[Match]:
    """The party a spokesman speaks for, named before him, in his place: "ونفى المتحدث باسم
    الجماعة أودا طربي الاتهام", "Taliban spokesman Zabihullah Mujahid said" (the party's
    words, as the annotation guide reads them)."""
    if len(speaker) != 1 or sent.kind(speaker[0]) != "person":
        return speaker
    person = speaker[0]
    for match in sent.entities:
        if match.end > person.start or sent.kind(match) == "person":
            continue
        lead = sent.text[
            max(sent.start, match.start - len(match.prefix) - 40) : match.start - len(match.prefix)
        ]
        between = sent.text[match.end : person.start]
        if _SPOKESMAN.search(lead) and sent.words(match.end, person.start) <= 1:
            return [match]
        if _SPOKESMAN_AFTER.match(between) and not between.strip(" ,").count(" ") > 2:
            return [match]
    return speaker


# The population dictionaries.py gives a capital, above every town's.
CAPITAL = 10**9
_ADDRESSEES = frozenset({"state", "organization", "force", "armed_group", "body", "person"})


def comment_refusal(sent: Sentence, trigger: Match) -> list[Draft]:
    """The party that declined to comment, did not respond, would not confirm, or denied."""
    arabic = trigger.entry.lang == "ar"
    kinds = STATE_LIKE | frozenset({"armed_group", "force"})
    subject: list[Match] = []
    if arabic:
        subject = after(sent, trigger.end, max_words=3, kinds=kinds, names_only=True)
    subject = subject or before(sent, trigger.start, max_words=16, kinds=kinds)
    subject = subject or marked(sent, "BY", trigger.end, max_words=6)  # "no comment from X"
    subject = spoken_for(sent, [m for m in subject if m.entry.value != "ISF"])
    if not arabic and not subject:
        subject = after(sent, trigger.end, max_words=6, kinds=kinds)
    actor = ids(subject) or list(sent.discourse.last_subject)
    # what the refusal is about: "declined to comment on the force"
    target = thing_near(sent, trigger.end, ("force", "body", "plan", "agreement"), actor)
    target = target or sent.discourse.topic(skip=tuple(actor))
    variant = variant_of(trigger, bool(subject) and subject[0].start > trigger.end)
    draft = Draft("comment_refusal", trigger, variant, actor, [], target)
    draft.attributes = {"kind": trigger.entry.value}
    draft.modality = "asserted"
    return [draft]


def _dispute_parties(sent: Sentence, trigger: Match) -> list[str]:
    for cue in sent.of("BETWEEN"):
        if cue.start >= trigger.start and sent.words(trigger.end, cue.start) <= 4:
            found = after(sent, cue.end, max_words=2)
            if found:
                return ids(found)
    found = before(sent, trigger.start, max_words=6)
    if len(found) > 1:
        return ids(found)
    items = eligible(sent, ACTOR_KINDS)
    for index in range(len(items)):
        pair = chain(sent, items, index, 1)
        if len(pair) > 1:
            return ids(pair)  # "Israel and Hamas", "إسرائيل وحماس"
    parties = [m for m in items if m.entry.value != "ISF"]
    parties = [m for m in parties if sent.kind(m) in ("state", "armed_group", "body", "person")]
    return ids(parties)


def dispute(sent: Sentence, trigger: Match) -> list[Draft]:
    """All parties in dispute, with the topic (sequencing, disarmament, withdrawal ...)."""
    actor = _dispute_parties(sent, trigger)
    topics = [c for c in sent.cues if c.category.startswith("TOPIC:")]
    values = list(dict.fromkeys(c.category.split(":", 1)[1] for c in topics))
    if not actor and not values:
        return []
    target = thing_near(sent, trigger.end, ("agreement", "plan"))
    if target is None and sent.has("CEASEFIRE"):
        target = sent.discourse.gaza_ceasefire
    if target is None and sent.has("PLAN"):
        target = "PLAN-20"
    target = target or sent.discourse.topic(frozenset({"agreement", "plan"}))
    if target is None and "governance" in values:
        target = next((m.entry.value for m in sent.entities if m.entry.value in _GOVERNING), None)
    if target is None and {"ISR", "HAMAS"} <= set(actor):
        target = "GAZA-CEASEFIRE"  # the two parties of the ceasefire argue over its terms
    return [
        Draft("dispute", trigger, 4, actor, [], target, {"topic": value})
        for value in (values or ["other"])
    ]


def mandate_tasks(sent: Sentence, isf_near: bool) -> list[Draft]:
    """The force's tasks, when the sentence (or the one before) is about the force."""
    has_isf = any(m.entry.value == "ISF" for m in sent.entities)
    if not (has_isf or (isf_near and sent.has("MANDATE"))):
        return []
    if sent.has("T:dispute"):
        return []
    drafts: list[Draft] = []
    seen: set[str] = set()
    for cue in sent.of(*_TASK_CATEGORIES):
        task = cue.category.split(":", 1)[1]
        subject = before(sent, cue.start, max_words=8, kinds=frozenset({"state", "person"}))
        if subject and sent.has("T:contribution") and task == "police_training":
            continue  # a state offering to train police is a contribution
        if task in seen:
            continue
        seen.add(task)
        drafts.append(Draft("mandate_task", cue, 4, [], [], "ISF", {"task": task}))
    return drafts
