"""Recording access records through the pages: a crossing's closure, a consignment, a crossing
and a corridor; refusals marked beside their fields in Arabic; the roles the services allow."""

import pytest
from django.test import Client

from marsad.access.models import AccessStatus, Consignment, Corridor, Crossing
from marsad.core.services.users import create_user, issue_token
from tests.conftest import PASSWORD, SYSTEM
from tests.forms import client_of

CLOSURE = {"crossing": "CROSSING-KEREM-SHALOM", "state": "closed", "on": "2026-12-01"}
CONSIGNMENT = {
    "day": "2026-12-01",
    "crossing": "CROSSING-KEREM-SHALOM",
    "category": "food",
    "status": "entered",
    "trucks": "١٢",
    "marking": "public",
}
ROUTE = '{"type": "LineString", "coordinates": [[34.27, 31.23], [34.30, 31.30]]}'


def api_of(user):
    client = Client(HTTP_AUTHORIZATION=f"Bearer {issue_token(by=SYSTEM, user=user)}")
    return client


@pytest.fixture
def humanitarian(demo):
    return create_user(by=SYSTEM, username="ocha", role="humanitarian", password=PASSWORD)


def test_a_crossing_closure_is_recorded_from_the_crossing_page(demo, demo_users):
    client = client_of(demo_users["analyst"])
    page = client.get("/access/crossings/CROSSING-KEREM-SHALOM/").content.decode()
    assert 'id="record-status"' in page
    form = client.get("/access/statuses/new/?crossing=CROSSING-KEREM-SHALOM").content.decode()
    assert 'value="CROSSING-KEREM-SHALOM"' in form  # the crossing is chosen already
    assert '<option value="public" selected>' in form  # access records are public by default
    response = client.post("/access/statuses/new/", {**CLOSURE, "marking": "public"})
    assert response.status_code == 302
    assert response["Location"] == "/access/crossings/CROSSING-KEREM-SHALOM/"
    step = AccessStatus.objects.latest("id")
    assert (step.crossing.key, step.state, str(step.valid_from)) == (
        "CROSSING-KEREM-SHALOM",
        "closed",
        "2026-12-01",
    )


def test_a_status_needs_a_crossing_or_a_corridor_and_says_so_in_arabic(demo, demo_users):
    client = client_of(demo_users["analyst"])
    before = AccessStatus.objects.count()
    response = client.post(
        "/access/statuses/new/",
        {"state": "closed", "on": "2026-12-01", "marking": "public", "reason_ar": "إغلاق مفاجئ"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert AccessStatus.objects.count() == before
    assert "إغلاق مفاجئ" in html
    assert 'data-error-for="crossing"' in html
    both = client.post(
        "/access/statuses/new/", {**CLOSURE, "corridor": "KS-SALAH-AL-DIN", "marking": "public"}
    ).content.decode()
    assert "اختر معبرًا أو ممرًّا، لا كليهما." in both


def test_a_consignment_is_recorded_with_digits_in_any_script(demo, demo_users):
    client = client_of(demo_users["analyst"])
    assert 'id="record-consignment"' in client.get("/access/consignments/").content.decode()
    response = client.post("/access/consignments/new/", CONSIGNMENT)
    assert response.status_code == 302
    consignment = Consignment.objects.latest("id")
    assert (consignment.trucks, consignment.crossing.key) == (12, "CROSSING-KEREM-SHALOM")
    refused = client.post("/access/consignments/new/", {**CONSIGNMENT, "trucks": "كثير"})
    assert refused.status_code == 400
    assert 'data-error-for="trucks"' in refused.content.decode()


def test_crossings_and_corridors_are_recorded_through_the_page_and_the_api(demo, demo_users):
    client = client_of(demo_users["analyst"])
    response = client.post(
        "/access/crossings/new/",
        {
            "key": "crossing-test",
            "kind": "land",
            "name_ar": "معبر تجريبي",
            "name_en": "Test crossing",
            "marking": "public",
        },
    )
    assert response.status_code == 302
    assert Crossing.objects.get(key="CROSSING-TEST").name_ar == "معبر تجريبي"
    again = client.post(
        "/access/crossings/new/",
        {
            "key": "CROSSING-TEST",
            "kind": "land",
            "name_ar": "ب",
            "name_en": "b",
            "marking": "public",
        },
    )
    assert "هذا السجلّ مسجَّل من قبل." in again.content.decode()
    response = client.post(
        "/access/corridors/new/",
        {
            "key": "TEST-ROUTE",
            "crossing": "CROSSING-TEST",
            "name_ar": "ممر تجريبي",
            "name_en": "Test route",
            "route": ROUTE,
            "marking": "public",
        },
    )
    assert response.status_code == 302
    assert Corridor.objects.get(key="TEST-ROUTE").crossing.key == "CROSSING-TEST"
    bad = client.post(
        "/access/corridors/new/",
        {"key": "X", "crossing": "CROSSING-TEST", "name_ar": "x", "name_en": "x", "route": "{"},
    )
    assert 'data-error-for="route"' in bad.content.decode()
    api = api_of(demo_users["analyst"]).post(
        "/api/v1/access/crossings",
        {"key": "CROSSING-API", "kind": "land", "name_ar": "معبر", "name_en": "API crossing"},
        content_type="application/json",
    )
    assert api.status_code == 201, api.content
    assert api.json()["key"] == "CROSSING-API"
    corridor = api_of(demo_users["analyst"]).post(
        "/api/v1/access/corridors",
        {
            "key": "API-ROUTE",
            "crossing": "CROSSING-API",
            "name_ar": "ممر",
            "name_en": "API route",
            "route": {"type": "LineString", "coordinates": [[34.27, 31.23], [34.3, 31.3]]},
        },
        content_type="application/json",
    )
    assert corridor.status_code == 201, corridor.content
    refused = api_of(demo_users["analyst"]).post(
        "/api/v1/access/crossings",
        {"key": "CROSSING-API", "kind": "land", "name_ar": "م", "name_en": "m"},
        content_type="application/json",
    )
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "key"


def test_a_crossing_may_not_reach_further_than_its_place(demo, demo_users):
    """Whoever reads a crossing reads the place it names: a public crossing in an internal
    place is refused, through the page and the API alike; marked internal, it is stored."""
    from marsad.core.services.actors import create_actor

    create_actor(
        by=SYSTEM,
        key="SECRET-PLACE",
        kind="place",
        name_ar="مكان",
        name_en="Hidden place",
        marking="internal",
    )
    client = client_of(demo_users["analyst"])
    typed = {"key": "CROSSING-HIDDEN", "kind": "land", "name_ar": "م", "name_en": "m"}
    page = client.post(
        "/access/crossings/new/", {**typed, "place": "SECRET-PLACE", "marking": "public"}
    )
    assert page.status_code == 400
    api = api_of(demo_users["analyst"]).post(
        "/api/v1/access/crossings",
        {**typed, "place": "SECRET-PLACE"},
        content_type="application/json",
    )
    assert api.status_code == 422
    assert not Crossing.objects.filter(key="CROSSING-HIDDEN").exists()
    client.post("/access/crossings/new/", {**typed, "place": "SECRET-PLACE", "marking": "internal"})
    assert Crossing.objects.get(key="CROSSING-HIDDEN").marking == "internal"
    # A liaison officer reads neither the internal crossing nor its place.
    officer = client_of(demo_users["ita"])
    assert officer.get("/api/v1/access/crossings/CROSSING-HIDDEN").status_code == 404


def test_humanitarian_coordinators_record_public_steps_only(demo, humanitarian):
    client = client_of(humanitarian)
    assert client.get("/access/statuses/new/").status_code == 200
    assert (
        client.post("/access/statuses/new/", {**CLOSURE, "marking": "internal"}).status_code == 403
    )
    assert client.post("/access/statuses/new/", {**CLOSURE, "marking": "public"}).status_code == 302


def test_liaison_officers_may_not_record(demo, demo_users):
    client = client_of(demo_users["ita"])
    assert client.get("/access/statuses/new/").status_code == 403
    assert client.get("/access/consignments/new/").status_code == 403
    assert 'id="record-status"' not in client.get("/access/").content.decode()


@pytest.mark.parametrize("extra", [0, 30])
def test_the_status_form_reads_in_the_same_queries_at_any_size(
    demo, demo_users, extra, django_assert_max_num_queries
):
    from marsad.access.services.places import create_crossing

    for n in range(extra):
        create_crossing(by=SYSTEM, key=f"X-{n}", kind="land", name_ar=f"م {n}", name_en=f"x {n}")
    client = client_of(demo_users["analyst"])
    path = "/access/statuses/new/?crossing=CROSSING-RAFAH"
    client.get(path)
    with django_assert_max_num_queries(12):
        assert client.get(path).status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get("/pick/crossings/?q=معبر").status_code == 200
