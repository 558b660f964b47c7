"""A point's dependency recorded through its page, the other point chosen with the picker."""

import pytest
from django.test import Client

from marsad.plan.models import Provision
from tests.forms import client_of


def point(number):
    return Provision.objects.get(plan__actor__key="PLAN-20", number=number)


def test_a_dependency_is_recorded_from_the_point_page(demo, demo_users):
    client = client_of(demo_users["analyst"])
    assert 'id="record-dependency"' in client.get("/plan/points/17/").content.decode()
    form = client.get("/plan/points/17/dependencies/new/")
    assert form.status_code == 200
    assert 'dir="rtl"' in form.content.decode()
    assert 'name="marking"' not in form.content.decode()  # the point keeps its own
    before = {p.number for p in point(17).depends_on.all()}
    response = client.post("/plan/points/17/dependencies/new/", {"on": "4"})
    assert response.status_code == 302
    assert response["Location"] == "/plan/points/17/"
    assert {p.number for p in point(17).depends_on.all()} == before | {4}
    page = client_of(demo_users["reader"]).get("/plan/points/17/").content.decode()
    assert 'href="/plan/points/4/"' in page


@pytest.mark.parametrize(("on", "said"), [("17", "لا يمكن"), ("77", "اختر بندًا"), ("", "")])
def test_a_refused_dependency_names_the_field_in_arabic(demo, demo_users, on, said):
    client = client_of(demo_users["analyst"])
    before = {p.number for p in point(17).depends_on.all()}
    refused = client.post("/plan/points/17/dependencies/new/", {"on": on})
    html = refused.content.decode()
    assert refused.status_code == 400
    assert 'data-error-for="on"' in html
    assert said in html
    assert {p.number for p in point(17).depends_on.all()} == before


def test_only_writers_record_dependencies(demo, demo_users):
    path = "/plan/points/17/dependencies/new/"
    assert client_of(demo_users["ita"]).get(path).status_code == 403
    assert client_of(demo_users["ita"]).post(path, {"on": "4"}).status_code == 403
    assert Client().get(path).status_code == 302
    page = client_of(demo_users["ita"]).get("/plan/points/17/").content.decode()
    assert 'id="record-dependency"' not in page


@pytest.mark.parametrize("extra", [0, 8])
def test_the_dependency_form_reads_in_the_same_queries_at_any_size(
    demo, demo_users, extra, django_assert_max_num_queries
):
    from marsad.plan.services import add_dependency
    from tests.conftest import SYSTEM

    for number in range(1, extra + 1):
        add_dependency(by=SYSTEM, provision=point(17), on=number)
    client = client_of(demo_users["analyst"])
    client.get("/plan/points/17/dependencies/new/")
    with django_assert_max_num_queries(12):
        assert client.get("/plan/points/17/dependencies/new/").status_code == 200
