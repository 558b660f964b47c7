"""Recording ceasefire records through the pages: an incident and a violation, refused forms
that keep what was typed and say what is wrong beside each field, in Arabic."""

import pytest
from django.test import Client

from marsad.ceasefire.models import Incident, Violation
from tests.forms import client_of

INCIDENT = {
    "event_date": "2026-11-02",
    "time_precision": "1",
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Air/drone strike",
    "actor1_ref": "ISR",
    "place": "PS0270",
    "geo_precision": "2",
    "fatalities": "٣",
    "verification": "reported",
    "description_ar": "غارة شرق خان يونس",
    "marking": "public",
}


def test_an_analyst_records_an_incident_through_the_arabic_form(demo, demo_users):
    client = client_of(demo_users["analyst"])
    page = client.get("/ceasefire/incidents/new/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'dir="rtl"' in html
    assert 'data-widget="picker"' in html
    assert "marsad/picker.js" in html
    response = client.post("/ceasefire/incidents/new/", INCIDENT)
    assert response.status_code == 302
    incident = Incident.objects.latest("id")
    assert response["Location"] == f"/ceasefire/incidents/{incident.pk}/"
    assert (incident.pcode, incident.fatalities, incident.actor1_ref.key) == ("PS0270", 3, "ISR")
    assert incident.actor1  # the chosen actor's name, as the list shows it
    assert incident.marking == "public"
    listed = client.get("/ceasefire/incidents/").content.decode()
    assert 'id="record-incident"' in listed


def test_a_refused_incident_keeps_what_was_typed_and_marks_fields_in_arabic(demo, demo_users):
    client = client_of(demo_users["analyst"])
    before = Incident.objects.count()
    typed = {**INCIDENT, "sub_event_type": "Armed clash", "latitude": "31.3", "longitude": ""}
    response = client.post("/ceasefire/incidents/new/", typed)
    html = response.content.decode()
    assert response.status_code == 400
    assert Incident.objects.count() == before
    assert "غارة شرق خان يونس" in html  # what was typed
    assert 'value="31.3"' in html
    assert 'data-value="PS0270"' in html or 'value="PS0270"' in html  # the chosen place
    assert 'data-error-for="sub_event_type"' in html
    assert "لا ينتمي" in html  # the sub-event does not belong to the event type, in Arabic
    english = client.post("/en/ceasefire/incidents/new/", {**INCIDENT, "event_date": ""})
    assert 'data-error-for="event_date"' in english.content.decode()
    assert "This field is required." in english.content.decode()


def test_an_unknown_actor_is_refused_on_its_field_and_never_created(demo, demo_users):
    client = client_of(demo_users["analyst"])
    html = client.post(
        "/ceasefire/incidents/new/", {**INCIDENT, "actor1_ref": "NO-SUCH-ACTOR"}
    ).content.decode()
    assert 'data-error-for="actor1_ref"' in html
    from marsad.core.models import Actor

    assert not Actor.objects.filter(key="NO-SUCH-ACTOR").exists()


def test_readers_who_may_not_write_are_refused(demo, demo_users):
    assert client_of(demo_users["ita"]).get("/ceasefire/incidents/new/").status_code == 403
    assert (
        client_of(demo_users["reader"]).post("/ceasefire/incidents/new/", INCIDENT).status_code
        == 403
    )
    assert Client().get("/ceasefire/incidents/new/").status_code == 302  # to the login page
    html = client_of(demo_users["ita"]).get("/ceasefire/incidents/").content.decode()
    assert 'id="record-incident"' not in html


def test_a_violation_is_recorded_from_its_incident(demo, demo_users):
    client = client_of(demo_users["analyst"])
    incident = Incident.objects.filter(marking="public", event_date__gte="2025-10-11").first()
    page = client.get(f"/ceasefire/incidents/{incident.pk}/").content.decode()
    assert 'id="record-violation"' in page
    response = client.post(
        f"/ceasefire/incidents/{incident.pk}/violations/new/",
        {"accused": "ISR", "determination": "alleged", "marking": "public"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Violation.objects.filter(incident=incident, accused__key="ISR").exists()
    refused = client.post(
        f"/ceasefire/incidents/{incident.pk}/violations/new/", {"marking": "public"}
    )
    assert refused.status_code == 400
    assert 'data-error-for="accused"' in refused.content.decode()


def test_an_incident_may_not_reach_further_than_what_it_names(demo, demo_users):
    """Whoever can read the incident can read everything it names: a public incident naming
    an internal actor is refused on that field; marked internal, it is stored."""
    from marsad.core.services.actors import create_actor
    from marsad.core.services.base import SystemUser

    create_actor(
        by=SystemUser("system:test"),
        key="UNIT-X",
        kind="force",
        name_ar="وحدة",
        name_en="Unit X",
        marking="internal",
    )
    client = client_of(demo_users["analyst"])
    before = Incident.objects.count()
    refused = client.post("/en/ceasefire/incidents/new/", {**INCIDENT, "actor2_ref": "UNIT-X"})
    assert refused.status_code == 400
    assert 'data-error-for="marking"' in refused.content.decode()
    assert "UNIT-X" in refused.content.decode()
    assert Incident.objects.count() == before
    kept = client.post(
        "/en/ceasefire/incidents/new/", {**INCIDENT, "actor2_ref": "UNIT-X", "marking": "internal"}
    )
    assert kept.status_code == 302


@pytest.mark.parametrize("extra", [0, 30])
def test_the_incident_form_reads_in_the_same_queries_at_any_size(
    demo, demo_users, extra, django_assert_max_num_queries
):
    from marsad.ceasefire.services.incidents import record_incident
    from marsad.core.services.base import SystemUser

    for n in range(extra):
        record_incident(
            by=SystemUser("system:test"),
            event_date="2026-01-01",
            event_type="Battles",
            sub_event_type="Armed clash",
            pcode="PS0255",
            marking="public",
            location=f"x{n}",
        )
    client = client_of(demo_users["analyst"])
    client.get("/ceasefire/incidents/new/")
    with django_assert_max_num_queries(12):
        assert client.get("/ceasefire/incidents/new/").status_code == 200
    with django_assert_max_num_queries(40):
        assert client.post("/ceasefire/incidents/new/", INCIDENT).status_code == 302
