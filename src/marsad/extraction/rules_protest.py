"""Protests: demonstrations, riots, strikes and sit-ins (the contract's `protest`, ACLED's
protests and riots).

One claim per form the sentence names. A riot (protesters storming, burning, looting) is the
demonstration it grew out of, so it replaces it; a strike or a sit-in is the more precise form
and replaces a plain demonstration too. "In protest at" (احتجاجاً على) explains another act and
is no protest of its own. The actor is the organisers or participants when the text names them
(rarely: "supporters of Hezbollah"); the recipient is whom the protest addresses ("demanding the
resignation of X", "برحيل X", the embassy of a state)."""

from __future__ import annotations

import re
from dataclasses import replace

from marsad.extraction.draft import Draft
from marsad.extraction.gazetteer import Match
from marsad.extraction.normalize import fold
from marsad.extraction.persons_words import AR_TITLES
from marsad.extraction.rules_acts import crowd_act
from marsad.extraction.rules_attack import place_near
from marsad.extraction.rules_speech import statement
from marsad.extraction.slots import Sentence, after, allowed, before, ids, word_start

_WHO = frozenset({"state", "organization", "person", "office", "armed_group", "body"})
_MOTIVE = ("احتجاجا", "احتجاج علي", "in protest", "protest at", "protest over", "protest against")
_PARTICIPANTS = frozenset({"supporters", "members", "انصار", "مناصرون", "مناصري", "مناصرين"})


# Words before a protest noun that make it a right, not an event: "حق التظاهر", "الحق في
# التظاهر السلمي", "freedom of assembly and protest", "the right to protest" (folded).
_RIGHT = frozenset(fold(w) for w in "حق الحق حرية وحرية right freedom".split())


def _motive(sent: Sentence, cue: Match) -> bool:
    """ "in protest at", "احتجاجاً على": a reason given for another act; "حق التظاهر": a
    right."""
    word = sent.text[cue.start - len(cue.prefix) : cue.end]
    if word in ("احتجاجا", "واحتجاجا"):
        return True
    lead = sent.text[
        max(sent.start, cue.start - len(cue.prefix) - 16) : cue.start - len(cue.prefix)
    ]
    words = lead.casefold().split()[-3:]
    if words and words[-1] in ("في", "to", "of") and len(words) > 1:
        words.pop()  # "الحق في التظاهر", "the right to protest", "freedom of assembly"
    if words and words[-1] in _RIGHT:
        return True
    before_text = sent.text[max(sent.start, cue.start - 4) : cue.start]
    return cue.entry.lang == "en" and before_text.endswith("in ")


def protests(sent: Sentence) -> list[Draft]:
    """The protest claims of a sentence."""
    cues = [c for c in sent.of("T:protest") if not _motive(sent, c) and allowed(sent, c)]
    cues = [c for c in cues if not _RIOT_GEAR.match(sent.text, c.end)]
    if sent.discourse.protest_told:
        # "وقالت المفوضية إن أربعة متظاهرين قتلوا": the crowd of the protest told before
        cues = [c for c in cues if not _crowd_noun(sent, c)]
    if sent.discourse.protest_told or any(not _dispersed(sent, c) for c in cues):
        # "fired tear gas to disperse the crowd": the crowd of a protest told already
        cues = [c for c in cues if not _dispersed(sent, c)]
    cues += _stormed(sent)
    cues = [c for c in cues if "k" not in c.entry.flags or _crowd_did(sent, c)]
    if not cues:
        return []
    forms: dict[str, Match] = {}
    for cue in cues:
        forms.setdefault(cue.entry.value, cue)
    riot = forms.get("riot")
    if riot is not None and not (set(forms) - {"riot"}) and riot.entry.lang == "en":
        # "stormed", "set fire to" alone are riots only when protesters do them; "rioted",
        # "rioters" name the crowd themselves
        said = sent.text[riot.start : riot.end].casefold()
        if not said.startswith("riot") and (not _crowd(sent) or _armed_act(sent)):
            return []
    march = forms.get("demonstration")
    precise = [forms[f] for f in ("strike", "sit_in") if f in forms]
    if march is not None and (riot is not None or any(_near(sent, march, p) for p in precise)):
        # a riot grew out of it, or the strike or sit-in is the same act told more precisely;
        # a march told apart from a strike ("تظاهر آلاف … بينما أغلق تجار محالهم في إضراب")
        # is an act of its own
        forms.pop("demonstration")
    if riot is not None and riot.entry.lang == "ar" and len(forms) == 1:
        if not _crowd(sent) or _armed_act(sent):
            return []
    drafts = []
    for form, cue in forms.items():
        organisers = _organisers(sent, cue) or _callers(sent, cue)
        draft = Draft("protest", cue, 4, organisers, _addressed(sent), None, {"form": form})
        draft.where = place_near(sent, cue.end)
        call = _called(sent, cue)
        if call is not None:
            # "دعت قوى الحرية والتغيير إلى إضراب عام", "called for a general strike": a
            # protest to come, whose organisers are the ones who call
            draft.modality = "future"
            speech = statement(sent, call)
            draft.actor = speech[0].actor if speech else draft.actor
        drafts.append(draft)
    return drafts


def _near(sent: Sentence, a: Match, b: Match) -> bool:
    """Whether two protest words stand within a few words of each other."""
    x, y = sorted((a, b), key=lambda m: m.start)
    return sent.words(x.end, y.start) <= _SAME_ACT


# Words at most between two words of protest that tell one act.
_SAME_ACT = 6


def _called(sent: Sentence, cue: Match) -> Match | None:
    """The call that asks for the protest: a verb of calling shortly before it, with إلى or
    "for" among the last words before the protest's word ("إلى عصيان مدني وإضراب عام")."""
    begin = cue.start - len(cue.prefix)
    words = sent.text[max(sent.start, begin - 30) : begin].split()[-4:]
    if not any(word in _FOR for word in words):
        return None
    calls = [
        c
        for c in sent.of("T:statement")
        if c.entry.value == "call" and c.end <= begin and sent.words(c.end, begin) <= 8
    ]
    return calls[-1] if calls else None


# The word between a call and what it asks for: "إلى إضراب", "for a general strike".
_FOR = frozenset({"الي", "for"})


def _stormed(sent: Sentence) -> list[Match]:
    """ "اقتحم آلاف من أنصار التيار الصدري البرلمان": a crowd storming a building is a riot."""
    found = []
    for cue in sent.of("T:attack"):
        if crowd_act(sent, cue):
            found.append(
                Match(
                    cue.start,
                    cue.end,
                    replace(cue.entry, category="T:protest", value="riot"),
                    cue.prefix,
                )
            )
    return found


_CROWD_SUBJECTS = (
    "protesters",
    "demonstrators",
    "residents",
    "crowd",
    "youths",
    "villagers",
    "relatives",
    "families",
    "students",
    "supporters",
    "محتج",
    "متظاهر",
    "سكان",
    "اهالي",
    "غاضب",
    "شبان",
)


# "riot police", "anti-riot forces": the police, not a riot.
_RIOT_GEAR = re.compile(r"[ -](?:police|policemen|gear|squad|squads|control|forces|units)\b")
# Words of a crowd's dispersal, which name the crowd of a protest (folded).
_DISPERSAL = ("disperse", "dispersed", "dispersing", "to disperse", "to break up", "broke up")
_DISPERSAL_AR = ("تفريق", "لتفريق", "بتفريق", "فرقت", "فرقوا")


def _dispersed(sent: Sentence, cue: Match) -> bool:
    said = sent.text[cue.start : cue.end]
    return said.casefold().startswith(_DISPERSAL) or said.startswith(_DISPERSAL_AR)


# Nouns of the crowd itself (folded, with the article or not), not of its act.
_CROWD_NOUNS = ("محتج", "المحتج", "متظاهر", "المتظاهر", "protesters", "demonstrators")


def _crowd_noun(sent: Sentence, cue: Match) -> bool:
    said = sent.text[cue.start - len(cue.prefix) : cue.end]
    return said.lstrip("وبلف").startswith(_CROWD_NOUNS) or said.startswith(_CROWD_NOUNS)


def _crowd_did(sent: Sentence, cue: Match) -> bool:
    """A road block whose subject is a crowd: named in the cue ("أغلق المحتجون") or within the
    six words before it, with no verb of saying between ("Residents said soldiers blocked the
    road" is the soldiers')."""
    said = sent.text[cue.start : cue.end]
    if any(w in said for w in _CROWD_SUBJECTS):
        return True
    lead = sent.text[max(sent.start, cue.start - 60) : cue.start].split()[-6:]
    if any(c.start < cue.start and cue.start - c.end < 60 for c in sent.of("ATTR:say")):
        return False
    lead = [w.casefold() for w in lead]  # "Relatives of the captives blocked roads"
    return any(w.startswith(_CROWD_SUBJECTS) or w[1:].startswith(_CROWD_SUBJECTS) for w in lead)


def _armed_act(sent: Sentence) -> bool:
    """Whether armed men or settlers, not protesters, burn and loot: "هاجم مسلحون من عصابة …
    البلدة وأطلقوا النار على السكان وأضرموا النار في المنازل"."""
    text = sent.text[sent.start : sent.end].casefold()
    return any(w in text for w in _ARMED) and not any(w in text for w in _PROTESTERS)


# Men of arms, and settlers, whose burning and storming are attacks (folded, lower-cased).
_ARMED = ("مسلح", "عصابه", "ميليشيا", "مليشيا", "مستوطن", "gunmen", "gang", "militia", "settlers")
_PROTESTERS = ("محتج", "متظاهر", "protesters", "demonstrators", "rioters")


def _crowd(sent: Sentence) -> bool:
    """Whether the sentence speaks of protesters or a crowd (a riot needs one)."""
    text = sent.text[sent.start : sent.end]
    return any(
        word in text
        for word in (
            "protest",
            "demonstrat",
            "crowd",
            "supporters",
            "residents",
            "متظاهر",
            "محتج",
            "مناصر",
            "انصار",
            "غاضب",
            "سكان",
            "مواطنين",
        )
    )


def _organisers(sent: Sentence, cue: Match) -> list[str]:
    """Named organisers: "Hezbollah supporters", "أنصار التيار الصدري" when in the
    dictionary."""
    for word in _PARTICIPANTS:
        at = sent.text.find(word, sent.start, sent.end)
        if at < 0:
            continue
        if cue.entry.lang == "en":
            found = before(sent, at, max_words=1, kinds=_WHO)
        else:
            found = after(sent, at + len(word), max_words=1, kinds=_WHO)
        if found:
            return ids(found)
    return []


# Who called the protest, named right after these words (folded): "استجابة لدعوة X", "دعت
# إليه X", "بدعوة من X", "called by X", "organised by X" ("led by" names a leader as often).
_CALLED_BY = re.compile(
    r"(?<!\S)(?:لدعوه|بدعوه من|دعت اليه|دعت اليها|دعا اليه|دعا اليها|دعت لها|دعا لها)(?!\S)"
    r"|\b(?:called|organi[sz]ed) by\b"
)
# Verbs that announce or carry out a strike or a sit-in, their subject its organiser: "أعلنت
# نقابة الأطباء إضراباً", "the union declared a strike".
_DECLARED = re.compile(
    r"(?<!\S)[وف]?(?:اعلن|اعلنت|نفذ|نفذت|نظم|نظمت|بدا|بدات|بدءوا)(?!\S)|\b(?:declared|staged|began)\b"
)


def _callers(sent: Sentence, cue: Match) -> list[str]:
    """The party that called or declared the protest, in its sentence."""
    for mark in _CALLED_BY.finditer(sent.text, sent.start, sent.end):
        found = after(sent, mark.end(), max_words=2, kinds=_WHO)
        if found:
            return ids(found[:1])
    if cue.entry.value not in ("strike", "sit_in"):
        return []
    begin = cue.start - len(cue.prefix)
    for mark in _DECLARED.finditer(sent.text, max(sent.start, begin - 80), begin):
        if cue.entry.lang == "ar":
            found = after(sent, mark.end(), max_words=2, kinds=_WHO)
        else:
            found = before(sent, mark.start(), max_words=3, kinds=_WHO)
        # "Lebanese public sector employees began a strike", "teachers across South Sudan":
        # the workers' nation or country is not who declared it
        found = [m for m in found if not m.entry.adjective and sent.kind(m) != "state"]
        if found and found[0].start < begin:
            return ids(found[:1])
    return []


def _addressed(sent: Sentence) -> list[str]:
    """Whom the protest addresses: "demanding the resignation of X", "برحيل X", the embassy
    of a state."""
    # a demand of someone's departure before the one a demand is made of: "مطالبين الجيش
    # بالانحياز إلى الشارع وبتنحي الرئيس عمر البشير"
    for cue in sorted(sent.of("PROTEST_AT"), key=lambda c: "d" in c.entry.flags):
        if "b" in cue.entry.flags:
            # "طالبوا الرئيس جوزيف كابيلا بالتنحي": the one called on stands before
            found = before(sent, cue.start, max_words=4, kinds=_WHO | {"force"})
        elif "d" in cue.entry.flags:
            # "مطالبين المجلس العسكري بتسليم السلطة": right after the verb of demanding
            found = after(sent, cue.end, max_words=0, kinds=_WHO | {"force"})
            titled = after(sent, cue.end, max_words=2, kinds=frozenset({"person"}))
            if not found and titled:
                # "مطالبين الرئيس بولا تينوبو بإعادة دعم الوقود", "مطالبين رئيس الوزراء محمد
                # اشتية": a title before the name
                word = sent.text[cue.end : word_start(titled[0])].split()
                found = titled if word and word[0] in AR_TITLES else []
        else:
            found = after(sent, cue.end, max_words=3, kinds=_WHO | {"state", "force"})
            title = sent.text[cue.end : found[0].start].split()[:1] if found else []
            if title and title[0] in AR_TITLES:
                # "بإسقاط قائد «هيئة تحرير الشام» أبو محمد الجولاني": the leader named after
                led = after(sent, found[-1].end, max_words=1, kinds=frozenset({"person"}))
                found = led or found
        if found:
            return ids(found)
    held = _seat_of(sent)
    if held:
        return held
    for cue in sent.of("EMBASSY"):
        for match in sent.entities:
            if sent.kind(match) != "state":
                continue
            gap_after = sent.words(cue.end, match.start) if match.start >= cue.end else 99
            gap_before = sent.words(match.end, cue.start) if match.end <= cue.start else 99
            if (cue.entry.lang == "ar" and gap_after <= 1) or (
                cue.entry.lang == "en" and gap_before <= 1
            ):
                return [match.entry.value]
        if cue.entry.lang == "en":
            listed = _listed_after(sent, cue)
            if listed:
                return listed
    return []


# The seats of a party a crowd gathers at or storms: "أمام مقر الكتيبة", "قاعدة لبعثة
# مونوسكو", "the headquarters of the mission".
_SEATS = frozenset(
    fold(w)
    for w in "مقر مقار مبنى قاعدة قواعد مكتب مكاتب معسكر مجمع headquarters base offices "
    "compound".split()
)


def _seat_of(sent: Sentence) -> list[str]:
    """The party whose seat the protesters gather at or storm, named right after it."""
    for noun in sent.of("VICTIM"):
        if sent.text[noun.start : noun.end] not in _SEATS:
            continue
        found = after(sent, noun.end, max_words=2, kinds=_WHO | {"force"} - {"state"})
        if found and not found[0].entry.adjective:
            return ids(found[:1])
    return []


def _listed_after(sent: Sentence, cue: Match) -> list[str]:
    """ "the embassies of Rwanda, France, the United States and Belgium": every state listed."""
    states = sorted((m for m in sent.entities if sent.kind(m) == "state"), key=lambda m: m.start)
    found: list[str] = []
    at = cue.end
    for match in states:
        if match.start < at:
            continue
        gap = sent.text[at : match.start].strip().removesuffix("the").strip()
        if gap not in (("of",) if not found else (",", "and", ", and")):
            break
        found.append(match.entry.value)
        at = match.end
    return found
