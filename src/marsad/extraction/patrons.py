"""Parties named only as the patron of another: "Iran-aligned armed groups", "the Turkish-backed
Ahrar al-Sharqiya faction", "the UN-backed government", "قوات «دفاع شبوة» المدعومة من الإمارات".
The patron backs the party it is named with; it neither acts nor is hit, and "backed" there is
no statement of support.
"""

from __future__ import annotations

import re

from marsad.extraction.gazetteer import Match

# "-linked", "-affiliated" tell the same side ("Islamic State-linked insurgents" are the
# group's men), not a patron.
_PATRON = re.compile(r"-(?:backed|aligned|allied|sponsored|supported|funded|trained|armed)\b")


# The Arabic patron stands after the participle: "قوات «دفاع شبوة» المدعومة من الإمارات".
_BACKED_BY = re.compile(r"(?<![\u0621-\u064a])(?:ال)?مدعوم(?:ه|ين|ون)?\s+من\s+$")


def _named_before(entities: list[Match], at: int) -> bool:
    """Whether a name ends right before the participle: "قوات «دفاع شبوة» المدعومة من الإمارات"
    names the party backed; "فصائل مدعومة من تركيا" names only its patron, which stands for it."""
    return any(0 <= at - m.end <= 2 for m in entities)


def without_patrons(
    entities: list[Match], cues: list[Match], text: str
) -> tuple[list[Match], list[Match]]:
    """The entities and cues of a block without the patrons and the words that make them so."""
    if "-" not in text and "مدعوم" not in text:
        return entities, cues  # most blocks name no patron
    marks = [
        (m, found)
        for m in entities
        if (m.entry.lang == "en" and (found := _PATRON.match(text, m.end)) is not None)
        or (
            m.entry.lang == "ar"
            and (found := _BACKED_BY.search(text, max(0, m.start - 24), m.start - len(m.prefix)))
            is not None
            and _named_before(entities, found.start())
        )
    ]
    if not marks:
        return entities, cues
    dropped = {id(m) for m, _ in marks}
    words = [(found.start(), found.end()) for _, found in marks]
    kept = [c for c in cues if not any(a <= c.start < b for a, b in words)]
    return [m for m in entities if id(m) not in dropped], kept
