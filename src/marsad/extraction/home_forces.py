"""Soldiers, police and their posts hit with no owner named, and the state they belong to:
the state where they are hit ("killing seven soldiers … in northern Burkina Faso", "هاجم مسلحون
مركزاً للشرطة في مدينة كركوك"). Not men who act, are sent or retired, nor men of a force the
dictionaries lack. roles.home_state reads the state as an attack's target."""

from __future__ import annotations

from marsad.extraction.gazetteer import Match
from marsad.extraction.normalize import fold
from marsad.extraction.slots import Sentence
from marsad.extraction.victims import TIES, active_en, victim_nouns

# Words before a state that say the act happened there.
IN_WORDS = frozenset(fold(w) for w in "in inside across throughout في داخل أنحاء".split())
# Words that place a facility near or in a part of a state.
NEAR_WORDS = frozenset(
    fold(w)
    for w in "near قرب بالقرب شرقي غربي شمالي جنوبي شمال جنوب شرق غرب وسط eastern western "
    "northern southern central".split()
)


def bare_forces(sent: Sentence, trigger: Match) -> list[Match]:
    """Victim nouns of a state's soldiers, police or posts that name no owner: "killing seven
    soldiers", "an army base", "قُتل شرطيان", "هاجم مسلحون حاجزاً أمنياً". Whose they are is
    told by where they are hit (`home_of`). None when soldiers act in the sentence
    ("Soldiers shot dead two men at a checkpoint", "… before troops arrived")."""
    if trigger.entry.lang == "en" and _forces_act(sent):
        return []
    return [
        noun
        for noun, owners in victim_nouns(sent, trigger)
        if not owners and _of_forces(sent, noun)
    ]


def _forces_act(sent: Sentence) -> bool:
    """An English noun of soldiers or police with a verb right after it, or after a word of
    time: the men act ("soldiers manning a checkpoint", "before troops arrived")."""
    for noun in sent.of("VICTIM"):
        if sent.text[noun.start : noun.end].lower() not in _FORCES_EN:
            continue
        tail = sent.text[noun.end : min(sent.end, noun.end + 20)].split()[:1]
        lead = sent.text[max(sent.start, noun.start - 12) : noun.start].lower().split()[-1:]
        verb = bool(tail) and (active_en(tail[0]) or tail[0].endswith("ing"))
        if verb or (lead and lead[0] in _TIME_EN):
            return True
    return False


# English words of time before a noun of men that then act: "before troops arrived".
_TIME_EN = frozenset("before after when until as once".split())


# Victim nouns that always name a state's men or posts (folded).
_FORCES_AR = frozenset(
    fold(w)
    for w in "جنود جندي جنديا جنديين جنديان جنودا عسكريين عسكريا مجندا مجندين حاجز حواجز ثكنه "
    "مخفر مخافر شرطي شرطيا شرطيين شرطيان".split()
)
# Victim nouns that do when a word of a service follows: "نقطة تفتيش", "دورية للأمن العام",
# "عنصراً من قوات الأمن", "القوات الحكومية".
_POSTS_AR = frozenset(
    fold(w)
    for w in "نقطه مركز مقر مقرات مقار موقع مواقع موقعا قاعده قواعد دوريه دوريات قافله موكب "
    "مدرعه حافله عنصر عنصرا عنصرين عنصران عناصر افراد اهداف منشات معسكر معسكرات مخازن "
    "مستودعات".split()
)
_SERVICE_WORDS = frozenset(
    fold(w)
    for w in "عسكري عسكريه عسكريا عسكريين امني امنيه امنيا تفتيش الجيش للجيش الشرطه للشرطه "
    "الامن للامن الحكوميه الحكومه العسكري الحكومي".split()
)
_FORCES_EN = frozenset(
    {"soldiers", "soldier", "troops", "servicemen", "policemen", "police officer"}
    | {"police officers", "barracks", "checkpoint", "checkpoints", "outpost", "outposts"}
    | {"army post", "police post", "police station", "police stations", "army base"}
    | {"military base", "air base"}
)
_POSTS_EN = frozenset(
    "base bases positions position posts post convoy patrol camp sites site targets facilities "
    "installations".split()
)
_SENT = frozenset(
    fold(w) for w in "send sent sending deploy deployed deploying dispatch ارسال نشر".split()
)
_FORMER_AR = frozenset(fold(w) for w in "المتقاعدين المتقاعدون متقاعدين السابقين سابقين".split())
_OTHERS_EN = frozenset(
    "coalition foreign international allied peacekeeping rebel rebels' militia opposition "
    "insurgent pro-government mission nato un".split()
)
_FORCE_LEAD_EN = frozenset("army military government security police army-escorted".split())


def _of_forces(sent: Sentence, noun: Match) -> bool:
    said = sent.text[noun.start : noun.end]
    lead = sent.text[max(sent.start, noun.start - 30) : noun.start].lower().split()
    if set(lead[-2:]) & _SENT:
        return False  # "will not send soldiers", "إرسال جنود": a contribution, not victims
    if noun.entry.lang == "ar":
        word = fold(said)
        tail = [fold(w) for w in sent.text[noun.end : min(sent.end, noun.end + 50)].split()]
        if tail and tail[0] in _FORMER_AR:
            return False  # "العسكريين المتقاعدين": retired men, not a state's
        if word in _FORCES_AR:
            # "جندياً من قوات الحزام الأمني": men of a force the dictionaries do not know
            return not (tail and tail[0] in TIES) or bool(set(tail[1:3]) & _SERVICE_WORDS)
        owned = any(w.startswith("لل") and w not in _SERVICE_WORDS for w in tail[:3])
        # "معسكرات عسكرية للمعارضة": someone else's
        return word in _POSTS_AR and bool(set(tail[:3]) & _SERVICE_WORDS) and not owned
    word = said.lower()
    if lead and lead[-1] in _OTHERS_EN:
        return False  # "coalition troops", "rebel positions": someone else's
    if word in _FORCES_EN:
        return True
    return word in _POSTS_EN and bool(lead) and lead[-1] in _FORCE_LEAD_EN


def home_of(sent: Sentence, forces: list[Match]) -> str | None:
    """The state whose soldiers, police or posts these are: "killing seven soldiers … in
    northern Burkina Faso", "هاجم مسلحون مركزاً للشرطة في بلدة كروا دي بوكيه" (Haiti): the
    state of the place named nearest them. Gaza's and the West Bank's towns name no
    government."""
    # a town the dictionaries place in no state, told right after the noun, still tells where
    # ("قاعدة عسكرية في مدينة صفد"), with the state named right after it if one is
    placed = [
        (abs(m.start - noun.start), _where_state(sent, m) or _state_after(sent, m))
        for noun in forces
        for m in sent.entities
        if (_where_state(sent, m) and _close(sent, noun, m))
        or (sent.kind(m) == "place" and m.start > noun.end and sent.words(noun.end, m.start) <= 4)
    ]
    state = min(placed)[1] if placed else ""
    if state in ("", "PSE") or state not in sent.actors or sent.actors[state].kind != "state":
        return None
    return state


# Words at most between soldiers hit and the place that tells whose they are.
_HOME_REACH = 14
_RELATIVES = frozenset(fold(w) for w in "who whom whose الذي التي الذين".split())


def _close(sent: Sentence, noun: Match, match: Match) -> bool:
    """Near the noun, and not in a relative clause about someone else ("… carried out by a
    militant who had trained in Yemen")."""
    a, b = (noun.end, match.start) if match.start >= noun.end else (match.end, noun.start)
    between = set(sent.text[a:b].split())
    return sent.words(a, b) <= _HOME_REACH and not between & _RELATIVES


def _state_after(sent: Sentence, place: Match) -> str:
    """The state named at most three words after a town: "Mocimboa da Praia in Mozambique's
    north"."""
    for match in sent.entities:
        if match.start >= place.end and sent.words(place.end, match.start) <= 3:
            state = _where_state(sent, match)
            if state:
                return state
    return ""


# Nouns of a place that a demonym or a state's possessive describes: "the Lebanese border town
# of Arsal", "Kano, Nigeria's second-largest city", "العاصمة الصومالية".
_PLACE_NOUNS = frozenset(
    fold(w)
    for w in "town city village province region capital border district state العاصمه مدينه "
    "بلده قريه محافظه ولايه اقليم منطقه الحدود".split()
)


def _where_state(sent: Sentence, match: Match) -> str | None:
    """The state a place, a state named after "in" or a demonym of a place noun puts the act
    in."""
    kind = sent.kind(match)
    if kind == "place":
        return sent.actors[match.entry.value].parent
    if kind != "state":
        return None
    lead = fold(sent.text[max(sent.start, match.start - 30) : match.start]).casefold().split()
    tail = fold(sent.text[match.end : min(sent.end, match.end + 40)]).casefold().split()
    if not match.entry.adjective:
        placed_in = bool(lead) and (lead[-1] in IN_WORDS or lead[-1] in NEAR_WORDS)
        if placed_in or match.prefix in ("ب", "وب", "في"):
            return match.entry.value
        said = sent.text[match.start : match.end]
        possessive = said.endswith(("'s", "’s")) or (tail and tail[0] in ("'s", "’s"))
        return match.entry.value if possessive and set(tail[:5]) & _PLACE_NOUNS else None
    english = match.entry.lang == "en"
    # "the Lebanese border town", "northern Afghan city"; "العاصمة الصومالية", "بلدة … اللبنانية"
    described = tail[:2] if english else lead[-2:]
    return match.entry.value if set(described) & _PLACE_NOUNS else None
