"""The daily report in the browser, in Arabic and in English: right-to-left in Arabic, the
marking line shown, no console error, nothing fetched from another origin."""


def test_the_arabic_report_page(tab):
    tab.open("/reports/daily/?date=2026-01-27&audience=public&lang=ar")
    report = tab.page.locator("#sitrep")
    assert report.get_attribute("dir") == "rtl"
    assert tab.page.locator("html").get_attribute("dir") == "rtl"
    marking = tab.page.locator("[data-marking]").first
    assert marking.is_visible()
    assert "علني" in marking.inner_text()
    assert tab.page.locator("#s-ceasefire svg").count() >= 1
    assert tab.errors == []
    assert tab.outside_requests() == []


def test_the_english_report_page(tab):
    tab.open("/en/reports/daily/?date=2026-01-27&audience=public&lang=en")
    report = tab.page.locator("#sitrep")
    assert report.get_attribute("dir") == "ltr"
    assert tab.page.locator("[data-marking]").last.inner_text().startswith("Public")
    assert "Daily situation report" in tab.page.locator("h1").inner_text()
    assert tab.page.locator("#s-map svg").count() == 1
    assert tab.errors == []
    assert tab.outside_requests() == []
