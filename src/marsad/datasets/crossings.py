"""Crossing names as the aid lists write them, mapped to Marsad's canonical crossing ids.

An unknown name is never turned into a new crossing: readers reject the row, naming it, and
suggest the closest known alias when one is close enough to be a spelling variant.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process

#: Canonical id -> the names it goes by (English, Arabic, the lists' own spellings).
ALIASES: dict[str, tuple[str, ...]] = {
    "CROSSING-KEREM-SHALOM": (
        "Kerem Shalom",
        "Karem Abu Salem",
        "Kerem Abu Salem",
        "Karm Abu Salem",
        "Kerem Shalom Crossing",
        "كرم أبو سالم",
        "כרם שלום",
    ),
    "CROSSING-RAFAH": ("Rafah", "Rafah Crossing", "Rafah Border Crossing", "معبر رفح", "رفح"),
    "CROSSING-EREZ": (
        "Erez",
        "Erez Crossing",
        "Beit Hanoun",
        "Beit Hanun",
        "Erez / Beit Hanoun",
        "بيت حانون",
        "إيرز",
        "ארז",
    ),
    # UNRWA's "Western Erez" is the crossing in the Zikim area, not the Erez crossing itself.
    "CROSSING-ZIKIM": ("Zikim", "Western Erez", "West Erez", "Erez West", "زيكيم", "זיקים"),
    "CROSSING-KISSUFIM": ("Kissufim", "Kisufim", "Kissufim Crossing", "كيسوفيم", "כיסופים"),
    "CROSSING-GATE-96": ("Gate 96", "Gate96", "البوابة 96"),
    "MARITIME-JLOTS": (
        "JLOTS",
        "Maritime Route (JLOTS)",
        "Maritime Route",
        "Maritime Corridor",
        "Trident Pier",
        "Floating Pier",
        "Gaza Pier",
        "الممر البحري",
        "الرصيف العائم",
    ),
    # COGAT's two non-crossing routes: aid dropped from aircraft, and all land crossings
    # counted together (the list does not say which one a consignment used).
    "AIR-DROPS": ("Aerial Route", "Airdrops", "Air Drops", "Airdrop", "الإنزال الجوي"),
    "LAND-CROSSINGS": ("Land Crossings", "Land Crossings (all)"),
}

#: Words that say "a crossing" without naming one, dropped before matching.
_GENERIC = {"crossing", "border", "point", "معبر"}
_ARABIC_VARIANTS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})


def normalize_name(name: str) -> str:
    """Lower case, Arabic letter variants unified, punctuation and generic words dropped."""
    text = unicodedata.normalize("NFKC", name).casefold().translate(_ARABIC_VARIANTS)
    words = re.findall(r"\w+", text)
    kept = [word for word in words if word not in _GENERIC]
    return " ".join(kept or words)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A known alias close to an unknown name, and the crossing it names."""

    alias: str
    crossing_id: str
    score: float


class CrossingNames:
    """An alias table: exact lookup after normalization, fuzzy suggestions for the rest."""

    def __init__(self, aliases: Mapping[str, Iterable[str]] = ALIASES) -> None:
        self._by_name: dict[str, tuple[str, str]] = {}
        for crossing_id, names in aliases.items():
            for alias in (*names, crossing_id):
                key = normalize_name(alias)
                known = self._by_name.get(key)
                if known and known[0] != crossing_id:
                    raise ValueError(f"{alias!r} names both {known[0]} and {crossing_id}")
                # The first spelling of a normalized name is the one suggestions show.
                self._by_name.setdefault(key, (crossing_id, alias))
        self._keys = list(self._by_name)

    def resolve(self, name: str) -> str | None:
        """The canonical id of a crossing name, or None when the name is unknown."""
        found = self._by_name.get(normalize_name(name))
        return found[0] if found else None

    def suggest(self, name: str, *, cutoff: float = 80.0) -> Suggestion | None:
        """The closest known alias to an unknown name, if it scores at least `cutoff` (0-100)."""
        query = normalize_name(name)
        if not query:
            return None
        # Plain ratio, not WRatio: partial matching would offer "Erez" for any name holding it.
        best = process.extractOne(query, self._keys, scorer=fuzz.ratio, score_cutoff=cutoff)
        if best is None:
            return None
        crossing_id, alias = self._by_name[best[0]]
        return Suggestion(alias, crossing_id, float(best[1]))

    def unknown_message(self, name: str) -> str:
        """The rejection message for an unknown name, with a suggestion when there is one."""
        suggestion = self.suggest(name)
        if suggestion is None:
            return "is not a known crossing"
        return (
            f"is not a known crossing; did you mean {suggestion.alias!r} "
            f"({suggestion.crossing_id})?"
        )


DEFAULT_NAMES = CrossingNames()
