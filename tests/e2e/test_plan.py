"""The plan in a real browser: the tracker in Arabic, the sequencing graph with its deadlock,
and who said what."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_tracker_and_sequencing_deadlock(tab):
    tab.open("/plan/")
    page = tab.page
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.locator("#tracker tbody tr").count() == 20
    # The sequencing page is an entry of the plan's menu.
    page.click("#nav-menu .dropdown-toggle.active")
    page.click("#nav-menu a[href='/plan/sequencing/']")
    page.wait_for_selector("#plan-graph")
    assert page.locator("#plan-graph .node").count() == 20
    assert page.locator("#plan-graph .node-deadlock").count() == 2
    assert page.locator(".deadlock li").count() == 2
    box = page.locator("#plan-graph").bounding_box()
    assert box["width"] > 200
    assert box["height"] > 50
    page.click("#language-switch")
    page.wait_for_url(tab.base + "/en/plan/sequencing/")
    assert "Israel: point 16 only after point 13" in page.inner_text(".deadlock")
    assert tab.errors == []
    assert tab.outside_requests() == []


def test_who_said_what_lists_refusals(tab):
    tab.open("/en/statements/?refusals_only=1")
    items = tab.page.locator("#statement-list > li.refusal")
    assert items.count() >= 3
    assert "declined to comment" in tab.page.inner_text("#statement-list")
    assert tab.errors == []
