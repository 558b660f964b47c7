"""A crawl of the site in a real browser, as a new reader would meet it: every page reachable
from the home page (one page per kind of address: one actor, one document, one crossing...), in
Arabic and in English, as an anonymous reader, an analyst and a liaison officer. A page fails if
it is wider than the window at 360, 390, 1366 or 1920 px, if the browser reports an error, or,
in Arabic, if it shows Latin-script words that are not data. Data is marked as such in the
markup: names, quotes and codes sit in `<bdi>`, `<code>`, `<kbd>`, `translate="no"`,
`lang="en"`, `dir="ltr"` or the class `data`.

SQLite only: the pages are the same on PostgreSQL, and the crawl is the slowest test."""

from __future__ import annotations

import os
import re
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.urls import Resolver404, resolve
from django.utils import translation

from marsad.core.services.base import SystemUser
from marsad.core.services.users import create_user

from ..conftest import PASSWORD

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.long(seconds=370),
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="the crawl runs on SQLite only (the pages do not depend on the database)",
    ),
]

# Narrow first: a chart or map drawn at 390 px never makes the page wider at 1366 px, while one
# drawn at 1366 px shrinks only after the browser's next resize callbacks.
WIDTHS = (360, 390, 1366, 1920)
NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
# Not pages to read: downloads, the API, the administration, actions, files.
SKIPPED = re.compile(
    r"^/(api|admin|static|exports|logout|digits|media|notifications/feed)(/|$)"
    r"|\.(csv|pdf|xlsx|json|geojson|ics|xml|txt|zip)$"
)
LATIN = re.compile(r"\b[A-Za-z][A-Za-z'-]{2,}\b")
# Names of standards, formats, tools and organisations that Arabic writing keeps in Latin
# letters inside translated sentences (where no markup can reach them).
NAMES = {"ACLED", "Atom", "COGAT", "HiGHS", "ISO", "NATO", "OCHA", "P-code", "SHA-", "UNRWA"}
NAMES |= {"GeoJSON", "UTF-"}
VISIBLE_TEXT = """() => {
  const data = '[lang="en"], [dir="ltr"], .ltr, [translate="no"], bdi, code, kbd, samp, '
    + 'script, style, .data, [hidden]';
  const out = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest(data) || !el.getClientRects().length) continue;
    const text = n.textContent.trim();
    if (text) out.push(text);
  }
  return out.join(' \\n ');
}"""
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
LINKS = "() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"
# Pages per kind of address: enough to meet every template, few enough for CI's budget.
SAMPLES_PER_ROUTE = 1
READERS = {
    "anonymous": None,
    "analyst": {"role": "analyst"},
    "liaison": {"role": "liaison", "nation": "ITA"},
}


def route_of(path: str) -> str | None:
    """The URL pattern an Arabic path answers to ("actors/<str:key>/"), or None if none."""
    with translation.override("ar"):
        try:
            return str(resolve(path).route)
        except Resolver404:
            return None


def arabic_path(href: str, base: str) -> str | None:
    """The site's own page a link points to, as its Arabic path without query or anchor."""
    parts = urlsplit(href)
    if parts.scheme and not href.startswith(base):
        return None
    if parts.scheme in ("mailto", "tel", "javascript"):
        return None
    path = parts.path
    if not path.startswith("/"):
        return None
    if path == "/en" or path.startswith("/en/"):
        path = path[3:] or "/"
    return None if SKIPPED.search(path) else path


def log_in(page: Any, base: str, username: str) -> None:
    page.goto(base + "/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()


def crawl(page: Any, base: str, errors: list[str]) -> list[str]:
    """Every page reachable from the home page in Arabic, one per URL pattern, as Arabic paths.
    Problems met on the way (overflow, console errors, Latin words) are checked by `check`."""
    seen_routes: dict[str, int] = {}
    queue, found, visited = ["/"], [], set()
    while queue:
        path = queue.pop(0)
        if path in visited:
            continue
        visited.add(path)
        route = route_of(path)
        if route is None or seen_routes.get(route, 0) >= SAMPLES_PER_ROUTE:
            continue
        response = page.goto(base + path)
        if response is None or "text/html" not in (response.header_value("content-type") or ""):
            continue
        seen_routes[route] = seen_routes.get(route, 0) + 1
        found.append(path)
        if not response.ok:
            errors.append(f"{path}: HTTP {response.status}")
            continue
        for href in page.evaluate(LINKS):
            target = arabic_path(href, base)
            if target and target not in visited:
                queue.append(target)
    return found


def check(page: Any, base: str, path: str, language: str) -> list[str]:
    """What a reader of `path` in `language` meets that they should not."""
    url = base + ("/en" + path if language == "en" else path)
    problems: list[str] = []
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: console.append(str(e)))
    page.set_viewport_size({"width": WIDTHS[0], "height": 800})
    response = page.goto(url)
    if response is None or not response.ok:
        return [f"{language} {path}: HTTP {response and response.status}"]
    page.wait_for_load_state("networkidle")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        page.evaluate(NEXT_FRAME)
        over = page.evaluate(OVERFLOW)
        if over > 1:
            problems.append(f"{language} {path} @{width}: {over} px wider than the window")
    if language == "ar":
        latin = sorted(set(LATIN.findall(page.evaluate(VISIBLE_TEXT))) - NAMES)
        if latin:
            problems.append(f"ar {path}: Latin words {' '.join(latin[:20])}")
    problems += [f"{language} {path}: console error {e}" for e in console]
    return problems


@pytest.mark.parametrize("reader", list(READERS))
def test_every_page_fits_and_speaks_the_readers_language(browser, site, reader):
    context = browser.new_context(locale="en-US")
    context.set_default_timeout(15_000)
    page = context.new_page()
    account = READERS[reader]
    if account:
        create_user(by=SystemUser("t"), username=reader, password=PASSWORD, **account)
        log_in(page, site, reader)
    problems: list[str] = []
    paths = crawl(page, site, problems)
    assert len(paths) >= 15, paths
    for path in paths:
        for language in ("ar", "en"):
            tab = context.new_page()
            problems += check(tab, site, path, language)
            tab.close()
    context.close()
    assert problems == [], f"{len(problems)} problems on {len(paths)} pages:\n" + "\n".join(
        problems
    )
