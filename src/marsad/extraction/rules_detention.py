"""The detention of a named person by a military or an armed group, or of foreigners or a body's
staff by an armed group: an `attack` by abduction.

docs/annotation.md counts "the detention of a named person by armed men or a military" as an
abduction ("Sudan's military detained Prime Minister Abdalla Hamdok", "اعتقلت قوات الاحتلال
زكريا الزبيدي"). An arrest of unnamed suspects, or one by the police of a state, stays no claim:
the person must be named and the party that detains must be a force or an armed group. The
verbs are read from the sentence text, not the dictionary: they make a claim only with both
parties, so most sentences that hold them never need them.
"""

from __future__ import annotations

import re

from marsad.extraction.draft import Draft
from marsad.extraction.gazetteer import Entry, Match
from marsad.extraction.slots import Sentence, after, before, ids
from marsad.extraction.victims import victims

_DETAIN = re.compile(
    r"(?<!\w)(?:detained|arrested|detains|arrests|seized"
    r"|و?(?:اعتقل|اعتقلت|اعتقلوا|احتجز|احتجزت|احتجزوا|تعتقل|يعتقل))(?!\w)"
)
_DETAINERS = frozenset({"force", "armed_group"})
_PERSONS = frozenset({"person"})


def detentions(sent: Sentence, drafts: list[Draft]) -> list[Draft]:
    """An abduction claim for each detention of a named person by a force or armed group."""
    kinds = {sent.kind(m) for m in sent.entities}
    if "person" not in kinds and "armed_group" not in kinds:
        return []  # no one named to be detained, nor a group to hold a body's staff
    if any(d.type == "attack" and d.attributes.get("means") == "abduction" for d in drafts):
        return []
    found: list[Draft] = []
    for mark in _DETAIN.finditer(sent.text, sent.start, sent.end):
        lang = "ar" if "\u0600" <= mark.group()[0] <= "\u06ff" else "en"
        detainer = before(sent, mark.start(), max_words=6, kinds=_DETAINERS)
        if lang == "ar" and not detainer:
            detainer = after(sent, mark.end(), max_words=2, kinds=_DETAINERS)
            detainer = detainer or _state_forces(sent, mark.end())
        if not detainer:
            continue
        start = max(m.end for m in detainer) if detainer[0].start > mark.end() else mark.end()
        entry = Entry("T:attack", "abduction", lang, frozenset({"v"}))
        trigger = Match(mark.start(), mark.end(), entry)
        # "اعتقلت قوة خاصة أمريكية القيادي في تنظيم القاعدة نزيه الرقيعي": his role between
        person = after(sent, start, max_words=7, kinds=_PERSONS)
        held = mark.group() != "seized"  # "seized the headquarters": a place, no hostages
        if not person and held and all(sent.kind(m) == "armed_group" for m in detainer):
            # an armed group holding foreigners or a body's staff holds hostages: "Houthi
            # authorities detained 13 United Nations staff members"
            person = [v for v in victims(sent, trigger) if v.start > mark.end()]
        if not person:
            continue
        recipient = ids(person)
        means = {"means": "abduction"}
        found.append(Draft("attack", trigger, 4, ids(detainer), recipient, recipient[0], means))
        break
    return found


# "اعتقلت قوات الأمن في جنوب السودان", "اعتقلت قوة خاصة أمريكية": a state's forces, named by
# the state after them.
_FORCES = re.compile(r"(?<!\w)(?:قوات|قوه|الجيش|جيش)(?!\w)")


def _state_forces(sent: Sentence, end: int) -> list[Match]:
    """A state named after "قوات"/"الجيش" right after an Arabic verb of detention."""
    forces = _FORCES.search(sent.text, end, min(sent.end, end + 12))
    if forces is None:
        return []
    # "في جنوب السودان" names the forces' state here, not a place the act is in
    states = [
        m
        for m in sent.entities
        if sent.kind(m) == "state"
        and m.start >= forces.end()
        and sent.words(forces.end(), m.start) <= 3
    ]
    return states[:1]
