"""Near-duplicates: syndicated copies are found, different stories are not."""

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extraction.duplicates import (
    bands,
    clusters,
    many_bands,
    same_story,
    signature,
    signatures,
    similarity,
)

STORY = (
    "قالت وزارة الصحة في غزة إن 12 شخصاً قُتلوا في غارة إسرائيلية على منزل في بني سهيلا شرقي "
    "خان يونس فجر اليوم، فيما أصيب آخرون بجروح متفاوتة، ونقلت الجثامين إلى مستشفى ناصر."
)
COPY = "خان يونس (وكالات) – " + STORY.replace("12", "١٢").replace("إسرائيلية", "اسرائيلية")
OTHER = (
    "أعلنت الحكومة الإيطالية أنها تدرس دعوة الولايات المتحدة للانضمام إلى قوة الاستقرار الدولية، "
    "دون أن تحدد موعداً لقرارها، بحسب مصادر دبلوماسية في روما."
)


def test_a_syndicated_copy_is_the_same_story():
    assert same_story(signature(STORY), signature(COPY))
    assert set(bands(signature(STORY))) & set(bands(signature(COPY)))


def test_another_story_is_not():
    assert similarity(signature(STORY), signature(OTHER)) < 0.2
    assert not same_story(signature(STORY), signature(OTHER))


def test_clusters_group_copies_only():
    found = clusters([("a", signature(STORY)), ("b", signature(OTHER)), ("c", signature(COPY))])
    assert found == [["a", "c"]]


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=400))
def test_any_text_has_a_stable_signature(text):
    assert signature(text) == signature(text)
    assert len(bands(signature(text))) == 16


def test_band_keys_carry_the_scheme_and_fit_the_column():
    keys = bands(signature(STORY))
    assert all(key.startswith("2:") and len(key) <= 24 for key in keys)


def test_the_estimate_follows_the_jaccard_similarity():
    from marsad.extraction.normalize import fold

    def grams(text):
        folded = fold(text)
        return {folded[i : i + 5] for i in range(len(folded) - 4)}

    words = (STORY + " " + OTHER).split()
    changed = " ".join(w if i % 4 else "كلمة" for i, w in enumerate(words))
    first, second = grams(" ".join(words)), grams(changed)
    jaccard = len(first & second) / len(first | second)
    estimate = similarity(signature(" ".join(words)), signature(changed))
    assert abs(estimate - jaccard) < 0.15


def test_a_long_text_is_fingerprinted_in_bounded_pieces():
    long = (STORY + "\n") * 3000
    assert same_story(signature(long), signature(STORY))


def test_signatures_are_pinned_because_they_are_stored():
    # A change here makes every stored fingerprint stale: change SCHEME with it.
    assert signature("قطاع غزة")[:4] == [2632732690, 475569911, 6611145, 1205073447]
    assert bands(signature("قطاع غزة"))[0] == "2:00:e89191a762d33b51"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=60), max_size=12))
def test_a_batch_gives_each_text_its_own_signature(texts):
    # Short texts, texts shorter than a 5-gram and empty ones side by side: no 5-gram may run
    # from one text into the next.
    assert signatures(texts) == [signature(text) for text in texts]
    assert many_bands(signatures(texts)) == [bands(signature(text)) for text in texts]


def test_a_batch_of_long_and_short_texts_gives_the_stored_values():
    texts = [STORY, "", "غزة", (STORY + "\n") * 40, COPY, OTHER * 12, STORY]
    assert signatures(texts) == [signature(text) for text in texts]
