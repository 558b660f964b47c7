"""Blame and claims for an act: the party a sentence accuses, holds responsible or attributes it
to is its perpetrator ("واتهمت بغداد تركيا بتنفيذه", "an attack blamed on the Syrian
government"), and the accuser is not; so is the party that claims it ("وتبنى تنظيم داعش
الهجوم"), in its sentence or in a later one. An act a later sentence only tells again (a
speaker's "إنه استهدف", "the strike" named again) is the act told before (`restated`)."""

from __future__ import annotations

import re

from marsad.extraction.draft import Draft
from marsad.extraction.gazetteer import Match
from marsad.extraction.slots import Sentence, after, barriers, before, definite, ids

PERPETRATOR_KINDS = frozenset({"state", "force", "armed_group", "organization"})


def blamed(sent: Sentence) -> list[str]:
    """The party the sentence blames for its act: "واتهمت بغداد تركيا بتنفيذه", "حملت الأمم
    المتحدة قوات الدعم السريع المسؤولية", "Baghdad blamed Turkey", "an attack blamed on the
    Syrian government", "غارة نسبت إلى القوات السورية". The accuser is never the accused."""
    stop = barriers(sent)
    for cue in sent.of("BLAME"):
        if "a" in cue.entry.flags:
            found = _attributed_to(sent, cue, stop)
        elif "p" in cue.entry.flags:
            found = after(sent, cue.end, max_words=3, kinds=PERPETRATOR_KINDS)
        elif cue.entry.lang == "en":
            found = after(sent, cue.end, max_words=3, kinds=PERPETRATOR_KINDS, stop=stop)
        elif before(sent, cue.start, max_words=2, kinds=PERPETRATOR_KINDS | {"body"}, stop=stop):
            found = after(sent, cue.end, max_words=3, kinds=PERPETRATOR_KINDS, stop=stop)
        else:
            # verb first: the accuser, then the accused ("اتهمت بغداد تركيا"); a lone name
            # after other words is the accused of an accuser the dictionaries lack
            first = after(sent, cue.end, max_words=3, stop=stop)
            if not first:
                # an accuser named by a long title: "وحمّل قائد شرطة ديالى اللواء وليد العزاوي
                # تنظيم القاعدة مسؤولية التفجير"
                titled = after(sent, cue.end, max_words=6, kinds=frozenset({"person"}), stop=stop)
                first = titled if titled and _accused_then_act(sent, titled[-1]) else []
            found = []
            if not first:
                # an accuser the dictionaries lack: "واتهم مصدر أمني مجموعة تابعة لجبهة النصرة
                # بزرع العبوة", the act named after the accused
                found = after(sent, cue.end, max_words=6, kinds=PERPETRATOR_KINDS, stop=stop)
                found = [m for m in found if _ACT_OF.match(sent.text, m.end)]
            if first and _relative_subject(sent, cue):
                # "مجموعة «محامو الطوارئ» التي حمّلت الجيش السوداني المسؤولية": the accuser
                # is named before the relative pronoun; the party after the verb is accused
                found = [m for m in first[:1] if sent.kind(m) in PERPETRATOR_KINDS]
            elif first:
                found = after(sent, first[-1].end, max_words=3, kinds=PERPETRATOR_KINDS, stop=stop)
                if not found and sent.words(cue.end, first[0].start) >= 1:
                    found = [m for m in first if sent.kind(m) in PERPETRATOR_KINDS]
        if found:
            return ids(found)
    return []


_RELATIVE = frozenset({"التي", "الذي", "الذين", "اللتين", "اللذين", "اللذان", "اللتان"})


def _relative_subject(sent: Sentence, cue: Match) -> bool:
    """Whether the verb of blame opens a relative clause (its subject named before it)."""
    lead = sent.text[
        max(sent.start, cue.start - len(cue.prefix) - 12) : cue.start - len(cue.prefix)
    ]
    words = lead.split()
    return bool(words) and words[-1] in _RELATIVE


def _accused_then_act(sent: Sentence, accuser: Match) -> bool:
    """Whether a party follows the accuser and the act follows that party."""
    accused = after(sent, accuser.end, max_words=2, kinds=PERPETRATOR_KINDS)
    return bool(accused) and _ACT_OF.match(sent.text, accused[-1].end) is not None


_TO = re.compile(r"(?<!\S)الي(?!\S)")


def _attributed_to(sent: Sentence, cue: Match, stop: list[int]) -> list[Match]:
    """ "ونسب المتحدث باسم الحكومة الهجوم إلى تنظيم X": the party after the إلى that follows
    the verb, its subject and its object (a speaker's title between is no end of clause)."""
    mark = _TO.search(sent.text, cue.end, sent.end)
    if mark is None or sent.words(cue.end, mark.start()) > 10:
        return []
    return after(sent, mark.end(), max_words=3, kinds=PERPETRATOR_KINDS, stop=stop)


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


_RELATIVE_EN = re.compile(r"\b(?:who|which|whom)\b")
_DENIAL = frozenset("نفي نفت ينفي تنفي ونفي ونفت لم ولم not no denied denies".split())


def claimant(sent: Sentence, victims: set[str], trigger: Match | None = None) -> list[str]:
    """Who claims the attack: "Islamic State claimed responsibility", "وتبنى تنظيم داعش
    الهجوم", "أعلن حزب الله أن مقاتليه استهدفوا"; not the speaker's act for an act told in a
    relative clause after it ("said they fired at fighters who attacked a base")."""
    for cue in sent.of("CLAIMED", "CLAIMED:own"):
        if trigger is not None and cue.end <= trigger.start:
            if _RELATIVE_EN.search(sent.text, cue.end, trigger.start):
                continue
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
            if not found:  # "The group al-Mourabitoun, led by Mokhtar Belmokhtar, claimed"
                at = _past_apposition(sent, cue.start)
                found = before(sent, at, max_words=3, kinds=PERPETRATOR_KINDS)
        found = [m for m in found if m.entry.value not in victims]
        if found:
            return ids(found)
    return []


def _past_apposition(sent: Sentence, at: int) -> int:
    """Where the subject of an English verb ends when an apposition between commas stands
    before the verb: "The group al-Mourabitoun, led by Mokhtar Belmokhtar, claimed the attack"."""
    lead = sent.text[max(sent.start, at - 80) : at].rstrip()
    if not lead.endswith(","):
        return at
    opening = lead.rfind(",", 0, len(lead) - 1)
    if opening < 0:
        return at
    return at - len(sent.text[max(sent.start, at - 80) : at]) + opening


# "a mortar bomb that Turkey said was fired by Syrian government forces": whom a speaker names
# as the one who fired, in a relative clause after the act.
_SAID_BY = re.compile(
    r"\bthat (?:[\w'-]+ ){1,4}(?:said|says|believed|believes) (?:was|were|had been) "
    r"(?:fired|launched|carried out|planted|dropped|detonated) by\b"
)
_SAID_BY_REACH = 90


def said_by(sent: Sentence, trigger: Match) -> list[str]:
    """The armed party a speaker names, in a relative clause right after the act, as having
    carried it out (English)."""
    if trigger.entry.lang != "en":
        return []
    end = min(sent.end, trigger.end + _SAID_BY_REACH)
    found = _SAID_BY.search(sent.text, trigger.end, end)
    if found is None or sent.words(trigger.end, found.start()) > 1:
        return []
    return ids(after(sent, found.end(), max_words=3, kinds=PERPETRATOR_KINDS))


def _act_after(sent: Sentence, cue: Match) -> bool:
    """Whether an act (a word of attack, killing or wounding) follows within six words, or
    closes the cue itself ("said it attacked")."""
    acts = sent.of("T:attack", "MEAS:killed", "MEAS:injured")
    return any(
        a.start > cue.start
        and (a.start >= cue.end or a.end >= cue.end)
        and sent.words(cue.end, a.start) <= 6
        for a in acts
    )


def named_later(sent: Sentence, earlier: list[Draft]) -> None:
    """A sentence that claims or blames an act names the perpetrator of the attacks and tolls
    that name none in the last sentence of its block with claims (`earlier`): "قُتل ١٣ جندياً في
    كمين … وأعلنت سرايا القدس مسؤوليتها عن العملية", "… in a car bomb. Lebanese leaders held
    Syria responsible"."""
    if another_act(sent):
        return  # "وتبنى تنظيم داعش هجوماً آخر": the claim is of another act
    parties = claimant(sent, set()) or blamed(sent)
    if not parties:
        return
    for draft in earlier:
        if draft.type in ("attack", "casualties") and not draft.actor:
            if not set(parties) & set(draft.recipient):
                draft.actor = armed(sent, parties)


_ANOTHER = frozenset("اخر اخري الاخر الاخري another separate".split())  # folded
# "تتهم فصائل خلايا مرتبطة بالتنظيم بتنفيذ عمليات مماثلة": the blame is for acts like it, not
# this one (folded; not a group's past told in a clause of its own, "نفذت هجمات مماثلة", nor the
# English "similar": "blamed al-Shabaab, which has carried out similar bombings")
_SIMILAR = re.compile(r"(?<!\S)ب\S+ (?:عمليات|هجمات|اعمال|عمليه|هجوم|تفجيرات) (?:مماثله|مشابهه)")
# The act after the accused (folded): "بزرع العبوة", "بتنفيذ الهجوم", "بالوقوف وراء", "مسؤولية
# الاغتيال"; not "بالتقصير" (negligence).
_ACT_OF = re.compile(
    r'["»\s]*(?:\S+\s+){0,2}?(?:بتنفيذ|بزرع|بشن|بارتكاب|بالوقوف|باطلاق|بقصف|بمهاجمه|بقتل|باغتيال|بخطف'
    r"|بتفجير|بالهجوم|بالاعتداء|باستهداف|بالمسووليه|(?:ال)?مسووليه)"
)


def another_act(sent: Sentence) -> bool:
    """Whether the sentence names an act as another one ("هجوماً آخر", "another attack") or
    blames acts like it ("عمليات مماثلة", "similar attacks")."""
    if _SIMILAR.search(sent.text, sent.start, sent.end):
        return True
    for cue in sent.of("T:attack"):
        after_it = sent.text[cue.end : min(sent.end, cue.end + 12)].split()[:1]
        before_it = sent.text[max(sent.start, cue.start - len(cue.prefix) - 10) : cue.start]
        if any(w in _ANOTHER for w in after_it + before_it.split()[-1:]):
            return True
    return False


def restated(sent: Sentence, drafts: list[Draft], earlier: list[Draft]) -> list[Draft]:
    """The drafts of a sentence, those that only tell again an attack told before marked so
    (`Draft.told`: their sentence becomes more evidence of it), what they name given to it: a
    speaker's claim ("قُتل خمسة أشخاص في غارة … وقال الجيش الإسرائيلي
    إنه استهدف قيادياً في حزب الله": one strike, the army's, aimed at Hezbollah), or the act
    named again with its article, by the same means, at no other place ("… a strike on a tunnel
    complex. 36 militants were killed in the strike"). A toll of the sentence that names no
    perpetrator takes the act's."""
    told = [d for d in earlier if d.type == "attack"]
    if not told:
        return drafts
    claims = sent.of("CLAIMED:own")
    kept: list[Draft] = []
    merged: list[Draft] = []
    for draft in drafts:
        kept.append(draft)
        same = _told_again(sent, draft, told, claims)
        if not same:
            continue
        draft.told = same[0]
        merged.extend(same)
        # named again only, what else the sentence says of it may be another act's; a claim
        # or blame gives its party, unless denied ("ونفى حزب الله مسؤوليته عن التفجير")
        owned = set(claimant(sent, set()) + blamed(sent))
        for attack in same:
            if not attack.actor and owned & set(draft.actor):
                attack.actor = list(draft.actor)
            if not (owned or _claimed(sent, draft, claims)):
                continue
            if not attack.recipient and draft.recipient:
                attack.recipient, attack.target = list(draft.recipient), draft.target
    actor = next((d.actor for d in merged if d.actor), [])
    if not actor and not any(d.type == "attack" for d in kept) and not _apart(sent):
        # "Israeli forces pounded Rafah … Health officials said 70 Palestinians were killed":
        # a toll told after the acts of one party, with no act of its own, is theirs
        parties = {tuple(d.actor) for d in told if d.actor and d.modality == "asserted"}
        actor = list(next(iter(parties))) if len(parties) == 1 else []
    for draft in kept:
        if draft.type == "casualties" and not draft.actor and actor:
            if not draft.attributes.get("period"):
                draft.actor = list(actor)
    return kept


# Words that tell a toll apart from the acts told before it: another incident, or a total
# ("bringing to eleven the bodies retrieved since the start of the week", "ويرتفع بذلك عدد").
_APART = re.compile(
    r"(?<!\w)(?:separately|since|bringing|منذ|منفصل|منفصله|يرتفع|ليرتفع|ترتفع|لترتفع|ارتفع|ارتفعت)"
    r"(?!\w)"
)


def _apart(sent: Sentence) -> bool:
    """Whether the sentence tells its toll apart from the acts told before it."""
    return _APART.search(sent.text, sent.start, sent.end) is not None


def _told_again(
    sent: Sentence, draft: Draft, told: list[Draft], claims: list[Match]
) -> list[Draft]:
    """The attacks told before that `draft` names again (none when it is an act of its own)."""
    if draft.type != "attack":
        return []
    mine = _sides(sent, draft.actor)
    same = [d for d in told if not d.actor or not draft.actor or _sides(sent, d.actor) & mine]
    trigger = draft.trigger
    if _claimed(sent, draft, claims):
        return same
    if not definite(sent, trigger):
        return []
    means = draft.attributes.get("means")
    return [
        d
        for d in same
        if means in ("other", d.attributes.get("means"))
        and (draft.where is None or d.where is None or draft.where.entry == d.where.entry)
    ]


def _sides(sent: Sentence, actor: list[str]) -> set[str]:
    """The parties and the states they belong to: Iran and its Revolutionary Guard are one side
    when a speaker tells again the strike its state's missile made."""
    found = set(actor)
    for actor_id in actor:
        entry = sent.actors.get(actor_id)
        if entry is not None:
            found.update(s for s in (entry.state, entry.parent) if s)
    return found


def _claimed(sent: Sentence, draft: Draft, claims: list[Match]) -> bool:
    """Whether the draft's trigger is the act a speaker says it did: "إنه استهدف", "said it had
    targeted" (the English verb after the cue)."""
    trigger = draft.trigger
    return any(
        c.start <= trigger.start and (trigger.end <= c.end or sent.words(c.end, trigger.start) <= 1)
        for c in claims
    )
