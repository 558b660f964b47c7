"""The programs in a real browser: the Arabic dashboard with its readiness map, and an analyst
reading the readiness table and Italy's course."""

import pytest

from marsad.core.services.base import SystemUser
from marsad.core.services.users import create_user

from ..conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(tab, username):
    tab.open("/login/")
    tab.page.fill("#id_username", username)
    tab.page.fill("#id_password", PASSWORD)
    tab.page.click("main button[type=submit]")
    tab.page.wait_for_load_state()


def test_dashboard_in_arabic_draws_the_readiness_map(tab):
    tab.open("/programs/")
    page = tab.page
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.get_attribute("html", "lang") == "ar"
    page.wait_for_selector("#readiness-map[data-ready='1']")
    assert page.locator("#readiness-map path.leaflet-interactive").count() == 5
    assert page.eval_on_selector("#readiness-map", "m => getComputedStyle(m).direction") == "ltr"
    assert page.locator("#training article.course").count() == 1  # Italy's is not public
    assert "مصر والأردن" in page.inner_text("#training")
    assert page.locator("#readiness-scores-table tbody tr").count() == 5
    assert tab.errors == []
    assert tab.outside_requests() == []


def test_analyst_reads_the_readiness_table_and_italys_course(tab):
    create_user(by=SystemUser("t"), username="amal", role="analyst", password=PASSWORD)
    log_in(tab, "amal")
    tab.open("/programs/readiness/")
    page = tab.page
    page.wait_for_selector("#readiness-map[data-ready='1']")
    opacities = page.eval_on_selector_all(
        "#readiness-map path.leaflet-interactive",
        "paths => paths.map(p => parseFloat(p.getAttribute('fill-opacity')))",
    )
    assert len(opacities) == 5
    assert max(opacities) > min(opacities)  # shaded by score
    assert page.locator("#indicators tbody tr").count() == 30
    assert page.locator("#readiness-scores-table td[data-score='27']").count() == 1
    assert "إزالة الركام" in page.inner_text("#indicators")
    assert "متوسط" in page.inner_text("#formula")
    tab.open("/programs/")
    page.wait_for_selector("#readiness-map[data-ready='1']")
    assert page.locator("#training article.course").count() == 2
    page.click("#training a:has-text('الكارابينييري')")
    page.wait_for_selector("#course-detail")
    assert page.locator("#course-detail tr[data-status='planned']").count() == 1
    assert page.locator("#course-detail .trainer-nations a[data-nation='ITA']").count() == 1
    assert tab.errors == []
    assert tab.outside_requests() == []
