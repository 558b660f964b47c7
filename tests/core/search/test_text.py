"""Folding and stemming for search, with real Arabic: the spellings a reader types find the
spellings a text uses, and nothing a reader types reaches an engine's query syntax."""

import pytest

from marsad.core.search.text import MAX_WORDS, index_text, query_terms, snippet


def finds(query: str, text: str) -> bool:
    """Whether every word of `query` has a stem among the terms `text` is indexed under."""
    terms = set(index_text(text).split())
    groups = query_terms(query)
    return bool(groups) and all(any(term in terms for term in group) for group in groups)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("ايطاليا", "دعت الولايات المتحدة إيطاليا إلى الانضمام"),  # hamza under alef
        ("ايطاليا", "وإيطاليا لم ترد"),  # conjunction
        ("ايطاليا", "قال مسؤول لإيطاليا"),  # preposition
        ("ايطاليا", "بإيطاليا"),
        ("إيطاليا", "ايطاليا"),
        ("ايطاليا", "إِيطَالْيَا"),  # diacritics
        ("ايطاليا", "إيـــطاليا"),  # tatweel
        ("آمال", "امال"),  # madda
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("غزة", "غزه"),  # ta marbuta
        ("غزة", "في قطاع غزة"),
        ("الوزارة", "وزارة"),  # article
        ("وزارة", "والوزارة"),
        ("مسؤول", "مسئول"),  # hamza carriers fold as the extraction core folds them
        ("المعابر", "معابر"),
        ("معبر", "المعبر"),
        ("خانيونس", "غارة على خان يونس"),  # one word or two
        ("خان يونس", "في خانيونس"),
        ("خانيونس", "بخان يونس"),
        ("بيت لاهيا", "بيتلاهيا"),
        ("رفح", "معبر رفح"),
        ("police", "the future Palestinian police"),  # English stemmed
        ("trainers", "training and trainer nations"),
        ("strikes", "an air strike"),
        ("Khan Younis", "east of khanyounis"),
    ],
)
def test_spellings_find_each_other(query, text):
    assert finds(query, text)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("ايطاليا", "فرنسا"),
        ("بيت", "يت"),  # a word beginning with ب is not cut to a shorter word
        ("police", "politics"),
    ],
)
def test_different_words_do_not_match(query, text):
    assert not finds(query, text)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "ًٌٍَُِّْـ",  # diacritics and tatweel only
        '"" () * ^ : - + NEAR AND OR NOT',
        "\u200f\u200e",
    ],
)
def test_queries_without_words_have_no_terms(query):
    assert query_terms(query) == []


def test_operators_and_quotes_are_dropped_not_passed_on():
    groups = query_terms('"Italy" AND police* OR NEAR(x, 3) col:value')
    terms = {term for group in groups for term in group}
    assert terms <= {"itali", "polic", "x", "3", "col", "valu"}
    assert all(term.isalnum() for term in terms)


def test_a_very_long_query_is_cut_not_refused():
    assert len(query_terms("إيطاليا " * 10_000)) == 1
    assert len(query_terms(" ".join(f"word{n}" for n in range(100)))) == MAX_WORDS


def test_snippet_marks_the_words_as_written_and_escapes_the_rest():
    text = "<script>x</script> وقالت إِيطَالْيَا إنها تدرس الدعوة"
    html = snippet(text, query_terms("ايطاليا"))
    assert "<mark>إِيطَالْيَا</mark>" in html
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_snippet_opens_near_the_first_match():
    text = "filler " * 200 + "Italy was invited. " + "more " * 200
    html = snippet(text, query_terms("italy"), width=120)
    assert html.startswith("…")
    assert html.endswith("…")
    assert "<mark>Italy</mark>" in html
    assert len(html) < 200


@pytest.mark.parametrize(
    "text",
    [
        "",
        "غارة على خان يونس وبيت لاهيا، وبخان يونس قتل 3",
        "On 12 November 2025, an air strike hit a house in Khan Yunis and Beit Lahiya; PSE75457",
        "ومسؤول في وزارة الصحة قال لإيطاليا إن ابو بكر ام سلمة عبد الله",
        "khan beit deir abu umm abd ras",  # heads one after another, the last with no follower
        "خان",
        "Al-Qassam Brigades (2006-) الكتائب القسّامية",
    ],
)
def test_the_index_text_is_the_terms_of_each_part_one_after_another(text):
    from marsad.core.search.text import index_terms

    parts = [text, text.upper(), "", text[: len(text) // 2], text * 40]
    expected = " ".join(t for part in parts if part for t in [" ".join(index_terms(part))] if t)
    assert index_text(*parts) == expected


def test_english_is_stemmed_by_the_compiled_snowball_with_the_pure_one_s_stems():
    # The compiled stemmers (PyStemmer) are some thirty times faster; an ingest stems every new
    # word it meets. They must give the stems the pure-Python ones give, or an index built by
    # one would not answer queries stemmed by the other.
    from snowballstemmer.english_stemmer import EnglishStemmer

    from marsad.core.search import text

    assert type(text._english).__module__ == "Stemmer"
    pure = EnglishStemmer()
    raw = "ceasefire violations reported peacekeepers patrolling shelling humanitarian".split()
    raw += "corridors reopened generously deployments hoping relations flies dying".split()
    assert [text._english.stemWord(w) for w in raw] == [pure.stemWord(w) for w in raw]


_LABELS = [
    "غارة",
    "Strike",
    "خان",
    "Khan",
    "ابو",
    "بيت",
    "وبخان",
    "abu",
    "ΟΣ",
    "Casualty figure",
    "",
]
_TITLES = [
    "",
    "يونس: قصف",
    "Yunis hit again",
    "σ and Σ",
    "  spaces first",
    ": colon first",
    "خان يونس وبيت لاهيا",
    "PSE75457 Beit Lahiya",
    "İstanbul ΣΑΣ σ",
    "ـ tatweel and ﻻ ligature",
]


@pytest.mark.parametrize("label", _LABELS)
@pytest.mark.parametrize("title", _TITLES)
def test_a_label_before_a_text_adds_its_own_terms_to_the_text_s(label, title):
    # A claim's search title is "label: title"; the title's terms come from the extraction
    # worker. Told from them, the terms must be those of the whole, or not told at all.
    from marsad.core.search.text import index_text_after

    found = index_text_after(f"{label}: ", index_text(title))
    assert found is None or found == index_text(f"{label}: {title}")
    if label in ("Strike", "Casualty figure", "غارة"):
        assert found is not None


def test_a_prefix_not_ending_in_the_separator_is_not_told():
    from marsad.core.search.text import index_text_after

    assert index_text_after("Strike", index_text("zone")) is None
