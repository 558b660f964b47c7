"""Error pages: in the site's layout and the reader's language, with a way back; the API keeps
JSON; the resolver's patterns are never shown."""

import pytest
from django.test import Client, RequestFactory

from marsad.web import errors

pytestmark = pytest.mark.django_db


def test_a_missing_page_answers_in_arabic_with_a_way_back():
    answer = Client().get("/no-such-page/")
    page = answer.content.decode()
    assert answer.status_code == 404
    assert 'dir="rtl"' in page
    assert "لا توجد صفحة بهذا العنوان" in page
    assert 'href="/"' in page
    assert "no-such-page" not in page.split("<main", 1)[-1].split("</main>")[0]


def test_a_language_prefix_that_does_not_exist_answers_the_arabic_page():
    page = Client().get("/fr/ceasefire/").content.decode()
    assert 'lang="ar"' in page
    assert "لا توجد صفحة بهذا العنوان" in page


def test_english_readers_read_it_in_english_with_the_views_own_words():
    answer = Client().get("/en/documents/999999/")
    page = answer.content.decode()
    assert answer.status_code == 404
    assert 'dir="ltr"' in page
    assert "No such page" in page
    assert "No document with this number is visible to you." in page


def test_a_refusal_says_why_and_offers_to_sign_in(liaison_ita):
    anonymous = Client().get("/en/imports/", HTTP_REFERER="http://testserver/en/ceasefire/")
    page = anonymous.content.decode()
    assert anonymous.status_code == 403
    assert "Only analysts and administrators import files." in page
    assert 'href="/en/login/?next=/en/imports/"' in page
    assert 'href="http://testserver/en/ceasefire/"' in page  # back where the reader came from
    client = Client()
    client.force_login(liaison_ita)
    arabic = client.get("/conflicts/", HTTP_REFERER="https://elsewhere.example/")
    assert arabic.status_code == 403
    assert "لا يحق لك فتح هذه الصفحة" in arabic.content.decode()
    assert "elsewhere.example" not in arabic.content.decode()  # only back into Marsad


def test_the_api_answers_json():
    answer = Client().get("/api/v1/no-such-thing")
    assert answer.status_code == 404
    assert answer["Content-Type"].startswith("application/json")


def test_a_server_error_page_falls_back_to_text_when_it_cannot_render(monkeypatch):
    request = RequestFactory().get("/en/ceasefire/")
    request.user = None
    page = errors.server_error(request)
    assert page.status_code == 500
    assert b"Something went wrong" in page.content or "حدث خطأ".encode() in page.content

    def broken(*args, **kwargs):
        raise RuntimeError("the database is down")

    monkeypatch.setattr(errors, "render", broken)
    text = errors.server_error(request)
    assert text.status_code == 500
    assert text["Content-Type"].startswith("text/plain")
