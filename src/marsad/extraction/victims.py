"""Victims of an attack named around it: a victim noun (soldiers, embassy, جنود، مقر) with its
owner or nationality, near the verb of attack or near the toll's verb ("قُتل ثلاثة جنود
بورونديين من بعثة مينوسكا ... عندما هاجم مسلحون موقعهم"). roles.py reads them as the attack's
target; the perpetrator rules leave a victim's nationality out. Also the word helpers the role
finders share."""

from __future__ import annotations

import re

from marsad.extraction.draft import attribution
from marsad.extraction.gazetteer import Match
from marsad.extraction.memo import per_trigger
from marsad.extraction.normalize import fold
from marsad.extraction.slots import Sentence

TARGET_KINDS = frozenset(
    {"state", "force", "armed_group", "organization", "person", "body", "office", "group"}
)


_PASSIVE_EN = re.compile(r"\b(was|were|has been|have been|had been|being)\b")


def _begin(match: Match) -> int:
    """Where the word of a hit starts, its proclitics included (للحشد, بالمدفعية)."""
    return match.start - len(match.prefix)


# Words after a victim noun that tie it to its owner: "جنود حفظ السلام التابعين لبعثة X",
# "العاملين في", "المشاركة في".
_TIES = frozenset(
    "من في لدى التابعين التابعه التابع التابعون العاملين العاملون العامله المشاركين المشاركه "
    "المشاركون ضمن".split()
)


def _owner_after(sent: Sentence, end: int, begin: int) -> bool:
    """ "جنديان من قوة اليونيفيل": a victim noun, من or في, at most one more word, the owner."""
    words = sent.text[end:begin].split()
    return 1 <= len(words) <= 3 and fold_word(words[0]) in _TIES


def fold_word(word: str) -> str:
    return word.replace("ة", "ه").replace("أ", "ا").replace("إ", "ا")


# English words between a victim noun and its owner: "officer serving with the MSS mission".
_OWNER_EN = frozenset(
    {"of", "of the", "from", "from the", "serving with", "serving with the", "with the", "in the"}
)


def _noun_end(sent: Sentence, noun: Match) -> int:
    """Where a victim noun ends with the demonyms that follow it: "جنديان هنديان من بعثة X",
    "جنود فرنسيين من قوة اليونيفيل" (the owner comes after the nationality)."""
    end = noun.end
    for match in sorted(sent.entities, key=lambda m: m.start):
        if match.entry.adjective and match.start >= end and _words(sent, end, _begin(match)) == 0:
            end = match.end
    return end


def _construct(sent: Sentence, noun: Match, begin: int) -> bool:
    """One definite noun between a victim noun and its nisba: the noun's complement (a thing's:
    "قوات الأمن السودانية" names the men's service, and their state)."""
    if sent.text[noun.start : noun.end].startswith(_ARMED_NOUNS):
        return False
    between = sent.text[noun.end : begin].split()
    return len(between) == 1 and between[0].startswith("ال") and not between[0].endswith("يه")


def _owned_by(sent: Sentence, end: int, match: Match) -> bool:
    """ "مواقع لحزب الله", "مواقع للمتمردين الحوثيين": the owner after a victim noun with ل
    (on the owner or on the noun of armed men before it), at most two words between."""
    between = sent.text[end : _begin(match)].split()
    first = between[0] if between else ""
    rest = first[2:] if first.startswith("لل") else first[1:] if first.startswith("ل") else ""
    led = rest.startswith((*_ARMED_NOUNS, "متمرد"))
    if match.prefix not in ("ل", "ول") and not match.entry.article_form and not led:
        return False
    return _words(sent, end, _begin(match)) <= 2 and not _barrier_between(sent, end, match.start)


# Nouns of armed men: the nationality after them is theirs ("مسلحون حوثيون"), not a victim's.
_ARMED_NOUNS = ("مسلح", "مقاتل", "عناصر", "قوات", "ميليشي", "جنود", "مجموعه", "كتايب")


def of_armed_men(sent: Sentence, match: Match) -> bool:
    """A demonym or a leader right after a noun of armed men ("مسلحون حوثيون", "مقاتلين أتراك",
    "كتائب القذافي")."""
    words = sent.text[max(sent.start, _begin(match) - 24) : _begin(match)].split()[-2:]
    if len(words) == 2 and words[1] in _SERVICES:
        words = words[:1]  # "قوات الأمن السودانية": the service between the men and their state
    return bool(words) and words[-1].startswith(_ARMED_NOUNS)


_SERVICES = frozenset(
    "الامن الشرطه الجيش النخبه الخاصه البحريه الجويه البريه الحدود الطوارئ المشاه".split()
)


def _words(sent: Sentence, a: int, b: int) -> int:
    return sent.words(a, b) if b > a else 0


def _candidates(sent: Sentence) -> list[Match]:
    return [m for m in sent.entities if sent.kind(m) in TARGET_KINDS]


def _barrier_between(sent: Sentence, a: int, b: int) -> bool:
    return any(a <= mark < b for mark in sent.barriers)


def _near(sent: Sentence, x: int, y: int, window: int) -> bool:
    a, b = sorted((x, y))
    return sent.words(a, b) <= window and not _barrier_between(sent, a, b)


# Irregular past forms of English verbs of attack (a regular one ends in -ed).
_EN_PAST = frozenset("shot struck hit overran blew threw".split())


def _subject_of(sent: Sentence, noun: Match, trigger: Match) -> bool:
    """ "Peacekeepers of the UN mission MONUSCO opened fire": an English noun of soldiers or
    officers before an active verb of attack, with no passive, toll or clause between, is who
    fired, not whom they fired at."""
    verb = sent.text[trigger.start : trigger.end].split()[0].lower()
    active = "v" in trigger.entry.flags or verb.endswith("ed") or verb in _EN_PAST
    if not active or noun.end > trigger.start:
        return False
    between = sent.text[noun.end : trigger.start]
    return (
        sent.words(noun.end, trigger.start) <= 6
        and not _PASSIVE_EN.search(between)
        and not any(
            noun.end <= m.start < trigger.start
            for m in sent.of("MEAS:killed", "MEAS:injured", "VICTIM")
        )
        and not _barrier_between(sent, noun.end, trigger.start)
    )


# Active verbs of attack whose passive is written otherwise (دوهم، هوجم) or is rare in news, and
# the nouns of armed men that follow them as their subject: "داهم جنود من قوة يوفور".
_ACTIVE_VERBS = frozenset(
    "داهم داهمت هاجم هاجمت اقتحم اقتحمت استهدف استهدفت قصف قصفت اطلق اطلقت".split()
)
_SUBJECT_NOUNS = frozenset("جنود عناصر قوات افراد مقاتلون مقاتلو مسلحون".split())


def _is_subject(sent: Sentence, noun: Match) -> bool:
    """Whether a victim noun is the subject of a verb of attack just before it (the trigger's
    or another's: "استهدفت قوات الحوثيين سفينة … بالصواريخ")."""
    if sent.text[noun.start : noun.end] not in _SUBJECT_NOUNS:
        return False
    before = sent.text[max(sent.start, noun.start - 12) : noun.start].split()
    return bool(before) and before[-1].lstrip("وف") in _ACTIVE_VERBS


def _agent(sent: Sentence, noun: Match) -> bool:
    """Whether a noun follows a word that names who did the act ("مداهمة نفذتها قوات صومالية",
    "على يد قوات"); "من" is left out, as it as often names the owner of victims."""
    return any(
        0 <= noun.start - cue.end <= 1 and sent.text[cue.start : cue.end] != "من"
        for cue in sent.of("BY")
    )


# Projectiles in construct name who fired them: "برصاص جنود أمريكيين", "بنيران قوات الأمن",
# "بصواريخ حزب الله". (A strike in construct names its object: "قصف مواقع".)
_PROJECTILES = frozenset(
    fold(w)
    for w in "رصاص برصاص رصاصة برصاصة نيران بنيران قذائف بقذائف قذيفة بقذيفة صواريخ بصواريخ "
    "صاروخ بصاروخ".split()
)


def _fired_by(sent: Sentence, noun: Match, trigger: Match) -> bool:
    """Whether a noun right after a projectile names those who fired it."""
    word = sent.text[_begin(trigger) : trigger.end].split()[0]
    return word in _PROJECTILES and 0 <= noun.start - trigger.end <= 1


# English words of a service between a nationality and its men: "Iraqi border guard officers".
_SERVICE_EN = frozenset(
    "border guard guards security police army military special navy naval intelligence senior "
    "coast".split()
)


def _before_noun(sent: Sentence, match: Match, noun: Match) -> bool:
    """An English owner or nationality right before a victim noun, or with the words of a
    service or other nationalities between ("American and Canadian missionaries")."""
    if noun.start - match.end > 60:
        return False
    between = sent.text[match.end : noun.start].split()
    if len(between) <= 1:
        return True
    others = {
        sent.text[m.start : m.end]
        for m in sent.entities
        if m.entry.adjective and match.end <= m.start and m.end <= noun.start
    }
    return all(word in _SERVICE_EN or word in others or word == "and" for word in between)


@per_trigger
def victims(sent: Sentence, trigger: Match, *, window: int = 10) -> list[Match]:
    """Entities named as the owner or nationality of a victim noun near the trigger, in its
    clause."""
    found: list[Match] = []
    arabic = trigger.entry.lang == "ar"
    # the toll of the attack may name them apart from its verb: "قتل ثلاثة جنود بورونديين من
    # بعثة مينوسكا ... عندما هاجم مسلحون موقعهم", "killing six people, including two Britons"
    anchors = [trigger.start, *(m.start for m in sent.of("MEAS:killed", "MEAS:injured"))]
    for noun in sent.of("VICTIM"):
        if not any(_near(sent, noun.start, at, window) for at in anchors):
            continue
        if arabic and (
            _is_subject(sent, noun) or _agent(sent, noun) or _fired_by(sent, noun, trigger)
        ):
            continue
        if not arabic and _subject_of(sent, noun, trigger):
            continue
        for match in _candidates(sent):
            begin = _begin(match)
            if arabic and begin >= noun.end and _words(sent, noun.end, begin) == 0:
                found.append(match)  # جنود أمريكيين، مقر حزب الله، السفارة الإيرانية
            elif arabic and match.entry.adjective and _construct(sent, noun, begin):
                found.append(match)  # سفينة الشحن البريطانية، حاملة الطائرات الأمريكية
            elif arabic and begin >= noun.end and _owner_after(sent, _noun_end(sent, noun), begin):
                found.append(match)  # جنديان من قوة اليونيفيل، عناصر في حزب الله
            elif arabic and begin >= noun.end and _owned_by(sent, noun.end, match):
                found.append(match)  # مواقع لحزب العمال، مقر القيادة المركزية لحزب الله
            elif not arabic and match.end <= noun.start and _before_noun(sent, match, noun):
                found.append(match)  # American soldiers, UNIFIL peacekeepers, Iran's embassy
            elif (
                not arabic
                and match.start >= noun.end
                and sent.text[noun.end : match.start].strip() in _OWNER_EN
            ):
                found.append(match)  # positions of Hezbollah, an officer serving with the MSS
    return found


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
    + ")(?![\u0621-\u064a])"
    + r"|\bits (?:troops|forces|positions|bases?|personnel|peacekeepers|soldiers|convoys?|"
    r"patrols?|staff|headquarters|members|fighters|ships?|vessels?)\b"
)
_OWN_REACH = 160


@per_trigger
def speakers_own(sent: Sentence, trigger: Match) -> list[Match]:
    """The speaker of the sentence, when what the trigger hit is named as its own after it."""
    end = min(sent.end, trigger.end + _OWN_REACH)
    mark = _SPEAKERS_OWN.search(sent.text, trigger.end, end)
    if mark is None or _barrier_between(sent, trigger.end, mark.start()):
        return []
    source = attribution(sent)
    if source is None or source.source is None:
        return []
    return [m for m in sent.entities if m.entry.value == source.source][:1]


# What was shot down is the target, its nationality before it: "shot down a Russian Su-24
# warplane". (An Arabic verb's subject stands between it and the aircraft.)
_DOWNED = re.compile(
    r"\b(?:shot down|downed|brought down)\s+(?:(?:a|an|the|two|three|four|one|\d+)\s+)?"
)


@per_trigger
def downed(sent: Sentence, trigger: Match) -> list[Match]:
    """The state whose aircraft the sentence says was shot down."""
    if "down" not in sent.text[sent.start : sent.end]:
        return []
    for mark in _DOWNED.finditer(sent.text, sent.start, sent.end):
        for match in sent.entities:
            begin = _begin(match)
            if (
                match.entry.adjective
                and begin >= mark.end()
                and _words(sent, mark.end(), begin) <= 3
            ):
                return [match]
    return []


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
            begin = _begin(match)
            if begin < mark.end() or _barrier_between(sent, mark.end(), begin):
                continue
            if _words(sent, mark.end(), begin) > 6:
                break
            if match.entry.adjective and sent.kind(match) == "state":
                found.append(match)
    return found


# The same tie with no aim word before it: "targeted police stations run by Hamas", "استهدفت
# الطائرات مقار الشرطة التابعة لحكومة حماس".
_HOLDER = re.compile(
    r"(?<!\w)(?:(?:used|held|controlled|run|operated|manned) by|belonging to"
    r"|التابع|التابعه|التابعين|التابعون|التابعتين|الخاضعه لسيطره|الخاضع لسيطره)(?!\w)"
)
_HOLDER_REACH = 120


@per_trigger
def held(sent: Sentence, trigger: Match) -> list[Match]:
    """The party that holds what the trigger hits, named in its clause after a word of holding:
    at most one word between ("the", "لحكومة")."""
    end = min(sent.end, trigger.end + _HOLDER_REACH)
    for tie in _HOLDER.finditer(sent.text, trigger.end, end):
        if _barrier_between(sent, trigger.end, tie.start()):
            return []
        for match in _candidates(sent):
            if match.start >= tie.end() and _words(sent, tie.end(), _begin(match)) <= 1:
                return [match]
        return []
    return []
