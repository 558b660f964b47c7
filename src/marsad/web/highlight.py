"""Split a text into segments marked with the claims whose evidence covers them, so a page can
highlight every span, overlapping ones included."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    start: int
    claims: tuple[int, ...]


def segments(text: str, spans: Iterable[tuple[int, int, int]]) -> list[Segment]:
    """`spans` are (start, end, claim id); returns consecutive segments covering all of `text`."""
    spans = [(max(0, s), min(len(text), e), c) for s, e, c in spans if s < e]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = tuple(sorted({c for s, e, c in spans if s <= start and end <= e}))
        out.append(Segment(text[start:end], start, covering))
    return out
