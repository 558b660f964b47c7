"""A list's tools in a real browser, in Arabic: filter the casualty figures, save the search,
find it among one's saved searches, copy its link and follow it; the export links carry the
filters. No inline script: the policy sees no violation."""

import pytest

from marsad.core.models import SavedSearch

from .test_content_security_policy import RECORD_VIOLATIONS, log_in, violations

# Records through the pages: runs again on the second database (tests/conftest.py).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.writes]


def test_save_a_filtered_list_then_share_it(tab):
    tab.page.add_init_script(RECORD_VIOLATIONS)
    tab.page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    log_in(tab, "analyst")
    tab.open("/ceasefire/figures/")
    page = tab.page
    page.select_option("#f-source", "GAZA-MOH")
    page.click("#figure-filters button[type=submit]")
    page.wait_for_url("**source=GAZA-MOH**")
    csv = page.get_attribute("#list-tools a[data-format='csv']", "href")
    assert csv == "/exports/figures.csv?source=GAZA-MOH"
    assert page.get_attribute("#list-tools a[data-format='hxl.csv']", "href").endswith(
        "?source=GAZA-MOH"
    )
    page.fill("#save-search-name", "أرقام وزارة الصحة")
    page.click("#list-tools button[type=submit]")
    page.wait_for_selector(".alert-success")
    assert "/ceasefire/figures/?source=GAZA-MOH&" in page.url  # back where it was saved
    search = SavedSearch.objects.get()
    assert search.query == "source=GAZA-MOH"
    page.click("#list-tools a[href='/searches/']")
    page.wait_for_url("**/searches/")
    row = page.locator(f"tr[data-search='{search.pk}']")
    assert "أرقام وزارة الصحة" in row.inner_text()
    row.locator("button[data-copy]").click()
    page.wait_for_function(
        "() => document.querySelector('button[data-copy]').textContent === 'نُسخ'"
    )
    link = page.input_value(f"#share-{search.pk}")
    assert link.endswith(f"/searches/{search.share_key}/")
    page.goto(link)
    page.wait_for_selector("#figure-filters")
    assert page.url.endswith("/ceasefire/figures/?source=GAZA-MOH")
    assert page.input_value("#f-source") == "GAZA-MOH"
    assert violations(tab) == []
    assert tab.errors == []
    assert tab.outside_requests() == []
