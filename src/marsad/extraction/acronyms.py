"""Names told with their short form in parentheses.

News names a group, a mission or a body its readers may not know in full once, with its short
form after it, and by the short form alone afterwards: "the Movement for Oneness and Jihad in
West Africa (MUJAO)", "the Volunteers for the Defence of the Homeland (VDP)", "بعثة الاتحاد
الأفريقي في السودان (أميس)". Each is one entity: the full name (when no dictionary name lies
inside it), the short form and its later mentions. The id is `GROUP:` or `ORG:` with the short
form as written, since the short form is what the rest of the text uses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from marsad.extraction.gazetteer import ENTITY, Actor, Entry, Match, name_mask
from marsad.extraction.group_names_en import GROUP, ORGANIZATION
from marsad.extraction.normalize import fold

# A short form in parentheses: Latin capitals (with digits: "M23"), or one or two Arabic words.
_SHORT_EN = re.compile(r"\(([a-z][a-z0-9-]{1,9})\)")
_SHORT_AR = re.compile(r"\(([\u0621-\u064a]{3,12}(?: [\u0621-\u064a]{2,12})?)\)")
_WORD_EN = re.compile(r"[a-z0-9][\w'’.-]*")
_WORD_AR = re.compile(r"[\u0621-\u064a]+")
_CONNECTORS_EN = frozenset("of for and the in de du des la le al el".split())
# The last word of an English name that makes it an armed group; else a body or organisation.
_ARMED_EN = frozenset(
    "movement front army brigade brigades group forces force volunteers militia battalion "
    "alliance coalition rebels fighters guard jihad".split()
)
# The nouns an Arabic full name opens with, and whether they name an armed group.
_HEADS_AR = {
    fold(w): GROUP
    for w in "حركة جماعة تنظيم جبهة قوات قوة ميليشيا كتائب لواء تحالف جيش فصائل".split()
} | {
    fold(w): ORGANIZATION
    for w in "بعثة منظمة مكتب وكالة هيئة لجنة مجلس اتحاد رابطة نقابة جمعية مفوضية".split()
}
# Words for a group's people that open a sentence before its name: "Rebels of the Union of …".
_MEMBERS_EN = frozenset(
    "rebels fighters members militants soldiers troops leaders supporters officials units "
    "commanders a an".split()
)
_MAX_WORDS = 10
# The kinds of party a short form stands for: never a state or a place ("Afghanistan (AP)" is a
# dateline).
_SHORTENED_KINDS = frozenset({"organization", "body", "armed_group", "force", "office"})
# Words in parentheses that caption a picture or a report, not a name.
_NOT_SHORT = frozenset(
    fold(w) for w in "صور صورة فيديو أرشيف أرشيفية تحديث محدث خاص AP AFP UPI PDF".split()
)


def find(
    text: str,
    original: str,
    to_original: Callable[[int], int],
    hits: list[Match],
    actors: Mapping[str, Actor],
) -> list[Match]:
    """Matches for the names with a short form in parentheses and for the short form's later
    mentions, none over the name of a party the dictionaries know (a place inside the name is
    part of it: "… in West Africa (MUJAO)")."""
    if "(" not in text:
        return []  # most blocks
    parties = [
        m
        for m in hits
        if m.entry.category == ENTITY and actors[m.entry.value].kind in _SHORTENED_KINDS
    ]
    ends = {m.end: m for m in parties if not m.entry.adjective}
    covered = name_mask(text, parties)
    found: list[Match] = []
    for pattern in (_SHORT_EN, _SHORT_AR):
        for short in pattern.finditer(text):
            s0, s1 = short.span(1)
            written = " ".join(original[to_original(s0) : to_original(s1)].split())
            if covered.find(1, s0, s1) >= 0 or fold(written) in _NOT_SHORT:
                continue  # a known name ("(UNIFIL)", "(مينوسما)"), a picture's caption
            if pattern is _SHORT_EN and not written.replace("-", "").isupper():
                continue  # "(photo)", "(File)": a short form is written in capitals
            # "بعثة الاتحاد الأفريقي في السودان (أميس)": the short form of a known name
            edge = short.start()
            while edge > 0 and text[edge - 1].isspace():
                edge -= 1
            known = ends.get(edge)
            if known is not None:
                entry, a = known.entry, short.start()
            else:
                named = (
                    _full_en(text, original, to_original, short.start())
                    if pattern is _SHORT_EN
                    else _full_ar(text, short.start())
                )
                if named is None:
                    continue
                prefix, a, b = named
                if covered.find(1, a, b) >= 0:
                    continue  # a known name inside: a caption or a note, not a name
                entry = Entry(ENTITY, prefix + written, "ar" if pattern is _SHORT_AR else "en")
                found.append(Match(a, b, entry))
            found.append(Match(s0, s1, entry))
            covered[a:s1] = b"\x01" * (s1 - a)
            found += _later(text, short.group(1), s1, covered, entry)
    return found


def _full_en(
    text: str, original: str, to_original: Callable[[int], int], at: int
) -> tuple[str, int, int] | None:
    """The capitalised words (and connectors) right before an English short form."""
    words: list[tuple[int, int]] = []
    edge = at
    for word in reversed(list(_WORD_EN.finditer(text, max(0, at - 120), at))):
        if text[word.end() : edge].strip():
            break
        w = word.group()
        upper = original[to_original(word.start())].isupper()
        if not upper and w not in _CONNECTORS_EN:
            break
        words.append(word.span())
        edge = word.start()
        if len(words) >= _MAX_WORDS:
            break
    while words and (
        text[words[-1][0] : words[-1][1]] in _CONNECTORS_EN
        or text[words[-1][0] : words[-1][1]] in _MEMBERS_EN
    ):
        words.pop()  # "the", "of" before the first capital; "Rebels of the Union of …"
    if len(words) < 2:
        return None  # one word is a place or a person as often as a group: "Gao (Mali)"
    armed = any(text[a:b] in _ARMED_EN for a, b in words)
    return (GROUP if armed else ORGANIZATION), words[-1][0], words[0][1]


def _full_ar(text: str, at: int) -> tuple[str, int, int] | None:
    """The Arabic name right before a short form, from the noun it opens with."""
    words = list(_WORD_AR.finditer(text, max(0, at - 120), at))[-_MAX_WORDS:]
    if not words or text[words[-1].end() : at].strip():
        return None
    # the nearest noun without its article opens the name ("بعثة الاتحاد الأفريقي": الاتحاد
    # is the mission's complement); failing one, the nearest with it
    for clitics in (("و", "ب", "ل", ""), ("وال", "بال", "لل", "ال")):
        for word in reversed(words):
            head = word.group()
            for clitic in clitics:
                if head.startswith(clitic) and head[len(clitic) :] in _HEADS_AR:
                    kind = _HEADS_AR[head[len(clitic) :]]
                    return kind, word.start() + len(clitic), words[-1].end()
    return None


def _later(text: str, short: str, after: int, covered: bytearray, entry: Entry) -> list[Match]:
    """The short form's own mentions after it, as a whole word, a proclitic before an Arabic
    one allowed ("MUJAO said", "وقالت أميس"): a plain search, its edges checked by hand."""
    found = []
    at = text.find(short, after)
    while at >= 0:
        end = at + len(short)
        before = text[at - 1] if at else " "
        lead = text[max(0, at - 2) : at]
        whole_end = end == len(text) or not _LETTER.match(text, end)
        whole_start = (
            not _LETTER.match(before)
            or lead in ("ال", "وال")
            or (before in "وبلف" and (at < 2 or not _LETTER.match(text, at - 2)))
        )
        if whole_start and whole_end and covered.find(1, at, end) < 0:
            found.append(Match(at, end, entry))
        at = text.find(short, end)
    return found


_LETTER = re.compile(r"[\w\u0621-\u064a]")
