"""Victims of an attack named around it: a victim noun (soldiers, embassy, جنود، مقر) with its
owner or nationality, near the verb of attack or near the toll's verb ("قُتل ثلاثة جنود
بورونديين من بعثة مينوسكا ... عندما هاجم مسلحون موقعهم"). roles.py reads them as the attack's
target; the perpetrator rules leave a victim's nationality out. Also the word helpers the role
finders share."""

from __future__ import annotations

import re

from marsad.extraction.counted import counted_men, is_year
from marsad.extraction.figures import find_numbers
from marsad.extraction.gazetteer import Match
from marsad.extraction.memo import per_trigger
from marsad.extraction.normalize import fold
from marsad.extraction.slots import (
    Sentence,
    barrier_between,
    candidates,
    definite,
    word_start,
)

_PASSIVE_EN = re.compile(r"\b(was|were|has been|have been|had been|being)\b")


# Words after a victim noun that tie it to its owner: "جنود حفظ السلام التابعين لبعثة X",
# "العاملين في", "المشاركة في".
TIES = frozenset(
    fold(w)
    for w in "من في لدى التابعين التابعة التابع التابعون العاملين العاملون العاملة المشاركين "
    "المشاركة المشاركون ضمن".split()
)


def _owner_after(sent: Sentence, end: int, begin: int) -> bool:
    """ "جنديان من قوة اليونيفيل": a victim noun, من or في, at most one more word, the owner."""
    words = sent.text[end:begin].split()
    if 1 <= len(words) <= 3 and fold_word(words[0]) in TIES:
        return True
    # plural words that describe the victims may stand before the tie: "موظفين محليين يعملون
    # لدى الأمم المتحدة"
    tie = next((i for i, w in enumerate(words[:3]) if fold_word(w) in TIES), None)
    return (
        tie is not None
        and len(words) - tie <= 3
        and all(w.endswith(("ين", "ون")) for w in words[:tie])
    )


def fold_word(word: str) -> str:
    return word.replace("ة", "ه").replace("أ", "ا").replace("إ", "ا")


# English words between a victim noun and its owner: "officer serving with the MSS mission".
_OWNER_EN = frozenset(
    {"of", "of the", "from", "from the", "serving with", "serving with the", "with the", "in the"}
    | {"working for", "working for the", "who work for", "who work for the", "employed by"}
    | {"employed by the", "working with", "working with the"}
)


def _noun_end(sent: Sentence, noun: Match) -> int:
    """Where a victim noun ends with the demonyms that follow it: "جنديان هنديان من بعثة X",
    "جنود فرنسيين من قوة اليونيفيل" (the owner comes after the nationality)."""
    end = noun.end
    for match in sorted(sent.entities, key=lambda m: m.start):
        if match.entry.adjective and match.start >= end and sent.words(end, word_start(match)) == 0:
            end = match.end
    return end


def _construct(sent: Sentence, noun: Match, begin: int) -> bool:
    """One definite noun between a victim noun and its nisba: the noun's complement (a thing's:
    "قوات الأمن السودانية" names the men's service, and their state)."""
    if sent.text[noun.start : noun.end].startswith(_ARMED_NOUNS):
        return False
    between = sent.text[noun.end : begin].split()
    # "ناقلة المواد الكيميائية النرويجية": a complement and its own adjective between
    if len(between) == 2 and between[0].startswith("ال") and between[1].startswith("ال"):
        return not between[0].endswith("يه")
    return len(between) == 1 and between[0].startswith("ال") and not between[0].endswith("يه")


# A unit named between a post hit and the force it belongs to (folded): "مقر الفرقة 22 مشاة في
# الجيش السوداني", "ثكنة اللواء الخامس التابع للجيش".
_UNIT_OF = re.compile(
    r"\s+(?:ال)?(?:فرقه|لواء|كتيبه|فيلق|سريه|قياده)(?:\s+\S+){0,2}\s+(?:في|من|التابع|التابعه)\s+"
)


def _owned_by(sent: Sentence, end: int, match: Match) -> bool:
    """ "مواقع لحزب الله", "مواقع للمتمردين الحوثيين": the owner after a victim noun with ل
    (on the owner or on the noun of armed men before it), at most two words between."""
    between = sent.text[end : word_start(match)].split()
    first = between[0] if between else ""
    rest = first[2:] if first.startswith("لل") else first[1:] if first.startswith("ل") else ""
    led = rest.startswith((*_ARMED_NOUNS, "متمرد"))
    if match.prefix not in ("ل", "ول") and not match.entry.article_form and not led:
        return False
    return sent.words(end, word_start(match)) <= 2 and not barrier_between(sent, end, match.start)


# A verb of use or control between a place hit and whose it is (folded): the Arabic of
# roles._HELD_BY ("used by", "held by").
_HELD_BY_AR = re.compile(
    r'["\s]+(?:\S+\s+)?(?:ي|ت)(?:ستخدم|سيطر علي|دير|ملك|تحصن في|تمركز في)(?:ها|ه|هما|ون|ونها)?'
    r"\s+(?:(?:ال)?(?:جيش|قوات)\s+)?"
)
# Nouns of armed men: the nationality after them is theirs ("مسلحون حوثيون"), not a victim's.
_ARMED_NOUNS = ("مسلح", "مقاتل", "عناصر", "قوات", "قوه", "ميليشي", "جنود", "مجموعه", "كتايب")


def of_armed_men(sent: Sentence, match: Match) -> bool:
    """A demonym or a leader right after a noun of armed men ("مسلحون حوثيون", "مقاتلين أتراك",
    "كتائب القذافي")."""
    words = sent.text[max(sent.start, word_start(match) - 24) : word_start(match)].split()[-2:]
    if len(words) == 2 and words[1] in _SERVICES:
        words = words[:1]  # "قوات الأمن السودانية": the service between the men and their state
    return bool(words) and words[-1].startswith(_ARMED_NOUNS)


def of_service(sent: Sentence, match: Match) -> bool:
    """A nisba right after the word of a service: "الشرطة الأفغانية", "الجيش السوداني" (the
    service's men, who act)."""
    words = sent.text[max(sent.start, word_start(match) - 12) : word_start(match)].split()[-1:]
    return bool(match.entry.adjective and words and words[0] in _SERVICES)


_SERVICES = frozenset(
    fold(w)
    for w in "الأمن الشرطة الجيش النخبة الخاصة البحرية الجوية البرية الحدود الطوارئ المشاة".split()
)


def _near(sent: Sentence, x: int, y: int, window: int) -> bool:
    a, b = sorted((x, y))
    return sent.words(a, b) <= window and not barrier_between(sent, a, b)


# Irregular past forms of English verbs of attack (a regular one ends in -ed).
EN_PAST = frozenset("shot struck hit overran blew threw".split())


def _subject_of(sent: Sentence, noun: Match, trigger: Match) -> bool:
    """ "Peacekeepers of the UN mission MONUSCO opened fire": an English noun of soldiers or
    officers before an active verb of attack, with no passive, toll or clause between, is who
    fired, not whom they fired at."""
    verb = sent.text[trigger.start : trigger.end].split()[0].lower()
    active = "v" in trigger.entry.flags or verb.endswith("ed") or verb in EN_PAST
    if not active and noun.end <= trigger.start:
        # "Iraqi counter-terrorism forces arrested 22 suspects in raids": the noun is the
        # subject of the verb right after it, and the act's noun follows
        after_noun = sent.text[noun.end : min(sent.end, noun.end + 20)].split()[:1]
        return bool(after_noun) and active_en(after_noun[0])
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
        and not barrier_between(sent, noun.end, trigger.start)
    )


def active_en(word: str) -> bool:
    """An English verb in the past that is no passive participle after "were"."""
    word = word.strip(",.;:").lower()
    return word.endswith("ed") and word not in _NOT_VERBS or word in EN_PAST


# Words in -ed after a noun of soldiers that are no verbs of theirs.
_NOT_VERBS = frozenset("killed wounded injured stationed deployed based armed".split())


# Active verbs of attack whose passive is written otherwise (دوهم، هوجم) or is rare in news, and
# the nouns of armed men that follow them as their subject: "داهم جنود من قوة يوفور".
ACTIVE_VERBS = frozenset(
    "داهم داهمت هاجم هاجمت اقتحم اقتحمت استهدف استهدفت قصف قصفت اطلق اطلقت".split()
)
_SUBJECT_NOUNS = frozenset("جنود عناصر قوات افراد مقاتلون مقاتلو مسلحون".split())
# The same after "that", where they stand in the accusative: "إن جنوداً … أطلقوا النار" (after
# a verb, "استهدفت مقاتلين", these are its object)
_THAT_SUBJECTS = _SUBJECT_NOUNS | frozenset("جنودا مسلحين مقاتلين".split())


def _is_subject(sent: Sentence, noun: Match) -> bool:
    """Whether a victim noun is the subject of a verb of attack just before it (the trigger's
    or another's: "استهدفت قوات الحوثيين سفينة … بالصواريخ") or after it and its owner."""
    word = sent.text[noun.start : noun.end]
    if word not in _THAT_SUBJECTS:
        return False
    before = sent.text[max(sent.start, noun.start - 12) : noun.start].split()
    if before and before[-1].lstrip("وف") in ACTIVE_VERBS:
        return word in _SUBJECT_NOUNS
    # or, after "that", of a verb right after it and its owner: "أن قوات الحوثيين استهدفت
    # سفينة" (without "that" the verb may be a passive: "جنود أمريكيين استُهدفت دوريتهم")
    if not before or before[-1] not in ("ان", "انه"):
        return False
    after = sent.text[noun.end : min(sent.end, noun.end + 40)].split()[:3]
    if any(word.lstrip("وف") in ACTIVE_VERBS for word in after[1:]):
        return True
    # "إن جنوداً من قوة البعثة (أميصوم) أطلقوا النار": a plural verb of attack after the men
    # and their owner agrees with them
    return any(
        sent.text[t.start : t.end].split()[0].endswith("وا")
        and noun.end < t.start
        and sent.words(noun.end, t.start) <= 10
        and not barrier_between(sent, noun.end, t.start)
        for t in sent.of("T:attack")
    )


def _agent(sent: Sentence, noun: Match) -> bool:
    """Whether a noun follows a word that names who did the act ("مداهمة نفذتها قوات صومالية",
    "على يد قوات"); "من" is left out, as it as often names the owner of victims."""
    return any(
        cue.end <= word_start(noun)
        and sent.words(cue.end, word_start(noun)) == 0
        and sent.text[cue.start : cue.end] != "من"
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
    word = sent.text[word_start(trigger) : trigger.end].split()[0]
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


def _of_the_act(sent: Sentence, noun: Match, trigger: Match, match: Match) -> bool:
    """ "قتل ستة مدنيين في غارة إسرائيلية": a nisba after the word of attack that follows the
    victims describes the attack (whose it is), not the victims."""
    if not match.entry.adjective or not noun.end <= trigger.start < trigger.end <= match.start:
        return False
    return sent.words(trigger.end, word_start(match)) <= 1


# Words at most between a victim noun and the trigger or a toll.
_WINDOW = 10


@per_trigger
def victims(sent: Sentence, trigger: Match) -> list[Match]:
    """Entities named as the owner or nationality of a victim noun near the trigger, in its
    clause; for a definite noun that names none ("fired mortar rounds at the troops"), those
    of the victim noun named before it in the sentence ("400 Ugandan soldiers … landed")."""
    found: list[Match] = []
    # the toll of the attack may name them apart from its verb: "قتل ثلاثة جنود بورونديين من
    # بعثة مينوسكا ... عندما هاجم مسلحون موقعهم", "killing six people, including two Britons"
    # (a toll past another word of attack is that act's: "… and Turkish jets struck back,
    # killing 35 Syrian soldiers")
    anchors = _anchors(sent, trigger)
    bare: list[Match] = []
    for noun, owners in victim_nouns(sent, trigger):
        found += owners
        if not owners and definite(sent, noun):
            bare.append(noun)
    found += [
        m
        for m in _counted(sent) + counted_men(sent)
        if any(_near(sent, m.start, at, _WINDOW) for at in anchors)
    ]
    if bare and not found:
        for noun in reversed([n for n in sent.of("VICTIM") if n.end <= bare[0].start]):
            owners = _owners(sent, noun, trigger)
            if owners:
                return owners
    return found


@per_trigger
def victim_nouns(sent: Sentence, trigger: Match) -> list[tuple[Match, list[Match]]]:
    """The victim nouns near the trigger or its tolls that are not who did it, each with the
    owners or nationalities named with it."""
    arabic = trigger.entry.lang == "ar"
    anchors = _anchors(sent, trigger)
    found = []
    for noun in sent.of("VICTIM"):
        if not any(_near(sent, noun.start, at, _WINDOW) for at in anchors):
            continue
        if arabic and (
            _is_subject(sent, noun) or _agent(sent, noun) or _fired_by(sent, noun, trigger)
        ):
            continue
        if not arabic and _subject_of(sent, noun, trigger):
            continue
        found.append((noun, _owners(sent, noun, trigger)))
    return found


def _counted(sent: Sentence) -> list[Match]:
    """Demonyms counted as people: "خطف مسلحون ... خمسة بريطانيين", "two Britons" (a count
    right before the nationality), not the men who did it ("ثلاثة مسلحين عراقيين")."""
    found = []
    for match in sent.entities:
        if not match.entry.adjective:
            continue
        lead = sent.text[max(sent.start, word_start(match) - 16) : word_start(match)].split()
        # a count stands right before its noun: "Since October 2023, Israeli attacks" is a year
        word = lead[-1] if lead else ""
        counted = word[-1:].isalnum() and (word[0].isdigit() or bool(find_numbers(word)))
        if word.lower() in ("a", "an") and match.entry.lang == "en":
            # "wounded a Central African soldier": one of a nationality, with its noun, as the
            # object of harm (not "A Malian soldier opened fire")
            tail = sent.text[match.end : min(sent.end, match.end + 20)].split()[:1]
            harmed = len(lead) > 1 and lead[-2].lower().strip(",") in _HARMED_EN
            counted = harmed and bool(tail) and tail[0].strip(",.") in _ONE_OF_EN
        if counted and not is_year(word) and not of_armed_men(sent, match):
            found.append(match)
    return found


# English words of harm before "a" and a nationality: "wounded a Central African soldier".
_HARMED_EN = frozenset(
    "wounded killed injured kidnapped abducted seized shot including and among".split()
)
# English nouns of one person after "a" and a nationality ("a Central African soldier").
_ONE_OF_EN = frozenset(
    "soldier officer policeman peacekeeper civilian journalist worker national citizen engineer "
    "diplomat contractor pilot trader tourist teacher doctor nurse driver".split()
)


@per_trigger
def _anchors(sent: Sentence, trigger: Match) -> list[int]:
    """Where the victims of an act are looked for around: its word, its tolls and the end of
    the party its men are said to belong to ("خطف مسلحون يشتبه في انتمائهم إلى «جماعة نصرة
    الإسلام والمسلمين» ثلاثة عمال صينيين": the workers stand after that phrase)."""
    anchors = [trigger.start, *_own_tolls(sent, trigger)]
    for cue in sent.of("AFFILIATED"):
        if cue.start >= trigger.end and sent.words(trigger.end, cue.start) <= 3:
            owner = next((m for m in candidates(sent) if m.start >= cue.end), None)
            if owner is not None and sent.words(cue.end, owner.start) <= 2:
                anchors.append(owner.end)
    return anchors


def _own_tolls(sent: Sentence, trigger: Match) -> list[int]:
    """Where the tolls of the sentence stand, but for those after another English verb of
    attack that follows the trigger (a toll that opens the sentence is told of all its acts;
    the instruments of one act are named one after the other: "بقذائف الهاون وسيارات مفخخة")."""
    others = [
        t.start
        for t in sent.of("T:attack")
        if t.start > trigger.end
        and sent.words(trigger.end, t.start) > 1  # "mortar rounds struck": its own verb
        and t.entry.lang == "en"
        and any(active_en(word) for word in sent.text[t.start : t.end].split())
    ]
    tolls = sent.of("MEAS:killed", "MEAS:injured")
    later = (
        [m.start() for m in _LATER_ACT.finditer(sent.text, trigger.end, sent.end)] if tolls else []
    )
    return [
        m.start
        for m in tolls
        if not any(trigger.end < at < m.start for at in others)
        # "after the troops left their base, killing 10": the comma ends the later clause
        and not any(at < m.start and "," not in sent.text[at : m.start] for at in later)
    ]


# A clause of its own after the act, whose tolls are its own: "bombed Islamic State targets after
# the group beheaded 21 Egyptian Christians".
_LATER_ACT = re.compile(r"\b(?:after|before|days after|weeks after) (?:the|a|an|its|their) ")


def _owners(sent: Sentence, noun: Match, trigger: Match) -> list[Match]:
    """The owners or nationalities named with one victim noun."""
    found: list[Match] = []
    arabic = trigger.entry.lang == "ar"
    for match in candidates(sent):
        begin = word_start(match)
        if arabic and _of_the_act(sent, noun, trigger, match):
            continue
        if arabic and begin >= noun.end and sent.words(noun.end, begin) == 0:
            found.append(match)  # جنود أمريكيين، مقر حزب الله، السفارة الإيرانية
        elif arabic and match.entry.adjective and _construct(sent, noun, begin):
            found.append(match)  # سفينة الشحن البريطانية، حاملة الطائرات الأمريكية
        elif arabic and begin >= noun.end and _owner_after(sent, _noun_end(sent, noun), begin):
            found.append(match)  # جنديان من قوة اليونيفيل، عناصر في حزب الله
        elif arabic and begin >= noun.end and _UNIT_OF.fullmatch(sent.text, noun.end, begin):
            found.append(match)  # مقر الفرقة 22 مشاة في الجيش السوداني
        elif arabic and begin >= noun.end and _owned_by(sent, noun.end, match):
            found.append(match)  # مواقع لحزب العمال، مقر القيادة المركزية لحزب الله
        elif arabic and begin >= noun.end and _HELD_BY_AR.fullmatch(sent.text, noun.end, begin):
            found.append(match)  # بنى تحتية يستخدمها حزب الله، مواقع يسيطر عليها الحوثيون
        elif (
            not arabic
            and match.end <= noun.start
            and _before_noun(sent, match, noun)
            and not match.end < trigger.end <= noun.start  # "Israeli jets struck sites"
        ):
            found.append(match)  # American soldiers, UNIFIL peacekeepers, Iran's embassy
        elif (
            not arabic
            and match.start >= noun.end
            and sent.text[noun.end : match.start].strip() in _OWNER_EN
        ):
            found.append(match)  # positions of Hezbollah, an officer serving with the MSS
    return found
