"""Which number a word of killing or wounding counts: the nearest figure, a toll told as rising
to its figure, one or two victims told without a number ("a Palestinian was killed", "قتلا"),
and persons named as the victims. rules_ground.py groups the pairs into tolls."""

from __future__ import annotations

from marsad.extraction.figures import Number
from marsad.extraction.gazetteer import Match
from marsad.extraction.normalize import fold
from marsad.extraction.slots import Sentence


def pairs(sent: Sentence, measures: list[Match]) -> list[tuple[Match, Number]]:
    """Numbers paired with the nearest measure word (greedy, nearest first, one to one)."""
    if not measures:
        return []
    dates = [(d.start, d.end) for d in sent.dates]
    numbers = [n for n in sent.numbers if not any(s <= n.start < e for s, e in dates)]
    options: list[tuple[int, int, int, int]] = []
    subsets = [c.start for c in sent.of("SUBSET")]
    for mi, measure in enumerate(measures):
        passive = sent.text[measure.start : measure.end].startswith(_PASSIVE)
        for ni, number in enumerate(numbers):
            if number.end <= measure.start:
                # "86 people, including 30 children, were killed": the subset is set aside
                cut = min((c for c in subsets if number.end <= c < measure.start), default=None)
                if cut is not None and not _closes_on(sent.text[cut : measure.start]):
                    cut = None
                gap = sent.words(number.end, measure.start if cut is None else cut)
                between = sent.text[number.end : measure.start]
                if passive and gap <= 7 and not any(ch in between for ch in ",;،"):
                    gap = min(gap, 4)  # "Two members of Syria's General Security were killed"
                penalty = 0
            elif number.start >= measure.end:
                gap = sent.words(measure.end, number.start)
                penalty = 1
            else:
                continue
            limit = 4 if measure.entry.lang == "en" else 5
            if gap <= limit:
                options.append((gap * 2 + penalty, mi, ni, 0))
            elif penalty and gap <= _RISEN_REACH and _risen_to(sent, measure, number):
                options.append((gap * 2 + penalty, mi, ni, 0))
    options.sort()
    used_m: set[int] = set()
    used_n: set[int] = set()
    pairs = []
    for _, mi, ni, _ in options:
        if mi in used_m or ni in used_n:
            continue
        used_m.add(mi)
        used_n.add(ni)
        pairs.append((measures[mi], numbers[ni]))
    return pairs


def _closes_on(clause: str) -> bool:
    """Whether a subset clause ends with a comma right before the measure: "including 30
    children, were killed", not "بينهم عمال أجانب، ليرتفع عدد قتلى"."""
    marks = [clause.rfind(mark) for mark in ",،"]
    last = max(marks)
    return last >= 0 and len(clause[last + 1 :].split()) <= 1


_TOLL = ("حصيله", "عدد", "toll", "number")
_PASSIVE = ("was ", "were ", "have been ", "has been ", "had been ")


# Words at most between a toll and the figure it rose to: "The death toll from an overnight
# raid by suspected ADF rebels on the village of Lolwa has risen to 19".
_RISEN_REACH = 18


def _risen_to(sent: Sentence, measure: Match, number: Number) -> bool:
    """A toll told as rising to its figure, however much stands between: "لترتفع حصيلة القتلى
    في لبنان منذ بدء الحرب إلى أكثر من ٩٠٠", "bringing the death toll since October to 900"."""
    lead = fold(sent.text[max(sent.start, measure.start - 12) : measure.end]).casefold()
    before_number = fold(sent.text[max(measure.end, number.start - 14) : number.start]).split()
    return any(w in lead for w in _TOLL) and any(w in ("الي", "to") for w in before_number)


def single(sent: Sentence, measure: Match) -> Number | None:
    """ "a Palestinian was killed", "استشهد شاب", "أصيب جنديان": one or two victims, when no
    number is given; the victim word nearest the measure counts."""
    best: tuple[int, Number] | None = None
    for count, category in ((1, "ONE"), (2, "TWO")):
        for cue in sent.of(category):
            if cue.end <= measure.start:
                gap = sent.words(cue.end, measure.start)
                if gap > 3:
                    continue
            elif cue.start >= measure.end:
                gap = sent.words(measure.end, cue.start)
                if gap > (1 if count == 1 else 3):
                    continue
            else:
                continue
            if best is None or gap < best[0]:
                best = (gap, Number(cue.start, cue.end, count, count, count))
    if best is None:
        word = sent.text[measure.start : measure.end]
        if word in _DUAL_VERBS:
            return Number(measure.start, measure.end, 2, 2, 2)  # قتلا: the two of them
        if word.startswith(("اغتيل", "اغتال")) or word == "assassinated":
            return Number(measure.start, measure.end, 1, 1, 1)  # an assassination kills one
        if _one_after(sent, measure):
            return Number(measure.start, measure.end, 1, 1, 1)  # "shot dead a staff member"
        named = _named_after(sent, measure)
        if named:
            return Number(measure.start, measure.end, named, named, named)
        if _named_victim(sent, measure):
            return Number(measure.start, measure.end, 1, 1, 1)
    return best[1] if best else None


def _one_after(sent: Sentence, measure: Match) -> bool:
    """An English active verb of killing whose object is "a" or "an" somebody: "killed a
    commander", "shot dead a World Food Programme staff member"."""
    if measure.entry.lang != "en":
        return False
    said = sent.text[measure.start : measure.end]
    if (
        said.startswith(_PASSIVE)
        or said.endswith("ing")
        and sent.text[measure.end :].startswith(" of")
    ):
        return False
    return sent.text.startswith((" a ", " an "), measure.end)


# Between a verb of killing and its named victims: "وقتل فيها رئيس الأركان".
_IN_IT = frozenset(fold(w) for w in "فيها فيه خلالها خلاله".split())


def _named_after(sent: Sentence, measure: Match) -> int:
    """How many persons a verb of killing names as its object, in its clause: "killed Iranian
    commander Qassem Soleimani and Iraqi militia leader Abu Mahdi al-Muhandis" (2), "killing
    armed forces chief Mohammad Bagheri", "قتل فيها رئيس أركان الجيش الإيراني محمد باقري"."""
    said = fold(sent.text[measure.start : measure.end]).casefold()
    if measure.entry.lang == "en" and said.startswith(("was ", "were ", "been ", "have ", "has ")):
        return 0
    if sent.text[measure.end : measure.end + 4] == " of " or sent.text[
        max(sent.start, measure.start - 4) : measure.start
    ].endswith("the "):
        return 0  # "in retaliation for the killing of Qassem Soleimani": an earlier event
    end = min((b for b in sent.barriers if b > measure.end), default=sent.end)
    clause = sent.text[measure.end : end]
    marks = [at for at in (clause.find(","), clause.find("،"), clause.find(";")) if at >= 0]
    end = measure.end + min(marks, default=len(clause))
    persons = [
        m for m in sent.entities if measure.end <= m.start < end and sent.kind(m) == "person"
    ]
    if not persons or sent.words(measure.end, persons[0].start) > 5:
        return 0
    if measure.entry.lang == "ar":
        lead = sent.text[measure.end : persons[0].start].split()
        if lead and lead[0] not in _IN_IT and lead[0] not in _TITLES:
            return 0  # "قتل جنديين أثناء حماية الرئيس X": not the verb's object
    return len({m.entry.value for m in persons})


_DUAL_VERBS = frozenset({"قتلا", "استشهدا", "اصيبا", "جرحا", "قضيا", "لقيا"})
# Titles and roles that open a named victim, and kin or companions named by their relation
# ("قتل شقيقه", "وقتل سائقهما"): one victim each. Folded as the text is (رئيس → رييس).
_TITLES = frozenset(
    fold(word)
    for word in (
        "رئيس الرئيس قائد وزير الوزير الناشط الناشطه الصحفي الصحفيه العقيد السفير والي امام "
        "زعيم نائب اللواء العميد المقدم الخبير المطران الشيخ القيادي المتحدث الامين محافظ "
        "المحافظ الرضيع الطفل الطفله الشاب الفتى النائب القاضي المحامي الطبيب مدير"
    ).split()
)
_KIN = frozenset(
    fold(word)
    for word in (
        "شقيقه شقيقها شقيقهم سائقه سائقها سائقهما نجله نجلها ابنه ابنها زوجته زوجها مرافقه "
        "مرافقها حارسه والده والدته"
    ).split()
)


def widest(measures: list[Match]) -> list[Match]:
    """ "have been killed" holds "killed": one measure, not two that each take a number."""
    return [
        m
        for m in measures
        if not any(
            o is not m
            and o.entry.category == m.entry.category
            and o.start <= m.start
            and m.end <= o.end
            and (o.start, o.end) != (m.start, m.end)
            for o in measures
        )
    ]


def _named_victim(sent: Sentence, measure: Match) -> bool:
    """ "قتل والي غرب دارفور", "اغتيل رئيس الوزراء", "X was shot dead": one named victim."""
    if measure.entry.lang == "ar":
        rest = [w.strip(".,;:!?") for w in sent.text[measure.end : sent.end].split()[:1]]
        if rest and (rest[0] in _TITLES or rest[0] in _KIN):
            return True
        # "قتل عبد الغني الككلي": a person named right after the verb
        return any(
            sent.kind(m) == "person" and sent.words(measure.end, m.start) == 0
            for m in sent.entities
            if m.start >= measure.end
        )
    lead = sent.text[max(sent.start, measure.start - 12) : measure.start].split()
    said = sent.text[measure.start : measure.end]
    singular = (lead and lead[-1] in ("was", "been")) or said.startswith("was ")
    if singular and not sent.numbers:
        return True  # "Hisham al-Hashimi was shot dead": one person, named or not
    people = [m for m in sent.entities if sent.kind(m) == "person" and m.end <= measure.start]
    return bool(people) and sent.words(people[-1].end, measure.start) <= 2
