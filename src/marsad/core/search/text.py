"""How text becomes search terms, the same way for what is indexed and what is asked.

Arabic is folded by the extraction core (`extraction.normalize.fold`: diacritics, tatweel, alef
and hamza forms, ى→ي, ة→ه, digits) and lightly stemmed: the article and conjunctions in front,
the common plural and pronoun endings behind. A word is indexed under every reading of its
proclitics (بيت stays بيت and also gives يت), so a reader asking for the bare word finds it
written with them, and a reader asking with them (بإيطاليا) is asked for the bare word too.
Place and person names written as one word or two (خان يونس, خانيونس) are indexed both ways.
English words are stemmed with Snowball's English stemmer. Both engines then index these terms
as plain words (FTS5's unicode61, PostgreSQL's `simple` configuration), so they agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from html import escape
from itertools import chain

import snowballstemmer

from marsad.extraction.normalize import fold

# Hamza on its carriers is written either way (مسؤول, مسئول): search reads both as hamza.
_HAMZA = str.maketrans({"ؤ": "ء", "ئ": "ء"})

# Longer than any query a reader types; the rest is ignored rather than refused.
MAX_QUERY = 200
# Words a query is made of at most (each is one term, or a few alternatives, of an AND).
MAX_WORDS = 12

_WORD = re.compile(r"[^\W_]+")
_ARABIC = re.compile(r"[\u0600-\u06ff]")

# The article and conjunction forms light stemmers strip (Larkey's light10, after folding).
_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
# Prepositions written on the word: stripped only as an extra reading, since many words begin
# with these letters (بيت, لبنان, كتاب).
_PREPOSITIONS = ("ب", "ل", "ك")
# Plural, dual, relative and pronoun endings (ة is folded to ه already), longest first.
_SUFFIXES = ("هما", "كما", "ها", "هم", "كم", "نا", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
# The first word of names written as one word or two.
_HEADS_AR = frozenset({"خان", "بيت", "دير", "بني", "ابو", "ام", "عبد", "عين", "تل", "راس", "كفر"})
_HEADS_EN = frozenset({"khan", "beit", "deir", "bani", "beni", "abu", "umm", "abd", "ras"})
# Words that may begin a two-word name, as written or after a proclitic (`_bare`).
_HEADS = _HEADS_AR | _HEADS_EN

# Words readers type as operators out of habit: dropped from queries (never passed on).
_OPERATORS = frozenset({"and", "or", "not", "near"})

_english = snowballstemmer.stemmer("english")


def _strip_suffix(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            return word[: -len(suffix)]
    return word


def _strip_article(word: str) -> str:
    for article in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            return word[len(article) :]
    return word


def _stem(word: str) -> str:
    return _strip_suffix(_strip_article(word))


def _bare(word: str) -> list[str]:
    """`word` under every reading of its proclitics: as written, without a conjunction, without
    a preposition written on it."""
    bare = [word]
    if word[0] in "وف" and len(word) >= 4:
        bare.append(word[1:])
    for candidate in list(bare):
        if candidate[0] in _PREPOSITIONS and len(candidate) >= 4:
            bare.append(candidate[1:])
    return bare


def _arabic_readings(word: str) -> set[str]:
    """Every stem `word` may be, one per reading of its proclitics."""
    return {_stem(candidate) for candidate in _bare(word)}


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text.translate(_HAMZA)))


def _is_arabic(word: str) -> bool:
    return bool(_ARABIC.match(word))


def _latin(word: str) -> str:
    # Every rule of the English stemmer ends in a letter, so a word ending in a digit (an
    # event's id, a year) comes back as it is: asking it would only cost time, once per id.
    if word[-1].isdigit():
        return word
    return str(_english.stemWord(word))


@lru_cache(maxsize=100_000)
def _word_terms(word: str) -> tuple[str, ...]:
    # Words repeat (a vocabulary is small beside a corpus): each is analysed once.
    if not _is_arabic(word):
        return (_latin(word), *(_latin(part) for part in _split_compound(word, _HEADS_EN)))
    terms = _arabic_readings(word)
    for candidate in _bare(word):
        terms.update(_stem(part) for part in _split_compound(candidate, _HEADS_AR))
    return tuple(sorted(terms))


def _joined(word: str, following: str) -> tuple[str, ...]:
    """A name's two words as the one word some write it as (خان يونس, خانيونس)."""
    # Most words are no head, however read: three set lookups settle it before any analysis.
    if not following or not (word in _HEADS or word[1:] in _HEADS or word[2:] in _HEADS):
        return ()
    return _joined_terms(word, following)


@lru_cache(maxsize=20_000)
def _joined_terms(word: str, following: str) -> tuple[str, ...]:
    if _is_arabic(word) != _is_arabic(following):
        return ()
    if _is_arabic(word):
        return tuple(
            _stem(candidate + following) for candidate in _bare(word) if candidate in _HEADS_AR
        )
    return (_latin(word + following),) if word in _HEADS_EN else ()


def index_terms(text: str) -> Iterator[str]:
    """The terms `text` is indexed under (repeats included: engines count them)."""
    words = _words(text)
    for position, word in enumerate(words):
        yield from _word_terms(word)
        yield from _joined(word, words[position + 1] if position + 1 < len(words) else "")


def _split_compound(word: str, heads: Iterable[str]) -> list[str]:
    for head in heads:
        if word.startswith(head) and len(word) - len(head) >= 3:
            return [head, word[len(head) :]]
    return []


# Parts shorter than this (titles, names, places) repeat across records: their terms are kept.
_SHORT_PART = 300


@lru_cache(maxsize=100_000)
def _word_text(word: str) -> str:
    # A word's terms as they stand in the index text (never empty: a word has one at least).
    return " ".join(_word_terms(word))


def _terms_text(text: str) -> str:
    """`" ".join(index_terms(text))`, a word's terms joined once per distinct word: a record's
    notes differ from the next one's, their words mostly do not."""
    words = _words(text)
    found = []
    last = len(words) - 1
    for position, word in enumerate(words):
        found.append(_word_text(word))
        # As `_joined`, which a word that is no head leaves at the first of these lookups.
        if position < last and (word in _HEADS or word[1:] in _HEADS or word[2:] in _HEADS):
            joined = _joined_terms(word, words[position + 1])
            if joined:
                found.append(" ".join(joined))
    return " ".join(found)


@lru_cache(maxsize=50_000)
def _short_terms(part: str) -> str:
    return _terms_text(part)


def index_text(*parts: str) -> str:
    """What the engines index for a record: its terms separated by spaces."""
    found = []
    for part in parts:
        if not part:
            continue
        terms = _short_terms(part) if len(part) < _SHORT_PART else _terms_text(part)
        if terms:
            found.append(terms)
    return " ".join(found)


# What `index_text_after` accepts between a prefix and the text it is put in front of.
_JOIN = ": "


@lru_cache(maxsize=1_000)
def _prefix_terms(prefix: str) -> str | None:
    """The terms of `prefix` (a label ending in ": "), or None when they may depend on what
    follows it: when its last word may begin a two-word name with the next text's first word
    (`_joined`), or when it holds a character other than ASCII and basic Arabic (folding lowers
    a text's Greek sigma by its context, and takes another way through a text holding
    compatibility forms, `extraction.normalize`; for these two blocks every way agrees)."""
    if not prefix.endswith(_JOIN) or not all(
        c.isascii() or "\u0600" <= c <= "\u06ff" for c in prefix
    ):
        return None
    words = _words(prefix)
    if words and (words[-1] in _HEADS or words[-1][1:] in _HEADS or words[-1][2:] in _HEADS):
        return None
    return _terms_text(prefix)


def index_text_after(prefix: str, terms: str) -> str | None:
    """`index_text(prefix + text)` from `terms`, the `index_text(text)` known already (a claim's
    search title is its type's label, ": " and its document's title, whose terms the extraction
    worker analysed); None when it cannot be told that way. Folding and the words are made a
    character at a time, and ": " ends a word on either side, so the words are the prefix's then
    the text's; a term across the two exists only after a word that may begin a name."""
    head = _prefix_terms(prefix)
    if head is None:
        return None
    return " ".join(part for part in (head, terms) if part)


def query_terms(query: str) -> list[list[str]]:
    """A reader's query as an AND of words, each an OR of the stems it may be.

    Operators, quotes and any punctuation are dropped (they are not words), so nothing a reader
    types reaches an engine's own query syntax; a query of diacritics alone has no words.
    """
    groups: list[list[str]] = []
    for word in _words(query[:MAX_QUERY]):
        if word in _OPERATORS:
            continue
        options = _arabic_readings(word) if _is_arabic(word) else {_latin(word)}
        group = sorted(options)
        if group not in groups:
            groups.append(group)
    return groups[:MAX_WORDS]


# A word as written: letters and digits with the marks and tatweel that may sit inside it.
_SURFACE = re.compile(r"(?:[^\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640])+")


@lru_cache(maxsize=100_000)
def _surface_terms(word: str) -> frozenset[str]:
    folded = _words(word)
    return frozenset(_word_terms(folded[0])) if folded else frozenset()


def snippet(text: str, groups: list[list[str]], width: int = 220) -> str:
    """HTML: a window of `text` around its first word answering the query, every such word in
    <mark>, everything else escaped. The start of the text when no word answers."""
    wanted = {term for group in groups for term in group}
    words = _SURFACE.finditer(text)
    first = next((m for m in words if _surface_terms(m.group()) & wanted), None) if wanted else None
    start = 0
    if first and first.start() > width // 3:
        start = text.rfind(" ", 0, first.start() - width // 3) + 1
    end = min(len(text), start + width)
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + width // 2)
    parts = ["…" if start else ""]
    cursor = start
    # The words after the first, read only as far as the window goes.
    for match in chain([first], words) if first else ():
        if match.end() > end:
            break
        if match is not first and not _surface_terms(match.group()) & wanted:
            continue
        parts += [escape(text[cursor : match.start()]), f"<mark>{escape(match.group())}</mark>"]
        cursor = match.end()
    parts += [escape(text[cursor:end]), "…" if end < len(text) else ""]
    return "".join(parts)
