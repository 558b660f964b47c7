"""Browser tests: Playwright driving Debian's Chromium against a live Marsad with the demo."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest

from marsad.chromium import CHROMIUM, CHROMIUM_ARGS


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "e2e" in item.nodeid.split("/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is missing: .ci/run installs it before the tests")
        pytest.skip("Debian's chromium is not installed: apt-get install chromium")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
    # test itself (fixtures) are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# The demo as the first browser test of this process loaded it, kept as a copy of the SQLite
# database: each later test starts from a byte-for-byte copy of it instead of loading the demo
# again (five seconds a test).
_demo_copy: list[sqlite3.Connection] = []


@pytest.fixture
def site(live_server: Any) -> str:
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from marsad.core.demo.loader import load_demo

    if connection.vendor != "sqlite":
        load_demo()
        return live_server.url
    connection.ensure_connection()
    if _demo_copy:
        _demo_copy[0].backup(connection.connection)
        # The flush after the last test made the content types again under other ids.
        ContentType.objects.clear_cache()
    else:
        load_demo()
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        _demo_copy.append(copy)
    return live_server.url


class Tab:
    """A browser page that records console errors and every request it makes."""

    def __init__(self, page: Any, base: str):
        self.page, self.base = page, base
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))

    def open(self, path: str) -> Any:
        response = self.page.goto(self.base + path)
        assert response is not None
        assert response.ok, f"{path}: {response and response.status}"
        return response

    def set_date(self, selector: str, day: str) -> None:
        """Choose a day in a date field: through its calendar (flatpickr) where the page started
        one, which hides the field itself."""
        self.page.wait_for_function(
            "s => { const el = document.querySelector(s); return el && el._flatpickr; }",
            arg=selector,
        )
        self.page.eval_on_selector(selector, "(el, day) => el._flatpickr.setDate(day, true)", day)

    def outside_requests(self) -> list[str]:
        return [
            u for u in self.requests if not u.startswith(self.base) and not u.startswith("data:")
        ]


@pytest.fixture
def tab(browser: Any, site: str) -> Iterator[Tab]:
    # An English-speaking browser: Marsad must still open in Arabic.
    context = browser.new_context(locale="en-US")
    context.set_default_timeout(10_000)
    yield Tab(context.new_page(), site)
    context.close()
