"""The ceasefire in a real browser: the Arabic dashboard with its chart and map, the incident
map filtered by governorate, and an incident with its competing figures."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_dashboard_in_arabic_draws_the_series_and_the_map(tab):
    tab.open("/ceasefire/")
    page = tab.page
    assert page.get_attribute("html", "dir") == "rtl"
    page.wait_for_selector("#governorate-map[data-ready='1']")
    assert page.eval_on_selector("#daily-chart", "c => Chart.getChart(c).data.labels.length") > 300
    assert page.locator("#since-truce tr[data-definition='new_deaths']").count() == 1
    assert page.eval_on_selector("#governorate-map", "m => getComputedStyle(m).direction") == "ltr"
    assert tab.errors == []
    assert tab.outside_requests() == []


def test_map_filters_and_opens_an_incident(tab):
    tab.open("/en/ceasefire/map/")
    page = tab.page
    page.wait_for_selector("#incident-map[data-ready='1']")
    assert page.inner_text("#incident-map-status") == "2"
    page.select_option("#f-pcode", "PS0270")
    page.click("#incident-filters button[type=submit]")
    page.wait_for_url("**pcode=PS0270**")
    # A locator's expectation, not wait_for_function: the policy forbids evaluating strings.
    expect(page.locator("#incident-map-status")).to_have_text("1")
    page.locator("#incident-map path.leaflet-interactive").last.click()
    page.locator(".leaflet-popup-content a").click()
    page.wait_for_selector("#figures")
    assert "Khan Younis" in page.inner_text("h1")
    # Competing figures of the same strike, side by side, each in its source's words.
    moh = page.locator("#figures tr[data-source='GAZA-MOH']")
    army = page.locator("#figures tr[data-source='IDF']")
    assert (moh.count(), army.count()) == (1, 1)
    assert "4" in moh.locator("td").nth(2).inner_text()
    assert "2" in army.locator("td").nth(2).inner_text()
    assert "two militants" in army.inner_text()
    assert tab.errors == []
