"""Governance in a real browser: the Board of Peace, its charter and resolution 2803, in Arabic
first and in English one click away."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_board_charter_and_resolution_in_arabic_then_english(tab):
    page = tab.page
    tab.open("/governance/")
    assert page.get_attribute("html", "lang") == "ar"
    assert page.get_attribute("html", "dir") == "rtl"
    assert "مجلس السلام" in page.inner_text("h1")
    assert "ميثاق مجلس السلام" in page.inner_text("#h-charter")
    assert page.locator("h3[data-action='not_signed']").count() == 1
    assert page.locator("h3[data-action='open_to_amendments']").count() == 1
    resolution = page.locator(".card", has_text="قرار مجلس الأمن 2803")
    assert resolution.count() == 1
    assert resolution.locator(".evidence .grade").count() >= 1  # every fact shows its grading

    page.click("#language-switch")
    page.wait_for_url(tab.base + "/en/governance/")
    assert page.get_attribute("html", "dir") == "ltr"
    assert "Board of Peace" in page.inner_text("h1")
    resolution = page.locator(".card", has_text="UN Security Council resolution 2803")
    text = resolution.inner_text()
    assert "13–0–2" in text
    assert "2027-12-31" in text
    assert tab.errors == []
    assert tab.outside_requests() == []
