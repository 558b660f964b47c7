"""The mandate's, governance's and access's refusals, shown beside the field of a page form,
read in the reader's language."""

from __future__ import annotations

import re

import pytest
from django.utils import translation

from marsad.web.problems import refusal_text

LATIN_WORDS = re.compile(r"[A-Za-z]{3,}")


@pytest.mark.parametrize(
    "text",
    [
        "pledge 5 has 100 left",
        "requirement 3 needs 8 more",
        "pledge 5 is withdrawn",
        "pledge 5 is a refusal",
        "pledge 5 gives police_trainers; requirement 3 needs engineering",
        "requirement 3 involves combat, outside the mandate (no direct combat)",
        "this force has this task already",
        "already protects this corridor",
        "describe the action in Arabic or English",
        "describe the incident in Arabic or English",
        "must be at least 1",
        "must be greater than zero",
        "names 1 abstaining members but the vote counts 2",
    ],
)
def test_record_refusals_are_said_in_arabic(text):
    with translation.override("ar"):
        said = refusal_text(text)
    assert LATIN_WORDS.findall(said) == [], said
    assert re.search(r"[\u0600-\u06ff]", said)
