"""Text hygiene: compatibility characters, numbers that are no counts, other encodings."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extraction.extract import extract
from marsad.extraction.figures import find_numbers
from marsad.extraction.normalize import normalize
from marsad.extraction.text_files import read_text
from tests.extraction.shape import problems

PRESENTATION = "ﺇﺳﺮﺍﺋﻴﻞ"  # إسرائيل in Arabic presentation forms B


def test_presentation_forms_are_read_and_offsets_point_at_the_original():
    text = f"قالت {PRESENTATION} إن ﻻ اتفاق، وقالت إيطاليا"
    norm = normalize(text)
    assert "اسراييل" in norm.text
    assert "لا اتفاق" in norm.text
    out = extract(text, published=date(2025, 11, 20))
    assert problems(out, text) == []
    mentions = {e["id"]: e["mentions"] for e in out["entities"]}
    start, end = mentions["ISR"][0]
    assert text[start:end] == PRESENTATION
    start, end = mentions["ITA"][0]
    assert text[start:end] == "إيطاليا"  # after the two-letter ligature ﻻ


def test_a_ligature_keeps_both_ends_of_the_map():
    text = "ﻻ" + "ب"
    norm = normalize(text)
    assert norm.text == "لاب"
    assert [norm.to_original(i) for i in range(4)] == [0, 0, 1, 2]


@pytest.mark.parametrize(
    "words",
    [
        "killed 1,2,3,4,5,6,7,8,9 people",
        "قتل 1،2،3 أشخاص",
        "killed 1.2e+06 people",
        "killed 3e5 people",
        "killed " + "٣" * 6000 + " people",
        "killed 12,34 people",
    ],
)
def test_lists_runs_and_scientific_notation_are_no_numbers(words):
    norm = normalize(words)
    values = [n.best for n in find_numbers(norm.text)]
    assert all(v < 100 for v in values), values


def test_grouped_numbers_are_still_read():
    assert [n.best for n in find_numbers(normalize("killed 1,234 people").text)] == [1234]
    assert [n.best for n in find_numbers(normalize("قتل ٦٬٠٠٠ شخص").text)] == [6000]


def test_no_toll_from_a_long_digit_run():
    text = "قتل " + "٣" * 6000 + " فلسطينياً في غارة إسرائيلية على غزة."
    out = extract(text, published=date(2025, 11, 20))
    assert problems(out, text) == []
    for claim in out["claims"]:
        for figure in claim["figures"].values():
            assert figure["best"] is None or figure["best"] < 10**9


@pytest.mark.parametrize(
    ("data", "said"),
    [
        ("غزة".encode("utf-16"), "UTF-16"),
        ("غزة".encode("utf-16-le"), "UTF-16 (little-endian, no byte-order mark)"),
        ("Gaza strip".encode("utf-16-be"), "UTF-16 (big-endian, no byte-order mark)"),
        ("غزة".encode("utf-32"), "UTF-32"),
        ("قطاع غزة".encode("cp1256"), "Windows-1256"),
        ("café crème".encode("latin-1"), "Latin-1"),
    ],
)
def test_other_encodings_are_named(tmp_path, data, said):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    with pytest.raises(ValueError, match="UTF-8") as raised:
        read_text(path)
    assert said in str(raised.value)


COMPAT = st.sampled_from(
    ["ﺇﺳﺮﺍﺋﻴﻞ", "ﻻ", "ﷲ", "ﱞ", "１２", "ﬁ", "ﻏﺰﺓ", "﷽", "ﹰ", "ﭑ", " ", "\n", "قتل", "killed", "٫"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(COMPAT, st.text(max_size=20)), max_size=40).map("".join))
def test_any_text_with_compatibility_characters_keeps_the_contract(text):
    norm = normalize(text)
    offsets = [norm.to_original(i) for i in range(len(norm.text) + 1)]
    assert offsets == sorted(offsets)
    assert offsets[-1] == len(text)
    out = extract(text, published=date(2006, 7, 20))
    assert problems(out, text) == []


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["1", "2", "٣", ",", "،", ".", "e", "+", "-", " ", "killed", "قتل"]),
        max_size=60,
    ).map("".join)
)
def test_numbers_in_any_arrangement_give_no_absurd_toll(text):
    out = extract(text, published=date(2006, 7, 20))
    assert problems(out, text) == []
    for claim in out["claims"]:
        for figure in claim["figures"].values():
            assert figure["best"] is None or figure["best"] < 10**16
