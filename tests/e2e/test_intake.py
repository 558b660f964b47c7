"""Report intake in a real browser: an analyst pastes an Arabic report, reviews the highlighted
proposals, accepts a refusal, and finds it among the statements."""

import pytest

from marsad.core.services.base import SystemUser
from marsad.core.services.users import create_user

from ..conftest import PASSWORD
from .test_forms import choose

# Records through the pages: runs again on the second database (tests/conftest.py).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.writes]
REPORT = (
    "ذكرت وكالة رويترز أن طائرات إسرائيلية قصفت منزلاً في حي الشجاعية بمدينة غزة فجر اليوم، "
    "ما أسفر عن مقتل ثلاثة أشخاص. ورفض البيت الأبيض تأكيد توجيه دعوة إلى الأردن للانضمام إلى "
    "قوة الاستقرار الدولية."
)


def test_paste_review_accept(tab):
    create_user(by=SystemUser("t"), username="amal", role="analyst", password=PASSWORD)
    page = tab.page
    tab.open("/login/")
    page.fill("#id_username", "amal")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    tab.open("/intake/")
    page.fill("#id_text", REPORT)
    choose(page, "source", "REUTERS", "REUTERS")
    page.select_option("#id_marking", "public")
    page.click("#submit-form button[type=submit]")
    page.wait_for_selector("#document-text mark")
    assert page.get_attribute("html", "dir") == "rtl"
    cards = page.locator(".claim-card")
    assert cards.count() >= 2
    refusal = page.locator(".claim-card", has_text="رفض التأكيد").first
    claim_id = refusal.get_attribute("data-claim")
    page.locator(f".review-actions[data-claim='{claim_id}'] button.btn-success").click()
    page.wait_for_load_state()
    assert page.locator(".alert-success").count() >= 1
    tab.open("/statements/?actor=WHITE-HOUSE&refusal=refused_confirm")
    assert page.locator("#statement-list li.refusal").count() >= 1
    # Selecting words of the text enables adding a claim.
    tab.open("/intake/")
    page.locator("#queue a").first.click()
    page.wait_for_selector("#document-text")
    page.evaluate("""() => {
        const node = document.querySelector('#document-text [data-start]').firstChild;
        const range = document.createRange();
        range.setStart(node, 0); range.setEnd(node, 10);
        const selection = window.getSelection();
        selection.removeAllRanges(); selection.addRange(range);
        const text = document.getElementById('document-text');
        text.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
    }""")
    assert page.get_attribute("#sel-start", "value") is not None
    assert page.is_enabled("#add-submit")
    assert tab.errors == []
    assert tab.outside_requests() == []


def test_a_selection_after_an_emoji_has_the_servers_offsets(tab):
    """The browser counts an emoji as two UTF-16 units, the server as one character."""
    from marsad.core.models import Claim, Document

    create_user(by=SystemUser("t"), username="amal", role="analyst", password=PASSWORD)
    text = "🔴 عاجل 🇵🇸: " + REPORT + " 📷 صورة من الموقع نشرها ناشطون."
    words = "صورة من الموقع"
    page = tab.page
    tab.open("/login/")
    page.fill("#id_username", "amal")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    tab.open("/intake/")
    page.fill("#id_text", text)
    choose(page, "source", "REUTERS", "REUTERS")
    page.select_option("#id_marking", "public")
    page.click("#submit-form button[type=submit]")
    page.wait_for_selector("#document-text")
    before = page.evaluate(
        """(words) => {
        const pieces = [...document.querySelectorAll('#document-text [data-start]')];
        const piece = pieces.find((p) => p.textContent.includes(words));
        const node = piece.firstChild;
        const at = node.data.indexOf(words);
        const range = document.createRange();
        range.setStart(node, at); range.setEnd(node, at + words.length);
        const selection = window.getSelection();
        selection.removeAllRanges(); selection.addRange(range);
        document.getElementById('document-text')
            .dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
        return node.data.slice(0, at);
    }""",
        words,
    )
    assert "📷" in before  # an astral character in the same piece, before the words
    start = text.index(words)  # in code points, as Python and the server count
    assert page.input_value("#sel-start") == str(start)
    assert page.input_value("#sel-end") == str(start + len(words))
    page.select_option("#add-type", "statement")
    page.click("#add-submit")
    page.wait_for_load_state()
    document = Document.objects.get(title__startswith="🔴")
    claim = Claim.objects.filter(document=document, type="statement").latest("id")
    assert claim.evidence_quotes() == [words]
    assert tab.errors == []
