"""A number and the thing it counts, said as the reader's language says it.

Arabic agrees the counted noun with the number in six ways: none, one, two (a dual), three to
ten (a plural), eleven to ninety-nine (a singular in the accusative) and a hundred and more (a
singular in the genitive) — the six plural forms of the catalogues' Plural-Forms header. The
dual and "one" also follow the case of the whole phrase: "مدرّبا شرطة" as a subject, "مدرّبَي
شرطة" after a preposition or a verbal noun. So each noun has two entries in the web catalogue,
one per case (the message context), each with its six forms; English needs only the two.

The number is written in the reader's digit style, grouped by thousands: in Arabic-Indic digits
with the Arabic separators, ٬ (U+066C) for thousands and ٫ (U+066B) for decimals, as the browser's
own `ar-u-nu-arab` writes them in charts; in Latin digits with "," and ".". Coordinates are never
written this way: they keep Latin digits and a decimal point.
"""

from __future__ import annotations

import re

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.translation import npgettext

from marsad.extraction.numerals import to_arabic_digits

NOMINATIVE = "counted, nominative"
GENITIVE = "counted, genitive"
CASES = {"nominative": NOMINATIVE, "genitive": GENITIVE}

# What a pledge, a requirement or a capability counts (by pledge kind, capability or unit), and
# the other things pages count.
NOUNS = {
    "troops": ("%(count)s soldier", "%(count)s soldiers"),
    "police_trainers": ("%(count)s police trainer", "%(count)s police trainers"),
    "engineering": ("%(count)s engineer", "%(count)s engineers"),
    "medical": ("%(count)s medical staff member", "%(count)s medical staff"),
    "logistics": ("%(count)s logistics truck", "%(count)s logistics trucks"),
    "funding": ("%(count)s US dollar", "%(count)s US dollars"),
    "persons": ("%(count)s person", "%(count)s persons"),
    "trucks": ("%(count)s truck", "%(count)s trucks"),
    "units": ("%(count)s unit", "%(count)s units"),
    "incidents": ("%(count)s incident", "%(count)s incidents"),
    "days": ("%(count)s day", "%(count)s days"),
    "consignments": ("%(count)s consignment", "%(count)s consignments"),
    "rows": ("%(count)s row", "%(count)s rows"),
    "lines": ("%(count)s line", "%(count)s lines"),
    "records": ("%(count)s record", "%(count)s records"),
    "indicators": ("%(count)s indicator", "%(count)s indicators"),
}
NOUNS["political"] = NOUNS["other"] = NOUNS["units"]
NOUNS["usd"] = NOUNS["funding"]
# A requirement names a capability; a capability reads as the pledge kind that offers it.
NOUNS |= {
    "infantry": NOUNS["troops"],
    "engineers": NOUNS["engineering"],
    "funding_usd": NOUNS["funding"],
}


THOUSANDS = "\u066c"
DECIMAL = "\u066b"
# A comma or point between two digits: the separators of a number, not a sentence's punctuation.
_SEPARATOR = re.compile(r"(?<=\d)([,.])(?=\d)")


def in_style(text: str, digits: str | None) -> str:
    """A text's digits in the reader's style: Arabic-Indic with the Arabic thousands and decimal
    separators if the reader chose them, as written otherwise."""
    if digits != "arab":
        return text
    arabic = {",": THOUSANDS, ".": DECIMAL}
    return to_arabic_digits(_SEPARATOR.sub(lambda found: arabic[found.group(1)], text))


def digits_in_style(number: int | float, digits: str | None) -> str:
    """`number` grouped by thousands, in the reader's digit style."""
    return in_style(intcomma(number, use_l10n=False), digits)


def counted(
    number: int | float | None, noun: str, case: str = "nominative", digits: str | None = None
) -> str:
    """ "200 من مدربي الشرطة", "مدرّبَي شرطة" (two, genitive), "200 police trainers": `number`
    of `noun` (a key of NOUNS) in the active language, as a phrase in `case` ("nominative" or
    "genitive"). An unknown noun gives the number alone; no number gives a dash."""
    if number is None:
        return "–"
    shown = digits_in_style(number, digits)
    if noun not in NOUNS:
        return shown
    singular, plural = NOUNS[noun]
    whole = int(number) if float(number).is_integer() else 100  # a fraction reads as "other"
    return npgettext(CASES.get(case, NOMINATIVE), singular, plural, whole) % {"count": shown}
