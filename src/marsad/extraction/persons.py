"""Persons the dictionaries do not know, read from how news names people.

News introduces a person by a title or a role ("رئيس الوزراء اللبناني الأسبق رفيق الحريري",
"Intelligence chief Wissam al-Hassan") or by a given name everyone recognises ("مقتدى الصدر",
"Khalifa Haftar"), and later by the surname alone ("قوات حفتر", "Haftar said"). A person found
so becomes the entity `PERSON:<name as written>`; gazetteer.py gives such ids their fields. The
lists below are written for the project.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Container, Mapping
from functools import lru_cache
from typing import Any

import ahocorasick

from marsad.extraction.gazetteer import ENTITY, Actor, Entry, Match
from marsad.extraction.normalize import fold

Span = Callable[[int, int], bool]
Add = Callable[..., None]
Tokens = list[tuple[int, int]]

PREFIX = "PERSON:"
_TOKEN = re.compile(r"[\w'’\-]+|[^\w\s]")


def _folded(words: str | set[str]) -> frozenset[str]:
    """Words as normalize.py folds them, so that the lists may be written as spelled."""
    items = words.split() if isinstance(words, str) else words
    return frozenset(fold(w) for w in items)


# Arabic titles and roles, normalized (alef, ta marbuta and yeh folded as normalize.py does).
_AR_TITLES = _folded(
    """
    الرئيس رئيس رئيسه الملك الامير الاميره الشيخ السيد السيده العقيد اللواء العميد المشير الفريق
    الجنرال العماد النقيب الرائد المقدم القائد قائد الزعيم زعيم الامين امين الوزير وزير وزيره
    الوزيره النائب نائب نائبه ونائبه السفير سفير السفيره المبعوث مبعوث الموفد المتحدث المتحدثه
    الناطق الناطقه متحدث الصحفي الصحفيه الصحافي الصحافيه المراسل المراسله المصور الناشط الناشطه
    الخبير المحلل الكاتب المطران مطران مطراني المطرانين البطريرك الامام المرشد محافظ المحافظ
    الحاكم مدير المدير القاضي المحامي الدكتور الاسير الاسيرين الاسيره المعتقل الشهيد المستشار
    مستشار رئيسي الاعلامي الاعلاميه المدون المفتي المنسق منسق الممثل ممثل المفوض مفوض
    """
)
# Words that stand between a title and the name: the office's complement ("وزير الدفاع", "قائد
# فيلق القدس", "مدير جهاز الأمن") is skipped like the definite words and dictionary names.
_AR_COMPLEMENTS = _folded(
    """
    اركان مجلس هيئه جهاز فيلق قوات حركه حزب وزاره وزراء مكتب لجنه جبهه كتائب سرايا دعم غرب شرق
    شمال جنوب وسط عام فرع شعبه بلديه مدينه محافظه ولايه اقليم منظمه وكاله بعثه قسم دائره مديريه
    جمعيه اتحاد نقابه تيار كتله ائتلاف جماعه تنظيم ميليشيا لواء فرقه كتيبه سريه حرس مكافحه شرطه
    امن استخبارات حكومه قريه مخيم حي قضاء ناحيه مركز وحده قاعده جامعه مستشفي شؤون اداره دفاع
    خارجيه داخليه عدل اعلام صحه ماليه مالية جيش سابق اسبق ديني امني عسكري سياسي ميداني محلي
    باسم بالوكاله فخري عهد دين الدين اعلامي وكاله
    """
)
# Words that end the search for a name: particles, pronouns and the verbs and nouns of report.
_AR_STOP = _folded(
    """
    في من الي علي عن مع ان انه انها بان وان لان او ثم بعد قبل خلال اثناء عقب لدي امس اليوم غدا
    حيث الذي التي الذين هذا هذه ذلك تلك هو هي هم كان كانت قد لقد لم لن ما لا كما بين عند منذ حتي
    اي كل بعض جميع عدد نحو حول ضد عبر دون غير امام وراء فوق تحت وقال وقالت قال قالت اكد اكدت
    اعلن اعلنت ضروره بشان ازاء لقاء زياره اتصال مقتل اغتيال اصابه اعتقال خطف وفاه وفد وعدد وعددا
    وثلاثه واثنين واخرين اخرين واخر ومرافقيه مرافقيه
    """
)
# Given names that start a name with no title before them, and the particles inside names.
_AR_GIVEN = _folded(
    """
    محمد احمد محمود مصطفي حسن حسين عبد ابو ام عمر عثمان خالد خليفه معمر سيف مقتدي قاسم هشام
    نبيه رفيق سعد فؤاد نجيب ميشال ميشيل سمير وليد جبران امين بشار حافظ ماهر اصف داود نوري حيدر
    عادل مسعود جلال برهم فؤاد اياد ابراهيم يوسف اسماعيل اسامه ايمن حمدي زكريا مروان ياسر صائب
    اسماعيل يحيي صالح عيدروس منصور جمال فايز عبدالله عبدربه نزار شيرين سليمان رجب هاشم طارق نوري
    فهد سلمان تركي بندر تميم حمد زايد محمدبن قابوس هيثم صباح نواف مشعل جاسم فيصل رياض وسام
    نعيم حسام عماد مهدي هادي رشيد هيفاء مني ليلي فاطمه زينب مريم نجلاء نجلاء عزيز كمال
    جعفر باقر صادق جواد رضا حميد مجيد سعيد رائد غسان نصر نصرالله نادر سامي سالم مالك منير ناصر
    فتحي شكري لطفي منصف قيس زين راشد بوعلام عبدالمجيد عبدالعزيز اسماعيل حميدتي
    عمار عمرو ايهاب باسل باسم بسام ثامر جهاد حازم حمزه خليل رامي زياد سعود شادي صلاح ضياء طلال
    عصام علاء غازي فادي فراس قصي كريم لؤي مازن محسن مصعب معاذ مؤيد نبيل نضال هاني وائل ياسين
    يونس انور ادريس خميس
    """
)
# Verbal nouns (تأكيد، اعتماد، إدخال، تبادل، استئناف) follow titles as often as names do
# ("رفض متحدث باسم البيت الأبيض تأكيد ..."); given names of these shapes are listed above.
_MASDAR = re.compile(r"^(?:[وفب]?)(?:ت..ي.|ا..ا.|ا.ت.ا.|ت.ا..|ان..ا.|است..ا.|م.ا..ه)$")
_AR_JOINERS = frozenset({"عبد", "ابو", "ابن", "بن", "ام", "بنت", "ولد"})
_AR_CLITICS = ("و", "ف", "ب", "ل")
# a preposition or conjunction glued to the article never starts a name's part
_AR_PREPOSED = ("بال", "وال", "فال", "كال", "لل")

_EN_TITLES = _folded(
    """
    president premier minister secretary-general general gen gen. colonel col col. lieutenant
    major captain commander sheikh shaikh king prince emir ayatollah cleric leader chief envoy
    ambassador spokesman spokeswoman spokesperson journalist reporter photographer videographer
    cameraman activist analyst governor speaker mayor judge bishop archbishop bishops imam mp
    lawmaker senator dr dr. mr mr. mrs mrs. ms ms. marshal chancellor official commissioner
    warlord founder negotiator mediator coordinator representative adviser advisor director
    head cardinal patriarch sultan crown commandant admiral brigadier sergeant prosecutor
    secretary chairman chairwoman ministers strongman rebel militant
    """
)
# Capitalised words of offices and bodies, never part of a person's name ("Chief Executive
# Officer", "Army Chief of Staff").
_EN_NOT_NAMES = _folded(
    """
    officer executive council committee ministry office department agency security affairs
    staff forces army navy police operations intelligence command assembly parliament court
    union nations republic state states government authority bureau service services mission
    board the of and for said says will would has have had is was
    """
)
_EN_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "abd", "de", "van", "von", "da", "du"})
_EN_GIVEN = _folded(
    """
    muammar moammar khalifa mohammed muhammad mohamed mohammad ahmed ahmad ali hassan hasan
    hussein husain omar umar khaled khalid saif moqtada muqtada qassem qasem hisham nabih rafik
    rafiq saad fouad najib michel samir walid gebran amin bashar hafez maher assef nouri nuri
    haider adel masoud jalal barham ayad iyad ibrahim yousef yusuf ismail osama ayman zakaria
    marwan yasser yahya saleh aidarous mansour jamal fayez abdullah abdallah abdulla nizar
    shireen suleiman sulaiman recep fahd salman turki bandar tamim hamad zayed qaboos haitham
    sabah nawaf khaled faisal riad riyad wissam naim hossam emad mahdi hadi rashid mustafa
    mostafa abdel abdul abu abdelaziz abdelmadjid abdelfattah jafar baqir sadiq javad reza
    hamid majid saeed raed ghassan nasser kais kais beji rached ismail hemedti mahmoud
    tedros kofi antonio boutros
    """
)


def _ar_word(token: str) -> str:
    """The word without a conjunction or preposition glued in front (وبولس، للواء)."""
    if token.startswith("لل") and len(token) > 4:
        return "ال" + token[2:]
    if len(token) > 4 and token[0] in _AR_CLITICS and token[1:] in _AR_TITLES:
        return token[1:]
    return token


_NOT_AFTER_ALI = _folded({"هامش", "صعيد", "خلفيه", "اثر", "حد", "نحو", "راس", "ضوء", "لسان"})


def self_ali(text: str, tokens: list[tuple[int, int]], j: int) -> bool:
    """Whether علي after a title is the name Ali: a name, not a phrase, follows it."""
    if j + 1 >= len(tokens):
        return False
    nxt = text[tokens[j + 1][0] : tokens[j + 1][1]]
    return not (
        nxt.startswith("ال") or nxt in _AR_STOP or nxt in _NOT_AFTER_ALI or not nxt[0].isalpha()
    )


_WINDOW = 160


@lru_cache(maxsize=1)
def _openers() -> Any:
    """An automaton of the titles and given names that may open a name, with the clitics
    titles take (a regex of some 700 alternatives costs more than the rest of this pass)."""
    words = set(_AR_GIVEN) | set(_EN_TITLES) | set(_EN_GIVEN)
    for title in _AR_TITLES:
        words.add(title)
        words.update(clitic + title for clitic in _AR_CLITICS)
        if title.startswith("ال"):
            words.add("لل" + title[2:])
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_'’-"


def openers(text: str) -> list[int]:
    """Where opening words start, whole words only, in text order."""
    size = len(text)
    found = []
    for last, length in _openers().iter(text):
        start = last + 1 - length
        if start > 0 and _word_char(text[start - 1]):
            continue
        if last + 1 < size and _word_char(text[last + 1]):
            continue
        found.append(start)
    found.sort()
    return found


class Persons:
    """Person names of one document; surnames carry over from block to block."""

    def __init__(self, known: frozenset[str] = frozenset()) -> None:
        self.surnames: dict[str, str] = {}
        # the dictionary's persons: a title before one of them is already resolved
        self.known = known

    def find(
        self, text: str, original: str, to_original: Callable[[int], int], hits: list[Match]
    ) -> list[Match]:
        """Matches for the persons named in a normalized block, none over a dictionary name."""
        # which characters a name already covers: a byte per character, looked up in C
        mask = bytearray(len(text))
        for m in hits:
            if m.entry.category == ENTITY:
                mask[m.start : m.end] = b"\x01" * (m.end - m.start)
        people = {
            m.start for m in hits if m.entry.category == ENTITY and m.entry.value in self.known
        }
        found: list[Match] = []

        def covered(a: int, b: int) -> bool:
            return mask.find(1, a, b) >= 0

        def person(a: int) -> bool:
            return a in people

        def add(a: int, b: int, lang: str, value: str | None = None) -> None:
            if covered(a, b):
                return
            if value is None:
                person = " ".join(original[to_original(a) : to_original(b)].split())
                value = PREFIX + person
                self._remember(text[a:b], value)
            found.append(Match(a, b, Entry(ENTITY, value, lang)))
            mask[a:b] = b"\x01" * (b - a)

        # Only the words that may open a name are looked at, each with the few words after it.
        consumed = 0
        for begin in openers(text):
            if begin < consumed:
                continue
            stop = min(len(text), begin + _WINDOW)
            tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, begin, stop)]
            if "\u0600" <= text[begin] <= "\u06ff":
                nxt = self._arabic(text, tokens, 0, covered, add, person)
            else:
                nxt = self._english(text, original, to_original, tokens, 0, covered, add)
            consumed = tokens[max(nxt, 1) - 1][1]
        self._later(text, original, to_original, covered, add)
        return found

    def _remember(self, name: str, value: str) -> None:
        """The surname of a full name (normalized), for its later mentions."""
        parts = name.split()
        if len(parts) < 2:
            return
        last = parts[-1]
        if last.startswith(("al-", "el-")):
            last = last[3:]
        if len(last) > 2:
            self.surnames.setdefault(last, value)

    @staticmethod
    def _arabic(
        text: str, tokens: Tokens, i: int, covered: Span, add: Add, person: Callable[[int], bool]
    ) -> int:
        word = _ar_word(text[tokens[i][0] : tokens[i][1]])
        titled = word in _AR_TITLES
        if not titled and word not in _AR_GIVEN:
            return i + 1
        j = i + 1 if titled else i
        limit = min(len(tokens), j + 6)
        while j < limit:
            a, b = tokens[j]
            w = text[a:b]
            if w == "علي" and titled and self_ali(text, tokens, j):
                break  # the given name Ali, folded like the preposition
            if not w[0].isalpha() or w in _AR_STOP or person(a):
                return j
            if w.startswith("ال") or w in _AR_COMPLEMENTS or covered(a, b):
                if not titled:
                    return j + 1
                j += 1
                continue
            if w == "باسم" and j + 1 < len(tokens):
                nxt = text[tokens[j + 1][0] : tokens[j + 1][1]]
                if nxt.startswith("ال") or covered(*tokens[j + 1]):
                    j += 2  # المتحدث باسم الحكومة
                    continue
            break
        else:
            return j
        if j >= len(tokens):
            return j
        names = [j]
        units = 1
        k = j + 1
        while k < len(tokens) and len(names) < 5:
            a, b = tokens[k]
            w = text[a:b]
            prev = text[tokens[names[-1]][0] : tokens[names[-1]][1]]
            if not w[0].isalpha() or w in _AR_STOP or w in _AR_TITLES or covered(a, b):
                break
            if text[tokens[names[-1]][1] : a].strip() or w.startswith(_AR_PREPOSED):
                break
            joined = prev in _AR_JOINERS
            if w[0] == "و" and w[1:] in _AR_GIVEN:
                break  # "زكريا الزبيدي ومحمد العارضة": a second person
            definite = w.startswith("ال")
            if not joined and (units >= 2 and not definite or w in _AR_COMPLEMENTS):
                break
            names.append(k)
            k += 1
            if not joined:
                units += 1
                if definite:
                    break
        first = text[tokens[j][0] : tokens[j][1]]
        if units < 2 or (first in _AR_STOP and first != "علي"):
            return j + 1
        if first not in _AR_GIVEN and (not titled or _MASDAR.match(first)):
            return j + 1
        add(tokens[j][0], tokens[names[-1]][1], "ar")
        return names[-1] + 1

    @staticmethod
    def _english(
        text: str,
        original: str,
        to_original: Callable[[int], int],
        tokens: Tokens,
        i: int,
        covered: Span,
        add: Add,
    ) -> int:
        a, b = tokens[i]
        word = text[a:b]
        titled = word in _EN_TITLES
        if not titled and word not in _EN_GIVEN:
            return i + 1
        j = i + 1 if titled else i
        names: list[int] = []
        k = j
        while k < len(tokens) and len(names) < 5:
            s, e = tokens[k]
            raw = original[to_original(s) : to_original(e)]
            if names and text[tokens[names[-1]][1] : s].strip():
                break
            lower = raw.lower().rstrip("-")
            plain = lower not in _EN_TITLES and lower not in _EN_NOT_NAMES
            if raw[:1].isupper() and not covered(s, e) and plain:
                names.append(k)
            elif names and (lower in _EN_PARTICLES or lower.split("-")[0] in _EN_PARTICLES):
                names.append(k)
            else:
                break
            k += 1
        if len(names) < 2:
            return i + 1
        last = original[to_original(tokens[names[-1]][0]) : to_original(tokens[names[-1]][1])]
        if last.lower() in _EN_PARTICLES:
            names.pop()
        if len(names) < 2:
            return i + 1
        add(tokens[names[0]][0], tokens[names[-1]][1], "en")
        return names[-1] + 1

    def _later(
        self,
        text: str,
        original: str,
        to_original: Callable[[int], int],
        covered: Span,
        add: Add,
    ) -> None:
        """A surname alone names the person named in full before it."""
        for key, value in self.surnames.items():
            latin = not ("\u0600" <= key[0] <= "\u06ff")
            at = text.find(key)
            while at >= 0:
                end = at + len(key)
                begin = at
                if at > 0 and text[at - 1] in _AR_CLITICS and not latin:
                    begin = at - 1  # وحفتر، لحفتر
                free_left = begin == 0 or not text[begin - 1].isalnum()
                free_right = end == len(text) or not text[end].isalnum()
                if latin and at >= 3 and text[at - 3 : at] in ("al-", "el-"):
                    free_left = True
                if free_left and free_right and not covered(at, end):
                    if not latin or original[to_original(at)].isupper():
                        add(at, end, "en" if latin else "ar", value)
                at = text.find(key, end)


_FORMER = frozenset({"former", "late", "ex", "then", "السابق", "الاسبق", "السابقه", "الراحل"})


def appositions(
    hits: list[Match], actors: Mapping[str, Actor], text: str, titles: Container[str]
) -> list[Match]:
    """A title followed by the name of its holder is one mention of the person: "رئيس الوزراء
    اللبناني الأسبق رفيق الحريري" names Hariri, not the prime minister of the day. `titles`
    are the offices a person holds (offices.toml's terms), not ministries or bureaus."""
    entities = sorted((m for m in hits if m.entry.category == ENTITY), key=lambda m: m.start)
    starts = [m.start for m in entities]
    dropped: set[int] = set()
    for first in entities:
        if actors[first.entry.value].kind != "person" and first.entry.value not in titles:
            continue
        at = bisect_left(starts, first.end)
        second = entities[at] if at < len(entities) else None
        if second is None or actors[second.entry.value].kind != "person":
            continue
        if first.entry.value == second.entry.value:
            continue
        words = text[first.end : second.start - len(second.prefix)].split()
        if len(words) <= 2 and all(w in _FORMER or w.startswith("ال") for w in words):
            dropped.add(id(first))
    if not dropped:
        return hits
    return [m for m in hits if id(m) not in dropped]
