"""The mandate in a real browser: tasks, limits, requirements and how far assignments cover
them, in Arabic first and in English one click away."""

import pytest

from marsad.core.services.base import SystemUser
from marsad.core.services.users import create_user

from ..conftest import PASSWORD
from .test_coalition import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_tasks_limits_requirements_and_coverage_in_arabic_then_english(tab):
    # The requirements are the secretariat's planning figures, releasable to the force only.
    create_user(by=SystemUser("t"), username="amal", role="analyst", password=PASSWORD)
    log_in(tab, "amal")
    page = tab.page
    tab.open("/mandate/")
    assert page.get_attribute("html", "lang") == "ar"
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.locator("[id^='task-']").count() == 7
    assert "تثبيت وقف إطلاق النار" in page.inner_text("#task-ceasefire")
    assert page.locator("#task-ceasefire .evidence .grade").count() >= 1
    assert "لا تشارك القوة في أي قتال مباشر." in page.inner_text(
        "section[aria-labelledby='h-limits']"
    )
    requirements = page.locator("section[aria-labelledby='h-req'] tbody tr")
    assert requirements.count() == 10
    assert page.locator("section[aria-labelledby='h-req'] tr.table-warning").count() == 1

    page.click("#language-switch")
    page.wait_for_url(tab.base + "/en/mandate/")
    assert page.get_attribute("html", "dir") == "ltr"
    assert "Consolidate the ceasefire" in page.inner_text("#task-ceasefire")
    assert "The force takes no part in direct combat." in page.content()
    training = page.locator(
        "section[aria-labelledby='h-req'] tbody tr", has_text="Train and support"
    )
    cells = training.locator("td").all_inner_texts()
    assert cells[3:5] == ["500", "150"]  # needed, and covered by Italy's assignment
    assignment = page.locator("section[aria-labelledby='h-assign'] li", has_text="Italy")
    assert assignment.locator(".evidence .grade").count() == 2
    assert tab.errors == []
    assert tab.outside_requests() == []
