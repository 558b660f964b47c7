"""Whom an attack is aimed at: the recipient (the contract's target of an attack).

Found from the words around the trigger, in this order:
- a victim noun with its owner or nationality: "American soldiers", "جنود أمريكيين", "Iran's
  embassy", "السفارة الإيرانية", "مقر حزب الله", "UNIFIL peacekeepers";
- an aim word after the trigger and the party after it: "fired two shells at Morocco", "strikes
  on Iran", "غارات على مواقع حزب الله", "استهدف موكب الحريري";
- the object of a verb of attack: "attacked Hezbollah", "اغتال X", "kidnapped three Japanese";
- the subject of a passive: "Rafik Hariri was killed", "اغتيل رفيق الحريري";
- the state an attack by a foreign party happens in: "Israeli strikes in Iran".
The perpetrator is never its own target, and a nationality found here is the victim's, so the
perpetrator rules leave it out.
"""

from __future__ import annotations

import re

from marsad.extraction.clashes import between, sides
from marsad.extraction.gazetteer import Match
from marsad.extraction.holders import (
    counted_own,
    family_home,
    held,
    included,
    speakers_own,
    struck_owner,
    taken_from,
)
from marsad.extraction.home_forces import IN_WORDS, NEAR_WORDS, bare_forces, home_of
from marsad.extraction.memo import per_trigger
from marsad.extraction.normalize import fold
from marsad.extraction.slots import (
    ACTOR_KINDS,
    Sentence,
    after,
    barrier_between,
    candidates,
    eligible,
    ids,
    word_start,
)
from marsad.extraction.victims import _PASSIVE_EN, of_armed_men, of_service, victims

# Verbs whose object is the victim (not the place): attacked X, اغتال X, kidnapped X.
_OBJECT_MEANS = frozenset({"abduction", "other", "gunfire", "explosive", "drone", "air"})


# English attack verbs that take their target as a direct object ("strike Iran").
_EN_VERBS = frozenset(
    "strike strikes struck attack attacks attacked hit hits targeted target bomb bombed shelled "
    "raided raid".split()
)


# Words between an English verb of attack and its object: "attacked suspected al-Qaeda
# militants", "kidnapped two Japanese".
_EN_BEFORE_OBJECT = frozenset(
    "the a an two three four five six seven eight nine ten several dozens hundreds of "
    "suspected alleged rival senior".split()
)
# English verbs whose object the armed men after them are.
_EN_OBJECT_VERBS = _EN_VERBS | frozenset("pounded killed ambushed repelled routed".split())


# Words that aim an attack at someone. They are read from the text around a trigger rather
# than put in the dictionary: على, إلى, مع, "at", "on" are among the commonest words of news,
# and as dictionary entries every one of their hits would cost the scan of every text.
_AIM = re.compile(
    r"(?<!\w)(?:aimed at|at|on|against|targeting|towards|toward|و?علي|و?ضد|الي|نحو|باتجاه"
    r"|استهدف|استهدفت|استهدفوا|يستهدف|تستهدف|طالت|طال)(?!\w)"
)
# What ties a place hit to the party it serves: "a tunnel complex used by Islamic State".
_HELD_BY = re.compile(
    r"\b(?:used|held|controlled|run|operated|occupied|manned) by\s+(?:the\s+)?$"
    r"|\bbelonging to\s+(?:the\s+)?$"
)
_WITH = re.compile(r"(?<!\w)(?:with|و?مع)(?!\w)")
_AIM_REACH = 200


def aim_marks(sent: Sentence, trigger: Match, *, clash: bool = False) -> list[tuple[int, int]]:
    """Where aim words stand after a trigger ("with", مع as well for a clash)."""
    end = min(sent.end, trigger.end + _AIM_REACH)
    found = [m.span() for m in _AIM.finditer(sent.text, trigger.end, end)]
    if clash:
        found += [m.span() for m in _WITH.finditer(sent.text, trigger.end, end)]
    return sorted(found)


@per_trigger
def aimed(sent: Sentence, trigger: Match) -> list[Match]:
    """The party after an aim word that follows the trigger (at, on, against, على, ضد)."""
    # "clashes with the army", "معارك مع قوات النظام"
    for aim_start, aim_end in aim_marks(sent, trigger, clash=trigger.entry.value == "gunfire"):
        if sent.words(trigger.end, aim_start) > 4:
            break
        for match in candidates(sent):
            if match.start < aim_end or barrier_between(sent, aim_end, match.start):
                continue
            gap = sent.words(aim_end, word_start(match))
            # "on a tunnel complex used by Islamic State fighters": the holder is the aim
            if gap <= 7 and _HELD_BY.search(sent.text, aim_end, word_start(match)):
                return [match]
            # "clashes with troops loyal to President Hadi", "معارك مع عناصر موالين لحركة فتح"
            if gap <= 7 and any(
                aim_end <= c.start and c.end <= word_start(match) for c in sent.of("AFFILIATED")
            ):
                return [match]
            if sent.text[max(sent.start, match.start - 4) : match.start].strip() in ("by", "من"):
                break  # "attacked by Israel": the agent
            if any(0 <= c.start - match.end <= 2 for c in sent.of("ATTR:say")):
                continue  # "targeting what Moscow said were ...": a speaker
            if gap <= 3:
                return [match]
            break
    return []


# "استهدف" is in the dictionary as a noun of attack as well (its verbs have no flag of their
# own there); as a verb it takes its target as object.
_AR_AIM_VERBS = frozenset({"استهدف", "استهدفت", "استهدفوا"})


def obj(sent: Sentence, trigger: Match) -> list[Match]:
    """The first party right after a verb of attack (attacked X, اغتال X, خطف X)."""
    word = sent.text[trigger.start : trigger.end]
    verb = trigger.entry.lang == "en" and word in _EN_VERBS or word in _AR_AIM_VERBS
    if trigger.entry.value not in _OBJECT_MEANS or not ("v" in trigger.entry.flags or verb):
        return []
    for match in eligible(sent, ACTOR_KINDS):
        if match.start < trigger.end:
            continue
        gap = sent.words(trigger.end, match.start)
        arabic = trigger.entry.lang == "ar"
        between = sent.text[trigger.end : match.start].split()
        if not arabic and any(w not in _EN_BEFORE_OBJECT and not w.isdigit() for w in between):
            return []  # "attacked by Israel": the agent, not the object
        # Arabic: the verb's subject may stand between (اختطف مسلحون ثلاثة يابانيين)
        limit = 3 if arabic else 2
        if gap <= limit and not barrier_between(sent, trigger.end, match.start):
            if arabic and gap and _owner_of_thing(sent, trigger, match):
                return [match]  # "استهدف تجمعات لقوات الدعم السريع": the owner of the object
            if arabic and _subject_told(sent, trigger):
                return [match]  # "قال الجيش إنه استهدف مسلحين من حماس": the subject is إنه
            if arabic and not match.entry.adjective and sent.kind(match) != "person":
                return []  # خطفت الولايات المتحدة ...: the subject, not the object
            if arabic and (of_armed_men(sent, match) or of_service(sent, match)):
                continue  # "اختطف مسلحون حوثيون", "فتحت الشرطة الأفغانية النار": who did it
            return [match]
        return []
    return []


# "إنه استهدف", "بأنها قصفت": the verb's subject is the pronoun of the word before it.
_PRONOUN_SUBJECT = frozenset("انه انها انهم بانه بانها بانهم".split())


def _subject_told(sent: Sentence, trigger: Match) -> bool:
    before = sent.text[max(sent.start, trigger.start - 8) : trigger.start].split()
    if sent.text.startswith(" من قبل", trigger.end):
        return False  # "قال الصحفي إنه استهدف من قبل القوات": a passive, its agent after
    return bool(before) and before[-1] in _PRONOUN_SUBJECT


# Nouns of men before "لـ" that make its party theirs, not the owner of a thing hit: "مناصرون
# لحزب الله", "عناصر للتنظيم".
_MEN_OF = ("عناصر", "انصار", "افراد", "اعضاء")


def _owner_of_thing(sent: Sentence, trigger: Match, match: Match) -> bool:
    """ "استهدف تجمعات لقوات الدعم السريع": a party after "لـ" and a noun of things (no plural
    of men: "مناصرون لحزب الله" did it) owns what the verb hits."""
    if match.prefix not in ("ل", "لل"):
        return False
    if any(trigger.end <= t.start < match.start for t in sent.of("T:attack")):
        return False  # "استهدف هجوم لحركة الشباب قاعدة": the act's owner did it
    words = sent.text[trigger.end : word_start(match)].split()
    return bool(words) and not any(w.endswith(("ون", "ين")) or w.startswith(_MEN_OF) for w in words)


@per_trigger
def passive_subject(sent: Sentence, trigger: Match) -> list[Match]:
    """ "Rafik Hariri was killed", "two UNIFIL peacekeepers were wounded": the patient."""
    if trigger.entry.lang == "ar":
        return []
    for match in reversed(candidates(sent)):
        if match.end > trigger.start:
            continue
        between = sent.text[match.end : trigger.start]
        if sent.words(match.end, trigger.start) <= 5 and _PASSIVE_EN.search(between):
            return [match]
        return []
    return []


# Words of harm done to a person; the person named right after them (or, in English, before a
# passive of them) is the one the attack was aimed at.
_HARM = re.compile(
    r"(?<!\w)(?:killed|killing|assassinated|assassinating|kidnapped|kidnapping|abducted|abducting"
    r"|detained|detaining|captured|capturing|arrested|arresting|shot|wounded|injured|targeted"
    r"|و?(?:ف?)(?:قتل|قتلت|قتلوا|مقتل|اغتال|اغتالت|اغتالوا|اغتيل|اغتيال|خطف|خطفت|اختطف|اختطفت"
    r"|اختطاف|اعتقل|اعتقلت|اعتقال|استشهد|استشهدت|اصيب|اصيبت|استهدف|استهدفت|نجا"
    r"|محاوله اغتيال))(?!\w)"
)
_PASSIVE_HARM = re.compile(r"^\s*(?:was|were|has been|had been)\s+(?:\w+\s+)?(?:and\s+)?")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|be)\s+(?:\w+ly\s+)?$")


@per_trigger
def harmed(sent: Sentence, trigger: Match) -> list[Match]:
    """A person killed, kidnapped or arrested: "اغتيل ... رفيق الحريري", "killed commander
    Qassem Soleimani", "Ali Zeidan was kidnapped"."""
    persons = [m for m in sent.entities if sent.kind(m) == "person"]
    if not persons:
        return []
    # "…, killing all 224 people on board, Russia's security chief Alexander Bortnikov said":
    # the one who speaks was not harmed
    speaking = [c.start for c in sent.of("ATTR:say")]
    persons = [m for m in persons if not any(0 <= at - m.end <= 3 for at in speaking)]
    # "بقذائف أطلقتها كتائب القذافي": a leader named for his men fired, he was not hit
    persons = [m for m in persons if not of_armed_men(sent, m)]
    found: list[Match] = []
    for mark in _HARM.finditer(sent.text, sent.start, sent.end):
        # "36 militants were killed and no civilians were harmed, while former president Hamid
        # Karzai condemned": a passive's patient stands before it, never after
        lead = max(sent.start, mark.start() - 16)
        english = trigger.entry.lang == "en"
        passive = english and _PASSIVE_BEFORE.search(sent.text, lead, mark.start())
        for match in [] if passive else persons:
            if match.start >= mark.end():
                gap = sent.text[mark.end() : word_start(match)].split()
                # the person's titles may stand between: "قتل رئيس فرع المعلومات ... اللواء X"
                if len(gap) <= 8 and not barrier_between(sent, mark.end(), match.start):
                    if not gap or gap[0] not in ("by", "علي", "يد", "من"):  # على, folded
                        found.append(match)
                break
        for match in persons:
            if match.end <= mark.start() and english:
                between_words = sent.text[match.end : mark.start()]
                if _PASSIVE_HARM.match(between_words) and len(between_words.split()) <= 3:
                    found.append(match)
    return found


def aimed_place(sent: Sentence, trigger: Match) -> list[str]:
    """The state of a town an attack is aimed at: "a drone launched towards Khamis Mushait",
    "هجوماً على أم درمان" aim at Saudi Arabia and at Sudan's government."""
    for aim_start, aim_end in aim_marks(sent, trigger):
        if sent.words(trigger.end, aim_start) > 4:
            break
        for match in sent.entities:
            if match.start < aim_end:
                continue
            if sent.words(aim_end, word_start(match)) > 2 or sent.kind(match) != "place":
                break
            if set(sent.text[aim_end : word_start(match)].split()) & {"في", "in"}:
                break  # "النار على المحتجين في الناصرية": the place of the act, not its aim
            state = sent.actors[match.entry.value].parent
            # Gaza's and the West Bank's towns: the people there are hit, not a government
            if not state or state == "PSE" or sent.actors[state].kind != "state":
                return []
            return [state]
    return []


# Facilities of a state: an attack on one in a town of a state is aimed at that state.
_FACILITIES = frozenset(
    fold(w)
    for w in "منشاه منشاتي منشات مطار قاعده مصفاه ميناء محطه حقل depot facility facilities "
    "airport base refinery port terminal plant field".split()
)


def located(sent: Sentence, actor: list[str]) -> list[str]:
    """The states an attack by another party happens in: a state named as where it happens
    ("strikes in Iran"), or the state of a facility that was hit ("a fuel depot in Jeddah",
    "منشأتي أرامكو في بقيق وخريص شرقي السعودية"). A town alone is where the attack happened,
    not whom it aimed at (docs/annotation.md), and Gaza's and the West Bank's towns name no
    government."""
    if not actor:
        return []
    found = []
    for match in sent.entities:
        kind = sent.kind(match)
        if match.entry.adjective or kind not in ("state", "place"):
            continue
        lead = fold(sent.text[max(sent.start, match.start - 60) : match.start]).casefold()
        words = lead.split()
        last = words[-1] if words else ""
        facility = any(word in _FACILITIES for word in words[-6:])
        if kind == "state" and (last in IN_WORDS or match.prefix in ("ب", "وب")):
            found.append(match.entry.value)
        elif facility and (last in IN_WORDS or last in NEAR_WORDS or match.prefix in ("ب", "وب")):
            state = match.entry.value if kind == "state" else sent.actors[match.entry.value].parent
            if state and state in sent.actors and sent.actors[state].kind == "state":
                found.append(state)
    return [s for s in dict.fromkeys(found) if s != "PSE" and not _same_side_ids(sent, s, actor)]


# Armed men, before the words that say whom they belong to.
_ARMED_MEN = frozenset(
    fold(w)
    for w in "مسلحون مسلحين مسلحو مسلحي مقاتلون مقاتلين مقاتلو مقاتلي متمردون متمردين قوات "
    "القوات فصائل الفصائل ميليشيات الميليشيات عناصر gunmen militants fighters rebels forces "
    "troops insurgents militias militiamen".split()
)


def affiliated(sent: Sentence, trigger: Match) -> list[Match]:
    """The party armed men near the trigger belong to: "خطف مسلحون يشتبه في انتمائهم إلى جماعة
    بوكو حرام", "Rebel forces loyal to Riek Machar killed". It carried out the act, so it is
    no target, although "إلى" before it reads as an aim."""
    for cue in sent.of("AFFILIATED"):
        if sent.words(trigger.end, cue.start) > 8 and sent.words(cue.end, trigger.start) > 8:
            continue
        lead = fold(sent.text[max(sent.start, cue.start - 40) : cue.start]).casefold().split()
        men = [i for i in range(max(0, len(lead) - 2), len(lead)) if lead[i] in _ARMED_MEN]
        if not men:
            continue
        ahead = lead[men[0] - 1] if men[0] else ""
        if _WITH.fullmatch(ahead) or _AIM.fullmatch(ahead) or ahead in _EN_OBJECT_VERBS:
            # "معارك مع عناصر موالين لحركة فتح", "pounded forces loyal to Assad": the other side
            continue
        if any(
            t.end <= cue.start and sent.words(t.end, cue.start) <= _TOLL_TO_MEN
            for t in _tolls(sent)
        ):
            # "قُتل خمسة من عناصر القوات الموالية لحكومة الوفاق": the dead, not the attackers
            continue
        found = after(sent, cue.end, max_words=2, kinds=ACTOR_KINDS)
        if found:
            return found
    return _men_of(sent, trigger)


# Armed men "of" a party, the subject of an Arabic verb of attack after them (folded):
# "إن مسلحين من «قوات الدعم السريع» التابعة لجهاز الأمن والمخابرات الوطني هاجموا قرى".
_ARMED_MEN_OF = re.compile(
    r"(?<!\S)(?:مسلحين|مسلحون|مقاتلين|مقاتلون|متمردين|متمردون) من (?:\W\s*)?"
)
_MEN_OF_REACH = 10


def _men_of(sent: Sentence, trigger: Match) -> list[Match]:
    if trigger.entry.lang != "ar" or "v" not in trigger.entry.flags:
        return []
    begin = max(sent.start, trigger.start - 120)
    for mark in _ARMED_MEN_OF.finditer(sent.text, begin, trigger.start):
        if sent.words(mark.end(), trigger.start) > _MEN_OF_REACH:
            continue
        if barrier_between(sent, mark.end(), trigger.start):
            continue
        found = after(sent, mark.end(), max_words=0, kinds=ACTOR_KINDS)
        if found:
            return found[:1]
    return []


# Words at most between a toll's verb and the men it counts: "قُتل خمسة من عناصر القوات".
_TOLL_TO_MEN = 5


def _tolls(sent: Sentence) -> list[Match]:
    return sent.of("MEAS:killed", "MEAS:injured")


def recipient(sent: Sentence, trigger: Match, actor: list[str], *, where: bool = True) -> list[str]:
    """The parties an attack is aimed at, without its perpetrators; failing any, with `where`,
    the state it happens in (`located`)."""
    key = ("recipient", trigger.start, trigger.end, trigger.entry, *actor, where)
    if key not in sent.roles:
        sent.roles[key] = _recipient(sent, trigger, actor, where=where)
    return list(sent.roles[key])


def _recipient(sent: Sentence, trigger: Match, actor: list[str], *, where: bool) -> list[str]:
    fight = sides(sent, trigger)
    if fight:
        return fight[1]
    clash = between(sent, trigger)
    if clash:
        return ids(clash[1:])
    actor = actor + ids(affiliated(sent, trigger))
    # the victims, the persons harmed and the party aimed at are all targets: "strikes on
    # Iran's sites, killing its chief of staff" aims at Iran and at the chief
    gathered: list[Match] = []
    for finder in (
        taken_from,
        victims,
        included,
        harmed,
        held,
        family_home,
        struck_owner,
        counted_own,
        aimed,
        obj,
        passive_subject,
        speakers_own,
    ):
        found = [m for m in finder(sent, trigger) if m.entry.value not in actor]
        found = [m for m in found if not _same_side(sent, m.entry.value, actor)]
        gathered += found
        if gathered and finder in (aimed, obj):
            break
    if gathered:
        return list(dict.fromkeys(ids(sorted(gathered, key=lambda m: m.start))))
    states = [s for s in aimed_place(sent, trigger) if s not in actor]
    if states and not any(_same_side_ids(sent, s, actor) for s in states):
        return states
    return where_or_home(sent, trigger, actor) if where else []


def where_or_home(sent: Sentence, trigger: Match, actor: list[str]) -> list[str]:
    """The state an attack by another party happens in (`located`); failing it, the state
    whose unnamed soldiers, police or posts are hit (`home_state`)."""
    return located(sent, actor)[:1] or home_state(sent, trigger, actor)


def home_state(sent: Sentence, trigger: Match, actor: list[str]) -> list[str]:
    """Soldiers, police or posts hit with no owner named are the state's where they are hit
    (`home_forces`), unless that is the perpetrator's side."""
    state = home_of(sent, bare_forces(sent, trigger))
    if not state or state in actor or _same_side_ids(sent, state, actor):
        return []
    return [state]


def apart(sent: Sentence, actor: list[str], aimed_at: list[str]) -> list[str]:
    """The perpetrators that are neither the target nor on its side."""
    return [a for a in actor if a not in aimed_at and not _same_side(sent, a, aimed_at)]


def _same_side_ids(sent: Sentence, entity_id: str, actor: list[str]) -> bool:
    """A state and its own forces or offices are one side (Sudan and its army)."""
    return _same_side(sent, entity_id, actor) or any(
        sent.actors[a].state == entity_id or sent.actors[a].iso3 == entity_id for a in actor
    )


def _same_side(sent: Sentence, entity_id: str, actor: list[str]) -> bool:
    """A state and its own force are one side (Israel and the IDF)."""
    entity = sent.actors[entity_id]
    for actor_id in actor:
        other = sent.actors[actor_id]
        if entity.force == actor_id or other.force == entity_id:
            return True
        if entity.parent == actor_id or other.parent == entity_id:
            return True
    return False
