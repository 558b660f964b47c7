"""The party whose armed men a toll counts is the target of the act, never its actor
(counted.py), in Arabic and English."""

from __future__ import annotations

from typing import Any

import pytest

from marsad.extraction.counted import is_year
from marsad.extraction.extract import extract


def _attacks(text: str, language: str) -> list[dict[str, Any]]:
    return [c for c in extract(text, language=language)["claims"] if c["type"] == "attack"]


@pytest.mark.parametrize(
    ("text", "language", "party"),
    [
        ("أعلن الجيش مقتل 30 من مسلحي حركة الشباب في عملية عسكرية قرب جوهر.", "ar", "AL-SHABAAB"),
        ("قُتل ثلاثة مسلحين حوثيين في غارة للتحالف قرب صعدة.", "ar", "HOUTHIS"),
        ("Afghan forces killed 40 Taliban insurgents in Helmand on Sunday.", "en", "TALIBAN"),
        ("Forty Taliban fighters were killed in air strikes in Helmand.", "en", "TALIBAN"),
    ],
)
def test_the_party_of_counted_dead_men_is_the_target(text: str, language: str, party: str):
    attacks = _attacks(text, language)
    assert attacks, text
    assert all(party in a["recipient"] and party not in a["actor"] for a in attacks), attacks


@pytest.mark.parametrize(
    "text",
    [
        # counted men who attack: no toll, or the verb of attack right before the count
        "هاجم 30 من مسلحي حركة الشباب قاعدة للجيش قرب جوهر.",
        "هاجم 30 من مسلحي حركة الشباب قاعدة للجيش وقتلوا خمسة جنود.",
    ],
)
def test_counted_men_who_attack_are_its_actor(text: str):
    (attack,) = _attacks(text, "ar")
    assert attack["actor"] == ["AL-SHABAAB"]
    assert "AL-SHABAAB" not in attack["recipient"]


def test_a_year_is_no_count():
    assert is_year("2023")
    assert not is_year("30")
    assert not is_year("12000")
