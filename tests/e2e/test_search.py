"""Search from the navigation in a real browser, in Arabic: typing ايطاليا (no hamza) in the
box finds Italy's records written إيطاليا, with the words marked; a facet narrows the results.
No inline script: the policy sees no violation."""

import pytest

from .test_content_security_policy import RECORD_VIOLATIONS, log_in, violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_navigation_box_finds_italy(tab):
    tab.page.add_init_script(RECORD_VIOLATIONS)
    log_in(tab, "analyst")
    tab.open("/")
    page = tab.page
    page.fill("#nav-search-q", "ايطاليا")
    page.press("#nav-search-q", "Enter")
    page.wait_for_selector("#search-results")
    assert "/search/?q=" in page.url
    results = page.locator("#search-results")
    assert "إيطاليا" in results.inner_text()
    assert page.locator("#search-results mark").count() > 0
    assert page.locator("#search-results li[data-kind='claim']").count() > 0
    # The actor facet: Italy, with its count; following it keeps only what names Italy.
    page.click("section[data-facet='actor'] a:has-text('إيطاليا')")
    page.wait_for_url("**actor=ITA**")
    kinds = set(
        page.locator("#search-results li").evaluate_all("els => els.map(e => e.dataset.kind)")
    )
    assert kinds <= {"actor", "claim", "statement", "incident", "document", "consignment"}
    assert page.locator("#search-results a[href='/actors/ITA/']").count() == 1
    assert page.input_value("#nav-search-q") == "ايطاليا"
    assert violations(tab) == []
    assert tab.errors == []
    assert tab.outside_requests() == []
