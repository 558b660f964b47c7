"""Parties named only as the patron of another: "Iran-aligned armed groups", "the Turkish-backed
Ahrar al-Sharqiya faction", "the UN-backed government". The state or group before the hyphen backs
the party after it; it neither acts nor is hit, and "backed" there is no statement of support.
"""

from __future__ import annotations

import re

from marsad.extraction.gazetteer import Match

# "-linked", "-affiliated" tell the same side ("Islamic State-linked insurgents" are the
# group's men), not a patron.
_PATRON = re.compile(r"-(?:backed|aligned|allied|sponsored|supported|funded|trained|armed)\b")


def without_patrons(
    entities: list[Match], cues: list[Match], text: str
) -> tuple[list[Match], list[Match]]:
    """The entities and cues of a block without the patrons and the words that make them so."""
    marks = [
        (m, found)
        for m in entities
        if m.entry.lang == "en" and (found := _PATRON.match(text, m.end)) is not None
    ]
    if not marks:
        return entities, cues
    dropped = {id(m) for m, _ in marks}
    words = [(found.start(), found.end()) for _, found in marks]
    kept = [c for c in cues if not any(a <= c.start < b for a, b in words)]
    return [m for m in entities if id(m) not in dropped], kept
