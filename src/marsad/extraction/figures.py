"""Numbers in a normalized text: digits of any script (already folded to Latin), number words
in Arabic and English, ACLED's vague words, ranges, and multipliers (million, ألف)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.extraction.dates import MONTH_NUMBER
from marsad.extraction.normalize import fold

# ACLED: vague words become the lowest number they can mean.
VAGUE = {
    "tens": 10,
    "dozens": 12,
    "dozen": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1000,
    "millions": 1_000_000,
    "عشرات": 10,
    "العشرات": 10,
    "مئات": 100,
    "مءات": 100,
    "الميات": 100,
    "المئات": 100,
    "ميات": 100,
    "الاف": 1000,
    "الالاف": 1000,
    "ملايين": 1_000_000,
}
_EN_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_AR_UNITS = {
    "واحد": 1,
    "واحده": 1,
    "اثنان": 2,
    "اثنين": 2,
    "اثنتان": 2,
    "اثنتين": 2,
    "اثنا": 2,
    "اثني": 2,
    "ثلاث": 3,
    "ثلاثه": 3,
    "اربع": 4,
    "اربعه": 4,
    "خمس": 5,
    "خمسه": 5,
    "ست": 6,
    "سته": 6,
    "سبع": 7,
    "سبعه": 7,
    "ثمان": 8,
    "ثماني": 8,
    "ثمانيه": 8,
    "تسع": 9,
    "تسعه": 9,
    "عشر": 10,
    "عشره": 10,
    "عشرون": 20,
    "عشرين": 20,
    "ثلاثون": 30,
    "ثلاثين": 30,
    "اربعون": 40,
    "اربعين": 40,
    "خمسون": 50,
    "خمسين": 50,
    "ستون": 60,
    "ستين": 60,
    "سبعون": 70,
    "سبعين": 70,
    "ثمانون": 80,
    "ثمانين": 80,
    "تسعون": 90,
    "تسعين": 90,
}
_HUNDREDS = {"hundred": 100, "مئه": 100, "مائه": 100, "مئتان": 200, "مئتين": 200, "مئتي": 200}
_HUNDREDS |= {"مائتان": 200, "مائتين": 200, "مائتي": 200, "مئتا": 200, "مائتا": 200}
for _word, _n in list(_AR_UNITS.items()):
    if 3 <= _n <= 9 and not _word.endswith("ه"):
        _HUNDREDS[_word + "مئه"] = _n * 100
        _HUNDREDS[_word + "مائه"] = _n * 100
_MULTIPLIERS = {"thousand": 1000, "million": 10**6, "billion": 10**9, "الف": 1000, "الفا": 1000}
_MULTIPLIERS |= {"الاف": 1000, "الفان": 2000, "الفين": 2000, "الفي": 2000}
_MULTIPLIERS |= {"مليون": 10**6, "ملايين": 10**6, "مليار": 10**9, "مليارات": 10**9}
VAGUE = {fold(k): v for k, v in VAGUE.items()}
_AR_UNITS = {fold(k): v for k, v in _AR_UNITS.items()}
_HUNDREDS = {fold(k): v for k, v in _HUNDREDS.items()}
_MULTIPLIERS = {fold(k): v for k, v in _MULTIPLIERS.items()}

# "أحد عشر", "إحدى عشرة": eleven; "أحد" alone is "one of" or "anyone"
_ELEVEN, _TEN = {fold(w) for w in ("احد", "إحدى")}, {fold(w) for w in ("عشر", "عشرة")}
_SHORT_MULTIPLIERS = {"k": 1000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 10**9}
_RANGE_START = {"between", "from", "بين", "من"}
_RANGE_JOIN = {fold(w) for w in ("and", "to", "or", "و", "الى", "او", "-")}
_TIME_UNITS = {"hours", "hour", "days", "day", "years", "year", "months", "month", "weeks"}
_TIME_UNITS |= {"ساعه", "ساعات", "يوم", "يوما", "ايام", "عام", "عاما", "اعوام", "سنه", "سنوات"}
_TIME_UNITS |= {"شهر", "اشهر", "شهرا", "اسابيع", "اسبوع", "%", "بالمئه", "بالمائه", "percent"}
_TIME_UNITS |= {"point", "points", "نقطه", "نقاط", "am", "pm", "صباحا", "مساء"}
_TIME_UNITS = {fold(w) for w in _TIME_UNITS}
# Scientific notation comes first so that "1.2e+06" is one token, read as no number at all.
_TOKEN = re.compile(r"\$|%|\d+(?:\.\d+)?e[+-]?\d+|\d[\d,]*(?:\.\d+)?|[^\W\d_]+|-")
# Longer runs of digits are serial numbers, phone numbers or garbage, never a count of people.
_MAX_DIGITS = 15
_CLITIC = ("وب", "ول", "و", "ب", "ل", "ف")


@dataclass(frozen=True)
class Number:
    """A number found in the text: normalized [start, end) and its low/best/high reading."""

    start: int
    end: int
    best: int
    low: int | None = None
    high: int | None = None
    vague: bool = False


def is_number_word(word: str) -> bool:
    """Whether a folded Arabic word is a number's, with or without the article ("الخمسة")."""
    bare = word[2:] if word.startswith("ال") else word
    return bare in _AR_UNITS or bare in _HUNDREDS or bare in _MULTIPLIERS


def _build_words() -> dict[str, tuple[str, int]]:
    words: dict[str, tuple[str, int]] = {}
    tables = [(_AR_UNITS, "unit"), (_EN_UNITS, "unit"), (_HUNDREDS, "hundred")]
    tables += [(_MULTIPLIERS, "mult"), (VAGUE, "vague")]
    for table, name in tables:
        for word, value in table.items():
            words.setdefault(word, (name, value))
    arabic = [(w, reading) for w, reading in words.items() if not w.isascii()]
    for clitic in _CLITIC:
        for word, reading in arabic:
            if len(word) > 2:
                words.setdefault(clitic + word, reading)
    return words


def _word_value(word: str) -> tuple[str, int] | None:
    """('unit'|'hundred'|'mult'|'vague', value) for a number word, clitics allowed."""
    return _WORDS.get(word)


_WORDS = _build_words()


def _digits(token: str) -> int | None:
    """The value of a digit token; None for what is no quantity: scientific notation, a list
    ("1,2,3"), commas out of place, or a run of more than _MAX_DIGITS digits."""
    if "e" in token:
        return None
    whole = token.rstrip(",").split(".")[0]
    if "," in whole and not _grouped(whole):
        return None
    clean = token.replace(",", "")
    if len(whole) - whole.count(",") > _MAX_DIGITS:
        return None
    try:
        return int(float(clean)) if "." in clean else int(clean)
    except ValueError:
        return None


def _grouped(digits: str) -> bool:
    """'1,234,567' is a grouped number; '1,2,3' and '12,34' are not."""
    groups = digits.split(",")
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def _in_list(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """True when the digit token at i belongs to a list of numbers ("1, 2, 3" or "3، 4")."""

    def listed(k: int) -> bool:
        return 0 <= k < len(tokens) and tokens[k][2][0].isdigit()

    word = tokens[i][2]
    after = word.endswith(",") and listed(i + 1) and not _dated(tokens, i)
    before = listed(i - 1) and tokens[i - 1][2].endswith(",") and not _dated(tokens, i - 1)
    return after or before


def _dated(tokens: list[tuple[int, int, str]], k: int) -> bool:
    """Whether the digits at k are a day after its month: "Since October 7, 121 Palestinians"
    is a date and a number, not a list."""
    return k > 0 and tokens[k - 1][2].casefold() in MONTH_NUMBER


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _read_number(tokens: list[tuple[int, int, str]], i: int) -> tuple[int, int, bool] | None:
    """(value, next token index, vague) for the number starting at token i, if any."""
    word = tokens[i][2]
    if word[0].isdigit():
        value = _digits(word)
        if value is None or _in_list(tokens, i):
            return None
        j = i + 1
        if j < len(tokens) and word.replace(",", "").replace(".", "").isdigit():
            nxt = _word_value(tokens[j][2])
            if nxt and nxt[0] == "mult":
                return int(float(word.replace(",", "")) * nxt[1]), j + 1, False
            # "$12m", "$1.5bn": the short multipliers only count after a dollar sign
            if i > 0 and tokens[i - 1][2] == "$" and tokens[j][2] in _SHORT_MULTIPLIERS:
                scale = _SHORT_MULTIPLIERS[tokens[j][2]]
                return int(float(word.replace(",", "")) * scale), j + 1, False
        return value, j, False
    if word in _ELEVEN and i + 1 < len(tokens) and tokens[i + 1][2] in _TEN:
        return 11, i + 2, False
    first = _word_value(word)
    if first is None:
        return None
    if first[0] == "vague":
        j = i + 1
        # "tens of thousands", "عشرات الآلاف"
        if j < len(tokens) and tokens[j][2] == "of":
            j += 1
        if j < len(tokens) and (_word_value(tokens[j][2]) or ("", 0))[0] in ("vague", "mult"):
            return first[1] * (_word_value(tokens[j][2]) or ("", 1))[1], j + 1, True
        return first[1], i + 1, True
    total, group, j = 0, 0, i
    while j < len(tokens):
        reading = _word_value(tokens[j][2])
        if reading is None:
            if (
                tokens[j][2] in ("and", "-")
                and j + 1 < len(tokens)
                and _word_value(tokens[j + 1][2])
            ):
                j += 1
                continue
            break
        kind, value = reading
        if kind == "vague":
            break
        if kind == "unit":
            group += value
        elif kind == "hundred":
            group = (group or 1) * value if value == 100 and group < 10 else group + value
        else:
            total += (group or 1) * value
            group = 0
        j += 1
    value = total + group
    if j == i or (value == 1 and tokens[i][2] in ("one",)):
        return (value, j, False) if j > i else None
    return value, j, False


def _defined_thousands(tokens: list[tuple[int, int, str]], i: int) -> Number | None:
    """A number word with the article before a multiplier ("الأربعين ألفاً"), read as one number;
    alone, "الأربعين" is "the fortieth" or "the forties"."""
    word = tokens[i][2]
    if not word.startswith("ال") or word == "الاثنين" or i + 1 >= len(tokens):
        return None  # "الاثنين" is also Monday: "أرسلت تركيا الاثنين ألف جندي"
    unit, mult = _word_value(word[2:]), _word_value(tokens[i + 1][2])
    if unit is None or mult is None or unit[0] != "unit" or mult[0] != "mult":
        return None
    return Number(tokens[i][0], tokens[i + 1][1], unit[1] * mult[1])


def _range_after(tokens: list[tuple[int, int, str]], k: int) -> tuple[int, int, int] | None:
    """(low, high, next index) for "N and M", "N و M", "N to M" starting at token k."""
    first = _read_number(tokens, k) if k < len(tokens) else None
    if first is None or first[2] or first[1] >= len(tokens):
        return None
    j = first[1]
    joiner = tokens[j][2]
    second: tuple[int, int, bool] | None = None
    if joiner in _RANGE_JOIN and j + 1 < len(tokens):
        second = _read_number(tokens, j + 1)
    elif joiner.startswith("و") and _word_value(joiner[1:]):
        reading = _word_value(joiner[1:])
        second = (reading[1], j + 1, False) if reading and reading[0] == "unit" else None
    if second is None or second[2] or second[0] <= first[0]:
        return None
    return first[0], second[0], second[1]


# Nouns a number after which names a unit, a text or a road rather than counts anything
# (folded, lower case).
_DESIGNATED = frozenset(
    fold(w)
    for w in "الفيلق الفرقة اللواء الكتيبة القرار قرار رقم المادة البند "
    "corps division brigade resolution no number article route".split()
)


def _in_name(text: str, at: int) -> bool:
    """Whether digits at `at` are glued to letters before them, with or without a hyphen,
    other than a proclitic ("و١٣ إصابة" is "and 13 injured")."""
    end = at - 1 if at > 1 and text[at - 1] == "-" else at
    begin = end
    while begin > 0 and text[begin - 1].isalpha():
        begin -= 1
    return begin < end and text[begin:end] not in ("و", "ف", "ب", "ل", "وب", "ول", "فب", "ك")


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    """The numbers of text[start:end], ranges and vague words included."""
    tokens = _tokens(text, start, len(text) if end is None else end)
    numbers: list[Number] = []
    i = 0
    while i < len(tokens):
        word = tokens[i][2]
        defined = _defined_thousands(tokens, i) if word.startswith("ال") else None
        if defined is not None:
            numbers.append(defined)  # "عتبة الأربعين ألفاً": forty thousand
            i += 2
            continue
        if not (
            word[0].isdigit()
            or word in _WORDS
            or word in _ELEVEN
            or word in _RANGE_START
            or word == "ما"
        ):
            i += 1  # most words start no number: pass them over without reading them
            continue
        at = tokens[i][0]
        if word[0].isdigit() and (_in_name(text, at) or (i and tokens[i - 1][2] in _DESIGNATED)):
            i += 1  # "M23", "F-16", "الفيلق 209", "resolution 1701": a name, not a quantity
            continue
        opener = 2 if word == "ما" and i + 1 < len(tokens) and tokens[i + 1][2] == "بين" else 1
        if word in _RANGE_START or opener == 2:
            found = _range_after(tokens, i + opener)
            if found:
                low, high, j = found
                numbers.append(Number(tokens[i][0], tokens[j - 1][1], low, low, high))
                i = j
                continue
        reading = _read_number(tokens, i)
        if reading is None:
            i += 1
            continue
        value, j, vague = reading
        unit = j + 1 if j + 1 < len(tokens) and tokens[j][2] == "-" else j
        if unit < len(tokens) and tokens[unit][2] in _TIME_UNITS:
            i = unit
            continue
        if j == i + 1 and _age(text, tokens, i):
            i = j  # "John Smith, 45, was shot": an age, not a count
            continue
        found = _range_after(tokens, i) if not vague else None
        if found and tokens[j][2] in _RANGE_JOIN - {"and", "و"}:
            low, high, j = found
            numbers.append(Number(tokens[i][0], tokens[j - 1][1], low, low, high))
        elif vague:
            numbers.append(Number(tokens[i][0], tokens[j - 1][1], value, vague=True))
        else:
            numbers.append(_qualified(tokens, i, tokens[j - 1][1], value))
        i = j
    return numbers


# Words after "N," that say it counted people: "20, mostly civilians, were killed".
_COUNT_AFTER = frozenset("including mostly most among many all both of".split())


def _age(text: str, tokens: list[tuple[int, int, str]], i: int) -> bool:
    """A number of up to three digits set between commas after a word that is no number:
    "Ken Elliott, 81, …" (a list of numbers, "1, 2, 3", is no age)."""
    a, b, word = tokens[i]
    digits = word.rstrip(",")  # a run of digits takes the comma after it
    closed = word.endswith(",") or text[b : b + 1] == ","
    if not (digits.isdigit() and len(digits) <= 3 and text[a - 2 : a] == ", " and closed):
        return False
    listed = i + 1 < len(tokens) and (
        tokens[i + 1][2][0].isdigit() or tokens[i + 1][2] in _COUNT_AFTER
    )
    return i > 0 and not (listed or tokens[i - 1][2][0].isdigit() or tokens[i - 1][2] in _WORDS)


# The words before a number that say how exact it is (normalized, as token tuples).
_AT_LEAST = {
    ("at", "least"), ("more", "than"), ("over",), ("no", "fewer", "than"), ("no", "less", "than"),
    ("upwards", "of"), ("exceeded",), ("surpassed",), ("topped",), ("exceeding",),
    ("اكثر", "من"), ("لا", "يقل", "عن"), ("ما", "لا", "يقل", "عن"), ("يزيد", "عن"),
    ("يزيد", "على"), ("ما", "يزيد", "عن"), ("ما", "يزيد", "على"), ("ازيد", "من"), ("تجاوز",),
    ("تجاوزت",), ("يتجاوز",), ("تتجاوز",), ("فاق",), ("فاقت",), ("تخطي",), ("تخطت",),
}  # fmt: skip
_ABOUT = {
    ("about",), ("around",), ("nearly",), ("almost",), ("approximately",), ("roughly",),
    ("some",), ("an", "estimated"), ("نحو",), ("بنحو",), ("حوالي",), ("بحوالي",), ("قرابه",),
    ("زهاء",), ("يقارب",), ("ما", "يقارب"), ("ما", "يقرب", "من"),
}  # fmt: skip
_UP_TO = {("up", "to"), ("as", "many", "as"), ("يصل", "الى"), ("ما", "يصل", "الى")}
_AT_LEAST, _ABOUT, _UP_TO = (
    {tuple(fold(word) for word in words) for words in table}
    for table in (_AT_LEAST, _ABOUT, _UP_TO)
)
_QUALIFIER_WORDS = 4


def _qualified(tokens: list[tuple[int, int, str]], i: int, end: int, value: int) -> Number:
    """An exact number read with the words before it, as the annotation guidelines code them:
    "at least N" low = best = N; "about N" best only; "up to N" best = high = N; a bare number
    low = best = high. The span takes the qualifier in, so that the figure's text keeps it."""
    for size in range(_QUALIFIER_WORDS, 0, -1):
        if i - size < 0:
            continue
        words = tuple(token[2] for token in tokens[i - size : i])
        start = tokens[i - size][0]
        if words in _AT_LEAST:
            return Number(start, end, value, low=value)
        if words in _ABOUT:
            return Number(start, end, value)
        if words in _UP_TO:
            return Number(start, end, value, high=value)
    return Number(tokens[i][0], end, value, low=value, high=value)
