"""Recording an access incident and a task's protection of a corridor through the pages, in
Arabic; refusals kept beside their fields; the roles the services allow."""

import re

import pytest
from django.test import Client

from marsad.access.models import AccessIncident, CorridorProtection
from marsad.core.services.actors import create_actor
from marsad.core.services.base import SystemUser
from marsad.mandate.models import Task
from tests.forms import ARABIC, client_of, error_of

SYSTEM = SystemUser("system:test")
CORRIDOR = "KS-SALAH-AL-DIN"
INCIDENT = {
    "day": "2026-12-01",
    "category": "restriction_entry",
    "crossing": "CROSSING-KEREM-SHALOM",
    "actor": "ISR",
    "trucks_affected": "٣٠",
    "verification": "reported",
    "description_ar": "منع دخول الشاحنات",
    "marking": "public",
}
PROTECTION = f"/access/corridors/{CORRIDOR}/protections/new/"
PAGES = ["/access/incidents/new/", PROTECTION]


@pytest.mark.parametrize("path", PAGES)
def test_each_form_shows_in_arabic_to_writers_only(demo, demo_users, path):
    page = client_of(demo_users["analyst"]).get(path)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'lang="ar"' in html
    assert 'id="save-record"' in html
    assert ARABIC.search(html.split("<h1", 1)[1].split("</h1>")[0])
    assert client_of(demo_users["ita"]).get(path).status_code == 403
    assert client_of(demo_users["ita"]).post(path, INCIDENT).status_code == 403
    anonymous = Client().get(path)
    assert anonymous.status_code == 302
    assert "/login/" in anonymous["Location"]


def test_the_pages_offer_the_forms_to_writers_only(demo, demo_users):
    analyst, officer = client_of(demo_users["analyst"]), client_of(demo_users["ita"])
    corridor = analyst.get(f"/access/corridors/{CORRIDOR}/").content.decode()
    assert 'id="record-access-incident"' in corridor
    assert 'id="record-protection"' in corridor
    for path in ("/access/", "/access/crossings/CROSSING-KEREM-SHALOM/"):
        assert 'id="record-access-incident"' in analyst.get(path).content.decode()
        assert 'id="record-access-incident"' not in officer.get(path).content.decode()


def test_an_access_incident_is_recorded_from_the_crossing_page(demo, demo_users):
    client = client_of(demo_users["analyst"])
    form = client.get("/access/incidents/new/?crossing=CROSSING-KEREM-SHALOM").content.decode()
    assert 'value="CROSSING-KEREM-SHALOM"' in form
    assert re.search(r'<option value="violence">[^<]*[\u0600-\u06ff]', form)
    response = client.post("/access/incidents/new/", INCIDENT)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == "/access/crossings/CROSSING-KEREM-SHALOM/"
    incident = AccessIncident.objects.latest("id")
    assert (incident.crossing.key, incident.actor.key, incident.trucks_affected) == (
        "CROSSING-KEREM-SHALOM",
        "ISR",
        30,
    )


def test_a_refused_incident_keeps_what_was_typed(demo, demo_users):
    client = client_of(demo_users["analyst"])
    before = AccessIncident.objects.count()
    undescribed = client.post(
        "/access/incidents/new/", {**INCIDENT, "description_ar": "", "reported_by": "أوتشا"}
    )
    html = undescribed.content.decode()
    assert undescribed.status_code == 400
    assert 'value="أوتشا"' in html
    assert "اكتب وصفًا بالعربية أو بالإنجليزية." in error_of(html, "description_en")
    bad = client.post("/access/incidents/new/", {**INCIDENT, "latitude": "٩٥"})
    assert "منع دخول الشاحنات" in bad.content.decode()
    error_of(bad.content.decode(), "latitude")
    assert AccessIncident.objects.count() == before


def test_a_protection_is_recorded_on_the_corridor(demo, demo_users):
    client = client_of(demo_users["analyst"])
    task = Task.objects.get(code="security")
    typed = {"task": str(task.pk), "since": "2026-12-01", "note_ar": "دوريات", "marking": "public"}
    response = client.post(PROTECTION, typed)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == f"/access/corridors/{CORRIDOR}/"
    assert CorridorProtection.objects.filter(task=task, corridor__key=CORRIDOR).exists()
    again = client.post(PROTECTION, typed)
    assert again.status_code == 400
    error_of(again.content.decode(), "task")
    assert "دوريات" in again.content.decode()
    assert client.get("/access/corridors/NO-SUCH/protections/new/").status_code == 404


def test_an_access_incident_may_not_reach_further_than_what_it_names(demo, demo_users):
    create_actor(
        by=SYSTEM,
        key="SECRET-UNIT",
        kind="force",
        name_ar="وحدة",
        name_en="Unit",
        marking="internal",
    )
    client = client_of(demo_users["analyst"])
    before = AccessIncident.objects.count()
    refused = client.post("/access/incidents/new/", {**INCIDENT, "actor": "SECRET-UNIT"})
    assert refused.status_code == 400
    error_of(refused.content.decode(), "marking")
    assert AccessIncident.objects.count() == before
    kept = client.post(
        "/access/incidents/new/", {**INCIDENT, "actor": "SECRET-UNIT", "marking": "internal"}
    )
    assert kept.status_code == 302
    assert AccessIncident.objects.latest("id").marking == "internal"


@pytest.mark.parametrize("extra", [0, 30])
def test_the_new_access_forms_read_in_the_same_queries_at_any_size(
    demo, demo_users, extra, django_assert_max_num_queries
):
    from marsad.access.services.records import record_access_incident

    for n in range(extra):
        record_access_incident(
            by=SYSTEM, day="2026-11-01", category="violence", description_en=f"incident {n}"
        )
    client = client_of(demo_users["analyst"])
    for path in (*PAGES, "/access/incidents/new/?corridor=KS-SALAH-AL-DIN"):
        client.get(path)
        with django_assert_max_num_queries(12):
            assert client.get(path).status_code == 200
