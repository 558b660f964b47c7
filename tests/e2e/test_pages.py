"""The first pages in a real browser: Arabic right-to-left first, English one click away."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_is_arabic_rtl_and_switches_to_english(tab):
    page = tab.page
    tab.open("/")
    assert page.get_attribute("html", "lang") == "ar"
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.locator("h1").inner_text().startswith("مرصد")
    # The bar chart and the map were drawn from local files.
    page.wait_for_selector("#map path.leaflet-interactive")
    assert page.locator("#map path.leaflet-interactive").count() >= 5
    assert page.eval_on_selector("#claims-chart", "c => c.width > 0 && !!Chart.getChart(c)")
    assert page.eval_on_selector("#map", "m => getComputedStyle(m).direction") == "ltr"

    page.click("#language-switch")
    page.wait_for_url(tab.base + "/en/")
    assert page.get_attribute("html", "lang") == "en"
    assert page.get_attribute("html", "dir") == "ltr"
    assert "Latest documents" in page.content()
    assert tab.errors == []
    assert tab.outside_requests() == []


def test_actor_page_shows_both_names(tab):
    tab.open("/actors/ITA/")
    assert tab.page.inner_text("#name-ar") == "إيطاليا"
    assert tab.page.inner_text("#name-en") == "Italy"
    assert tab.page.locator(".claim-card").count() >= 3
    tab.page.click("#language-switch")
    tab.page.wait_for_url(tab.base + "/en/actors/ITA/")
    assert tab.page.inner_text("#name-en") == "Italy"
    assert tab.errors == []


def test_document_evidence_lights_up_its_claim(tab):
    tab.open("/en/documents/")
    tab.page.locator("table a[lang=ar]").first.click()
    tab.page.wait_for_selector("#document-text mark")
    mark = tab.page.locator("#document-text mark").first
    claim_id = mark.get_attribute("data-claims").split()[0]
    mark.hover()
    assert "focus" in tab.page.get_attribute(f"#claim-{claim_id}", "class")
    assert tab.page.get_attribute("#document-text", "dir") == "rtl"
    assert tab.errors == []


def test_governorate_page_draws_its_polygon(tab):
    tab.open("/actors/PS0270/")
    tab.page.wait_for_selector("#map path.leaflet-interactive")
    assert tab.errors == []
