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


def test_a_capital_after_a_full_stop_opens_a_sentence_of_a_lower_cased_text():
    # extraction splits the normalized text, which is lower-cased: the case is read in the
    # original
    from marsad.extraction.normalize import normalize

    text = "Gunmen attacked a convoy near Jenin, the military said. Hamas praised the attack."
    norm = normalize(text)
    spans = split_sentences(norm.text, text, norm.to_original)
    assert [text[a:b] for a, b in spans] == [
        "Gunmen attacked a convoy near Jenin, the military said.",
        "Hamas praised the attack.",
    ]
    assert split_sentences(norm.text) == [(0, len(text))]
    # a lower-case word after the dot still goes on ("approx. five")
    text = "The convoy carried approx. five tonnes of flour."
    norm = normalize(text)
    assert split_sentences(norm.text, text, norm.to_original) == [(0, len(text))]
