"""Armed groups, parties and councils named in English, read from the words that name them:
a capitalised name ending in a capitalised noun of armed groups or bodies ("Yarmouk Martyrs
Brigade", "Gush Etzion Regional Council"), or a capitalised name before a lower-case one after
"the", an owner or a backer ("the Harakat al-Nujaba militia", "Aristide's Lavalas Family party",
"the Turkish-backed Ahrar al-Sharqiya faction"). group_names.py reads the Arabic ones and calls
`english` for each English noun of the dictionary scan."""

from __future__ import annotations

import re
from collections.abc import Callable

from marsad.extraction.gazetteer import ENTITY, Entry, Match

GROUP, ORGANIZATION, BODY = "GROUP:", "ORG:", "BODY:"

# Read on the lower-cased block, with the case of the original.
_TAILS = frozenset(
    "brigade brigades front movement army militia battalion battalions falcons group alliance "
    "coalition party council organization organisation network forces".split()
)
_LOWER_TAILS = frozenset(
    "militia group gang faction rebels movement brigade battalion party militiamen".split()
)
# What may stand before a name in place of "the": "Aristide's Lavalas Family party", "the
# Turkish-backed Ahrar al-Sharqiya faction". Men of a militia need none: "Wazalendo militiamen".
_INTRODUCED = re.compile(r"(?:\bthe |'s |[’']s |-(?:backed|based|led|linked|aligned|allied) )$")
_ORG_TAILS = frozenset("party council organization organisation network group".split())
_WORD_EN = re.compile(r"[a-z0-9][\w'’-]*")
_CAPITAL = re.compile(r"[A-Z]")
_CONNECTORS = frozenset("of in for".split())
_PARTICLES = ("al-", "el-", "ul-", "bin-", "ibn-")
# Capitalised words that describe a force rather than name it.
_GENERIC_EN = frozenset(
    "armed security special defence defense national popular revolutionary democratic "
    "liberation government federal royal regular allied joint rapid support mobile border "
    "internal interior air naval marine coalition international arab islamic central "
    "presidential republican military police engineering communications collection northern "
    "southern eastern western strike infantry armoured armored artillery commando reserve "
    "paratrooper paratroopers parachute".split()
)
# Capitalised words that open sentences or titles, not names.
_NOT_FIRST_EN = frozenset(
    "the a an this that these those its their his her our on in les le la".split()
)
# A single word before "group" or "militia" that describes it: "the Islamist group".
_ADJECTIVE_ENDINGS = ("ian", "ist", "ese", "ish", "an", "i", "ite")


def _introduced(text: str, at: int, tail: str) -> bool:
    """Whether a lower-case noun's name stands where a name does: after "the", an owner or a
    backer, or before men of a militia."""
    return tail == "militiamen" or _INTRODUCED.search(text, max(0, at - 12), at) is not None


# Nouns that open a body's name, its members after "of": "the Federation of Evangelical
# Churches and Missions", "the League of Public Secondary School Teachers".
_OPENERS = frozenset("federation league union association syndicate confederation".split())
_OF_WORDS = frozenset("of and for the in".split())
_OPENED_WORDS = 7


def _opened(
    text: str,
    original: str,
    to_original: Callable[[int], int],
    covered: bytearray,
    noun: Match,
    capital: Callable[[int, str], bool],
) -> Match | None:
    """The organisation a noun opens, named by the capitalised words after its "of"."""
    if text[noun.start : noun.end] not in _OPENERS or not text.startswith(" of ", noun.end):
        return None  # "the Arab League", "the African Union": named before the noun
    end = noun.end
    last = noun.end
    for word in _WORD_EN.finditer(text, noun.end, min(len(text), noun.end + 100)):
        if text[end : word.start()] != " " or covered_at(covered, word.start(), word.end()) >= 0:
            break
        w = word.group()
        if w in _OF_WORDS:
            end = word.end()
            continue
        if not capital(word.start(), w):
            break
        end = last = word.end()
        if len(text[noun.start : last].split()) > _OPENED_WORDS:
            break
    if last == noun.end or text.startswith(" (", last):
        return None  # "Union of Forces for Democracy and Development (UFDD)": acronyms.py
    name = " ".join(original[to_original(noun.start) : to_original(last)].split())
    return Match(noun.start, last, Entry(ENTITY, ORGANIZATION + name, "en"))


def covered_at(covered: bytearray, start: int, end: int) -> int:
    """Where a dictionary name or demonym covers [start, end), or -1."""
    name = covered.find(1, start, end)
    demonym = covered.find(2, start, end)
    found = [at for at in (name, demonym) if at >= 0]
    return min(found) if found else -1


def english(
    text: str,
    original: str,
    to_original: Callable[[int], int],
    covered: bytearray,
    tail: Match,
) -> Match | None:
    """The group or body whose name ends in, or stands before, the noun `tail`, if any."""

    def capital(at: int, word: str) -> bool:
        for particle in _PARTICLES:
            if word.startswith(particle) and len(word) > len(particle):
                at += len(particle)  # "al-Nujaba"
                break
        return original[to_original(at)].isupper()

    if _CAPITAL.search(original) is None:
        return None  # a block with no capital letter names no one
    t0, t1 = tail.start, tail.end
    said = text[t0:t1]
    if tail.prefix or covered_at(covered, t0, t1) >= 0:
        return None
    upper_tail = capital(t0, said)
    opened = _opened(text, original, to_original, covered, tail, capital) if upper_tail else None
    if opened is not None:
        return opened
    if not upper_tail and said not in _LOWER_TAILS:
        return None
    words: list[tuple[int, int]] = []
    edge = t0
    for word in reversed(list(_WORD_EN.finditer(text, max(0, t0 - 80), t0))):
        if text[word.end() : edge] != " " or covered_at(covered, word.start(), word.end()) >= 0:
            break
        w = word.group()
        if not upper_tail and w.endswith(("'s", "’s")):
            break  # "Aristide's Lavalas Family party": the owner ("People's Party" is a name)
        if w in _CONNECTORS and words:
            words.append(word.span())
        elif capital(word.start(), w) and w not in _NOT_FIRST_EN:
            words.append(word.span())
        else:
            break
        edge = word.start()
        if len(words) >= 5:
            break
    while words and text[words[-1][0] : words[-1][1]] in _CONNECTORS:
        words.pop()
    if not words:
        return None
    a = words[-1][0]
    if upper_tail:
        b = t1
    else:
        b = words[0][1]
        if not _introduced(text, a, said):
            return None  # "the X militia": a name before a noun, after its article
        if len(words) == 1 and text[a:b].endswith(_ADJECTIVE_ENDINGS):
            return None  # "the Palestinian group", "the Islamist militia"
    if all(text[s:e] in _GENERIC_EN or text[s:e] in _CONNECTORS for s, e in words):
        return None  # "Armed Forces", "Special Forces": a description, not a name
    name = " ".join(original[to_original(a) : to_original(b)].split())
    prefix = GROUP
    if said in _OPENERS:
        prefix = ORGANIZATION  # "the Haitian Medical Association", "the Workers' Union"
    elif upper_tail and said == "council":
        prefix = BODY
    elif said == "party" or upper_tail and said in _ORG_TAILS:
        prefix = ORGANIZATION
    return Match(a, b, Entry(ENTITY, prefix + name, "en"))
