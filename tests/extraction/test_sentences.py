from hypothesis import given
from hypothesis import strategies as st

from marsad.extraction.normalize import normalize
from marsad.extraction.sentences import MAX_SENTENCE, split_sentences


def pieces(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_latin_and_arabic_ends_and_newlines():
    text = normalize("قُتل 3. هل انتهت الهدنة؟ نعم\nسطر جديد").text
    assert pieces(text) == ["قتل 3.", "هل انتهت الهدنه?", "نعم", "سطر جديد"]


def test_abbreviations_and_decimals_do_not_cut():
    text = "The U.S. Army paid 2.5 million. Mr. Smith left. It rained."
    assert pieces(text) == ["The U.S. Army paid 2.5 million.", "Mr. Smith left.", "It rained."]


def test_quotes_close_their_sentence():
    assert pieces('He said "no." Then left.') == ['He said "no."', "Then left."]


def test_a_line_without_stops_is_cut_into_bounded_pieces():
    spans = split_sentences("كلمة " * 2000)
    assert len(spans) > 1
    assert all(b - a <= 2 * MAX_SENTENCE for a, b in spans)


@given(st.text(max_size=400))
def test_spans_are_ordered_and_inside(text):
    last = 0
    for a, b in split_sentences(text):
        assert last <= a < b <= len(text)
        last = b
