"""The bar, refusals in the reader's language and the digit style: what every page shares."""

import pytest
from django.test import Client
from django.utils import translation

from marsad.core.errors import InvalidInput
from marsad.extraction.contract import Problem
from marsad.web.navigation import AREAS, MENU, menu
from marsad.web.problems import explain

pytestmark = pytest.mark.django_db


def test_the_bar_has_at_most_seven_entries_and_each_area_once():
    assert len(MENU) <= 7
    names = [name for name, _label in AREAS]
    assert len(names) == len(set(names))
    assert len(menu(writer=True)) <= 7
    reader = [name for entry in menu() for name in entry.names]
    assert "imports:index" not in reader
    assert "conflicts" not in reader


def test_grouped_entries_are_drop_down_menus_in_both_languages():
    for prefix in ("", "/en"):
        html = Client().get(prefix + "/").content.decode()
        bar = html.split('id="nav-menu"')[1].split("</nav>")[0]
        assert 'data-bs-toggle="dropdown"' in bar
        assert bar.count('class="nav-item') <= 7 + bar.count("dropdown-item")
        assert f'href="{prefix}/help/"' in bar


def test_a_refusal_names_the_field_and_the_message_in_the_readers_language():
    message = "the marking 'nations' needs at least one nation"
    refused = InvalidInput(Problem("releasable_to", [], message))
    with translation.override("ar"):
        arabic = explain(refused)
    with translation.override("en"):
        english = explain(refused)
    assert "releasable_to" not in arabic
    assert "nations" not in arabic
    assert "دولة واحدة على الأقل" in arabic
    assert english.startswith("releasable to: Name at least one nation for this marking.")
    choice = InvalidInput.one("marking", "secret", "must be one of public, force (or empty)")
    with translation.override("ar"):
        assert "must be one of" not in explain(choice)


def test_a_digit_style_that_is_not_offered_is_ignored():
    client = Client()
    client.cookies["marsad_digits"] = "roman"
    assert '<body data-digits="arab">' in client.get("/").content.decode()
    assert '<body data-digits="latn">' in client.get("/en/").content.decode()
    client.cookies["marsad_digits"] = "latn"
    assert '<body data-digits="latn">' in client.get("/").content.decode()


def test_the_guide_is_served_in_both_languages():
    arabic = Client().get("/help/").content.decode()
    english = Client().get("/en/help/").content.decode()
    assert 'dir="rtl"' in arabic
    assert "معنى كل وسم" in arabic
    assert "What each marking means" in english
