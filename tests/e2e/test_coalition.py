"""The coalition in a real browser: a liaison officer logs in and opens their nation's page;
the secretariat runs force generation."""

import pytest

from marsad.core.services.base import SystemUser
from marsad.core.services.users import create_user

from ..conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(tab, username):
    tab.open("/login/")
    tab.page.fill("#id_username", username)
    tab.page.fill("#id_password", PASSWORD)
    tab.page.click("main button[type=submit]")
    tab.page.wait_for_load_state()


def test_liaison_officer_sees_their_nation_and_its_restricted_pledge(tab):
    create_user(
        by=SystemUser("t"), username="rossi", role="liaison", nation="ITA", password=PASSWORD
    )
    log_in(tab, "rossi")
    tab.open("/coalition/")
    tab.page.wait_for_selector("#coalition-map[data-ready='1']")
    assert tab.page.locator("#coalition-map path.leaflet-interactive").count() > 100
    assert tab.page.eval_on_selector("#pledge-chart", "c => !!Chart.getChart(c)")
    tab.page.click("#standings a[href$='/states/ITA/']")
    tab.page.wait_for_selector("#invitations .timeline > li")
    assert tab.page.get_attribute("html", "dir") == "rtl"
    assert tab.page.locator("#invitations .timeline > li").count() == 2
    assert tab.page.locator("#pledges > ul > li[data-kind='police_trainers']").count() == 2
    assert tab.page.locator("#caveats > ul > li[data-kind='parliamentary_approval']").count() == 1
    assert tab.errors == []
    assert tab.outside_requests() == []


def test_another_nations_officer_does_not_see_it(tab):
    create_user(
        by=SystemUser("t"), username="dupont", role="liaison", nation="FRA", password=PASSWORD
    )
    log_in(tab, "dupont")
    tab.open("/en/coalition/states/ITA/")
    assert tab.page.locator("#pledges > ul > li[data-kind='police_trainers']").count() == 1
    assert tab.page.locator("#caveats > ul > li[data-kind='parliamentary_approval']").count() == 0


def test_secretariat_runs_force_generation(tab):
    create_user(by=SystemUser("t"), username="amal", role="analyst", password=PASSWORD)
    log_in(tab, "amal")
    tab.open("/en/mandate/force-generation/")
    assert tab.page.locator(".gap-card").count() >= 3
    coverage = tab.page.inner_text("#coverage")
    assert coverage.endswith("%")
    tab.page.check("#conditional")
    tab.page.wait_for_url("**conditional=1")
    assert tab.page.locator("text=conditional").count() >= 1
    assert tab.errors == []


def test_liaison_officer_sees_their_nations_assignments_and_nothing_only_for_others(tab):
    from marsad.coalition.models import Pledge
    from marsad.mandate.models import Requirement
    from marsad.mandate.services import assign

    assign(
        by=SystemUser("t"),
        pledge=Pledge.objects.get(nation__key="ITA", kind="police_trainers", marking="public"),
        requirement=Requirement.objects.get(task__code="police_training"),
        quantity=37,
        marking="nations",
        releasable_to=["USA"],
    )
    create_user(
        by=SystemUser("t"), username="rossi", role="liaison", nation="ITA", password=PASSWORD
    )
    log_in(tab, "rossi")
    tab.open("/en/coalition/states/ITA/")
    assignments = tab.page.locator("#assignments > ul > li")
    assert assignments.count() == 1
    text = assignments.first.inner_text()
    assert ": 150 police trainers →" in text
    assert ": 37 police trainers →" not in tab.page.inner_text("#assignments")
    assert assignments.first.locator(".evidence .grade").count() == 2
    assert "ISF liaison cell" in text
    assert tab.errors == []
