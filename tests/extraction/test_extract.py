"""The output keeps the contract: shape, vocabularies, ids, offsets."""

from datetime import date

import pytest

from marsad.extraction.contract import CONTRACT, MAX_SPANS
from marsad.extraction.extract import MAX_BLOCK, extract
from tests.extraction.shape import SCHEMA_PATH, problems, schema, validate

ARTICLE = (
    "كشفت تقارير إعلامية، نقلتها وكالة بلومبرغ عن مصادر مطلعة، أن الولايات المتحدة دعت إيطاليا "
    "رسمياً إلى الانضمام إلى قوة الاستقرار الدولية بصفة عضو مؤسس. وامتنعت رئاسة الوزراء "
    "الإيطالية عن التعليق، فيما لم ترد وزارة الخارجية على طلبات التعليق. وقُتل 12 فلسطينياً في "
    "غارة إسرائيلية على حي الشجاعية فجر اليوم، بحسب وزارة الصحة في غزة."
)


def test_the_article_yields_the_expected_claims_in_contract_shape():
    out = extract(ARTICLE, published=date(2025, 11, 20), path="a.txt")
    assert problems(out, ARTICLE) == []
    assert out["contract"] == CONTRACT
    assert out["document"]["language"] == "ar"
    assert out["document"]["path"] == "a.txt"
    assert out["document"]["published"] == "2025-11-20"
    types = [c["type"] for c in out["claims"]]
    assert types[0] == "invitation"
    assert {"comment_refusal", "attack", "casualties"} <= set(types)
    invitation = out["claims"][0]
    assert invitation["attribution"]["source"] == "BLOOMBERG"
    assert invitation["attribution"]["source_kind"] == "media"


def test_mentions_point_at_the_names_in_the_original_text():
    out = extract(ARTICLE)
    by_id = {e["id"]: e for e in out["entities"]}
    start, end = by_id["ITA"]["mentions"][0]
    assert ARTICLE[start:end] == "إيطاليا"
    assert by_id["ISR"]["iso3"] == "ISR"
    assert by_id["ITA-PMO"]["parent"] == "ITA"
    for claim in out["claims"]:
        span = claim["evidence"][0]
        assert ARTICLE[span["start"] : span["end"]].strip()
        assert span["rule"]


@pytest.mark.skipif(schema() is None, reason=f"{SCHEMA_PATH} is absent (../shared not beside)")
def test_output_validates_against_the_published_schema():
    out = extract(ARTICLE, published=date(2025, 11, 20))
    assert validate(out, schema()) == []
    broken = {**out, "contract": "other"}
    assert validate(broken, schema())


def test_empty_and_letterless_texts():
    for text in ("", "   \n", "12345 -- !!"):
        out = extract(text)
        assert out["claims"] == []
        assert out["entities"] == []
        assert out["document"]["language"] == "other"
        assert problems(out, text) == []


def test_language_can_be_forced_but_must_be_known():
    assert extract("Italy", language="ar")["document"]["language"] == "ar"
    with pytest.raises(ValueError, match="language"):
        extract("Italy", language="fr")


def test_a_text_of_several_blocks_keeps_offsets_right():
    sentence = "Israeli forces opened fire in Rafah, wounding three people.\n"
    text = sentence * (3 * MAX_BLOCK // len(sentence))
    out = extract(text, published=date(2025, 11, 20))
    assert problems(out, text) == []
    rafah = next(e for e in out["entities"] if e["id"] == "PS0275")
    assert len(rafah["mentions"]) == text.count("Rafah")
    for start, end in rafah["mentions"][-3:]:
        assert text[start:end] == "Rafah"
    assert len(out["claims"]) == 2  # the same claims, with every sentence as evidence
    # Every sentence is evidence, up to the contract's bound on spans.
    assert text.count("\n") > MAX_SPANS
    assert len(out["claims"][0]["evidence"]) == MAX_SPANS
