"""Who threatens or vows force carries it out: "لوّح الرئيس المصري عبد الفتاح السيسي بتدخل
عسكري", "توعدت حركة طالبان بشن هجمات", "Erdogan has threatened to launch an operation". The
threatened attack is future or hypothetical (draft.modality); its perpetrator is the party that
threatens, a person standing for the state he leads."""

from __future__ import annotations

import re
from dataclasses import replace

from marsad.extraction.draft import Draft
from marsad.extraction.gazetteer import Entry, Match
from marsad.extraction.holders import speaker
from marsad.extraction.normalize import fold
from marsad.extraction.roles import recipient
from marsad.extraction.rules_blame import PERPETRATOR_KINDS
from marsad.extraction.slots import Sentence, allowed

# Verbs of threat and vow among the forecast cues (folded).
_THREATS = frozenset(
    fold(w)
    for w in "لوح لوحت يلوح تلوح هدد هددت يهدد تهدد توعد توعدت يتوعد تتوعد threatened "
    "threatens vowed vows warned".split()
)


def threatener(sent: Sentence, trigger: Match) -> list[str]:
    """The party whose threat or vow introduces the attack, if any."""
    for cue in sent.of("FORECAST:hypothetical", "FORECAST:future"):
        said = fold(sent.text[cue.start : cue.end]).casefold().split()
        if not said or said[0] not in _THREATS or cue.start > trigger.start:
            continue
        if sent.words(cue.end, trigger.start) > 8:
            continue
        if trigger.entry.lang == "ar":
            # the subject follows the verb: "لوّح الرئيس المصري عبد الفتاح السيسي بـ"
            found = [m for m in sent.entities if cue.end <= m.start < trigger.start]
        else:
            found = [
                m for m in sent.entities if m.end <= cue.start and sent.words(m.end, cue.start) <= 3
            ]
        parties = [_party(sent, m) for m in found]
        named = [p for p in parties if p]
        if named:
            return list(dict.fromkeys(named))[:1]
    return []


def _party(sent: Sentence, match: Match) -> str | None:
    actor = sent.actors[match.entry.value]
    if actor.kind in PERPETRATOR_KINDS:
        return match.entry.value
    if actor.kind == "person" and (actor.force or actor.state):
        # a group's leader threatens with its fighters, a head of state with his state's forces
        return actor.force or actor.state
    return None


# A vow of force with no word of attack after it: "توعدت كتائب القسام بالرد على المجزرة",
# "تعهد الرئيس بملاحقة المهاجمين", "vowed to retaliate", "vowed to hunt down those responsible".
# توعد is itself a threat, and the English words of revenge say force: a response or revenge
# after them is force. تعهد promises many things, so only the words of force count after it.
_THREAT_VOWS = frozenset(fold(w) for w in "توعد توعدت يتوعد تتوعد متوعدا متوعدة".split())
_PROMISES = frozenset(
    fold(w) for w in "تعهد تعهدت يتعهد تتعهد متعهدا vowed vows pledged promised".split()
)
_REVENGE = re.compile(
    r"(?<!\w)(?:و?ب?(?:الرد|الانتقام|الثار|رد|انتقام)|(?:سي|ست)(?:دفع|عاقب|حاسب)(?:ون)?|سيلقون"
    r"|اشد العقاب|(?:سي|ست)ثار(?:ون)?"
    r"|بان يدفع|ان يدفع|retaliate|revenge|respond|punish(?:ed)?|pay the price|pay a price)(?!\w)"
)
_FORCE = re.compile(
    r"(?<!\w)(?:(?:ت|ي|ست|سي)لاحق"
    r'|ب?(?:ملاحقه|مواصله "?(?:القتال|الحرب|استهداف|الهجمات|العمليات)|استهداف|القضاء علي'
    r"|استعاده|ضرب|سحق|اقتلاع|الزحف|زحف|مزيد من (?:الهجمات|العمليات|الضربات))"
    r"|(?:ي|ت|سي|ست)واصل (?:\w+ )?(?:القتال|الحرب|الهجمات|العمليات)"
    r"|hunt down|keep (?:attacking|fighting|up)|fight on"
    r"|continue (?:attacking|fighting|its attacks|the fight)|crush|wipe out|retake)(?!\w)"
)
# Words at most between a vow and what it vows: an Arabic subject stands between ("توعد رئيس
# المجلس السياسي الأعلى مهدي المشاط إسرائيل بالانتقام").
_VOW_REACH = {"ar": 9, "en": 6}
_CONDITION = re.compile(r"(?<!\w)(?:اذا|ان لم|في حال|if|unless)(?!\w)")


def conditional(sent: Sentence, pos: int) -> bool:
    """Whether a condition follows a threat's act: "توعدت حركة طالبان بشن هجمات … إذا لم تغادر
    القوات", "unless they withdraw"."""
    return _CONDITION.search(sent.text, pos, sent.end) is not None


def vows(sent: Sentence, drafts: list[Draft]) -> list[Draft]:
    """An attack to come for the sentence's first vow of force that names no attack of its own:
    its party the one who vows, its target the party it names; hypothetical under a condition."""
    found: list[Draft] = []
    for cue in sent.of("VOW"):
        said = fold(sent.text[cue.start : cue.end]).casefold().split()
        if not said or (said[0] not in _THREAT_VOWS and said[0] not in _PROMISES):
            continue
        if any(d.type == "attack" and 0 <= d.trigger.start - cue.end < 80 for d in drafts):
            continue  # "توعدت طالبان بشن هجمات": the attack is told, with its threatener
        end = min(sent.end, cue.end + 80)
        # "vowed revenge", "vowed to retaliate" are of force; "تعهد بالرد" may answer a letter
        words = [_REVENGE] if said[0] in _THREAT_VOWS or cue.entry.lang == "en" else []
        mark = next(
            (m for pattern in (*words, _FORCE) if (m := pattern.search(sent.text, cue.end, end))),
            None,
        )
        if mark is None or sent.words(cue.end, mark.start()) > _VOW_REACH[cue.entry.lang]:
            continue
        entry = Entry("T:attack", "other", cue.entry.lang, frozenset())
        trigger = Match(mark.start(), mark.end(), entry)
        actor = _pursuers(sent, trigger) or _vower(sent, cue, trigger)
        if not actor:
            continue
        aimed = _object(sent, cue, trigger, actor) if cue.entry.lang == "ar" else []
        if not aimed:
            aimed = [r for r in recipient(sent, trigger, actor, where=False) if r not in actor]
        if not aimed:
            aimed = _avenged_on(sent, trigger, actor)
        draft = Draft("attack", trigger, 4, actor, aimed, aimed[0] if aimed else None)
        draft.attributes = {"means": "other"}
        draft.modality = "hypothetical" if conditional(sent, cue.end) else "future"
        found.append(draft)
    return found[:1]


# Words that name whom force is vowed on after it: "بالانتقام من الأمريكيين", "الحرب على
# الحركة", "revenge on Israel" (folded).
_ON = frozenset({"من", "علي", "ضد", "on", "against"})
_GROUP_NOUNS = re.compile(r"(?<!\w)(?:ال)?(?:حركه|تنظيم|جماعه|ميليشيا|مليشيا)(?!\w)|the group")


def _avenged_on(sent: Sentence, trigger: Match, actor: list[str]) -> list[str]:
    """Whom a vow names its force against: the party after "on" (من، على، ضد) within three
    words, a nation named by its people as well; the perpetrators of the attack told before
    for "the attackers", the group named last for "the movement"."""
    end = min(sent.end, trigger.end + 50)
    window = sent.text[trigger.end : end]
    words = window.replace("«", " ").replace('"', " ").split()
    on = set(words[:3]) & _ON and not set(",،") & set(window[: len(" ".join(words[:4]))])
    for match in sent.entities if on else []:
        if match.start < trigger.end or sent.words(trigger.end, match.start) > 4:
            continue
        if set(",،.") & set(sent.text[trigger.end : match.start]):
            break
        party = _party(sent, match)
        return [party] if party and party not in actor else []
    group = _GROUP_NOUNS.search(window) if on else None
    if group and len(window[: group.start()].split()) <= 3 and sent.discourse.last_group:
        return [g for g in [sent.discourse.last_group] if g not in actor]
    found = _attackers_named(sent, trigger.end, after=True)
    return [a for a in found or [] if a not in actor]


def _vower(sent: Sentence, cue: Match, trigger: Match) -> list[str]:
    """Who vows: the subject of the verb (after it in Arabic, before it in English), or of the
    main clause for a participle (متوعداً), a person named with no state standing for himself."""
    if cue.entry.lang == "ar" and not fold(sent.text[cue.start : cue.end]).startswith("مت"):
        found = [m for m in sent.entities if cue.end <= m.start < trigger.start]
        if not found and cue.prefix in ("و", "ف"):
            # "وقالت وزارة الداخلية إنها …، وتعهدت بملاحقة": the first verb's subject
            found = [m for m in sent.entities if m.end <= cue.start][:1]
    elif cue.entry.lang == "ar":
        found = [m for m in sent.entities if m.end <= cue.start][:1]
    else:
        before = [m for m in sent.entities if m.end <= cue.start]
        found = [m for m in before[-1:] if sent.words(m.end, cue.start) <= 3]
        if not found and sent.text[max(sent.start, cue.start - 5) : cue.start].strip() == "and":
            found = before[:1]  # "JEM confirmed his death and vowed": the first verb's subject
    parties = [_party(sent, m) or _person(sent, m) for m in found]
    return [p for p in parties if p][:1]


def _pursuers(sent: Sentence, trigger: Match) -> list[str]:
    """The forces a vow says will pursue, named after the verb: "متعهداً بأن تلاحق الشرطة …",
    "توعّد الرئيس بأن تلاحق قوات الدفاع والأمن الموزمبيقية"."""
    if not sent.text[trigger.start : trigger.end].endswith("لاحق"):
        return []
    found = [
        m
        for m in sent.entities
        if m.start >= trigger.end
        and sent.words(trigger.end, m.start - len(m.prefix)) <= 3
        and not set(sent.text[trigger.end : m.start]) & set(",،")
    ]
    return [p for p in (_party(sent, m) for m in found[:1]) if p]


def _person(sent: Sentence, match: Match) -> str | None:
    return match.entry.value if sent.actors[match.entry.value].kind == "person" else None


def _object(sent: Sentence, cue: Match, trigger: Match, actor: list[str]) -> list[str]:
    """The party an Arabic vow names after its subject: "توعد رئيس المجلس السياسي مهدي المشاط
    إسرائيل بالانتقام" (a name, not a demonym, last before the vowed force)."""
    between = [m for m in sent.entities if cue.end <= m.start < trigger.start]
    if len(between) < 2 or between[-1].entry.adjective:
        return []
    party = _party(sent, between[-1])
    return [party] if party and party not in actor else []


# Force announced in the future tense with no verb of vow (the ANSWER cues): "Israel would
# respond forcefully to any further fire", "إن بلاده سترد في الوقت المناسب". Its party is named
# right before it, or is the speaker's country (folded).
_THEIR_COUNTRY = frozenset(fold(w) for w in "بلاده بلادها بلادنا".split())
# Words at most between the announcement and the act it names: "will step up strikes", "would
# respond with air strikes" (an attack farther is another: "would respond to any attack").
_TOLD_REACH = 1
_ANY = re.compile(r"(?<!\w)(?:any|if|unless|should|could|اي|اذا|في حال|ما لم|ان لم)(?!\w)")


def announced_force(sent: Sentence, drafts: list[Draft]) -> list[Draft]:
    """An attack to come for force announced in the future tense, unless the sentence tells
    an attack there already: future, or hypothetical when it answers "any" attack or a
    condition."""
    cues = [c for c in sent.of("ANSWER") if allowed(sent, c)]
    if not cues:
        return []
    mark = cues[0]
    told = [
        d
        for d in drafts
        if d.type == "attack"
        and mark.start <= d.trigger.start
        and (d.trigger.start < mark.end or sent.words(mark.end, d.trigger.start) <= _TOLD_REACH)
    ]
    begin = mark.start - len(mark.prefix)
    before = [m for m in sent.entities if m.end <= begin]
    lead = sent.text[max(sent.start, begin - 12) : begin].replace('"', " ").split()[-1:]
    if lead and lead[0] in _THEIR_COUNTRY:
        # the speaker's state; with no verb of saying, the party the sentence opens with
        # ("واتهم الرئيس حسن روحاني …، مؤكداً أن بلاده «سترد»")
        actor = [p for p in (_party(sent, m) for m in speaker(sent) or before[:1]) if p]
    else:
        near = [
            m
            for m in before[-1:]
            if sent.words(m.end, begin) <= 3 and "," not in sent.text[m.end : begin]
        ]
        actor = [p for p in (_party(sent, m) for m in near) if p]
        if not actor:
            # "said the army and Ugandan troops, who …, would step up": the first party after
            # the verb of saying; "Al-Shabaab's radio said the group would avenge": the one
            # the sentence opens with
            said = [c.end for c in sent.of("ATTR:say") if c.end <= begin]
            subject = [m for m in before if said and m.start >= said[-1]] or before
            actor = [p for p in (_party(sent, m) for m in subject) if p][:1]
    if told:
        # "will step up air and artillery strikes", "could strike": the act is told, with its
        # tense; it is the party's that announces it when it names none
        for draft in told:
            draft.actor = draft.actor or actor
        return []
    told_words = fold(sent.text[mark.start : mark.end]).casefold().split()
    aimed = _attackers_named(sent, mark.end, after=True)
    if "be" in told_words:
        # "the attackers would be hunted down", "the group would be defeated": who is named
        # before is pursued, by the speaker's side
        aimed = (actor if _near_named(sent, before, begin) else _attackers_named(sent, begin)) or []
        subject = speaker(sent) or before[:1]
        actor = [p for p in (_party(sent, m) for m in subject) if p and p not in aimed][:1]
    threat = told_words[0] in _THREATS  # "threatened to kill the hostages": hypothetical
    if told_words[-1] in _TO_KILL and _HELD.match(sent.text, mark.end):
        # "threatened to kill the hostages", "would behead them": the captives of the
        # abduction told before, by its perpetrators when the subject names them so
        aimed = list(sent.discourse.last_attacked)
        actor = actor or _attackers_named(sent, begin) or []
        if not actor and _attackers_named(sent, begin) is None:
            return []
    elif not actor:
        return []
    trigger = Match(mark.start, mark.end, replace(mark.entry, category="T:attack", value="other"))
    aimed = [a for a in aimed or [] if a not in actor]
    draft = Draft("attack", trigger, 4, actor, aimed, aimed[0] if aimed else None)
    draft.attributes = {"means": "other"}
    tail = sent.text[mark.end : min(sent.end, mark.end + 100)]
    draft.modality = "hypothetical" if threat or _ANY.search(tail) else "future"
    return [draft]


_TO_KILL = frozenset({"kill", "behead", "execute"})
_HELD = re.compile(
    r" (?:them|him|her|the (?:\w+ )?(?:hostages?|captives?|men|workers|engineers))\b"
)


def _near_named(sent: Sentence, before: list[Match], begin: int) -> bool:
    """Whether the last party before `begin` is its subject (three words at most, no comma)."""
    return any(
        sent.words(m.end, begin) <= 3 and "," not in sent.text[m.end : begin] for m in before[-1:]
    )


# Words that name the perpetrators of the act told before: "would pursue the attackers",
# "يلاحق الجيش المهاجمين", "hunt down those responsible" (folded).
_PERPETRATOR_WORDS = re.compile(
    r"(?<!\w)(?:the (?:attackers|assailants|perpetrators|killers|gunmen|kidnappers)"
    r"|those (?:responsible|behind)|(?:ال)?(?:مهاجمين|جناه|منفذين|مسلحين|خاطفين|قتله)|منفذي)(?!\w)"
)


def _attackers_named(sent: Sentence, at: int, *, after: bool = False) -> list[str] | None:
    """The perpetrators of the last attack told, when words right after `at` (or before it)
    name them as such; None when no such words stand there."""
    if after:
        window = sent.text[at : min(sent.end, at + 40)]
        mark = _PERPETRATOR_WORDS.search(window)
        if mark is None or len(window[: mark.start()].split()) > 2:
            return None
    else:
        window = sent.text[max(sent.start, at - 40) : at]
        mark = next(reversed(list(_PERPETRATOR_WORDS.finditer(window))), None)
        if mark is None or len(window[mark.end() :].split()) > 1:
            return None
    return list(sent.discourse.last_perpetrator)
