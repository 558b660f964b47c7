"""Notifications in a real browser: an analyst who follows new documents sees the unread count
in the navigation, reads the notification in Arabic and in English, and marks it read."""

import pytest
from django.db import transaction

from marsad.core.models import Source
from marsad.core.services.base import SystemUser
from marsad.core.services.documents import submit_document
from marsad.core.services.users import create_user
from marsad.notify.services import subscription_create

from ..conftest import PASSWORD

# Records through the pages: runs again on the second database (tests/conftest.py).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.writes]
SYSTEM = SystemUser("system:e2e")


def log_in(tab, username):
    tab.open("/login/")
    tab.page.fill("#id_username", username)
    tab.page.fill("#id_password", PASSWORD)
    tab.page.click("main button[type=submit]")
    tab.page.wait_for_load_state()


def test_an_analyst_reads_a_notification_in_arabic_and_english(tab):
    amal = create_user(by=SYSTEM, username="amal", role="analyst", password=PASSWORD)
    subscription_create(by=amal, channel="app", events=["document"])
    source = Source.objects.filter(marking="public").order_by("key").first()
    with transaction.atomic():  # committed: the dispatch job runs after the commit
        document, _created = submit_document(
            by=SYSTEM,
            title="بيان عن معبر رفح",
            text="أعلنت الجهات المعنية إعادة فتح معبر رفح صباح اليوم أمام المسافرين.",
            source=source,
            marking="public",
        )
    log_in(tab, "amal")
    page = tab.page
    tab.open("/notifications/")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.inner_text("#unread-count") == "١"
    item = page.locator("#notification-list li.notification.unread")
    assert item.count() == 1
    assert "وثيقة جديدة: بيان عن معبر رفح" in item.inner_text()
    assert item.locator("a").get_attribute("href") == f"/documents/{document.pk}/"

    tab.open("/en/notifications/")
    assert page.get_attribute("html", "dir") == "ltr"
    assert page.inner_text("#unread-count") == "1"
    item = page.locator("#notification-list li.notification")
    assert "New document: بيان عن معبر رفح" in item.inner_text()
    assert item.locator("a").get_attribute("href") == f"/en/documents/{document.pk}/"
    page.click("button.mark-read")
    page.wait_for_load_state()
    assert page.locator("#unread-count").count() == 0
    assert page.locator("#notification-list li.notification.unread").count() == 0

    page.click("#manage-subscriptions")
    page.wait_for_load_state()
    assert page.locator("#subscription-list li.subscription").count() == 1
    assert tab.errors == []
    assert tab.outside_requests() == []
