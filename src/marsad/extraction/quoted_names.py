"""Names in quotes after the noun that says what they name.

Arabic news puts a name it does not expect its readers to know in quotes, right after what it
is: a barracks or an outpost ("ثكنة «زرعيت»", "البؤرة الاستيطانية «أفيتار»"), a school or a
detention centre ("مدرسة «سيد الشهداء»", "مركز احتجاز «المباني»"), an outlet or a campaign
("وكالة «أعماق»", "حملة «طلعت ريحتكم»"), a unit ("لقوة «الرضوان»"). Quotes after any other
word are as often a speaker's words ("وصفته بـ«العدوان»"), so only these nouns open a name.
A second name joined by و takes the first one's kind: "كتائب «القعقاع» و«الصواعق»".

The name becomes `PLACE:<name as written>`, `ORG:<…>`, `MEDIA:<…>` or `GROUP:<…>` (gazetteer.py
gives it its fields), unless a dictionary name covers any of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from marsad.extraction.gazetteer import ENTITY, READ_KINDS, Actor, Entry, Match, name_mask
from marsad.extraction.group_names_en import GROUP, ORGANIZATION
from marsad.extraction.normalize import fold

_PLACES = (
    "ثكنة ثكنات موقع بؤرة البؤرة مستوطنة منتجع فندق مدرسة مستشفى سجن معتقل معسكر مخيم قاعدة "
    "مطار حاجز معبر مسجد كنيسة حي ساحة برج مبنى مجمع مركز"
)
_MEDIA = "وكالة قناة صحيفة إذاعة شبكة"
_ORGANIZATIONS = "منظمة جمعية حملة مجموعة لجنة تجمع ائتلاف تيار مؤسسة"
_UNITS = "قوة لواء فصيل تنظيم"
_KIND = (
    {fold(w): ORGANIZATION for w in _ORGANIZATIONS.split()}
    | {fold(w): "MEDIA:" for w in _MEDIA.split()}
    | {fold(w): "PLACE:" for w in _PLACES.split()}
    | {fold(w): GROUP for w in _UNITS.split()}
)
# The noun, then a name of at most five words in quotes, which normalization writes as ". The
# pattern opens with the nouns' letters, so a search skips in C to where one can start; the
# proclitic before the noun (لقوة، بمدرسة) is checked after (`_word_start`).
_NAMED = re.compile(
    "("
    + "|".join(sorted(_KIND, key=len, reverse=True))
    + r')(\s+(?:الاستيطانيه|استيطانيه|احتجاز))?\s+"([^"\s][^"]{1,48})"'
)
# A name whose own first word says what it names, in quotes whatever stands before them:
# "«فيلق الشام»", "«الجماعة الإسلامية»", "«تنسيقية حركات أزواد»".
_OPENING = {
    fold(w): GROUP
    for w in "فيلق لواء جماعة حركة حراك جبهة كتائب كتيبة قوة قوات جيش تنظيم فصيل سرايا عصائب "
    "ميليشيا جناح".split()
} | {
    fold(w): ORGANIZATION for w in "تنسيقية لجنة تجمع قوى منظمة جمعية ائتلاف تيار حزب اتحاد".split()
}
_INSIDE = re.compile(
    '"(?:ال)?(' + "|".join(sorted(_OPENING, key=len, reverse=True)) + r')\s[^"]{1,48}"'
)
_KNOWN_AS = re.compile(r'(?:باسم|معروف\S*|يعرف\S*|تعرف\S*|الملقب\S*)\s+(?:ب)?"$')
_ADJECTIVAL = ("ه", "ي", "ين", "ون")  # the endings of an indefinite adjective (folded)
_READ = tuple(READ_KINDS)  # a name read from the text yields to the quotes around it
_PROCLITICS = ("وب", "ول", "و", "ب", "ل", "ف", "")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_AND_NEXT = re.compile(r'\s*و\s?"([^"\s][^"]{1,48})"')
_MAX_WORDS = 5


def find(
    text: str,
    original: str,
    to_original: Callable[[int], int],
    hits: list[Match],
    actors: Mapping[str, Actor],
) -> list[Match]:
    """Matches for the names quoted after a noun of what they are, none over a dictionary
    name."""
    if '"' not in text:
        return []  # most blocks: no quotes at all
    found: list[Match] = []
    covered: bytearray | None = None
    for named in _NAMED.finditer(text):
        if not _word_start(text, named.start(1)):
            continue  # "مركزي", "المطارات": the noun inside another word
        if covered is None:
            covered = name_mask(text, hits)
        # "مركز احتجاز «المباني»", "البؤرة الاستيطانية «أفيتار»": a place whatever the noun
        prefix = "PLACE:" if named.group(2) else _KIND[named.group(1)]
        spans = [named.span(3)]
        more = _AND_NEXT.match(text, named.end())
        if more:
            spans.append(more.span(1))
        for begin, end in spans:
            if covered.find(1, begin, end) >= 0 or len(text[begin:end].split()) > _MAX_WORDS:
                continue
            name = " ".join(original[to_original(begin) : to_original(end)].split())
            found.append(Match(begin, end, Entry(ENTITY, prefix + name, "ar")))
            covered[begin:end] = b"\x01" * (end - begin)
    parties: bytearray | None = None
    for named in _INSIDE.finditer(text):
        begin, end = named.start() + 1, named.end() - 1
        if parties is None:
            # a place inside is part of the name: "«كتيبة ثوار طرابلس»"
            parties = name_mask(
                text,
                [
                    m
                    for m in hits
                    if m.entry.category == ENTITY
                    and actors[m.entry.value].kind != "place"
                    and not m.entry.value.startswith(_READ)
                ],
            )
        if parties.find(1, begin, end) >= 0 or len(text[begin:end].split()) > _MAX_WORDS:
            continue
        if _KNOWN_AS.search(text, max(0, begin - 24), begin):
            continue  # "المعروفة سابقاً باسم «جيش …»": another name of the party before
        words = text[begin:end].split()
        if len(words) == 2 and not words[1].startswith("ال") and words[1].endswith(_ADJECTIVAL):
            continue  # «جماعة إرهابية», «قوة كبيرة»: a description in quotes, not a name
        name = " ".join(original[to_original(begin) : to_original(end)].split())
        found.append(Match(begin, end, Entry(ENTITY, _OPENING[named.group(1)] + name, "ar")))
        parties[begin:end] = b"\x01" * (end - begin)
    return found


def _word_start(text: str, at: int) -> bool:
    """Whether the noun at `at` opens a word, a proclitic before it at most."""
    for clitic in _PROCLITICS:
        begin = at - len(clitic)
        if begin >= 0 and text.startswith(clitic, begin):
            if begin == 0 or not _ARABIC_LETTER.match(text, begin - 1):
                return True
    return False
