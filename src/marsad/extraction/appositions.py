"""A title followed by the name of its holder is one mention of the person: "رئيس الوزراء
اللبناني الأسبق رفيق الحريري" names Hariri, not the prime minister of the day, and "الممثلة
الخاصة للأمين العام للأمم المتحدة في العراق جينين هينيس-بلاسخارت" names her, not the UN."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container, Mapping

from marsad.extraction.gazetteer import ENTITY, Actor, Match
from marsad.extraction.persons import PREFIX
from marsad.extraction.persons_words import AR_TITLES

_FORMER = frozenset({"former", "late", "ex", "then", "السابق", "الاسبق", "السابقه", "الراحل"})


def _post(text: str, match: Match) -> bool:
    """A place named after في or لدى: where a title's holder serves."""
    return text[: match.start - len(match.prefix)].split()[-1:] in (["في"], ["لدي"])


def _without_post(words: list[str]) -> list[str]:
    """The words between a title and a name without the post's place: "… للأمم المتحدة في
    العراق جينين" (في or لدى, and the definite word after it)."""
    out: list[str] = []
    skip = False
    for i, word in enumerate(words):
        if skip:
            skip = False
            continue
        if word in ("في", "لدي") and i + 1 < len(words) and words[i + 1].startswith("ال"):
            skip = True
            continue
        out.append(word)
    return out


def appositions(
    hits: list[Match], actors: Mapping[str, Actor], text: str, titles: Container[str]
) -> list[Match]:
    """A title followed by the name of its holder is one mention of the person: "رئيس الوزراء
    اللبناني الأسبق رفيق الحريري" names Hariri, not the prime minister of the day. `titles`
    are the offices a person holds (offices.toml's terms), not ministries or bureaus."""
    entities = sorted((m for m in hits if m.entry.category == ENTITY), key=lambda m: m.start)
    starts = [m.start for m in entities]
    dropped: set[int] = set()
    for first in entities:
        if actors[first.entry.value].kind != "person" and first.entry.value not in titles:
            continue
        at = bisect_left(starts, first.end)
        second = entities[at] if at < len(entities) else None
        # the post's place may stand between: "للأمم المتحدة في العراق جينين هينيس-بلاسخارت"
        while second is not None and _post(text, second) and at + 1 < len(entities):
            at += 1
            second = entities[at]
        if second is None or actors[second.entry.value].kind != "person":
            continue
        if first.entry.value == second.entry.value:
            continue
        words = text[first.end : second.start - len(second.prefix)].split()
        if first.entry.value.startswith(PREFIX) and any(w in AR_TITLES for w in words):
            continue  # "زعيم الجبهة بوتر ميتايير الرئيس جان برتران": two persons
        words = _without_post(words)
        if len(words) <= 2 and all(w in _FORMER or w.startswith("ال") for w in words):
            dropped.add(id(first))
    if not dropped:
        return hits
    return [m for m in hits if id(m) not in dropped]
