"""A download that takes a while (an export, an import's report) shows that Marsad is working,
in the reader's language, until the file arrives under the server's name, and the page stays.
No inline script: the policy sees no violation."""

import pytest

from .test_content_security_policy import RECORD_VIOLATIONS, log_in, violations

pytestmark = pytest.mark.django_db(transaction=True)

BUSY = "body.marsad-busy #busy-note:not([hidden])"


def held(page, pattern):
    """The requests for `pattern`, held until the test lets them through."""
    waiting = []
    page.route(pattern, waiting.append)
    return waiting


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_slow_export_shows_the_indicator_until_the_file_arrives(tab, language):
    tab.page.add_init_script(RECORD_VIOLATIONS)
    log_in(tab, "analyst")
    prefix = "" if language == "ar" else "/en"
    tab.open(f"{prefix}/ceasefire/figures/")
    page = tab.page
    assert page.locator("#busy-note").is_hidden()
    waiting = held(page, "**/exports/figures.csv*")
    page.click("#list-tools a[data-format='csv']")
    page.wait_for_selector(BUSY, state="attached")
    note = page.inner_text("#busy-note")
    assert note == ("جارٍ العمل، يُرجى الانتظار…" if language == "ar" else "Working, please wait…")
    assert len(waiting) == 1
    with page.expect_download() as download:
        waiting[0].continue_()
    assert download.value.suggested_filename.endswith(".csv")
    page.wait_for_selector("#busy-note", state="hidden")
    assert "marsad-busy" not in (page.get_attribute("body", "class") or "")
    assert page.url.endswith(f"{prefix}/ceasefire/figures/")  # the page stays
    assert violations(tab) == []
    assert tab.errors == []
