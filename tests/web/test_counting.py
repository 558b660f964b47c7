"""A number and what it counts agree as the reader's language wants: Arabic's six forms and
the case of the phrase, English's two; the force-generation page says it that way."""

from __future__ import annotations

import pytest
from django.utils import translation

from marsad.web.counting import counted

ARABIC = {
    0: "0 من مدربي الشرطة",
    1: "مدرّب شرطة واحد",
    2: "مدرّبا شرطة",
    3: "3 من مدربي الشرطة",
    11: "11 من مدربي الشرطة",
    100: "100 من مدربي الشرطة",
    200: "200 من مدربي الشرطة",
}
TRUCKS = {
    0: "0 من الشاحنات",
    1: "شاحنة واحدة",
    2: "شاحنتان",
    3: "3 شاحنات",
    11: "11 شاحنةً",
    100: "100 شاحنة",
    200: "200 شاحنة",
}


@pytest.mark.parametrize("number", list(ARABIC))
def test_arabic_counts_a_noun_in_six_forms(number):
    with translation.override("ar"):
        assert counted(number, "police_trainers") == ARABIC[number]
        assert counted(number, "trucks") == TRUCKS[number]


def test_the_dual_follows_the_case_of_the_phrase():
    with translation.override("ar"):
        assert counted(2, "police_trainers", "genitive") == "مدرّبَي شرطة"
        assert counted(2, "infantry", "genitive") == "جنديَّين"
        assert counted(1, "police_trainers", "genitive") == "مدرّب شرطة واحد"
        assert counted(200, "funding_usd", "genitive") == "200 دولار أمريكي"
        assert counted(11, "usd") == "11 دولارًا أمريكيًا"


def test_digits_in_the_readers_style_and_english_plurals():
    with translation.override("ar"):
        assert counted(1200, "persons", digits="arab") == "١٬٢٠٠ شخص"
        assert counted(103, "persons") == "103 أشخاص"  # 103 ends in 3: the plural of few
    with translation.override("en"):
        assert counted(1, "police_trainers") == "1 police trainer"
        assert counted(200, "police_trainers") == "200 police trainers"
        assert counted(0, "trucks") == "0 trucks"
    assert counted(None, "trucks") == "–"
    assert counted(5, "none") == "5"  # a pledge without a unit: the number alone


@pytest.mark.django_db
def test_force_generation_says_the_counted_noun_in_its_case(demo_users, client):
    client.force_login(demo_users["analyst"])
    arabic = client.get("/mandate/force-generation/").content.decode()
    assert "من مدربو" not in arabic
    assert "من مدربي الشرطة" in arabic or "مدرّبَي شرطة" in arabic
    english = client.get("/en/mandate/force-generation/").content.decode()
    assert "would add" in english
