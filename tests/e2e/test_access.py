"""Humanitarian access in a real browser: the Arabic dashboard with its map of crossings by
status and its trucks chart, and a corridor page with the incidents near it."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_dashboard_in_arabic_draws_the_map_and_the_chart(tab):
    tab.open("/access/")
    page = tab.page
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.get_attribute("html", "lang") == "ar"
    page.wait_for_selector("#access-map[data-ready='1']")
    assert page.eval_on_selector("#access-map", "m => getComputedStyle(m).direction") == "ltr"
    # Five located crossings drawn as markers, five corridors as lines.
    assert page.locator("#access-map path.leaflet-interactive").count() >= 10
    datasets = page.eval_on_selector("#trucks-chart", "c => Chart.getChart(c).data.datasets")
    assert [d["label"] for d in datasets] == ["معبر كرم أبو سالم"]
    assert sum(datasets[0]["data"]) == 275  # the 4 trucks denied entry are not counted
    assert page.locator("#crossing-status tr[data-state='open']").count() == 1
    assert page.locator("#crossing-status tr[data-state='closed']").count() == 1
    assert tab.errors == []
    assert tab.outside_requests() == []


def test_a_corridor_shows_the_incidents_near_it_and_leads_to_its_crossing(tab):
    tab.open("/en/access/corridors/KS-SALAH-AL-DIN/?distance=5000")
    page = tab.page
    page.wait_for_selector("#access-map[data-ready='1']")
    assert page.inner_text("#nearby-incidents tbody").count("East of Khan Younis") == 1
    assert page.get_attribute("#nearby", "data-level") in ("low", "medium", "high")
    page.click("dd a[href*='/crossings/CROSSING-KEREM-SHALOM/']")
    page.wait_for_url("**/crossings/CROSSING-KEREM-SHALOM/")
    page.wait_for_selector("#access-map[data-ready='1']")
    assert page.get_attribute("#state-on-day .badge", "data-state") == "open"
    assert page.eval_on_selector("#trucks-chart", "c => Chart.getChart(c).data.labels.length") == 2
    tab.open("/en/access/crossings/CROSSING-RAFAH/")
    assert page.get_attribute("#state-on-day .badge", "data-state") == "closed"
    assert page.locator("#timeline li[data-expected='1']").count() == 1
    assert tab.errors == []
    assert tab.outside_requests() == []
