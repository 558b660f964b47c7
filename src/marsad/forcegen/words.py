"""English words for codes, shared by every `describe()`."""

from __future__ import annotations

from collections.abc import Mapping

# Capabilities whose code does not read well once its underscores become spaces.
CAPABILITY_WORDS = {
    "funding_usd": "US dollars of funding",
    "political": "political support",
    "medical": "medical staff",
    "logistics": "logistics units",
}


def capability_words(*, capability: str) -> str:
    """The capability in words: "police_trainers" -> "police trainers"."""
    return CAPABILITY_WORDS.get(capability, capability.replace("_", " "))


def amount(*, quantity: int, capability: str) -> str:
    """A quantity with its capability: "200 police trainers"."""
    return f"{quantity:,} {capability_words(capability=capability)}"


def nation_name(*, code: str, names: Mapping[str, str] | None) -> str:
    """The nation's name if the caller gave one, else its code."""
    return (names or {}).get(code, code) or "a contributor"
