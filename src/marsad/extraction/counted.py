"""Victims named by a count: the party whose armed men a toll counts is the act's target
("مقتل 30 من مسلحي حركة الشباب", "killed 40 Taliban insurgents"). victims.py reads them with the
other victims of an act."""

from __future__ import annotations

import re

from marsad.extraction.figures import find_numbers
from marsad.extraction.gazetteer import Match
from marsad.extraction.slots import Sentence, candidates, word_start

# Nouns of armed men, folded, as they stand counted: "30 من مسلحي", "12 عنصراً", "ثلاثة مقاتلين".
_MEN_AR = ("مسلح", "مقاتل", "عناصر", "عنصر", "متمرد", "افراد", "ميليشي")
_MEN_EN = frozenset(
    "fighters militants insurgents members rebels gunmen operatives commanders combatants "
    "militiamen jihadists".split()
)


def counted_men(sent: Sentence) -> list[Match]:
    """The party whose men a count numbers: "مقتل 30 من مسلحي حركة الشباب", "قتل 25 من عناصر
    بوكو حرام", "ثلاثة مسلحين حوثيين", "killed 40 Taliban insurgents". Men counted are the dead,
    the wounded or the captured, so their party is the target, never the one who acted."""
    tolls = sent.of("MEAS:killed", "MEAS:injured")
    if not tolls:
        return []  # "هاجم 30 من مسلحي حركة الشباب": men counted with no toll did the act
    found = []
    for match in candidates(sent):
        if match.entry.lang == "en":
            lead = sent.text[max(sent.start, match.start - 16) : match.start].split()
            after = sent.text[match.end : min(sent.end, match.end + 16)].split()
            if lead and _count(lead[-1]) and after and after[0].strip(",.") in _MEN_EN:
                if _told(sent, tolls, match):
                    found.append(match)
            continue
        begin = word_start(match)
        words = list(_WORD.finditer(sent.text, max(sent.start, begin - 60), begin))[-5:]
        men = [i for i, w in enumerate(words) if w.group().lstrip("و").startswith(_MEN_AR)]
        # a demonym right after the men, or a party right after them or after a word of its
        # name ("مسلحي حركة الشباب")
        if not men or len(words) - men[-1] > (1 if match.entry.adjective else 2):
            continue
        at = men[-1] - 1
        if at >= 0 and words[at].group() == "من":
            at -= 1
        if at < 0 or not _count(words[at].group()) or not _told(sent, tolls, match):
            continue
        if any(0 <= words[at].start() - t.end <= 1 for t in sent.of("T:attack")):
            continue  # "هاجم 30 من مسلحي حركة الشباب": the men counted did it
        found.append(match)
    return found


def _told(sent: Sentence, tolls: list[Match], match: Match) -> bool:
    """Whether a toll's word stands a few words before the counted men ("مقتل 30 من مسلحي",
    "قتل الجيش النيجيري 25 من عناصر"), or an English passive of one right after them ("40
    Taliban fighters were killed"; an Arabic verb after them may be theirs: "وقتلوا")."""
    for toll in tolls:
        if toll.end <= match.start and sent.words(toll.end, match.start) <= 6:
            return True
        if match.end <= toll.start and match.entry.lang == "en":
            between = sent.text[match.end : toll.start]
            if sent.words(match.end, toll.start) <= 3 and _PASSIVE.search(between):
                return True
    return False


_WORD = re.compile(r"\S+")
_PASSIVE = re.compile(r"\b(?:were|was|have been|had been|are)\b")


def _count(word: str) -> bool:
    word = word.strip(",.،")
    return bool(word) and (word[0].isdigit() or bool(find_numbers(word))) and not is_year(word)


def is_year(word: str) -> bool:
    """A year written as four digits, not a count ("Since October 2023, Israeli attacks")."""
    return word.isdigit() and len(word) == 4 and 1900 <= int(word) <= 2100
