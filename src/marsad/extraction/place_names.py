"""Places the dictionaries do not know, read from the noun that introduces them.

News names a village, a camp or a district of any setting after a noun that says what it is
("بلدة القاع", "مخيم زمزم", "حي كفرسوسة", "إقليم هيران"); GeoNames lists towns, not most of
these. The word after such a noun, and a second one when the name clearly goes on ("سن الفيل",
"سيتي سولاي"), becomes the entity `PLACE:<name as written>` (gazetteer.py gives it its fields),
unless a dictionary name already covers it. Adjectives ("منطقة عسكرية"), directions and
generic words ("منطقة الشمال", "حي سكني") are not names. English news names them the same way,
capitalised: "the town of Ras Kamboni", "near Khasham", "the Makhmour refugee camp".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from marsad.extraction.figures import is_number_word
from marsad.extraction.gazetteer import ENTITY, Entry, Match, name_mask
from marsad.extraction.normalize import fold

PREFIX = "PLACE:"

# The nouns, as written after an optional proclitic (ب، و، ل، ف، وب).
_NOUNS = frozenset(
    fold(w)
    for w in "مدينة بلدة قرية حي مخيم منطقة ناحية إقليم ولاية محافظة مديرية قضاء بلدتي قريتي "
    "مدينتي منطقتي مخيمي حيي جبل جبال وادي ساحة".split()
)
# Facilities named by a word of their own: "قاعدة صافر", "مطار معيتيقة", "حاجز عطارة", "سجن
# الجنيد", "حقل كورمور", "ثكنة أفيفيم". As often they are described instead ("قاعدة جوية",
# "حقل الغاز", "معسكر تدريب"): a name after them is no nisba and no word of `_NOT_FACILITY_NAMES`.
_FACILITY_NOUNS = frozenset(
    fold(w)
    for w in "قاعدة مطار حاجز سجن معتقل حقل ثكنة مستشفى قصر شاطئ حوض مرقد ميناء مرفأ معسكر "
    "شارع دوار معبر منفذ".split()
)
_NOT_FACILITY_NAMES = frozenset(
    fold(w)
    for w in "الغاز النفط تدريب التدريب الاعتقال الاحتجاز اعتقال احتجاز الولادة الأطفال النساء "
    "الصيد العدل الرئاسة البحر التفتيش تفتيش الحكومة الدولة الجيش الشرطة الأمن الاحتلال "
    "المطار الميناء القاعدة السجن المستشفى الرئيسي رئيسي جوية بحرية برية أمامية متقدمة "
    "تابع تابعة تابعين تابعه للجيش للشرطة للأمن للحكومة للقوات لقوات للاحتلال أمني عسكري "
    "ميداني ميدانيا طيار ثابت مؤقت بعثة البعثة قوات القوات الفرقة الفحص مزدحم مزدحمة تدعمه "
    "تديره يديره تديرها يديرها".split()
)
_ALL_NOUNS = _NOUNS | _FACILITY_NOUNS
# The seats of power a capital's news names by what they are: "القصر الرئاسي", "السراي
# الحكومي", "قصر العدل" (folded, after a proclitic at most).
_LANDMARKS = re.compile(
    "(?<![\u0621-\u064a])(?:و|ب|ل|ف|وب)?("
    + "|".join(
        fold(w)
        for w in (
            "القصر الرئاسي",
            "القصر الجمهوري",
            "القصر الوطني",
            "قصر الرئاسة",
            "السراي الحكومي",
            "قصر العدل",
            "القصر الملكي",
        )
    )
    + ")(?![\u0621-\u064a])"
)
# Nouns that are part of the name they open: "جبل محسن", "وادي الربيع", "ساحة العروض".
_OWN = frozenset(fold(w) for w in "جبل جبال وادي ساحة".split())
# Duals name two places, the second after و: "مدينتي صبراتة وصرمان", "منطقتي باب التبانة وجبل
# محسن".
_DUALS = frozenset(fold(w) for w in "بلدتي قريتي مدينتي منطقتي مخيمي حيي".split())
_PROCLITICS = ("وب", "فب", "ب", "و", "ل", "ف", "")
# Nouns that as often say "area" or "side" of anything (منطقة الحرب، ناحية الدفاع): a name after
# them has no article and is no adjective or verb (منطقة ضحيان، منطقة سن الفيل).
_LOOSE = frozenset(fold(w) for w in "منطقة ناحية".split())
# Words that follow such a noun without naming a place.
NOT_NAMES = frozenset(
    fold(w)
    for w in (
        "في قرب من إلى الى على عن مع بعد قبل عند خلال ضد لدى حول بين حيث التي الذي الذين أمس "
        "اليوم غدا فجر صباح مساء ليلة ظهر منذ أو ثم كما لكن بل إن أن قد لم لن ما لا هذه هذا تلك "
        "ذلك كل بعض أي غير نفس عدة شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي أقصى أطراف "
        "محيط داخل خارج الشمال الجنوب الشرق الغرب الوسط الشمالية الجنوبية الشرقية الغربية "
        "الوسطى القطاع المنطقة المدينة البلدة القرية الحي المخيم العاصمة الحدود الحدودية "
        "عسكرية سكنية حدودية آمنة امنة واسعة زراعية صناعية جبلية نائية مأهولة عازلة مفتوحة "
        "محاذية قريبة بعيدة ساحلية صحراوية مدنية تجارية منكوبة محاصرة متنازع مغلقة مجاورة "
        "سكني شعبي تجاري راق فقير مكتظ مجاور للنازحين للاجئين لاجئين نازحين النازحين "
        "اللاجئين كبيرة صغيرة كبير صغير جديد جديدة قديم قديمة أخرى اخرى آخر اخر عربية "
        "فلسطينية لبنانية سورية عراقية يمنية سودانية ليبية واحدة الواقعة الواقع التابعة "
        "المحاذية القريبة المجاورة المذكورة نفسها رئيسية الرئيسية مختلفة عديدة تحت فوق "
        # times that follow a name ("بمدينة تلعفر الليلة الماضية")
        "الليلة الماضي الماضية الجاري الحالي الحالية الأخير الأخيرة السابق أيضا "
        "الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت "
        # a district told by who lives there ("بحي شيعي")
        "شيعي شيعية سني سنية مسيحي مسيحية درزي درزية علوي علوية كردي كردية تركماني "
        "تركمانية يهودي يهودية إسلامي إسلامية "
        # verbs that follow a name ("قاعدة إنديليمان قُتل فيه")
        "قتل قتلت قتلوا أصيب أصيبت أصيبوا وقع وقعت سقط سقطت"
    ).split()
)
_WORD = re.compile(r"[\u0621-\u064a\u0660-\u0669]+")
# A place noun standing as a word of its own (its proclitic included), then a space: only these
# are looked at in Python.
_NOUN_THEN_WORDS = re.compile(
    "(?<![\u0621-\u064a])((?:وب|فب|ب|و|ل|ف)?(?:"
    + "|".join(sorted(_ALL_NOUNS, key=len, reverse=True))
    + "))(?![\u0621-\u064a]) "
)
_ARTICLE = fold("ال")
# Where a block's first Arabic (Latin) letter stands: no Arabic place noun (English mark) can
# start before it, and English posts need no Arabic search at all (and Arabic ones no English).
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_LATIN_LETTER = re.compile("[a-z]")


def _first(letter: re.Pattern[str], text: str) -> int:
    """Where the first match of `letter` starts (the end of the text when there is none)."""
    found = letter.search(text)
    return len(text) if found is None else found.start()


def _noun(word: str) -> str | None:
    """The place noun a word is, without its proclitic, if it is one."""
    for p in _PROCLITICS:
        if word.startswith(p) and word[len(p) :] in _ALL_NOUNS:
            return word[len(p) :]
    return None


def _loose_name(word: str) -> bool:
    return not (word.startswith((_ARTICLE, "ي", "ت")) or word.endswith((fold("ة"), fold("ى"))))


def _facility_name(word: str) -> bool:
    # "قاعدة لبعثة", "معسكر لتدريب": what the facility is for, not its name
    bare = word[1:] if word.startswith("ل") else word
    if word in _NOT_FACILITY_NAMES or bare in _NOT_FACILITY_NAMES or is_number_word(word):
        return False  # "حاجز الخمسة ملايين": a figure's barrier
    # An adjective of the noun would be indefinite as it is ("قاعدة جوية", "مستشفى ميداني"); a
    # definite word after it is its complement, a name in a nisba's form too ("قاعدة التاجي").
    return word.startswith(_ARTICLE) or not word.endswith(("ي", fold("ية"), fold("يتين")))


def _name_word(word: str) -> bool:
    """Whether a word may be (part of) a name: no stop word, no conjunction or preposition
    glued to a word of the list, no digit-only token."""
    if word in NOT_NAMES or word.isdigit() or len(word) < 2:
        return False
    for clitic in ("و", "ب", "ل", "ف", "وال", "بال", "لل"):
        if word.startswith(clitic) and word[len(clitic) :] in NOT_NAMES:
            return False
    return not word.startswith("لل")


def find(
    text: str, original: str, to_original: Callable[[int], int], hits: list[Match]
) -> list[Match]:
    """Matches for the places named after a place noun in a normalized block, none over a
    dictionary name."""
    nouns = [m.span(1) for m in _NOUN_THEN_WORDS.finditer(text, _first(_ARABIC_LETTER, text))]
    latin = _first(_LATIN_LETTER, text)
    english = list(_EN_MARKS.finditer(text, max(0, latin - 1)))
    # "in" and "at" are searched in the original, where a capital can be required: "in the",
    # "at least" and the other hits of the commonest words cost nothing then
    at = [m.end() for m in _EN_AT_MARKS.finditer(original)] if latin < len(text) else []
    landmarks = (
        [m.span(1) for m in _LANDMARKS.finditer(text)] if "قصر" in text or "سراي" in text else []
    )
    runs = _runs(english, at, original, to_original) if english or at else []
    if not nouns and not runs and not landmarks:
        return []  # most blocks: the regular expressions found no noun, in C
    covered = name_mask(text, hits)
    found = _english(runs, to_original, original, covered) if runs else []
    for a, b in landmarks:
        if covered.find(1, a, b) < 0:
            name = " ".join(original[to_original(a) : to_original(b)].split())
            found.append(Match(a, b, Entry(ENTITY, PREFIX + name, "ar")))
            covered[a:b] = b"\x01" * (b - a)
    for start, end in nouns:
        noun = _noun(text[start:end])
        if noun is None or covered.find(1, start, end) >= 0:
            continue
        words = [w.span() for w in _WORD.finditer(text, end, min(len(text), end + 60))][:2]
        if not words:
            continue
        a, b = words[0]
        if text[end:a].strip() or covered.find(1, a, b) >= 0 or not _name_word(text[a:b]):
            continue
        if noun in _LOOSE and not _loose_name(text[a:b]):
            continue
        if noun in _FACILITY_NOUNS and not _facility_name(text[a:b]):
            continue
        last = b
        if len(words) == 2 and not text[a:b].startswith(_ARTICLE):
            c, d = words[1]
            # a name of two words: nothing between them, and the second no stop word
            if not text[b:c].strip() and covered.find(1, c, d) < 0 and _name_word(text[c:d]):
                last = d if _second(text[c:d]) else b
        if noun in _OWN:
            a = end - len(noun)
        name = " ".join(original[to_original(a) : to_original(last)].split())
        found.append(Match(a, last, Entry(ENTITY, PREFIX + name, "ar")))
        covered[a:last] = b"\x01" * (last - a)
        if noun in _DUALS:
            found += _second_of_two(text, original, to_original, last, covered)
    return found


def _second_of_two(
    text: str, original: str, to_original: Callable[[int], int], end: int, covered: bytearray
) -> list[Match]:
    """The place after و that a dual's first name is followed by, when no dictionary name
    covers it: one word, or two as after a noun."""
    words = [w.span() for w in _WORD.finditer(text, end, min(len(text), end + 60))][:2]
    if not words or text[end : words[0][0]].strip():
        return []
    a, b = words[0]
    if not text[a:b].startswith("و") or covered.find(1, a, b) >= 0:
        return []
    a += 1  # the conjunction is no part of the name
    if not _name_word(text[a:b]):
        return []
    last = b
    if len(words) == 2 and not text[a:b].startswith(_ARTICLE):
        c, d = words[1]
        if not text[b:c].strip() and covered.find(1, c, d) < 0 and _name_word(text[c:d]):
            last = d if _second(text[c:d]) else b
    name = " ".join(original[to_original(a) : to_original(last)].split())
    covered[a:last] = b"\x01" * (last - a)
    return [Match(a, last, Entry(ENTITY, PREFIX + name, "ar"))]


# English: a capitalised name after "the town of", "the village of", "near" ..., or before
# "district", "camp", "area", "base" ... (the block is lower-cased; the original has the case).
_EN_OF = (
    "town village city settlement port district region province suburb slum area neighbourhood "
    "neighborhood outskirts towns villages cities hamlet hamlets".split()
)
# Every alternative opens with a letter or the space (\bX is written X(?<!\wX), the same test
# made after the word), so a search skips in C to where a match can start; an alternative that
# opens with a look-behind or \b is tried at every position of every block.
# "in Nasir", "at Boulkessi": after these only a name the dictionaries lack that ends where a
# place's name ends (a comma, "near", "on Monday") is read (`_ends_as_place`).
_EN_AT_MARKS = re.compile(
    r"(?:in(?<!\win)|at(?<!\wat)|In(?<!\wIn)|At(?<!\wAt)) "
    r"(?=[A-ZÀ-Ý]|(?:al|el|ad|ar|as|ash|an|at)-)"
)
_EN_MARKS = re.compile(
    "|".join(rf"{noun}(?<!\w{noun}) of (?=\S)" for noun in _EN_OF)
    + r"|near(?<!\wnear) (?=\S)"
    + r"| (?<=\S )(?=(?:district|refugee camps?|camps?|area|air base|military base|base"
    r"|border post|border crossing|crossing|settlement|oil field|prison|toll gate|region|province"
    r"|governorate|county|neighbou?rhood|slum|airport|port|river|square|street|highway"
    r"|roundabout|checkpoint|hospital|valley|hotel|mosque|church|palace|junction|market|bridge)"
    r"\b)"
)
_EN_WORD = re.compile(r"(?:(?:al|el|ad|ar|as|ash|an|at)-)?[A-ZÀ-Ý][\w'’-]*")
# Capitalised words that are no place: days, months, titles and words that open sentences.
_EN_NOT_PLACES = frozenset(
    "The A An This That Monday Tuesday Wednesday Thursday Friday Saturday Sunday January "
    "February March April May June July August September October November December UN US "
    "President Prime Minister General Islamic State Army Forces Force Security Police Israeli "
    "Palestinian Syrian Iraqi Lebanese Sudanese Yemeni Libyan Somali Afghan Malian Haitian "
    # after "in" or "at": languages, faiths, communities and bodies, not places
    "English Arabic French Hebrew Parliament Congress Senate Cabinet Court Council Islam Sunni "
    "Shia Shiite Christian Muslim Jewish Druze Kurdish Arab Arabs Kurds Christians Muslims Jews "
    "Ministry Government Authority Agency Committee Commission Assembly Party Front Movement "
    "Brigade Brigades Organization Organisation Union Office Headquarters Mission Catholic "
    "Orthodox Coptic Protestant Maronite Evangelical Anglican Shi'ite".split()
)


def _runs(
    marks: list[re.Match[str]], at: list[int], original: str, to_original: Callable[[int], int]
) -> list[list[re.Match[str]]]:
    """The capitalised words beside English nouns of place, or after "in" or "at" (`at`, their
    ends in the original) where they end as a place's name does, in text order."""
    runs = [_run_forward(original, to_original(m.end())) for m in marks if m.end() > m.start() + 1]
    # "the towns of Foua and Kefraya", "In Mosul and Hawija": the second name of a pair
    runs += [_and_next(original, run) for run in runs if run]
    for mark in marks:
        if mark.end() == mark.start() + 1:  # the look-ahead form: the name precedes
            end = to_original(mark.start())
            words = list(_EN_WORD.finditer(original, max(0, end - 80), end))[-3:]
            runs.append(_run_back(original, words, end))
    for pos in at:
        run = _run_forward(original, pos)
        if run and _ends_as_place(original, run):
            runs += [run, _and_next(original, run)]
    return sorted((r for r in runs if r), key=lambda r: r[0].start())


def _english(
    runs: list[list[re.Match[str]]],
    to_original: Callable[[int], int],
    original: str,
    covered: bytearray,
) -> list[Match]:
    """Places named by the runs of capitalised words unknown to the dictionaries, no day,
    month or title among them."""
    found: list[Match] = []
    for run in runs:
        if any(w.group() in _EN_NOT_PLACES for w in run):
            continue
        a, b = run[0].start(), run[-1].end()
        start, end = _normalized(to_original, a, b, len(covered))
        if start is None or covered.find(1, start, end) >= 0:
            continue
        name = original[a:b]
        found.append(Match(start, end, Entry(ENTITY, PREFIX + name, "en")))
        covered[start:end] = b"\x01" * (end - start)
    return found


# What follows a place named after "in" or "at": punctuation, another place ("near", "east of"),
# a time ("on Monday", "late on"), or the next clause.
_AFTER_PLACE = re.compile(
    r"\s*(?:[,.;:)]|$|(?:near|east|west|north|south|on|late|early|overnight|last|this|and|after"
    r"|before|when|where|as|while|in|province|district|region|state|city|town|village)\b)"
)


def _ends_as_place(original: str, run: list[re.Match[str]]) -> bool:
    """Whether the words after "in" or "at" end as a place's name does: "in Nasir.", "at
    Indelimane, in the Menaka region", not "in Congress voted" or "at Reuters' request"."""
    return bool(_AFTER_PLACE.match(original, run[-1].end()))


def _and_next(original: str, run: list[re.Match[str]]) -> list[re.Match[str]]:
    """The capitalised words after "and" that follow a name, if they end as a place's name."""
    end = run[-1].end()
    if not original.startswith(" and ", end):
        return []
    after = _run_forward(original, end + 5)
    return after if after and _ends_as_place(original, after) else []


def _run_forward(original: str, pos: int) -> list[re.Match[str]]:
    run: list[re.Match[str]] = []
    for word in _EN_WORD.finditer(original, pos, min(len(original), pos + 60)):
        if word.start() != (run[-1].end() + 1 if run else pos) or len(run) == 3:
            break
        if _POSSESSIVE.search(word.group()):
            return []  # "near Monday's meeting": an owner, not the place
        run.append(word)
    return run


def _run_back(original: str, words: list[re.Match[str]], pos: int) -> list[re.Match[str]]:
    run: list[re.Match[str]] = []
    for word in reversed(words):
        if word.end() != (run[0].start() - 1 if run else pos):
            break
        if _POSSESSIVE.search(word.group()):
            break  # "Baghdad's Karrada district": the owner's name is no part of it
        run.insert(0, word)
    return run


_POSSESSIVE = re.compile(r"['’]s?$")


def _normalized(
    to_original: Callable[[int], int], a: int, b: int, size: int
) -> tuple[int | None, int]:
    """The normalized offsets of an original span (English text keeps its length)."""
    start = a if 0 <= a < size and to_original(a) == a else None
    return start, b


def _second(word: str) -> bool:
    """A second word that continues a name rather than describes or follows it: with the article
    ("سن الفيل") but no nisba adjective ("القاع البقاعية"); without it ("سيتي سولاي", "سرف
    عمرة"), no nisba, no verb (يقع) and no word glued to a conjunction or preposition."""
    if _noun(word) or word.startswith(("و", "ب", "ل", "ف")):
        return False
    if word.startswith(_ARTICLE):
        return not word.endswith((_NISBA, "ي"))
    return not word.endswith(_NISBA) and not word.startswith(("ي", "ت"))


_NISBA = fold("ية")
