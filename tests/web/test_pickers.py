"""Pickers on the demo: Arabic spellings fold (alef forms, spaces), both languages are searched,
nothing hidden from the reader is proposed, and nothing is created by typing."""

import pytest
from django.test import Client

from marsad.core.models import Actor
from marsad.core.services.actors import create_actor
from marsad.core.services.base import SystemUser


def options(path, client=None):
    html = (client or Client()).get(path).content.decode()
    return html


def test_arabic_spellings_fold_to_the_stored_names(demo):
    html = options("/pick/actors/?q=ايطاليا")  # written without the hamza of إيطاليا
    assert 'data-value="ITA"' in html
    assert "<bdi>إيطاليا</bdi>" in html
    assert 'data-value="PS0270"' in options("/pick/places/?q=خانيونس")  # خان يونس, no space
    english = options("/en/pick/actors/?q=ital")
    assert 'data-value="ITA"' in english
    assert "<bdi>Italy</bdi>" in english


def test_the_search_box_sends_its_own_name_and_odd_input_finds_nothing_quietly(demo):
    assert 'data-value="PS0270"' in options("/pick/places/?place__search=خان%20يونس")
    for odd in ("\u064e\u0651", '"OR 1=1', "x" * 5000, "%"):
        response = Client().get("/pick/actors/", {"q": odd})
        assert response.status_code == 200
    assert Client().get("/pick/nothing/?q=a").status_code == 404


def test_places_picker_offers_places_only_with_their_p_codes(demo):
    html = options("/en/pick/places/?q=gaza")
    assert "PS0255" in html or "PS0260" in html
    assert 'data-value="ITA"' not in options("/en/pick/places/?q=ital")


def test_a_picker_proposes_only_what_its_reader_may_read(demo, demo_users):
    create_actor(
        by=SystemUser("system:test"),
        key="SECRET-UNIT",
        kind="force",
        name_ar="وحدة سرية",
        name_en="Hidden unit",
        marking="internal",
    )
    assert "SECRET-UNIT" not in options("/en/pick/actors/?q=hidden")
    analyst = Client()
    analyst.force_login(demo_users["analyst"])
    assert "SECRET-UNIT" in options("/en/pick/actors/?q=hidden", analyst)


def test_typing_a_name_creates_no_actor(demo):
    before = Actor.objects.count()
    options("/pick/actors/?q=دولة لا وجود لها")
    assert Actor.objects.count() == before


@pytest.mark.parametrize("size", [1, 40])
def test_a_picker_answers_in_the_same_queries_whatever_the_number_of_actors(
    demo, size, django_assert_max_num_queries
):
    for n in range(size):
        create_actor(
            by=SystemUser("system:test"),
            key=f"EXTRA-{n}",
            kind="organization",
            name_ar=f"منظمة {n}",
            name_en=f"Organisation {n}",
            marking="public",
        )
    with django_assert_max_num_queries(3):
        assert Client().get("/pick/actors/?q=منظمة").status_code == 200


def test_the_claims_filter_chooses_its_actor_with_a_picker(demo):
    html = Client().get("/claims/?actor=ITA").content.decode()
    assert 'data-widget="picker"' in html
    assert 'name="actor" value="ITA"' in html
    assert 'value="إيطاليا"' in html  # the chosen actor's name in the search box
    assert "marsad/picker.js" in html
