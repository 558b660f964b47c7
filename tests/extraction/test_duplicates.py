"""Near-duplicates: syndicated copies are found, different stories are not."""

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extraction.duplicates import bands, clusters, same_story, signature, similarity

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
