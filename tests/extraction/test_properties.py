"""Extraction never raises and always returns the contract's shape, whatever the text."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extraction.extract import extract
from tests.extraction.shape import problems

WORDS = [
    "غارة", "إسرائيلية", "قُتل", "١٢", "فلسطينياً", "Italy", "declined", "to", "comment", "US",
    "invited", "دعت", "الولايات", "المتحدة", "إيطاليا", "الانضمام", "قوة", "الاستقرار", "مئات",
    "between", "20", "and", "30", "killed", "أمس", "أيلول", "2025", "لن", "ترسل", "قوات", ".",
    "،", "؟", "\n", "ـــ", "َ", "the", "ceasefire", "second", "phase", "entered", "ISF", "Rafah",
    "crossing", "closed", "شاحنة", "معبر", "رفح", "said", "قال", "إن", "by", "من قبل",
]  # fmt: skip

mixed = st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)
noise = st.text(max_size=400)
long_line = st.builds(lambda w, n: (w + " ") * n, st.sampled_from(WORDS), st.integers(0, 3000))


@settings(max_examples=150, deadline=None)
@given(st.one_of(noise, mixed, long_line, st.just("")), st.sampled_from(["auto", "ar", "en"]))
def test_extract_never_raises_and_keeps_the_shape(text, language):
    out = extract(text, language=language, published=date(2025, 11, 20))
    assert problems(out, text) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(mixed, noise), max_size=4).map("\n".join))
def test_without_a_published_date(text):
    out = extract(text)
    assert problems(out, text) == []
