"""Blame and claims for an act: the party a sentence accuses, holds responsible or attributes it
to is its perpetrator ("واتهمت بغداد تركيا بتنفيذه", "an attack blamed on the Syrian
government"), and the accuser is not; so is the party that claims it ("وتبنى تنظيم داعش
الهجوم"), in its sentence or in the next one."""

from __future__ import annotations

from marsad.extraction.draft import Draft
from marsad.extraction.gazetteer import Match
from marsad.extraction.slots import Sentence, after, barriers, before, ids

PERPETRATOR_KINDS = frozenset({"state", "force", "armed_group", "organization"})


def blamed(sent: Sentence) -> list[str]:
    """The party the sentence blames for its act: "واتهمت بغداد تركيا بتنفيذه", "حملت الأمم
    المتحدة قوات الدعم السريع المسؤولية", "Baghdad blamed Turkey", "an attack blamed on the
    Syrian government", "غارة نسبت إلى القوات السورية". The accuser is never the accused."""
    stop = barriers(sent)
    for cue in sent.of("BLAME"):
        if "p" in cue.entry.flags:
            found = after(sent, cue.end, max_words=3, kinds=PERPETRATOR_KINDS)
        elif cue.entry.lang == "en":
            found = after(sent, cue.end, max_words=3, kinds=PERPETRATOR_KINDS, stop=stop)
        elif before(sent, cue.start, max_words=2, kinds=PERPETRATOR_KINDS | {"body"}, stop=stop):
            found = after(sent, cue.end, max_words=3, kinds=PERPETRATOR_KINDS, stop=stop)
        else:
            # verb first: the accuser, then the accused ("اتهمت بغداد تركيا"); a lone name
            # after other words is the accused of an accuser the dictionaries lack
            first = after(sent, cue.end, max_words=3, stop=stop)
            found = []
            if first:
                found = after(sent, first[-1].end, max_words=3, kinds=PERPETRATOR_KINDS, stop=stop)
                if not found and sent.words(cue.end, first[0].start) >= 1:
                    found = [m for m in first if sent.kind(m) in PERPETRATOR_KINDS]
        if found:
            return ids(found)
    return []


def is_accuser(sent: Sentence, match: Match) -> bool:
    """A name right after an Arabic verb of blame, or right before one: who accuses."""
    for cue in sent.of("BLAME", "T:violation_accusation"):
        if "v" not in cue.entry.flags:
            continue
        if cue.end <= match.start and sent.words(cue.end, match.start) == 0:
            return cue.entry.lang == "ar"
        if match.end <= cue.start and sent.words(match.end, cue.start) <= 1:
            return True
    return False


def armed(sent: Sentence, actor: list[str]) -> list[str]:
    """A state strikes through its armed force: Israel's strikes are the IDF's."""
    out = []
    for actor_id in actor:
        force = sent.actors[actor_id].force
        out.append(force or actor_id)
    return list(dict.fromkeys(out))


_DENIAL = frozenset("نفي نفت ينفي تنفي ونفي ونفت لم ولم not no denied denies".split())


def claimant(sent: Sentence, victims: set[str]) -> list[str]:
    """Who claims the attack: "Islamic State claimed responsibility", "وتبنى تنظيم داعش
    الهجوم", "أعلن حزب الله أن مقاتليه استهدفوا"."""
    for cue in sent.of("CLAIMED", "CLAIMED:own"):
        lead = sent.text[max(sent.start, cue.start - 40) : cue.start].split()[-4:]
        if any(word in _DENIAL for word in lead):
            continue  # "نفى حزب الله مسؤوليته عن", "no group has claimed it"
        if cue.category == "CLAIMED:own" and cue.entry.lang == "en" and not _act_after(sent, cue):
            continue  # "the WHO said it had lost contact": no act follows
        if cue.category == "CLAIMED:own":
            # "أعلن حزب الله أن مقاتليه", "Hezbollah said its fighters": the speaker, a
            # government among them ("أعلنت حكومة الوفاق أن طائراتها")
            # ("امتنع متحدث باسم الجيش الأمريكي عن التعليق على تقارير أفادت بأن قواته")
            found = before(sent, cue.start, max_words=8, kinds=PERPETRATOR_KINDS | {"body"})
        elif cue.entry.lang == "ar":
            found = after(sent, cue.end, max_words=2, kinds=PERPETRATOR_KINDS)
        else:
            found = before(sent, cue.start, max_words=3, kinds=PERPETRATOR_KINDS)
        found = [m for m in found if m.entry.value not in victims]
        if found:
            return ids(found)
    return []


def _act_after(sent: Sentence, cue: Match) -> bool:
    """Whether an act (a word of attack, killing or wounding) follows within six words."""
    acts = sent.of("T:attack", "MEAS:killed", "MEAS:injured")
    return any(a.start >= cue.end and sent.words(cue.end, a.start) <= 6 for a in acts)


def named_later(sent: Sentence, earlier: list[Draft]) -> None:
    """A sentence that claims or blames an act names the perpetrator of the attacks and tolls
    that name none in the last sentence of its block with claims (`earlier`): "قُتل ١٣ جندياً في
    كمين … وأعلنت سرايا القدس مسؤوليتها عن العملية", "… in a car bomb. Lebanese leaders held
    Syria responsible"."""
    parties = claimant(sent, set()) or blamed(sent)
    if not parties:
        return
    for draft in earlier:
        if draft.type in ("attack", "casualties") and not draft.actor:
            if not set(parties) & set(draft.recipient):
                draft.actor = armed(sent, parties)
