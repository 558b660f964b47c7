"""Pages: Arabic first, English one click away, both names, evidence, deny by default."""

import re

from django.test import Client

from marsad.core.models import Claim, Document

from ..conftest import PASSWORD


def page(path, user=None, **headers):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client.get(path, **headers)


def test_home_is_arabic_and_right_to_left_whatever_the_browser_asks(demo):
    response = page("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<html lang="ar" dir="rtl">', html)
    assert "bootstrap.rtl.min.css" in html
    assert 'href="/en/"' in html  # the switch to English
    assert "مرصد" in html


def test_english_is_one_click_away(demo):
    html = page("/en/").content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "bootstrap.min.css" in html
    assert "bootstrap.rtl" not in html
    assert 'id="language-switch" href="/"' in html
    assert "Latest documents" in html


def test_home_counts_what_the_reader_may_see(demo):
    html = page("/en/").content.decode()
    public_docs = Document.objects.filter(marking="public").count()
    assert f'<div class="stat">{public_docs}</div>' in html


def test_navigation_shows_only_areas_that_exist(demo):
    from django.urls import NoReverseMatch, reverse

    from marsad.web.navigation import AREAS, WRITERS_ONLY

    html = page("/en/").content.decode()
    menu = html.split('<ul class="navbar-nav me-auto" id="nav-menu">')[1].split("</nav>")[0]
    for name, label in AREAS:
        try:
            url = reverse(name)
        except NoReverseMatch:
            assert f">{label}<" not in menu
        else:
            shown = f'href="/en{url}"' in menu or f'href="{url}"' in menu
            assert shown is (name not in WRITERS_ONLY), name


def test_actor_page_shows_both_names_and_its_claims(demo):
    html = page("/en/actors/ITA-PMO/").content.decode()
    assert 'id="name-ar">' in html
    assert 'id="name-en">' in html
    assert "declined to comment" in html
    assert "Bloomberg" in html
    arabic = page("/actors/ITA-PMO/").content.decode()
    assert "امتنع عن التعليق" in arabic or "امتنعت عن التعليق" in arabic


def test_actor_search_and_kind_filter(demo):
    html = page("/en/actors/?q=غزة&kind=place").content.decode()
    assert "/en/actors/PS0260/" in html
    assert "/en/actors/ITA/" not in html


def test_document_page_highlights_each_claims_evidence(demo):
    doc = Document.objects.get(language="ar", title__contains="عضو مؤسس")
    html = page(f"/documents/{doc.pk}/").content.decode()
    claims = Claim.objects.filter(document=doc)
    assert html.count("<mark") >= 1
    for claim in claims:
        assert f'id="claim-{claim.pk}"' in html
        assert re.search(rf'data-claims="[^"]*\b{claim.pk}\b', html)
    assert 'dir="rtl"' in html


def test_restricted_pages_are_not_found_for_those_who_may_not_read_them(demo, demo_users):
    note = Document.objects.get(marking="nations")
    assert page(f"/en/documents/{note.pk}/").status_code == 404
    assert page(f"/en/documents/{note.pk}/", demo_users["fra"]).status_code == 404
    assert page(f"/en/documents/{note.pk}/", demo_users["ita"]).status_code == 200
    listing = page("/en/documents/", demo_users["fra"]).content.decode()
    assert f"/en/documents/{note.pk}/" not in listing
    claim = note.claims.first()
    assert (
        f'id="claim-{claim.pk}"'
        not in page("/en/claims/?page_size=500", demo_users["fra"]).content.decode()
    )


def test_claim_filters_on_the_page(demo):
    html = page("/en/claims/?type=comment_refusal").content.decode()
    assert "Refusal to comment" in html
    assert "Invitation</span>" not in html


def test_login_and_admin_in_both_languages(demo, demo_users):
    client = Client()
    response = client.post("/en/login/", {"username": "admin", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/en/admin/").status_code == 200
    arabic = client.get("/admin/").content.decode()
    assert 'lang="ar"' in arabic
    assert 'dir="rtl"' in arabic
    wrong = Client().post("/en/login/", {"username": "admin", "password": "nope"})
    assert "not right" in wrong.content.decode()


def test_digit_style_is_the_readers_choice(demo):
    client = Client()
    arabic = client.get("/").content.decode()
    assert re.search(r'<div class="stat">[٠-٩]+</div>', arabic)
    client.get("/digits/?style=latn&next=/")
    latin = client.get("/").content.decode()
    assert re.search(r'<div class="stat">[0-9]+</div>', latin)
    assert client.get("/digits/?style=latn&next=https://evil.example/").url == "/"


def test_unknown_actor_is_404(demo):
    assert page("/en/actors/NOPE/").status_code == 404
