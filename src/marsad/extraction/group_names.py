"""Armed groups and movements the dictionaries do not know, read from the words that name them.

Each setting has its own militias and gangs; news names them after a noun that says what they
are ("ميليشيا أنتي بالاكا", "كتيبة «الموقعون بالدماء»", "جبهة تحرير أزواد"; حركة is left out: as
often it is traffic, "حركة الأفراد", and the movements are in the dictionaries) or, in English
(group_names_en.py), as a capitalised name ending in such a noun ("Yarmouk Martyrs Brigade")
or before one ("the Harakat al-Nujaba militia"). Councils, committees, commissions,
services and guards are read with their definite words ("المجلس العسكري الانتقالي", "جهاز مكافحة
الإرهاب", "الحرس الجمهوري", "Gush Etzion Regional Council"); a ministry is left to the state its
adjective names ("وزارة الخارجية السورية"). Such a name becomes the entity `GROUP:<name as
written>` (an armed group), `ORG:<…>` (a party or organisation) or `BODY:<…>` (a council),
unless a dictionary name already covers any of it. The noun is part of the name here ("جبهة
تحرير أزواد"), unlike a place's ("بلدة القاع" is the place القاع), because groups are written
with it. Adjectives ("جماعة مسلحة"), verbs ("عصابة يتزعمها") and stop words are not names. The
nouns are the dictionary scan's GROUP_NOUN and BODY_NOUN cues, so a block without one costs
nothing here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from marsad.extraction.gazetteer import ENTITY, Entry, Match
from marsad.extraction.group_names_en import BODY, GROUP, covered_at, english
from marsad.extraction.normalize import fold
from marsad.extraction.place_names import NOT_NAMES as PLACE_STOPS

# Nouns that open an armed group's name in Arabic, folded.
_NOUNS_AR = frozenset(
    fold(w)
    for w in "جماعة ميليشيا ميليشيات مليشيا مليشيات كتائب كتيبة جبهة عصابة عصابات فصيل "
    "تحالف".split()
)
# Words after such a noun that describe it rather than name it (folded).
_NOT_NAMES = PLACE_STOPS | frozenset(
    fold(w)
    for w in "مسلحة المسلحة مسلح المسلح متطرفة المتطرفة إرهابية الإرهابية متمردة المتمردة "
    "المعارضة معارضة الحكومية حكومية الموالية موالية التابعة تابعة المدعومة مدعومة محلية "
    "المحلية مسلحين المسلحين إجرامية الإجرامية جهادية الجهادية مسلحو مسلحي عناصر مقاتلي "
    "مقاتلو قادة قائد زعيم عضو أعضاء الاحتجاج الاحتجاجات النزوح الجيش السلام المقاومة "
    "انفصالية الانفصالية ذاتها نفسه نفسها أخرى جديدة الجديدة واحدة مجهولة دولة الدولة "
    "الملقب الملقبة المعروفة المعروف المسماة مثل عبر القتال الملاحة الهندسة الاتصالات التجميع "
    "المشاة المدرعات المدفعية الاحتياط".split()
)
_WORD_AR = re.compile(r"[\u0621-\u064a\u0660-\u0669\w]+")
_QUOTED = re.compile(r"\s*[«\"“]([^»\"”]{2,40})[»\"”]")


def find(
    text: str, original: str, to_original: Callable[[int], int], hits: list[Match]
) -> list[Match]:
    """Matches for the armed groups and bodies named in a normalized block, none over a
    dictionary name. The nouns are the dictionary scan's `GROUP_NOUN` cues (cues_*.tsv), so a
    block without one costs a list comprehension."""
    nouns = [m for m in hits if m.entry.category in ("GROUP_NOUN", "BODY_NOUN")]
    quoted = '"' in text  # normalized: « » are " here
    sides = quoted and _SIDES.search(text) is not None
    claimed = quoted and _CLAIMED.search(text) is not None
    if not nouns and not sides and not claimed:
        return []
    covered = bytearray(len(text))
    for m in hits:
        if m.entry.category == ENTITY:
            # 1 under a name, 2 under a demonym ("اللبناني")
            mark = b"\x02" if m.entry.adjective else b"\x01"
            covered[m.start - len(m.prefix) : m.end] = mark * (m.end - m.start + len(m.prefix))
    found: list[Match] = _sides(text, original, to_original, covered) if sides else []
    if claimed:
        found += _claimed(text, original, to_original, covered)
    for noun in nouns:
        if noun.entry.category == "BODY_NOUN":
            match = _body(text, original, to_original, covered, noun)
        elif noun.entry.lang == "ar":
            match = _arabic(text, original, to_original, covered, noun)
        else:
            match = english(text, original, to_original, covered, noun)
        if match is not None:
            found.append(match)
            covered[match.start : match.end] = b"\x01" * (match.end - match.start)
    return found


# The two sides of a clash named in quotes after "between": "اشتباكات بين «اللواء 444 قتال»
# و«جهاز الردع»", "بين عصابتي «غران رافين» و«تي بوا»" (the normalized text has " for « »).
_SIDES = re.compile(r'بين\s+(?:[^\s"]+\s+)?"([^"]{2,40})"\s+و\s?"([^"]{2,40})"')


# A group named in quotes as the one that claims an act: "تبنّت «أنصار الدين» الهجوم", "أعلنت
# «المقاومة الإسلامية في العراق» مسؤوليتها" (folded: مسؤولية is مسوولية).
# Or as the name of armed men: "قوات «دفاع شبوة»", "مسلحي «الجيش الأبيض»", "مقاتلو «فجر ليبيا»".
_CLAIMED = re.compile(
    r'(?<![\u0621-\u064a])(?:و?تبنت|و?تبني|و?تبنته|و?تبنتها)\s+(?:جماعه\s+)?"([^"]{2,50})"'
    r'|"([^"]{2,50})"\s+(?:عن\s+)?مسووليت'
    r'|(?<![\u0621-\u064a])(?:قوات|مسلحو|مسلحي|مقاتلو|مقاتلي|متمردو|متمردي|عناصر|ميليشيات|ميليشيا)\s+"([^"]{2,50})"'
)


def _claimed(
    text: str, original: str, to_original: Callable[[int], int], covered: bytearray
) -> list[Match]:
    """Groups named in quotes as the ones that claim an act or as armed men's, unless a
    dictionary name covers them."""
    found: list[Match] = []
    for claim in _CLAIMED.finditer(text):
        index = next(i for i in (1, 2, 3) if claim.group(i) is not None)
        begin, end = claim.span(index)
        if covered[begin]:
            continue  # «حماس», «سرايا القدس»: a name the dictionaries know
        name = " ".join(original[to_original(begin) : to_original(end)].split())
        # the whole quoted name, over a state or town it names ("في العراق")
        found.append(Match(begin, end, Entry(ENTITY, GROUP + name, "ar")))
        covered[begin:end] = b"\x01" * (end - begin)
    return found


def _sides(
    text: str, original: str, to_original: Callable[[int], int], covered: bytearray
) -> list[Match]:
    """Groups named in quotes as the two sides after بين, unless a dictionary name covers them."""
    found: list[Match] = []
    for pair in _SIDES.finditer(text):
        if pair.start() and not text[pair.start() - 1].isspace():
            continue  # "بين" inside another word
        for index in (1, 2):
            begin, end = pair.span(index)
            if covered_at(covered, begin, end) >= 0:
                continue
            name = " ".join(original[to_original(begin) : to_original(end)].split())
            found.append(Match(begin, end, Entry(ENTITY, GROUP + name, "ar")))
            covered[begin:end] = b"\x01" * (end - begin)
    return found


def _arabic(
    text: str,
    original: str,
    to_original: Callable[[int], int],
    covered: bytearray,
    noun: Match,
) -> Match | None:
    begin, end = noun.start, noun.end  # the noun without its proclitic
    if noun.prefix.endswith(_ARTICLE) or noun.prefix == "لل":
        return None  # "الجبهة الديمقراطية": with its article the noun is described, not named
    if end >= len(text) or text[end] != " " or covered_at(covered, begin, end) >= 0:
        return None
    quoted = _QUOTED.match(text, end)
    if quoted:
        if covered_at(covered, quoted.start(), quoted.end()) >= 0:
            return None  # "جماعة «أنصار الله»": the dictionary's name in quotes
        last = quoted.end()
    else:
        tribe = text[begin:end] in _TRIBES
        found = _tribe_end(text, end + 1) if tribe else _name_end(text, end + 1, covered)
        if found is None:
            return None
        last = found
    name = " ".join(original[to_original(begin) : to_original(last)].split())
    return Match(begin, last, Entry(ENTITY, GROUP + name, "ar"))


_TRIBES = frozenset(fold(w) for w in "قبيلة قبائل عشيرة عشائر".split())
_KIN = frozenset(fold(w) for w in "بني بنو آل البو أولاد".split())


def _tribe_end(text: str, at: int) -> int | None:
    """Where a tribe's name ends: its definite word ("قبيلة المورلي"), or a word of kinship and
    the name after it ("عشيرة البو نمر", "قبيلة بني هلال"); the next word is the sentence's."""
    words = list(_WORD_AR.finditer(text, at, min(len(text), at + 30)))[:2]
    if not words or words[0].start() != at:
        return None
    if words[0].group() in _KIN:
        return (
            words[1].end()
            if len(words) == 2 and not text[words[0].end() : words[1].start()].strip()
            else None
        )
    return words[0].end() if words[0].group().startswith(_ARTICLE) else None


def _body(
    text: str,
    original: str,
    to_original: Callable[[int], int],
    covered: bytearray,
    noun: Match,
) -> Match | None:
    """A council, committee or commission and the definite words that name it: "مجلس الوزراء",
    "المجلس العسكري الانتقالي", "لجنة الإشراف الخماسية", "مفوضية حقوق الإنسان". A word
    without the article ("لجنة تحقيق") describes one rather than names it."""
    begin, end = noun.start - len(noun.prefix) + _clitic(noun.prefix), noun.end
    if covered_at(covered, begin, end) >= 0:
        return None
    ministry = text[noun.start : noun.end] == _MINISTRY
    last = None
    for word in _WORD_AR.finditer(text, end, min(len(text), end + 60)):
        if text[end if last is None else last : word.start()].strip():
            break  # punctuation between: the name has ended
        w = word.group()
        if not w.startswith(_ARTICLE) and not (last is None and _construct(text, word.end())):
            break  # "مفوضية حقوق الإنسان": an indefinite word only before a definite one
        if w in _NOT_NAMES or w in _BODY_STOPS:
            break
        if covered_at(covered, word.start(), word.end()) >= 0:
            if ministry:
                return None  # "وزارة الخارجية السورية": the state's, named with it
            if last is not None and covered[word.start()] == 1 and w.startswith(_ARTICLE):
                # "لجنة أطباء السودان": a state's name ends the body's; its demonym
                # ("مجلس النواب اللبناني") is left to stand for the state
                last = word.end()
            break
        last = word.end()
        if len(text[end:last].split()) >= 3:
            break
    if last is None:
        return None
    name = " ".join(original[to_original(begin) : to_original(last)].split())
    # a ministry whose state the text does not say is named, but no party: whose it is, the
    # rules read from the text as before ("قالت وزارة الداخلية إن" speaks for the state)
    return Match(begin, last, Entry(ENTITY, BODY + name, "ar", MENTION_ONLY if ministry else NONE))


_MINISTRY = fold("وزارة")
# The flags of an entity read for its mentions only, no party to any claim (extract.py drops it
# after its mentions are kept).
MENTION_ONLY = frozenset({"mention"})
NONE: frozenset[str] = frozenset()


def _construct(text: str, end: int) -> bool:
    """Whether the word after `end` is definite, so the word before it is in construct."""
    nxt = _WORD_AR.match(text, end + 1) if text[end : end + 1] == " " else None
    return nxt is not None and nxt.group().startswith(_ARTICLE)


def _clitic(prefix: str) -> int:
    """How much of a hit's prefix is a conjunction or preposition, not the article: the name
    keeps its article ("المجلس") and drops "و" and "ب"."""
    return len(prefix) - 2 if prefix.endswith(_ARTICLE) else len(prefix)


# Definite words after a council's noun that are no part of its name.
_BODY_STOPS = frozenset(
    fold(w)
    for w in "الذي التي الذين اللذين الآن اليوم الأسبوع الماضي الجمعة الخميس "
    "السبت الأحد الاثنين الثلاثاء الأربعاء المقبل المقبلة الماضية الجديد الجديدة الحالي "
    "الحالية السابق السابقة المذكور المذكورة المرحوم المعنية المعني المشتركة "
    # the object of the verb the body is the subject of: "ونفى المجلس العسكري المسؤولية"
    "المسؤولية الاتهامات الاتهام التقارير الهجوم الحادث".split()
)


def _name_end(text: str, at: int, covered: bytearray) -> int | None:
    """Where the name after a noun ends: one or two words that may name ("أنتي بالاكا", "إم23",
    "فيف أنسانم"), none of them a stop word, an adjective, a verb or a dictionary name. An
    indefinite word in ة names only with a second word after it ("نصرة الإسلام"); alone it
    describes the noun ("كتيبة إضافية", "ميليشيات متناحرة")."""
    words: list[tuple[int, int, str]] = []
    for word in _WORD_AR.finditer(text, at, min(len(text), at + 40)):
        if text[words[-1][1] if words else at : word.start()].strip():
            break  # punctuation between: the name has ended
        w = word.group()
        if covered_at(covered, word.start(), word.end()) >= 0 or not _name_word(w, not words):
            break
        words.append((word.start(), word.end(), w))
        if len(words) == 2:
            break
    if words and words[0][2].endswith("ا") and not words[0][2].startswith(_ARTICLE):
        return None  # "عصابة كميناً": an accusative, the noun's object or an adverb
    if words and _described(words[0][2]):
        if len(words) < 2 or not words[1][2].startswith(_ARTICLE):
            return None
    if len(words) == 1 and words[0][2].startswith(_ARTICLE) and words[0][2].endswith("ه"):
        return None  # "جبهة الثالثة", "جماعة الدولية": an adjective that agrees with the noun
    return words[-1][1] if words else None


_ARTICLE = fold("ال")


def _described(word: str) -> bool:
    """An indefinite word in ة (folded ه) or ي (a nisba: "تحالف دولي", "فصيل فلسطيني"), or a
    participle in مت/مست: most often an adjective."""
    return not word.startswith(_ARTICLE) and (
        word.endswith(("ه", "ي")) or word.startswith(("مت", "مست"))
    )


def _name_word(word: str, first: bool) -> bool:
    bare = word[2:] if word.startswith(_ARTICLE) else word
    if word in _NOT_NAMES or len(word) < 2 or bare in _NOUNS_AR:
        return False  # "تحالف عصابات فيف أنسانم": the inner noun opens the name
    if len(word) >= 5 and word.endswith(("ها", "هم", "هما")):
        return False  # "جبهة تحرير أزواد سيطرتها": a noun with its pronoun follows the name
    if any(word.startswith(c) and word[len(c) :] in _NOT_NAMES for c in ("و", "ب", "ل", "ال")):
        return False
    if word.startswith(("ي", "ت")) and len(word) >= 5 and not first:
        return False  # "يتزعمها", "تنشط": a verb
    if len(word) >= 5 and word.endswith("ت") and not word.endswith("ات"):
        return False  # "استهدفت", "أعلنت": a verb in the past
    if first and word.startswith(("ي", "ت")) and word.endswith(("ها", "ون", "ه")):
        return False
    return not word.isdigit()
