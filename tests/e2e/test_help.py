"""The guide at /help/ in both languages, and its pictures: this test takes them again on every
run, so that the guide and docs/ never show an old screen. The guide's pictures go to the web
app's static files (served like any other), the home page's to docs/images/."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
HELP_SHOTS = ROOT / "src" / "marsad" / "web" / "static" / "marsad" / "help"
DOC_SHOTS = ROOT / "docs" / "images"
# The pages the guide shows (marsad.web.views.HELP_SCREENS), as an analyst would see them.
SCREENS = {"home": "/", "ceasefire": "/ceasefire/", "coalition": "/coalition/"}


def test_the_guide_opens_in_arabic_first_then_english(tab):
    tab.open("/help/")
    assert tab.page.get_attribute("html", "dir") == "rtl"
    assert tab.page.locator("#markings dt").count() == 5
    tab.page.click("#language-switch")
    tab.page.wait_for_url(tab.base + "/en/help/")
    assert "How a figure is counted and graded" in tab.page.inner_text("#figures h2")
    assert tab.errors == []


def test_the_pictures_of_the_guide_and_of_the_home_page_are_taken_again(tab):
    HELP_SHOTS.mkdir(parents=True, exist_ok=True)
    DOC_SHOTS.mkdir(parents=True, exist_ok=True)
    page = tab.page
    for language, prefix in (("ar", ""), ("en", "/en")):
        page.set_viewport_size({"width": 1366, "height": 800})
        for name, path in SCREENS.items():
            tab.open(prefix + path)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(HELP_SHOTS / f"{name}-{language}.jpg"), quality=70)
        for width, height in ((1366, 900), (390, 844)):
            page.set_viewport_size({"width": width, "height": height})
            tab.open(prefix + "/")
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(DOC_SHOTS / f"home-{language}-{width}.png"), full_page=True)
    for language in ("ar", "en"):
        for name in SCREENS:
            assert (HELP_SHOTS / f"{name}-{language}.jpg").stat().st_size > 10_000
    assert tab.errors == []
