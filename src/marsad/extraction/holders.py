"""Whose was what an attack hit, when the victims are not named with their own noun: the
speaker's own forces ("قرب دورية لها", "its peacekeepers", "سبعة من جنوده"), the owner of a
machine hit or shot down, the nationalities among the dead ("including an American", بينهم),
the holder of a place hit ("run by Hamas", "التابعة لحكومة حماس"), the party a place is taken
back from ("لاستعادة الحديدة من الحوثيين") and the man whose family home is demolished ("منزل
عائلة الأسير منتصر شلبي"). roles.py reads them as the attack's target, beside the victims of
victims.py."""

from __future__ import annotations

import re

from marsad.extraction.attack_means import hit_by
from marsad.extraction.draft import attribution
from marsad.extraction.figures import find_numbers
from marsad.extraction.gazetteer import Match
from marsad.extraction.memo import per_trigger
from marsad.extraction.normalize import fold
from marsad.extraction.slots import Sentence, barrier_between, candidates, word_start

# Victims the speaker calls its own: "قالت اليونيفيل إن دبابة أطلقت قذيفتين قرب دورية لها",
# "UNIFIL said drones had dropped grenades near its peacekeepers".
_SPEAKERS_OWN = re.compile(
    "(?<![\u0621-\u064a])(?:"
    + "|".join(
        fold(w)
        for w in "قواته قواتها جنوده جنودها مواقعه مواقعها عناصره عناصرها قاعدته قاعدتها "
        "دورياتها دورياته دوريتها دوريته مقره مقرها مقراتها قافلته قافلتها موظفيها موظفيه "
        "طاقمها طاقمه".split()
    )
    + "|"
    + fold("دورية لها|دورية له|موقعا لها|موقعا له|قافلة لها|قافلة له")
    + "|"
    + fold("قوات بلاده|قوات بلادها|جنود بلاده|جنود بلادها|جنديا من بلاده")
    + ")(?![\u0621-\u064a])"
    + r"|\bits (?:troops|forces|positions|bases?|personnel|peacekeepers|soldiers|convoys?|"
    r"patrols?|staff|headquarters|members|fighters|ships?|vessels?)\b"
)
_OWN_REACH = 160


@per_trigger
def speakers_own(sent: Sentence, trigger: Match, reach: int = _OWN_REACH) -> list[Match]:
    """The speaker of the sentence, when what the trigger hit is named as its own after it
    (within `reach` characters)."""
    end = min(sent.end, trigger.end + reach)
    mark = _SPEAKERS_OWN.search(sent.text, trigger.end, end)
    if mark is None or barrier_between(sent, trigger.end, mark.start()):
        return []
    return speaker(sent)


# What the speaker says belongs to it, a few words after the act: "عبوة ناسفة كبيرة انفجرت
# بمركبة مدرعة تابعة له" (the speaker's vehicle was hit).
_BELONGING = re.compile(
    "(?<![\u0621-\u064a])(?:"
    + fold("تابعة له|تابعة لها|التابعة له|التابعة لها|تابعتين له|تابعتين لها")
    + ")(?![\u0621-\u064a])"
)
_BELONGING_REACH = 60


def speakers_belonging(sent: Sentence, trigger: Match) -> list[Match]:
    """The speaker of the sentence, when what the act hit is said to belong to it."""
    end = min(sent.end, trigger.end + _BELONGING_REACH)
    mark = _BELONGING.search(sent.text, trigger.end, end)
    if mark is None or barrier_between(sent, trigger.end, mark.start()):
        return []
    return speaker(sent)


def speaker(sent: Sentence) -> list[Match]:
    """The mention of the party the sentence quotes, if it names one."""
    source = attribution(sent)
    if source is None or source.source is None:
        return []
    return [m for m in sent.entities if m.entry.value == source.source][:1]


# Words at most between the speaker's own and the act told after them.
_OWN_BEFORE = 12


def own_before(sent: Sentence, trigger: Match) -> list[Match]:
    """The speaker of the sentence, when the toll before the act names the dead as its own:
    "أعلن الجيش الجنوب أفريقي مقتل تسعة من جنوده … خلال معارك مع متمردي حركة إم23"."""
    marks = [
        m
        for m in _SPEAKERS_OWN.finditer(sent.text, sent.start, trigger.start)
        if sent.words(m.end(), trigger.start) <= _OWN_BEFORE
        and not barrier_between(sent, m.end(), trigger.start)
    ]
    return speaker(sent) if marks else []


# Men counted among the speaker's own: "سبعة من جنوده", "أحد عناصرها", "seven of its soldiers"
# (folded). Only a count makes them victims: "قال إن عناصره استهدفوا" tells them acting.
_COUNTED_OWN = re.compile(
    "(?<![\u0621-\u064a])(?:"
    + "|".join(
        fold(w)
        for w in "جنوده جنودها عناصره عناصرها عسكرييه عسكرييها أفراده أفرادها ضباطه ضباطها "
        "موظفيه موظفيها منتسبيه منتسبيها".split()
    )
    + ")(?![\u0621-\u064a])"
    + r"|\bof (?:its|their) (?:troops|soldiers|peacekeepers|personnel|members|officers|staff)\b"
)
# Words at most between the subject of the clause and the men it counts ("Mali's army lost seven
# of its soldiers"); a party farther back is another clause's.
_OWN_SUBJECT = 4
_SOME = frozenset(fold(w) for w in "أحد إحدى عدد بعض عشرات العشرات".split())


@per_trigger
def counted_own(sent: Sentence, trigger: Match) -> list[Match]:
    """The party that counts its own men among the victims: the one named after the last "that"
    or verb of saying before them ("The UN said Mali's army lost seven of its soldiers"), else
    the speaker ("قال الجيش الأمريكي إن سبعة من جنوده قتلوا بانفجار قنبلة")."""
    if not sent.has("ATTR:say", "THAT") and "of its " not in sent.text[sent.start : sent.end]:
        return []  # most sentences: no one speaks of its own men
    for mark in _COUNTED_OWN.finditer(sent.text, sent.start, sent.end):
        lead = sent.text[max(sent.start, mark.start() - 24) : mark.start()].split()
        if lead[-1:] == ["من"]:
            lead = lead[:-1]
        elif not mark.group().startswith("of ") and lead[-1:] and lead[-1] not in _SOME:
            continue
        if not lead or not (lead[-1] in _SOME or find_numbers(lead[-1])):
            continue
        said = [c.end for c in sent.of("ATTR:say", "THAT") if c.end <= mark.start()]
        named = [
            m
            for m in candidates(sent)
            if said
            and said[-1] <= m.start
            and m.end <= mark.start()
            and sent.words(m.end, mark.start()) <= _OWN_SUBJECT
            and not m.entry.adjective
        ]
        return named[-1:] or speaker(sent)
    return []


@per_trigger
def struck_owner(sent: Sentence, trigger: Match) -> list[Match]:
    """Whose machine the trigger's act hit or shot down: "دمروا دبابة ميركافا إسرائيلية",
    "shot down a Russian Su-24 warplane" (attack_means.hit_by): the noun in the trigger's
    clause, its owner after it in Arabic, between the verb and it in English."""
    for noun in sent.of("T:attack"):
        verb_end = hit_by(sent, noun)
        if verb_end is None:
            continue
        a, b = sorted((noun.start, trigger.start))
        if sent.words(a, b) > _HIT_REACH or barrier_between(sent, a, b):
            continue
        for match in candidates(sent):
            if noun.entry.lang == "ar":
                near = match.start >= noun.end and sent.words(noun.end, word_start(match)) <= 2
            else:
                near = verb_end <= match.start and match.end <= noun.start
            if near and not barrier_between(sent, *sorted((noun.start, match.start))):
                return [match]
    return _downed(sent)


def _downed(sent: Sentence) -> list[Match]:
    """ "shot down a Syrian helicopter": the state of an aircraft no dictionary word names, by
    its demonym right after the verb."""
    if "down" not in sent.text[sent.start : sent.end]:
        return []
    for mark in _DOWNED.finditer(sent.text, sent.start, sent.end):
        for match in sent.entities:
            begin = word_start(match)
            if match.entry.adjective and begin >= mark.end() and sent.words(mark.end(), begin) <= 1:
                return [match]
    return []


# Words at most between an act's trigger and the machine it hit.
_HIT_REACH = 8
_DOWNED = re.compile(
    r"\b(?:shot down|downed|brought down)\s+(?:(?:a|an|the|two|three|four|one|\d+)\s+)?"
)


# "killing nine people, including an American and a Frenchman": the nationalities of the dead.
_INCLUDING = re.compile(
    r"\bincluding\b|(?<![\u0621-\u064a])(?:بينهم|بينهما|من بينهم)(?![\u0621-\u064a])"
)


@per_trigger
def included(sent: Sentence, trigger: Match) -> list[Match]:
    """The nationalities named among the victims after "including" (بينهم), in its clause."""
    if not any(e.entry.adjective for e in sent.entities):
        return []  # most sentences: no nationality to name
    found: list[Match] = []
    for mark in _INCLUDING.finditer(sent.text, sent.start, sent.end):
        for match in sorted(sent.entities, key=lambda m: m.start):
            begin = word_start(match)
            if begin < mark.end() or barrier_between(sent, mark.end(), begin):
                continue
            if sent.words(mark.end(), begin) > 6 or mark.end() <= trigger.start < begin:
                break  # the list of the dead ends at the word of the act
            if match.entry.adjective and sent.kind(match) == "state":
                found.append(match)
    return found


# The same tie with no aim word before it: "targeted police stations run by Hamas", "استهدفت
# الطائرات مقار الشرطة التابعة لحكومة حماس".
_HOLDER = re.compile(
    r"(?<!\w)(?:(?:used|held|controlled|run|operated|manned|supported|managed) by|belonging to"
    r"|التابع|التابعه|التابعين|التابعون|التابعتين|الخاضعه لسيطره|الخاضع لسيطره"
    r"|تابع|تابعه|تابعين|تابعون|تابعا)(?!\w)"
)
_HOLDER_REACH = 120
# Nouns of the means that strike (folded): the holder of one struck with it.
_MEANS_HELD = (
    "طاير",
    "طيران",
    "طايرات",
    "مروحي",
    "مسير",
    "دباب",
    "مدفع",
    "زورق",
    "زوارق",
    "بارج",
    "بوارج",
    "راجم",
    "مقاتلات",
    "aircraft",
    "jets",
    "warplanes",
    "drones",
    "helicopters",
    "tanks",
    "gunboats",
    "artillery",
)


def _unprefixed(word: str) -> str:
    """A folded Arabic word without its conjunction and article: "والطيران" → "طيران"."""
    for prefix in ("وال", "بال", "لل", "ال"):
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            return word[len(prefix) :]
    return word


@per_trigger
def held(sent: Sentence, trigger: Match) -> list[Match]:
    """The party that holds what the trigger hits, named in its clause after a word of holding:
    at most one word between ("the", "لحكومة")."""
    end = min(sent.end, trigger.end + _HOLDER_REACH)
    for tie in _HOLDER.finditer(sent.text, trigger.end, end):
        if barrier_between(sent, trigger.end, tie.start()):
            return []
        lead = sent.text[max(sent.start, tie.start() - 30) : tie.start()].split()[-2:]
        if any(_unprefixed(word).startswith(_MEANS_HELD) for word in lead):
            continue  # "مروحيات تابعة للقوات الحكومية": whose the means is, who struck
        for match in candidates(sent):
            if match.start >= tie.end() and sent.words(tie.end(), word_start(match)) <= 1:
                return [match]
        return []
    return []


_TAKEN_BACK = frozenset(
    "recaptured retook recapture retake regained wrested seized captured استعاد استعادت "
    "استعادوا يستعيد تستعيد استعاده لاستعاده تحرير سيطر سيطرت سيطروا انتزع انتزعت".split()
)
_FROM = re.compile(r"(?<!\w)(?:from|من)(?!\w)")
_MEN_OF = [[w] for w in "مسلحون مسلحين مقاتلون مقاتلين عناصر افراد fighters militants".split()]


def taken_from(sent: Sentence, trigger: Match) -> list[Match]:
    """ "recaptured Wad Madani from the RSF", "لاستعادة مدينة الحديدة من الحوثيين", "تحرير
    الموصل من قبضة داعش": the party a place is taken back from."""
    words = sent.text[trigger.start : trigger.end].split()
    if not words or words[-1] not in _TAKEN_BACK:
        return []
    end = min(sent.end, trigger.end + 80)
    for mark in _FROM.finditer(sent.text, trigger.end, end):
        if sent.text[max(sent.start, mark.start() - 12) : mark.start()].split()[-1:] in _MEN_OF:
            continue  # "سيطر مسلحون من «جبهة …» على المدينة": the men's own party
        for match in candidates(sent):
            if match.start < mark.end():
                continue
            if sent.words(mark.end(), word_start(match)) <= 2:
                return [match]
            break
    return []


# A home named by its family's man (folded): "بتفجير منزل عائلة الشاب محمد طرايرة", "هدمت منزل
# الأسير منتصر شلبي".
_HOME_OF = re.compile(
    r"(?<!\S)(?:منزل|منازل|بيت|منزلي)(?: (?:"
    + "|".join(fold(w) for w in "عائلة عائلتي أسرة ذوي".split())
    + "))?(?: (?:"
    + "|".join(fold(w) for w in "الشاب الأسير الشهيد المعتقل الفتى المطلوب الناشط القيادي".split())
    + r"))?\s+"
)


def family_home(sent: Sentence, trigger: Match) -> list[Match]:
    """The person whose family's home a demolition hits, named right after the home."""
    if trigger.entry.value != "demolition" or trigger.entry.lang != "ar":
        return []
    end = min(sent.end, trigger.end + 60)
    mark = _HOME_OF.search(sent.text, trigger.end, end)
    if mark is None:
        return []
    return [
        m
        for m in sent.entities
        if m.start - len(m.prefix) == mark.end() and sent.kind(m) == "person"
    ][:1]
