"""Attacks told only by their killing: "Insurgents killed 52 young men", "مسلحين … قتلوا نحو ٧٠
رجلاً", "قتل مسلحون خمسة". Every assault is an attack claim (docs/annotation.md), so a killing
done by armed men or by a named armed party, in a sentence with no other word of attack, is one
with the means "other"; a party that killed in an act told after the killing ("قتلت … في
معارك") did that act. A toll told in the passive ("were killed", "٣٣ عاملاً قتلوا") names no
one who killed, and gives none."""

from __future__ import annotations

from typing import Any

from marsad.extraction import roles
from marsad.extraction.draft import Draft
from marsad.extraction.gazetteer import Match
from marsad.extraction.normalize import fold
from marsad.extraction.rules_blame import PERPETRATOR_KINDS, armed
from marsad.extraction.slots import Sentence, barrier_between, ids

# Verbs of killing that take the killers as subject (folded spellings).
_VERBS_EN = frozenset("killed kill kills executed massacred slaughtered murdered".split())
_VERBS_AR = frozenset("قتل قتلوا قتلا قتلت اعدم اعدموا اعدمت ذبح ذبحوا ذبحت".split())
# Before its subject an Arabic verb stays singular, and the subject is nominative: "قتل
# مسلحون خمسة"; in "قتلت مسلحين اثنين" the armed men are the killed.
_VERB_FIRST = frozenset("قتل اعدم ذبح".split())
_ARMED_SUBJECT = frozenset("مسلحون مسلحو متمردون مقاتلون مقاتلو مهاجمون مجهولون".split())
# A party's own forces, named by a pronoun that points back to it.
_OWN_FORCES = frozenset(
    "قواته قواتها جنوده جنودها عناصره عناصرها مقاتليه مقاتلوه مقاتليها its his their".split()
)
_PASSIVE_EN = frozenset("was were been be being is are".split())
# A speaker's pronoun before the verb: the speaker killed.
_SPEAKER_DID = [["it", "had"], ["it", "has"], ["they", "had"], ["they", "have"]]
# Armed men named by what they are, not who ("gunmen", "مسلحون").
_ARMED = frozenset(
    "insurgents militants gunmen gunman fighters rebels attackers assailants jihadists"
    " extremists militiamen militias paramilitaries troops forces soldiers"
    " مسلحون مسلحين مسلحو مسلحي متمردون متمردين متمردو متمردي مقاتلون مقاتلين مقاتلو مقاتلي"
    " مهاجمون مهاجمين مجهولون مجهولين".split()
)


def killings(sent: Sentence, drafts: list[Draft]) -> list[Draft]:
    """An attack of means "other" for a killing with killers, when the sentence has none."""
    if any(d.type == "attack" for d in drafts):
        return []
    for cue in sent.of("MEAS:killed"):
        found = killers(sent, cue)
        if found is None:
            continue
        toll = next(
            (d for d in drafts if d.type == "casualties" and d.trigger.start == cue.start), None
        )
        actor = found or (list(toll.actor) if toll else [])
        if toll is not None and not toll.actor:
            toll.actor = list(actor)  # who killed them is the toll's perpetrator too
        aimed_at = roles.recipient(sent, cue, actor)
        target = aimed_at[0] if aimed_at else None
        draft = Draft("attack", cue, 4, actor, aimed_at, target, {"means": _means(sent, cue)})
        draft.where = toll.where if toll else None
        if toll is None and not any(d.type == "casualties" for d in drafts):
            counted = _victims_after_killers(sent, cue, actor)
            return [draft, counted] if counted else [draft]
        return [draft]
    return []


def _victims_after_killers(sent: Sentence, cue: Match, actor: list[str]) -> Draft | None:
    """The toll of an Arabic verb that stands before its killers, its number after them: "قتل
    مسلحون يشتبه في انتمائهم إلى جماعة بوكو حرام ثمانية مدنيين" (8), too far from the verb for the
    toll's own pairing."""
    if cue.entry.lang != "ar":
        return None
    end = min((b for b in sent.barriers if b > cue.end), default=sent.end)
    number = next(
        (n for n in sent.numbers if cue.end < n.start < end and sent.words(cue.end, n.start) <= 12),
        None,
    )
    if number is None:
        return None
    figure: dict[str, Any] = {"low": number.low, "best": number.best, "high": number.high}
    figure["span"] = (number.start, number.end)
    return Draft("casualties", cue, 4, list(actor), [], None, {}, {"killed": figure})


def killers(sent: Sentence, cue: Match) -> list[str] | None:
    """The armed parties that did the killing (possibly none by name), or None when the verb
    names no killer: a noun, a passive, a subject that is not armed."""
    verb = fold(sent.text[cue.start : cue.end]).casefold()
    english = verb in _VERBS_EN
    if not english and verb not in _VERBS_AR:
        return None
    if set(cue.prefix) & {"ب", "ل", "ك"}:
        return None  # "بقتل": a noun with its preposition, not a verb ("وقتل" is a verb)
    lead = sent.text[max(sent.start, cue.start - 60) : cue.start].casefold().split()
    if english:
        if lead and lead[-1] in _PASSIVE_EN:
            # "were killed", unless "by" names who killed: "was killed by Houthi fighters"
            return _killed_by(sent, cue.end)
        subject = lead[-3:]
    else:
        tail = sent.text[cue.end : min(sent.end, cue.end + 30)].split()[:2]
        if verb in _VERB_FIRST and any(word in _ARMED_SUBJECT for word in tail):
            # "قتل مسلحون يشتبه في انتمائهم إلى القوات الديمقراطية المتحالفة ثمانية مدنيين"
            return _armed_after(sent, cue.end)
        if verb in _VERB_FIRST and tail[:1] and tail[0] in _ONE_MAN and _counted_after(sent, cue):
            # "قتل جندي أمريكي ١٦ مدنياً": one man before the number of those he killed
            return _armed_after(sent, cue.end)
        if not any(n.start >= cue.end and sent.words(cue.end, n.start) <= 2 for n in sent.numbers):
            return None  # "٣٣ عاملاً قتلوا": the victims stand before a passive
        subject = lead[-6:]
    if english and lead[-2:] in _SPEAKER_DID:
        # "Sudan's army said on Sunday it had killed": the speaker
        speakers = _armed_before(sent, cue.start, 12, clause=False)
        return speakers[-1:] or None
    if any(word.strip("،,") in _OWN_FORCES for word in subject):
        # "قال الجيش الإسرائيلي إن قواته قتلت", "the army said its troops had killed": the
        # speaker's
        speakers = _armed_before(sent, cue.start, 12, clause=False)
        return speakers[-1:] or None
    if any(word.strip("،,") in _ARMED for word in subject):
        return _armed_before(sent, cue.start, len(subject) + 2)
    named = _armed_before(sent, cue.start, len(subject))
    return named or None


# One armed man, the subject of a verb of killing before the count of his victims.
_ONE_MAN = frozenset("جندي ضابط شرطي مسلح عنصر".split())


def _counted_after(sent: Sentence, cue: Match) -> bool:
    """A number within four words after the verb, past at least one word and not after "و",
    followed by its noun in the accusative ("١٦ مدنياً", "ثلاثة مدنيين")."""
    for number in sent.numbers:
        if not (cue.end < number.start and 1 <= sent.words(cue.end, number.start) <= 4):
            continue
        if sent.text[number.start] == "و" or sent.text[number.start - 2 : number.start] == "و ":
            return False
        noun = sent.text[number.end : min(sent.end, number.end + 20)].split()[:1]
        return bool(noun) and noun[0].endswith(("ا", "ين"))
    return False


def _armed_before(sent: Sentence, pos: int, words: int, *, clause: bool = True) -> list[str]:
    """Armed parties named within `words` words before `pos`, in its clause unless told
    otherwise ("Hamas said Israeli forces killed": the forces)."""
    marks = [b for b in sent.barriers if b <= pos] if clause else []
    opening = max(marks, default=sent.start)
    return ids(
        m
        for m in sent.entities
        if opening <= m.start
        and m.end <= pos
        and sent.words(m.end, pos) <= words
        and sent.kind(m) in PERPETRATOR_KINDS
    )


def _armed_after(sent: Sentence, pos: int) -> list[str]:
    """Armed parties named after a verb that opens its clause, before the victims' number."""
    end = min((n.start for n in sent.numbers if n.start >= pos), default=sent.end)
    return ids(
        m
        for m in sent.entities
        if pos <= m.start < end
        and sent.words(pos, m.start) <= 8
        and sent.kind(m) in PERPETRATOR_KINDS
    )


def _means(sent: Sentence, cue: Match) -> str:
    """The means of a word of attack just before the verb ("غارات أمريكية قتلت ٢٥"), which a
    motive clause kept from being an attack of its own; else "other"."""
    close = [
        t for t in sent.of("T:attack") if t.end <= cue.start and sent.words(t.end, cue.start) <= 3
    ]
    return close[-1].entry.value if close else "other"


def _killed_by(sent: Sentence, end: int) -> list[str] | None:
    """The armed party after "by" that follows a passive verb of killing, if any."""
    rest = sent.text[end : min(sent.end, end + 60)].split()
    if not rest or rest[0] != "by":
        return None
    named = ids(
        m
        for m in sent.entities
        if m.start > end and sent.words(end, m.start) <= 4 and sent.kind(m) in PERPETRATOR_KINDS
    )
    if named:
        return named
    return [] if any(word.strip(",.") in _ARMED for word in rest[1:4]) else None


# Words that put an act round a killing told before it: "قتلت … في معارك", "killed … in
# clashes", "خلال اشتباكات".
_IN_THE_ACT = frozenset("in during amid في خلال اثناء اثر".split())
_KILLING_REACH = 14


def killers_before(sent: Sentence, trigger: Match) -> list[str]:
    """The party that killed, by an active verb before the act in which it killed: "قوات
    الجيش الوطني قتلت نحو ٤٠ من مسلحي حركة الشباب في معارك", "the army killed 20 militants in
    clashes". The men it killed, and the party they belong to, are the act's target."""
    lead = sent.text[max(sent.start, trigger.start - 16) : trigger.start].casefold().split()
    if lead and lead[-1] in ("a", "an", "the"):
        lead.pop()  # "during a raid"
    if not lead or fold(lead[-1]) not in _IN_THE_ACT:
        return []
    for cue in reversed(sent.of("MEAS:killed")):
        if cue.end > trigger.start or sent.words(cue.end, trigger.start) > _KILLING_REACH:
            continue
        if barrier_between(sent, cue.end, trigger.start) or not _count_after(sent, cue):
            return []
        return armed(sent, killers(sent, cue) or [])
    return []


def _count_after(sent: Sentence, cue: Match) -> bool:
    """The number of the killed right after the verb ("قتلت نحو ٤٠"), not a new clause ("قتلوا
    وفُقد ثلاثة جنود": the killed stand before the verb)."""
    for number in sent.numbers:
        if cue.end < number.start and sent.words(cue.end, number.start) <= 2:
            gap = sent.text[cue.end : number.start].split()
            return not any(word.startswith("و") for word in gap + [sent.text[number.start]])
    return False
