"""A download that takes a while (an export) shows that the file is being prepared, in the
reader's language, until the file arrives; the page stays where it was and no script of the
page fetches the file (downloads.js, web/downloads.py). A refused export shows its refusal page,
and coming back to the list shows no indicator; a file that never comes gives way to a message.
No inline script: the policy sees no violation."""

import json
import re

import pytest

from .test_content_security_policy import RECORD_VIOLATIONS, violations

pytestmark = pytest.mark.django_db(transaction=True)

NOTE = "#download-note"
WORKING = "#download-note .download-bar"
CSV = "#list-tools a[data-format='csv']"
PATIENT = 30_000


def held(page, pattern):
    """The requests for `pattern`, held until the test lets them through."""
    waiting = []
    # A function of Python's own: Playwright cannot wrap a builtin method as a handler.
    page.route(pattern, lambda route: waiting.append(route))
    return waiting


# While the file's answer is awaited, Playwright reads nothing in the page (evaluating, even
# screenshots, wait for the navigation the link started to end): the page says what its note
# shows on the console instead, each time the note changes.
REPORT_NOTE = """
addEventListener("DOMContentLoaded", () => {
  const note = document.getElementById("download-note");
  new MutationObserver(() => console.info("download-note " + JSON.stringify({
    text: note.textContent,
    bar: !!note.querySelector(".download-bar"),
    busy: Array.from(document.querySelectorAll("[aria-busy=true]"), (e) => e.dataset.format),
  }))).observe(note, { childList: true, subtree: true, characterData: true });
});
"""


def note_shows(message, bar):
    """A predicate of console messages: the note's report with or without its moving bar."""
    return message.text.startswith("download-note ") and f'"bar":{json.dumps(bar)}' in message.text


def report(message):
    return json.loads(message.text.removeprefix("download-note "))


def note(page):
    return page.evaluate(f"document.querySelector('{NOTE}').textContent")


def test_an_arabic_export_shows_the_indicator_until_the_file_arrives(tab):
    page = tab.page
    page.add_init_script(RECORD_VIOLATIONS)
    page.add_init_script(REPORT_NOTE)
    tab.open("/ceasefire/figures/")
    assert page.get_attribute("html", "lang") == "ar"
    assert note(page) == ""
    assert page.get_attribute(NOTE, "aria-live") == "polite"
    address = page.get_attribute(CSV, "href")
    waiting = held(page, re.compile(r"/exports/figures\.csv\?"))
    with page.expect_console_message(lambda m: note_shows(m, True), timeout=PATIENT) as shown:
        # The request is held: the click must not wait for the navigation it starts to end.
        page.click(CSV, no_wait_after=True)
    assert report(shown.value) == {"text": "جارٍ تجهيز الملف…", "bar": True, "busy": ["csv"]}
    assert len(waiting) == 1
    asked = waiting[0].request.url
    assert re.search(r"[?&]download_token=[0-9a-f]{24}(&|$)", asked), asked
    with page.expect_download(timeout=PATIENT) as download:
        waiting[0].continue_()
    assert download.value.suggested_filename == "marsad-figures.csv"
    assert download.value.path().read_text(encoding="utf-8").startswith("id,incident,")
    page.wait_for_function(f"() => document.querySelector('{NOTE}').textContent === ''")
    assert page.query_selector(WORKING) is None
    assert page.get_attribute(CSV, "aria-busy") is None
    assert page.get_attribute(CSV, "href") == address  # the token was for that click only
    assert "marsad_download_" not in page.evaluate("document.cookie")  # read, then forgotten
    assert page.url == tab.base + "/ceasefire/figures/"  # the page stays
    assert violations(tab) == []
    assert tab.errors == []
    assert tab.outside_requests() == []


def test_a_refused_export_shows_its_refusal_and_no_indicator_after(tab):
    page = tab.page
    page.add_init_script(RECORD_VIOLATIONS)
    tab.open("/ceasefire/figures/?incident=abc")  # not an incident's number
    with page.expect_navigation(timeout=PATIENT) as navigation:
        page.click(CSV)
    assert navigation.value.status == 404
    assert "/exports/figures.csv?" in page.url
    assert page.get_attribute("html", "lang") == "ar"  # the refusal in the reader's language
    assert page.inner_text("main")
    assert note(page) == ""
    page.go_back()
    page.wait_for_url("**/ceasefire/figures/?incident=abc")
    page.wait_for_load_state()
    assert note(page) == ""
    assert page.get_attribute(CSV, "aria-busy") is None
    assert violations(tab) == []


def test_a_file_that_never_comes_gives_way_to_a_message(tab):
    page = tab.page
    page.clock.install()
    tab.open("/en/ceasefire/figures/")
    # The answer is lost on the way (the page stays, and no cookie ever comes).
    page.route(re.compile(r"/exports/figures\.json\?"), lambda route: route.abort("aborted"))
    page.click("#list-tools a[data-format='json']")
    page.clock.run_for(1000)
    assert note(page) == "Preparing the file…"
    assert page.query_selector(WORKING) is not None
    page.clock.run_for(90_000)
    assert note(page).startswith("The file has not arrived yet.")
    assert page.query_selector(WORKING) is None
    page.clock.run_for(15_000)
    assert note(page) == ""
    assert tab.outside_requests() == []
