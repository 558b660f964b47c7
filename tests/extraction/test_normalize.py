import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from marsad.extraction.normalize import fold, normalize


def test_diacritics_and_tatweel_go_and_offsets_come_back():
    text = "قُتِلَ في غــزة"
    norm = normalize(text)
    assert norm.text == "قتل في غزه"
    start = norm.text.index("غزه")
    a, b = norm.span(start, start + 3)
    assert text[a:b] == "غــزة"
    a, b = norm.span(0, 3)
    assert text[a:b] == "قُتِلَ"  # the last letter keeps its vowel mark


def test_letter_forms_digits_and_separators():
    assert normalize("أإآٱ ى ة ؤ ئ").text == "اااا ي ه و ي"
    assert normalize("١٢٬٥٠٠ و۳٫٥ ،؟؛").text == "12,500 و3.5 ,?;"
    assert normalize("Israeli Forces").text == "israeli forces"


def test_length_is_kept_for_characters_that_lower_to_two():
    norm = normalize("İstanbul")
    assert len(norm.text) == len("İstanbul")


def test_fold_matches_texts_and_squeezes_spaces():
    assert fold("  الأمم   المتحدة ") == "الامم المتحده"
    assert fold("الإيطاليّة") == "الايطاليه"


@given(st.text(max_size=300))
def test_offsets_always_land_inside_the_text(text):
    norm = normalize(text)
    # only a compatibility ligature (ﻻ, ﷺ) makes the normalized text longer
    assert len(norm.text) <= len(text) or any(unicodedata.decomposition(c) for c in text)
    offsets = [norm.to_original(i) for i in range(len(norm.text) + 1)]
    assert offsets == sorted(offsets)
    for i in range(len(norm.text) + 1):
        assert 0 <= norm.to_original(i) <= len(text)
    if norm.text:
        a, b = norm.span(0, len(norm.text))
        assert 0 <= a <= b == len(text)


def test_ascii_texts_take_the_shortcut_with_the_same_result():
    from marsad.extraction.normalize import _TABLE, _TABLE_LIST, _lower_keep_length

    # normalize() lowers ASCII texts and replaces tabs only: the table changes no other ASCII
    assert {code for code in _TABLE if code < 128} == {ord("\t")}
    text = "".join(map(chr, range(128))) + " Gaza\tSTRIP"
    assert normalize(text).text == _lower_keep_length(text).translate(_TABLE_LIST)
    assert normalize(text).to_original(5) == 5


def test_the_words_rules_compare_with_the_text_are_written_folded():
    # the rules read the normalized text (أ إ آ → ا, ة → ه, ى → ي, ئ → ي, ؤ → و): a word
    # written otherwise in a rule's word list can never match ("الرئاسه" missed every
    # "الرئاسة العراقية", "تؤد" every "لم تؤد إلى إصابات")
    import importlib
    import pkgutil
    import re

    import marsad.extraction as package

    arabic = re.compile("[\u0621-\u064a]")
    unfolded = []
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"marsad.extraction.{info.name}")
        for name, value in vars(module).items():
            if not isinstance(value, (frozenset, set, tuple)) or not value:
                continue
            if not all(isinstance(v, str) for v in value):
                continue
            for word in value:
                if arabic.search(word) and fold(word) != word.strip():
                    unfolded.append((info.name, name, word))
    assert unfolded == []
