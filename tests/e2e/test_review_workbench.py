"""The review workbench in a real browser, in Arabic: twenty proposed claims accepted in one
action, and an accepted claim that Rafah reopened changing the crossing's status."""

import pytest

from marsad.core.services.base import SystemUser
from marsad.core.services.claims import record_claim
from marsad.core.services.documents import submit_document
from marsad.core.services.users import create_user
from marsad.intake import services

from ..conftest import PASSWORD

# Records through the pages: runs again on the second database (tests/conftest.py).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.writes]
SYSTEM = SystemUser("system:e2e")
SENTENCE = "قالت الوكالة إن الوضع هادئ. "


def _login(tab):
    create_user(by=SYSTEM, username="amal", role="analyst", password=PASSWORD)
    page = tab.page
    tab.open("/login/")
    page.fill("#id_username", "amal")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    return page


def test_twenty_claims_accepted_in_one_action(tab):
    document, _ = submit_document(
        by=SYSTEM,
        title="عشرون إفادة",
        text=SENTENCE * 20,
        source="MARSAD-DIGEST-AR",
        published="2026-02-02",
        marking="public",
    )
    for i in range(20):
        start = i * len(SENTENCE)
        record_claim(
            by=SYSTEM,
            document=document,
            data={"type": "other", "evidence": [{"start": start, "end": start + 20}]},
        )
    page = _login(tab)
    # Twenty acceptances, each graded and applied, in one request: more than a click's wait on
    # a busy machine.
    page.set_default_timeout(120_000)
    tab.open(f"/intake/documents/{document.pk}/")
    assert page.get_attribute("html", "dir") == "rtl"
    page.wait_for_selector("#workbench[data-ready='1']")
    page.check("#pick-all")
    assert page.locator("input.bulk-pick:checked").count() == 20
    page.click("#bulk-accept")
    page.wait_for_load_state()
    assert (
        page.locator(".alert-success", has_text="٢٠").count()
        + page.locator(".alert-success", has_text="20").count()
        >= 1
    )
    assert page.locator("input.bulk-pick").count() == 0  # none left to review
    # The keyboard: undo is one click away, and the action is undone whole.
    page.click("#undo")
    page.wait_for_load_state()
    assert page.locator("input.bulk-pick").count() == 20
    # Rejecting without a reason is not sent; with one it is, and the reason is shown.
    page.check("#pick-all")
    page.click("#bulk-reject")
    assert page.locator("input.bulk-pick:checked").count() == 20  # still here: reason required
    page.fill("#bulk-reason", "مكرر")
    page.click("#bulk-reject")
    page.wait_for_load_state()
    assert page.locator(".rejection-reason", has_text="مكرر").count() == 20
    assert tab.errors == []


def test_keys_move_between_claims_and_accept(tab):
    document, _ = submit_document(
        by=SYSTEM,
        title="إفادتان",
        text=SENTENCE * 2,
        source="MARSAD-DIGEST-AR",
        published="2026-02-02",
        marking="public",
    )
    for i in range(2):
        start = i * len(SENTENCE)
        record_claim(
            by=SYSTEM,
            document=document,
            data={"type": "other", "evidence": [{"start": start, "end": start + 20}]},
        )
    page = _login(tab)
    tab.open(f"/intake/documents/{document.pk}/")
    page.wait_for_selector("#workbench[data-ready='1']")
    page.keyboard.press("j")
    page.keyboard.press("a")
    page.wait_for_load_state()
    page.wait_for_selector("#workbench")
    assert page.locator("input.bulk-pick").count() == 1
    assert tab.errors == []


def test_an_accepted_corridor_claim_changes_the_crossing_status(tab):
    result = services.submit(
        by=SYSTEM,
        text="أعلنت هيئة المعابر إعادة فتح معبر رفح أمام المسافرين اليوم.",
        source="MARSAD-DIGEST-AR",
        published="2026-02-02",
        marking="public",
    )
    claim = next(c for c in result.claims if c.type == "corridor_status")
    page = _login(tab)
    tab.open("/access/crossings/CROSSING-RAFAH/")
    before = page.locator("body").inner_text()
    tab.open(f"/intake/documents/{result.document.pk}/")
    page.locator(f".review-actions[data-claim='{claim.pk}'] button.btn-success").click()
    page.wait_for_load_state()
    assert page.locator(".alert-success", has_text="معبر رفح").count() >= 1
    tab.open("/access/crossings/CROSSING-RAFAH/")
    after = page.locator("body").inner_text()
    assert before != after
    assert "أُعيد فتحه" in after or "أعيد" in after or "reopened" in after
    assert tab.errors == []
