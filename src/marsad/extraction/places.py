"""Which dictionary hits really name a place: generic words, shared names and their context.

Three checks run on a block's hits before the entities are resolved:
- an alias marked `ctx` (a town whose name is also a word: صور، حديثة، الباب) counts only
  right after a place word (في، مدينة، قرب، شمال ... "in", "near", "town of"; the word may
  carry a proclitic: لمخيم، بريف), with the preposition ب glued to it, or in a list after a
  place that stands ("جنين وطولكرم", "Hebron, Ramallah and Bethlehem");
- an alias marked `family` (القطاع، الشمال، المنطقة الوسطى for the Gaza Strip and its parts)
  counts only when the document also names the place, its parent or one of its parts by a name
  that needs no context: "القطاع الخاص" in an economics story is not the Gaza Strip;
- either kind followed by an adjective (a word with the article: القطاع الخاص، الشمال السوري)
  is no place at all;
- a name several places share (طرابلس in Lebanon and in Libya) goes to the one whose state the
  document names, else to the most populous (capitals first).
"""

from __future__ import annotations

from collections.abc import Mapping

from marsad.extraction.gazetteer import ENTITY, Actor, Match
from marsad.extraction.normalize import fold

_PLACE_WORDS = frozenset(
    fold(w)
    for w in (
        "في مدينة بلدة قرية محافظة قضاء ناحية منطقة مناطق قرب قربي ضواحي مشارف ريف حي مخيم "
        "شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط داخل أطراف محيط باتجاه "
        "بمدينة وبلدة ومدينة ببلدة بقرية وفي مدن بلدات قرى سكان أهالي أهل "
        "إلى حول عبر نحو حتى تحرير استعادة دخول اقتحام ولاية إقليم جبهة أحياء شوارع مخيمات "
        "رأسه قبالة مطار ميناء ولايات مقاطعة مقاطعات أقاليم إقليمي مديريات مستشفيات مستشفى "
        "العاصمة "
        "in near outside around town city village province district across from at into to "
        "toward towards of through on"
    ).split()
)
_AT = frozenset({"ب", "وب", "فب"})
# Before a name that is also a word of the language: only a noun that says a place follows.
_PLACE_NOUNS = frozenset(
    fold(w)
    for w in (
        "مدينة بلدة قرية محافظة قضاء ناحية بمدينة ببلدة بقرية ومدينة وبلدة وقرية لمدينة لبلدة "
        "مدن بلدات قرى مخيم مطار ميناء"
    ).split()
)
_CONTEXTUAL = frozenset({"ctx", "family", "word"})
# Nouns of a place whose adjective may follow the town's name ("مطار حماة العسكري").
_NOUN_OF = frozenset(fold(w) for w in "مطار ميناء قاعدة سجن مستشفى جامعة".split())


_ROOTS: dict[str, str] = {}


def root(actors: Mapping[str, Actor], actor_id: str) -> str:
    """The top of an actor's parent chain (a state for its towns, PS02 for Gaza's places)."""
    found = _ROOTS.get(actor_id)
    if found is not None:
        return found
    top, seen = actor_id, {actor_id}
    actor = actors.get(top)
    while actor is not None and actor.parent and actor.parent not in seen:
        seen.add(actor.parent)
        top = actor.parent
        actor = actors.get(top)
    _ROOTS[actor_id] = top
    return top


def _word_before(text: str, start: int) -> str:
    end = start
    while end > 0 and not text[end - 1].isalnum():
        if text[end - 1] in ".!?\n;:":
            return ""
        end -= 1
    begin = end
    while begin > 0 and text[begin - 1].isalnum():
        begin -= 1
    return text[begin:end]


# Words with the article that are no adjective of the name before them: relatives, and the
# days and times a report names right after the place ("وسط مالي اليوم").
_NOT_ADJECTIVES = frozenset(
    fold(w)
    for w in "إلى الذي التي الذين اللذين اللتين اللواتي إلا الآن اليوم الليلة الأحد الاثنين "
    "الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الماضي الماضية الجاري الجارية".split()
)


def _adjective_after(text: str, end: int) -> bool:
    """True when the next word, after one space, carries the article (an adjective here)."""
    if not (text.startswith(" ال", end) and end + 3 < len(text) and text[end + 3].isalnum()):
        return False
    stop = end + 1
    while stop < len(text) and text[stop].isalnum():
        stop += 1
    return text[end + 1 : stop] not in _NOT_ADJECTIVES


# Proclitics a place word may carry: "لمخيم جنين", "بريف حماة", "وبمحافظة صعدة".
_WORD_CLITICS = ("وب", "ول", "فب", "و", "ف", "ب", "ل")


# Words that name a state's institutions or people before its name: "حكومة مالي", "وزير
# خارجية بنين", "جيش مالي" (a word that is also a common one, مالي "financial", stands then).
_STATE_WORDS = frozenset(
    fold(w)
    for w in "حكومة خارجية دفاع داخلية رئيس رئاسة جيش سلطات شعب دولة حدود سفير سفارة برلمان "
    "مجلس وزراء قوات بلاد عاصمة".split()
)


def _place_word_before(text: str, hit: Match) -> bool:
    if hit.prefix in _AT:
        return True
    begin = hit.start - len(hit.prefix)
    word = _word_before(text, begin)
    words = _PLACE_WORDS | (_STATE_WORDS if hit.entry.lang == "ar" else frozenset())
    if word in words or any(word.startswith(c) and word[len(c) :] in words for c in _WORD_CLITICS):
        return True
    # "العاصمة التشادية نجامينا", "مدينة الحدودية …": a place noun and its nisba before the name
    if hit.entry.lang != "ar" or not (word.startswith("ال") and word.endswith(("يه", "ي"))):
        return False
    noun = _word_before(text, text.rfind(word, 0, begin))
    return noun in _CAPITAL_NOUNS


_CAPITAL_NOUNS = frozenset(fold(w) for w in "العاصمة عاصمة المدينة الولاية الإقليم".split())


_LIST_GLUE = frozenset({"", ",", "،", "and", "و", "or", "او"})


def _listed_after(text: str, hit: Match, place_ends: set[int]) -> bool:
    """A name in a list of places: "جنين وطولكرم وطوباس", "Hebron, Ramallah and Bethlehem"."""
    begin = hit.start - len(hit.prefix)
    if hit.prefix not in ("", "و"):
        return False
    for end in place_ends:
        if end <= begin and begin - end <= 6:
            glue = text[end:begin].strip()
            if glue in _LIST_GLUE or (hit.prefix == "و" and not glue):
                return True
    return False


def _listed_before(text: str, hit: Match, place_starts: dict[int, str]) -> bool:
    """A name that opens a list of places: "شملت جنين وطولكرم وطوباس", "Jenin, Tulkarm and
    Tubas"."""
    if hit.prefix not in ("", "و"):
        return False
    for begin, prefix in place_starts.items():
        if hit.end <= begin and begin - hit.end <= 6:
            glue = (text[hit.end : begin].strip() + prefix).strip()
            if glue in _LIST_GLUE:
                return True
    return False


def check(
    hits: list[Match], text: str, actors: Mapping[str, Actor], context: set[str]
) -> list[Match]:
    """The hits that stand, with `context` (the roots the document has named) brought up to
    date; see the module's docstring."""
    spans: dict[tuple[int, int], list[Match]] = {}
    for hit in hits:
        if hit.entry.category == ENTITY:
            spans.setdefault((hit.start, hit.end), []).append(hit)
    # Names with nothing doubtful (one entry, no context needed) stand and set the context; the
    # others are looked at below, and only they.
    sure: list[Match] = []
    doubtful: list[tuple[int, int]] = []
    for span, group in spans.items():
        # isdisjoint() rather than `&`: no set is made for each of a block's names
        if len(group) == 1 and _CONTEXTUAL.isdisjoint(group[0].entry.flags):
            sure.append(group[0])
            actor_id = group[0].entry.value
            context.add(root(actors, actor_id))
            state = actors[actor_id].state
            if state:
                context.add(state)
        else:
            doubtful.append(span)
    dropped = _quarters(sure, text, actors)
    if not doubtful:
        return [h for h in hits if id(h) not in dropped] if dropped else hits
    places = [h for h in sure if actors[h.entry.value].kind in ("place", "state")]
    # where places that stand end, for the names listed after them
    place_ends = {h.end for h in places}
    # where they begin (with the proclitic: "وطولكرم"), for the names listed before them
    place_starts = {h.start - len(h.prefix): h.prefix for h in places}
    for span in sorted(doubtful):
        group, end = spans[span], span[1]
        standing = [h for h in group if _stands(h, text, actors, context)]
        if not standing:
            standing = [
                h
                for h in group
                if "ctx" in h.entry.flags
                and actors[h.entry.value].kind == "place"
                and not (h.entry.lang == "ar" and _adjective_after(text, h.end))
                and (_listed_after(text, h, place_ends) or _listed_before(text, h, place_starts))
            ]
        if standing:
            place_ends.add(end)
        ids = list(dict.fromkeys(h.entry.value for h in standing))
        if len(ids) > 1 and all(actors[i].kind == "place" for i in ids):
            best = max(ids, key=lambda i: _rank(actors[i], actors, context))
            standing = [h for h in standing if h.entry.value == best]
            context.add(root(actors, best))
        kept = {id(h) for h in standing}
        dropped.update(id(h) for h in group if id(h) not in kept)
    if not dropped:
        return hits
    # the scan's order is kept: later steps break ties by it
    return [h for h in hits if id(h) not in dropped]


# Words of a town's quarter: the name after them is the quarter's, whatever town it names too.
_QUARTER = frozenset(
    fold(w) for w in "حي بحي وحي أحياء district neighbourhood neighborhood quarter".split()
)
_QUARTER_REACH = 5


def _quarters(sure: list[Match], text: str, actors: Mapping[str, Actor]) -> set[int]:
    """Place names that name a quarter of the town named right after: "حي دار السلام في مدينة
    أم درمان" is no Dar es Salaam, "the al-Nasr district of Gaza City" no town of al-Nasr."""
    places = sorted(
        (h for h in sure if actors[h.entry.value].kind == "place"), key=lambda h: h.start
    )
    dropped: set[int] = set()
    for hit, town in zip(places, places[1:], strict=False):
        if _word_before(text, hit.start - len(hit.prefix)).casefold() not in _QUARTER:
            continue
        if len(text[hit.end : town.start].split()) < _QUARTER_REACH:
            dropped.add(id(hit))
    return dropped


def _stands(hit: Match, text: str, actors: Mapping[str, Actor], context: set[str]) -> bool:
    flags = hit.entry.flags
    if not flags & _CONTEXTUAL:
        return True
    if hit.entry.lang == "ar" and _adjective_after(text, hit.end):
        # "مطار حماة العسكري": after a noun of a place the adjective is the noun's
        if "ctx" not in flags or _word_before(text, hit.start - len(hit.prefix)) not in _NOUN_OF:
            return False
    if "family" in flags:
        return root(actors, hit.entry.value) in context
    if "word" in flags:
        return not hit.prefix and _word_before(text, hit.start) in _PLACE_NOUNS
    return _place_word_before(text, hit)


def _rank(actor: Actor, actors: Mapping[str, Actor], context: set[str]) -> tuple[bool, int]:
    return root(actors, actor.id) in context, actor.population or 0
