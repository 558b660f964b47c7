"""Recording by hand in a real browser, in Arabic: a task of the force with its legal basis,
and an access incident at a crossing, each chosen with the pickers by typing Arabic spellings
and the keyboard."""

import pytest

from marsad.access.models import AccessIncident
from marsad.mandate.models import Task

from .test_forms import choose, log_in

# Records through the pages: runs again on the second database (tests/conftest.py).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.writes]


def test_a_task_of_the_force_is_recorded_from_the_mandate_page(tab):
    page = log_in(tab)
    tab.open("/mandate/")
    page.click("#record-task")
    page.wait_for_url("**/mandate/tasks/new/")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.input_value("[data-field='force'] input[type=hidden]") == "ISF"
    page.select_option("#id_code", "other")
    page.fill("#id_name_ar", "حماية فرق إزالة الألغام")
    page.fill("#id_name_en", "Protect demining teams")
    choose(page, "legal_basis", "٢٨٠٣", "UNSCR-2803")  # the resolution's number in Arabic digits
    page.select_option("#id_marking", "public")
    page.click("#save-record")
    page.wait_for_url("**/mandate/#h-tasks")
    task = Task.objects.get(force__key="ISF", code="other")
    assert (task.name_ar, task.legal_basis.actor.key) == ("حماية فرق إزالة الألغام", "UNSCR-2803")
    assert "حماية فرق إزالة الألغام" in page.inner_text("#task-other")
    assert tab.errors == []
    assert tab.outside_requests() == []


def test_an_access_incident_is_recorded_from_the_crossing_page(tab):
    page = log_in(tab)
    tab.open("/access/crossings/CROSSING-KEREM-SHALOM/")
    page.click("#record-access-incident")
    page.wait_for_url("**/access/incidents/new/?crossing=CROSSING-KEREM-SHALOM")
    assert page.input_value("[data-field='crossing'] input[type=hidden]") == "CROSSING-KEREM-SHALOM"
    tab.set_date("#id_day", "2026-12-01")
    page.select_option("#id_category", "restriction_entry")
    choose(page, "actor", "اسرائيل", "ISR")  # written without the hamza of إسرائيل
    page.fill("#id_trucks_affected", "٣٠")
    page.fill("#id_description_ar", "منع دخول ثلاثين شاحنة")
    page.click("#save-record")
    page.wait_for_url("**/access/crossings/CROSSING-KEREM-SHALOM/")
    incident = AccessIncident.objects.latest("id")
    assert (incident.crossing.key, incident.actor.key, incident.trucks_affected) == (
        "CROSSING-KEREM-SHALOM",
        "ISR",
        30,
    )
    assert "منع دخول ثلاثين شاحنة" in page.inner_text("#access-incidents")
    assert tab.errors == []
