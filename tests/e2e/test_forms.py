"""Recording by hand in a real browser, in Arabic: an incident, a crossing closure and a plan
score, each through its form, choosing actors, places and crossings with the picker by typing
Arabic spellings and the keyboard."""

import pytest

from marsad.access.models import AccessStatus
from marsad.ceasefire.models import Incident
from marsad.core.services.base import SystemUser
from marsad.core.services.users import create_user
from marsad.plan.models import ScoreChange

from ..conftest import PASSWORD

# Records through the pages: runs again on the second database (tests/conftest.py).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.writes]


def log_in(tab):
    create_user(by=SystemUser("t"), username="huda", role="analyst", password=PASSWORD)
    page = tab.page
    tab.open("/login/")
    page.fill("#id_username", "huda")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    return page


# Under load (CI on PostgreSQL) an answer of the picker may take seconds.
PATIENT = 30_000


def choose(page, field, typed, value):
    """Type into a picker, then take the proposal with the keyboard, once the list shows the
    answer to what was typed (picker.js shows no other). Should that answer lack the proposal,
    the text is typed once more: nothing else is retried."""
    box = page.locator(f"#id_{field}")
    proposals = page.locator(f"#id_{field}-options")
    option = proposals.locator(f"[data-value='{value}']")
    box.click(timeout=PATIENT)
    for attempt in (1, 2):
        box.fill(typed, timeout=PATIENT)
        proposals.wait_for(state="visible", timeout=PATIENT)
        if option.count() or attempt == 2:
            break
        box.fill("", timeout=PATIENT)
    option.wait_for(state="visible", timeout=PATIENT)
    for _ in range(proposals.locator("[role=option]").count()):
        if option.get_attribute("aria-selected") == "true":
            break
        box.press("ArrowDown")
    assert option.get_attribute("aria-selected") == "true"
    box.press("Enter")
    proposals.wait_for(state="hidden", timeout=PATIENT)
    assert page.input_value(f"[data-field='{field}'] input[type=hidden]") == value


def test_an_incident_is_recorded_through_the_arabic_form(tab):
    page = log_in(tab)
    tab.open("/ceasefire/incidents/")
    page.click("#record-incident")
    page.wait_for_url("**/ceasefire/incidents/new/")
    assert page.get_attribute("html", "dir") == "rtl"
    tab.set_date("#id_event_date", "2026-11-02")
    page.select_option("#id_event_type", "Explosions/Remote violence")
    page.select_option("#id_sub_event_type", "Air/drone strike")
    choose(page, "actor1_ref", "اسرائيل", "ISR")  # written without the hamza of إسرائيل
    choose(page, "place", "خانيونس", "PS0270")  # written as one word
    page.fill("#id_fatalities", "٣")
    page.fill("#id_description_ar", "غارة جوية شرق خان يونس")
    page.select_option("#id_marking", "public")
    page.click("#save-record")
    page.wait_for_url("**/ceasefire/incidents/*/")
    incident = Incident.objects.latest("id")
    assert (incident.actor1_ref.key, incident.pcode, incident.fatalities) == ("ISR", "PS0270", 3)
    assert tab.errors == []
    assert tab.outside_requests() == []


def test_a_refused_incident_keeps_what_was_typed(tab):
    page = log_in(tab)
    tab.open("/ceasefire/incidents/new/")
    tab.set_date("#id_event_date", "2026-11-02")
    page.select_option("#id_event_type", "Battles")
    page.select_option("#id_sub_event_type", "Air/drone strike")
    page.fill("#id_description_ar", "وصف باقٍ")
    page.click("#save-record")
    page.wait_for_selector("[data-error-for='sub_event_type']")
    assert "لا ينتمي" in page.inner_text("[data-error-for='sub_event_type']")
    assert page.input_value("#id_description_ar") == "وصف باقٍ"
    assert page.get_attribute("#id_sub_event_type", "aria-invalid") == "true"


def test_a_crossing_closure_is_recorded_from_the_dashboard(tab):
    page = log_in(tab)
    tab.open("/access/")
    page.click("#record-status")
    page.wait_for_url("**/access/statuses/new/")
    choose(page, "crossing", "كرم ابو سالم", "CROSSING-KEREM-SHALOM")
    page.select_option("#id_state", "closed")
    tab.set_date("#id_on", "2026-12-01")
    page.fill("#id_reason_ar", "إغلاق بعد حادث أمني")
    page.click("#save-record")
    page.wait_for_url("**/access/crossings/CROSSING-KEREM-SHALOM/")
    step = AccessStatus.objects.latest("id")
    assert (step.crossing.key, step.state) == ("CROSSING-KEREM-SHALOM", "closed")
    assert tab.errors == []


def test_a_plan_score_is_recorded_from_its_point(tab):
    page = log_in(tab)
    tab.open("/plan/points/3/")
    page.click("#record-score")
    page.wait_for_url("**/plan/points/3/scores/new/")
    page.select_option("#id_score", "2")
    tab.set_date("#id_on", "2026-11-15")
    page.fill("#id_note_ar", "تقدّم ملموس")
    page.select_option("#id_marking", "public")
    page.click("#save-record")
    page.wait_for_url("**/plan/points/3/")
    score = ScoreChange.objects.latest("id")
    assert (score.provision.number, score.score) == (3, 2)
    assert tab.errors == []
