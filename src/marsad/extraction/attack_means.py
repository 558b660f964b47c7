"""Which means an attack was carried out with, when a sentence names several, and when a word
of a means is no attack at all (aircraft pledged or withdrawn are equipment); the act an
instrument belongs to ("استهدفت … بصواريخ"). rules_attack.py builds one attack per means chosen
here."""

from __future__ import annotations

import re
from itertools import pairwise

from marsad.extraction.gazetteer import Match
from marsad.extraction.normalize import fold
from marsad.extraction.slots import Sentence

_DEMOLITION_CONTEXT = ("منازل", "مباني", "منزل", "نسف", "هدم", "مربع", "روبوت", "home", "build")


def chosen_means(sent: Sentence, triggers: list[Match]) -> dict[str, Match]:
    """The first trigger of each means. "تفجير" is a demolition among houses and a bombing
    elsewhere; a named means (a car bomb, an air strike) makes a plain "attack" redundant."""
    by_means: dict[str, Match] = {}
    for trigger in triggers:
        if not _no_aircraft(sent, trigger):
            by_means.setdefault(trigger.entry.value, trigger)
    if "explosive" in by_means and "demolition" in by_means:
        text = sent.text[sent.start : sent.end]
        device = any(w in text for w in _DEVICES)
        if any(word in text for word in _DEMOLITION_CONTEXT) and not device:
            by_means.pop("explosive")
        else:
            by_means.pop("demolition")
    for specific, vaguer in (
        ("drone", "air"),
        ("drone", "explosive"),
        ("air", "gunfire"),
        ("artillery", "gunfire"),
        ("drone", "gunfire"),
        ("drone", "artillery"),
        ("air", "artillery"),
    ):
        # "غارة بمسيرة", "explosives-laden drone", "tank fired at": one act, the precise means
        if specific in by_means and vaguer in by_means:
            a, b = by_means[specific], by_means[vaguer]
            gap = sent.text[min(a.end, b.end) : max(a.start, b.start)]
            listed = " and " in f" {gap} " or any(w.startswith("و") for w in gap.split())
            if sent.words(min(a.end, b.end), max(a.start, b.start)) <= 3 and not listed:
                by_means.pop(vaguer)  # "artillery and air strikes" are two means
    if (
        len(by_means) > 1
        and not _storming(sent, by_means)
        and not _besides_abduction(sent, by_means)
    ):
        by_means.pop("other", None)
    blast = by_means.get("explosive")
    if blast is not None and len(by_means) > 1 and sent.text[blast.start : blast.end] in _BLASTS:
        text = sent.text[sent.start : sent.end]
        if any(word in text for word in _DEVICES):
            pass  # "انفجار خمس سيارات مفخخة وسقوط قذائف": the blast of car bombs is a bombing
        else:
            by_means.pop("explosive")  # "explosions were heard" during clashes: their sound
    if set(by_means) == {"other"}:
        text = f" {sent.text[sent.start : sent.end]} "
        if any(word in text for word in _GUNMEN):
            by_means["gunfire"] = by_means.pop("other")  # "gunmen attacked", "مسلحون هاجموا"
        else:
            means = _shelled_with(sent, by_means["other"])
            if means:
                by_means[means] = by_means.pop("other")
    return by_means


# Aviation that is no air force ("شركة طيران", "رحلات الطيران المدني") and a march that is no
# drone ("المسيرة الأسبوعية", "وتطالب المسيرة"): the words before and after them (folded).
_CIVIL_BEFORE = frozenset(fold(w) for w in "شركة شركات خطوط رحلات حركة سلطة هيئة لشركة".split())
_CIVIL_AFTER = frozenset(fold(w) for w in "المدني مدني التجاري المدنية".split())
_MARCH_AFTER = frozenset(
    fold(w) for w in "الأسبوعية الأسبوعيه السلمية السلميه الاحتجاجية الشعبية الحاشدة التي".split()
)
_MARCH_BEFORE = frozenset(fold(w) for w in "وتطالب تطالب قمع تفريق شارك المشاركين انطلقت".split())


def _no_aircraft(sent: Sentence, trigger: Match) -> bool:
    """Whether a word of air or drone attack names civil aviation or a march."""
    word = sent.text[trigger.start : trigger.end]
    before = sent.text[max(sent.start, trigger.start - len(trigger.prefix) - 16) : trigger.start]
    last = before.split()[-1:]
    after = sent.text[trigger.end : min(sent.end, trigger.end + 16)].split()[:1]
    if trigger.entry.value == "air" and word.endswith("طيران"):
        return bool(set(last) & _CIVIL_BEFORE or set(after) & _CIVIL_AFTER)
    if trigger.entry.value == "drone" and word in ("مسيره", "المسيره"):
        return bool(set(after) & _MARCH_AFTER or set(last) & _MARCH_BEFORE)
    return False


# What shells, named beside "قصف" (folded stems): "وقصفت مروحية فرنسية مقر الشرطة", "طائرات
# الحلف قصفت المجمع".
_SHELLERS = (
    ("drone", ("مسيرات", "درون")),
    ("air", ("طاير", "مروحي", "مقاتلات", "طيران")),
    ("artillery", ("مدفعي", "دبابات", "دبابه", "مدافع", "هاون", "راجمات")),
)


def _shelled_with(sent: Sentence, trigger: Match) -> str | None:
    """The means of a bare "قصف" from the word of what shelled: five words before it at most
    (its subject and what owns it: "طائرات حلف شمال الأطلسي قد قصفت"), or two after."""
    if not sent.text[trigger.start : trigger.end].startswith("قصف"):
        return None
    lead = sent.text[max(sent.start, trigger.start - 40) : trigger.start]
    tail = sent.text[trigger.end : min(sent.end, trigger.end + 30)]
    # not across a comma: "بعد ساعات من مسيرة حاشدة، قصفت قوات النظام"
    near = lead.replace("،", ",").split(",")[-1].split()[-5:]
    near += tail.replace("،", ",").split(",")[0].split()[:2]
    words = [w[2:] if w.startswith("ال") else w for w in near]
    if any(a.startswith("طاير") and b.startswith("مسير") for a, b in pairwise(words)):
        return "drone"  # "طائرة مسيرة قصفت"
    for means, stems in _SHELLERS:
        if any(w.startswith(stems) or w[1:].startswith(stems) for w in words):
            return means
    return None


def _storming(sent: Sentence, by_means: dict[str, Match]) -> bool:
    """ "قُتلا برصاص قوات الاحتلال التي اقتحمت مخيم بلاطة", "a suicide bomber blew up a truck at
    the gate before gunmen stormed the prison": storming or raiding a place, told with its own
    verb apart from the other means, is an act of its own (docs/annotation.md: raids)."""
    other = by_means.get("other")
    if other is None or "v" not in other.entry.flags:
        return False
    word = sent.text[other.start : other.end]
    if not word.startswith(_STORMING):
        return False
    return all(
        sent.words(min(m.end, other.end), max(m.start, other.start)) > 3
        for means, m in by_means.items()
        if means != "other"
    )


def _besides_abduction(sent: Sentence, by_means: dict[str, Match]) -> bool:
    """ "هاجمت الميليشيات البلدة فقتلت ٧٥ شخصاً وخطفت ١٥٠ امرأة": an abduction is an act of
    its own, never the means of the attack told with its own verb beside it."""
    other, taken = by_means.get("other"), by_means.get("abduction")
    if other is None or taken is None or set(by_means) != {"other", "abduction"}:
        return False
    a, b = sorted((other, taken), key=lambda m: m.start)
    return "v" in other.entry.flags and sent.words(a.end, b.start) > 3


_STORMING = (
    "اقتحم",
    "يقتحم",
    "تقتحم",
    "داهم",
    "تداهم",
    "يداهم",
    "اجتاح",
    "تجتاح",
    "يجتاح",
    "stormed",
    "raided",
    "overran",
    "ground ",
)


# Explosive devices: an explosion of one is a bombing whatever else the sentence names.
_DEVICES = ("مفخخ", "ناسف", "انتحاري", "bomb", "IED", "explosive device")
# Explosions told as an effect, not a means, when another means is named.
_BLASTS = frozenset(
    "انفجار انفجارا انفجارات انفجاران انفجارين explosion explosions blast blasts".split()
)
# Attackers whose means is their guns: English "gunmen" are men who shoot, and so does a
# sniper; Arabic مسلحون are armed men, whose attack with no word of shooting is an assault
# without a means (docs/annotation.md, as the development set reads them).
_GUNMEN = (
    " gunmen ",
    " gunman ",
    " armed men ",
    " قناص",
    # "هاجم مسلحون بالأسلحة الرشاشة كنيسة": the arms the attack was made with (folded)
    " بالاسلحه الرشاشه",
    " باسلحه رشاشه",
    " بالاسلحه الناريه",
    " باسلحه ناريه",
    " بالاسلحه الخفيفه",
    " with machine guns",
    " with automatic weapons",
    " with assault rifles",
)


# Words before "لإطلاق النار" that make it a ceasefire ("وقف فوري لإطلاق النار"), and words
# beside "النيران" that make it flames ("التهمت النيران المنازل") (folded).
_HALT = frozenset(fold(w) for w in "وقف لوقف بوقف ووقف".split())
_FLAMES = frozenset(
    fold(w)
    for w in "التهمت اندلعت اشتعلت حاصرت إخماد لإخماد إطفاء لإطفاء امتدت ألسنة الحرائق حرائق "
    "الحريق حريق".split()
)


def no_shooting(sent: Sentence, trigger: Match) -> bool:
    """A word of fire that tells no shooting: a ceasefire with a word between ("لوقف دائم
    لإطلاق النار") or flames ("وحاصرت النيران عشرات المنازل")."""
    if trigger.entry.value != "gunfire" or trigger.entry.lang != "ar":
        return False
    said = sent.text[trigger.start : trigger.end]
    lead = sent.text[max(sent.start, trigger.start - len(trigger.prefix) - 24) : trigger.start]
    words = lead.split()[-3:]
    if "النار" in said and any(w in _HALT for w in words):
        return True
    if said not in ("النيران", "نيران"):
        return False
    tail = sent.text[trigger.end : min(sent.end, trigger.end + 24)].split()[:2]
    near = {w[1:] if w.startswith(("و", "ف")) else w for w in words[-2:] + tail}
    return bool(near & _FLAMES)


def equipment(sent: Sentence, trigger: Match) -> bool:
    """ "pledged 600 personnel and eight fighter jets", "withdrew its F-16 fighter jets from the
    coalition", "بإرسال ثماني طائرات مقاتلة": aircraft given or taken back are equipment, not
    a strike. A noun of the air or drone means after a contribution or a decision, in its
    clause, with no word of a strike. And "النار على مسيرة", "لتفريق مسيرة": a march fired at
    or dispersed, not a drone."""
    lead = sent.text[max(sent.start, trigger.start - 12) : trigger.start]
    if trigger.entry.value == "drone" and _MARCHED.search(lead):
        return True
    if trigger.entry.lang == "ar" and _HELD_ARMS.search(lead):
        return True  # "قائد وحدة الصواريخ", "مخازن للطائرات المسيرة": arms held, not used
    if "a" in trigger.entry.flags:
        # aircraft alone: a strike only with a verb of striking right beside them
        near = sent.text[max(sent.start, trigger.start - 12) : trigger.end + 12]
        return not any(w in near for w in _STRIKE_WORDS)
    if "v" in trigger.entry.flags or trigger.entry.value not in ("air", "drone"):
        return False
    if any(w in sent.text[sent.start : sent.end] for w in _STRIKE_WORDS):
        return False
    return any(
        c.end <= trigger.start
        and sent.words(c.end, trigger.start) <= 8
        and not any(c.end <= b < trigger.start for b in sent.barriers)
        for c in sent.of("T:contribution", "T:membership_decision")
    )


# What stands right before a march that a drone's noun can be read as (folded): an aim word or
# a verb of dispersing.
_MARCHED = re.compile(r"(?<!\S)(?:علي|ضد|لتفريق|تفريق|فرقت|فرق)\s+$")
# Nouns of what holds, makes or keeps arms, right before the arms' noun (folded).
_HELD_ARMS = re.compile(
    r"(?<!\S)(?:وحده|وحدات|منصه|منصات|مخزن|مخازن|مستودع|مستودعات|برنامج|ترسانه|مصنع|مصانع"
    r"|انتاج|تصنيع|شحنه|شحنات|تهريب|منظومه|منظومات)\s+(?:ل|لل)?$"
)
# Words that make aircraft strike: "jets struck", "غارات", "قصفت".
_STRIKE_WORDS = (
    "strike",
    "struck",
    "bomb",
    "raid",
    "hit ",
    "pound",
    "شن",
    "غار",
    "قصف",
    "استهدف",
    "ضرب",
    "القت",
    "براميل",
)


def struck(sent: Sentence, trigger: Match) -> bool:
    """ "استهدف مقاتلو حزب الله دبابة إسرائيلية", "دمروا آلية عسكرية", "shot down a Russian
    warplane": a noun of a means right after a verb of hitting, as its object, is what was hit
    (its owner is the target, holders.struck_owner), not what hit it. The verb may have its
    subject between it and the noun in Arabic."""
    return hit_by(sent, trigger) is not None


def hit_by(sent: Sentence, trigger: Match) -> int | None:
    """Where the verb that hit a means' noun ends, when the noun is that verb's object."""
    if "v" in trigger.entry.flags or trigger.entry.value not in _HIT_MEANS:
        return None
    begin = max(sent.start, trigger.start - 40)
    lead = sent.text[begin : trigger.start]
    if trigger.entry.lang == "en":
        verb = _HIT_EN.search(lead)
        return begin + verb.end(1) if verb else None
    words = list(_WORD.finditer(lead))
    if words and words[-1].group() in ("ب", "بـ"):
        return None
    for at in range(len(words) - 1, max(-1, len(words) - 5), -1):
        word = fold(words[at].group()).lstrip("وف")
        if not word.startswith(_HIT_AR):
            continue
        if at == len(words) - 1:
            # right after its verb the noun is the subject ("استهدفت طائرة مسيرة سيارة")
            # unless the verb names a subject of its own ("استهدفوا دبابة")
            return begin + words[at].end() if word.endswith("ا") else None
        if any(w.group().startswith("ب") for w in words[at + 1 :]):
            return None
        return begin + words[at].end()
    return None


_WORD = re.compile(r"\S+")


def intercepted(sent: Sentence, trigger: Match) -> bool:
    """ "Iranian air defences shot down three small drones", "a destroyer shot down two
    missiles": air defences and warships bringing down what was fired are no attack."""
    if sent.text[trigger.start : trigger.end + 5] != "shot down":
        return False
    lead = sent.text[max(sent.start, trigger.start - 40) : trigger.start]
    return any(word in lead for word in _DEFENCES)


_DEFENCES = (
    "air defence",
    "air defense",
    "defence system",
    "defense system",
    "destroyer",
    "frigate",
    "warship",
    "interceptor",
)
# The means whose noun names a machine that can be hit (a tank, an aircraft, a drone).
_HIT_MEANS = frozenset({"air", "drone", "artillery"})
# Verbs of hitting a machine (folded stems, the person's endings follow).
_HIT_AR = ("استهدف", "دمر", "اسقط", "اعطب", "اصاب", "احرق", "فجر")
_HIT_EN = re.compile(
    r"\b(destroyed|downed|shot down|hit|targeted|struck|disabled|set fire to)"
    r"(?: (?!(?:by|with|from|in|on|at|near|and|or|where|which|that|who|while|as|when|but"
    r"|after|before|into)\b)[\w-]+){0,4}\s*$"
)


def verbs_of(sent: Sentence, trigger: Match) -> list[Match]:
    """The words of attack an instrument with ب may belong to, before it in its clause, nearest
    first: "استهدفت جماعة الحوثي حاملة الطائرات الأمريكية بصواريخ" (the missiles are the
    subject's of استهدفت)."""
    if "ب" not in trigger.prefix and not _counted_with(sent, trigger):
        return []
    found = []
    for other in reversed(sent.of("T:attack")):
        if other.end > trigger.start or "ب" in other.prefix:
            continue
        if sent.words(other.end, trigger.start) > 12:
            break
        if any(other.end <= b < trigger.start for b in sent.barriers):
            break
        found.append(other)
    return found


def _counted_with(sent: Sentence, trigger: Match) -> bool:
    """ "بثمانية عشر صاروخاً", "بـ 18 صاروخاً": the ب of an instrument on its number."""
    for number in sent.numbers:
        if number.end <= trigger.start and sent.words(number.end, trigger.start) == 0:
            lead = sent.text[max(sent.start, number.start - 3) : number.start].split()
            return sent.text[number.start] == "ب" or lead[-1:] in (["ب"], ["بـ"])
    return False
