"""Work that takes over half a second shows that Marsad is working (a bar and a spoken note), by
one mechanism for whole-page submissions, htmx requests and downloads; the answer ends it.
The server is made slow by holding its answer in the browser until the test lets it go."""

import pytest

from marsad.core.services.base import SystemUser
from marsad.core.services.users import create_user

from ..conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(tab, username):
    tab.open("/en/login/")
    tab.page.fill("#id_username", username)
    tab.page.fill("#id_password", PASSWORD)
    tab.page.click("main button[type=submit]")
    tab.page.wait_for_load_state()


def held(page, pattern):
    """Requests to `pattern` wait until the test releases them."""
    waiting = []
    page.route(pattern, lambda route: waiting.append(route))
    return waiting


def shows_work(page):
    """Whether the page shows the work, asked while its navigation is held (the waits of
    Playwright's locators would wait for that navigation first)."""
    for _ in range(50):
        if page.evaluate("() => document.body.classList.contains('marsad-busy')"):
            return page.evaluate("() => !document.getElementById('busy-note').hidden")
        page.wait_for_timeout(100)
    return False


def test_a_slow_submission_and_a_slow_download_show_the_work(tab):
    create_user(by=SystemUser("t"), username="amal", role="analyst", password=PASSWORD)
    log_in(tab, "amal")
    page = tab.page
    tab.open("/mandate/force-generation/")
    assert page.locator("body.marsad-busy").count() == 0
    waiting = held(page, "**/force-generation/?conditional=1")
    page.click("#conditional", no_wait_after=True)  # the switch submits its form
    assert shows_work(page)
    waiting[0].continue_()
    page.wait_for_url("**conditional=1")
    assert page.locator("body.marsad-busy").count() == 0
    assert not page.is_visible("#busy-note")

    tab.open("/coalition/pledges/")
    waiting = held(page, "**/exports/**")
    with page.expect_download() as download:
        page.locator(".list-tools a[download][data-format=csv]").click(no_wait_after=True)
        assert shows_work(page)
        waiting[0].continue_()
    assert download.value.suggested_filename.endswith(".csv")
    page.wait_for_function("() => !document.body.classList.contains('marsad-busy')")
    assert tab.errors == []
