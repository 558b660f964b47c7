"""Refusals built with values (the review workbench, the exercise clock) read in the reader's
language, the value kept as given."""

from __future__ import annotations

import re

import pytest
from django.utils import translation

from marsad.core.errors import InvalidInput
from marsad.web.problems import explain

LATIN_WORDS = re.compile(r"[A-Za-z]{3,}")


@pytest.mark.parametrize(
    ("field", "value", "text"),
    [
        ("claims", "", "choose at least one claim"),
        ("text", "x" * 40, "is longer than 2000 characters"),
        ("undo", "", "there is no action of yours to undo"),
        ("analyst", "bob", "is not an analyst who may review"),
        ("state", "ended", "the exercise has ended"),
        ("to", "D+1 09:00", "is before the exercise's time (D+2 10:00)"),
        ("minutes", -5, "must be a positive number"),
    ],
)
def test_refusals_with_values_are_said_in_arabic(field, value, text):
    with translation.override("ar"):
        said = explain(InvalidInput.one(field, value, text))
    assert text not in said
    kept = str(value)
    # What the reader gave stays as given, isolated; everything else is Arabic.
    assert LATIN_WORDS.findall(said.replace(kept, "").replace("D+2", "")) == []
    if kept:
        assert kept in said


def test_the_casualty_series_warnings_are_said_in_the_readers_language():
    from marsad.web.datawarnings import warning_sentence

    messages = [
        "No report was published on 2025-10-12; the day's figures are estimates filled in by "
        "Tech for Palestine.",
        "On 2025-10-14 the report gives 7 killed, but its parts add up to 5 (3 new, 2 "
        "recovered, 0 added by the committee, 0 succumbed).",
        "The series has no row for 2 day(s) after 2025-10-20.",
        "On 2025-10-22 the daily figure is 4 but the cumulative one rose by 6.",
        "killed_cum falls from 68000 on 2025-10-23 to 67990 on 2025-10-24.",
    ]
    for text in messages:
        with translation.override("ar"):
            said = warning_sentence(text, "arab")
        assert said is not None, text
        assert LATIN_WORDS.findall(said) == [], said
        assert re.search(r"[0-9]", said) is None, said  # one digit style: the reader's
    with translation.override("ar"):
        assert "يومَين" in (warning_sentence(messages[2]) or "")
    with translation.override("en"):
        assert warning_sentence(messages[2]) == "The series has no row for 2 days after 2025-10-20."
    assert warning_sentence("something new") is None
