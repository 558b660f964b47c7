"""Recording the mandate through the pages, in Arabic: a task, a limit, a requirement, an
assignment and an action of the force; refusals kept beside their fields; the roles that may
write; each record reads no further than what it names."""

import re

import pytest
from django.test import Client

from marsad.coalition.models import Pledge
from marsad.core.services.actors import create_actor
from marsad.core.services.base import SystemUser
from marsad.mandate.models import Assignment, ForceAction, Limit, Requirement, Task
from marsad.mandate.services import create_requirement
from tests.forms import ARABIC, client_of, error_of

SYSTEM = SystemUser("system:test")
TASK = {
    "force": "ISF",
    "code": "other",
    "name_ar": "مهمة تجريبية",
    "name_en": "Test task",
    "legal_basis": "UNSCR-2803",
    "marking": "public",
}


PAGES = [
    "/mandate/tasks/new/",
    "/mandate/limits/new/",
    "/mandate/requirements/new/",
    "/mandate/assignments/new/",
    "/mandate/actions/new/",
]


@pytest.mark.parametrize("path", PAGES)
def test_each_form_shows_in_arabic_to_analysts_only(demo, demo_users, path):
    page = client_of(demo_users["analyst"]).get(path)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'lang="ar"' in html
    assert 'id="save-record"' in html
    assert ARABIC.search(html.split("<h1", 1)[1].split("</h1>")[0])
    assert client_of(demo_users["ita"]).get(path).status_code == 403
    assert client_of(demo_users["ita"]).post(path, TASK).status_code == 403
    anonymous = Client().get(path)
    assert anonymous.status_code == 302
    assert "/login/" in anonymous["Location"]


def test_the_mandate_page_offers_the_forms_to_writers_only(demo, demo_users):
    html = client_of(demo_users["analyst"]).get("/mandate/").content.decode()
    for button in ("task", "limit", "requirement", "assignment", "action"):
        assert f'id="record-{button}"' in html
    assert 'id="record-task"' not in client_of(demo_users["ita"]).get("/mandate/").content.decode()


def test_choices_read_in_arabic_not_as_codes(demo, demo_users):
    html = client_of(demo_users["analyst"]).get("/mandate/requirements/new/").content.decode()
    assert '<option value="police_trainers">مدربو شرطة</option>' in html or (
        re.search(r'<option value="police_trainers">[^<]*[\u0600-\u06ff]', html)
    )
    task = client_of(demo_users["analyst"]).get("/mandate/tasks/new/").content.decode()
    assert re.search(r'<option value="other">[^<]*[\u0600-\u06ff]', task)


def test_a_task_is_recorded_and_a_refused_one_keeps_what_was_typed(demo, demo_users):
    client = client_of(demo_users["analyst"])
    response = client.post("/mandate/tasks/new/", TASK)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == "/mandate/#h-tasks"
    task = Task.objects.get(force__key="ISF", code="other")
    assert (task.name_ar, task.legal_basis.actor.key) == ("مهمة تجريبية", "UNSCR-2803")
    again = client.post("/mandate/tasks/new/", {**TASK, "name_ar": "مهمة أخرى"})
    html = again.content.decode()
    assert again.status_code == 400
    assert "مهمة أخرى" in html
    error_of(html, "code")
    assert Task.objects.filter(code="other").count() == 1


def test_a_limit_is_recorded(demo, demo_users):
    client = client_of(demo_users["analyst"])
    typed = {"force": "ISF", "kind": "other", "text_ar": "لا اعتقالات", "marking": "public"}
    refused = client.post("/mandate/limits/new/", typed)  # no English text
    assert refused.status_code == 400
    assert "لا اعتقالات" in refused.content.decode()
    error_of(refused.content.decode(), "text_en")
    response = client.post("/mandate/limits/new/", {**typed, "text_en": "No arrests"})
    assert response.status_code == 302
    assert Limit.objects.filter(kind="other", text_en="No arrests").exists()


def test_a_requirement_is_recorded_with_digits_in_any_script(demo, demo_users):
    client = client_of(demo_users["analyst"])
    task = Task.objects.get(code="reconstruction")
    typed = {
        "task": str(task.pk),
        "capability": "engineering",
        "quantity": "٤٠",
        "area": "PS0270",
        "weight": "2",
        "needed_from": "2026-12-01",
        "note_ar": "إزالة الركام",
        "marking": "force",
    }
    response = client.post("/mandate/requirements/new/", typed)
    assert response.status_code == 302, response.content.decode()[:3000]
    need = Requirement.objects.latest("id")
    assert (need.task, need.quantity, need.area.key, need.weight) == (task, 40, "PS0270", 2.0)
    refused = client.post("/mandate/requirements/new/", {**typed, "quantity": "كثير"})
    html = refused.content.decode()
    assert refused.status_code == 400
    error_of(html, "quantity")
    assert "إزالة الركام" in html
    assert 'value="كثير"' in html
    unknown = client.post("/mandate/requirements/new/", {**typed, "task": "999999"})
    error_of(unknown.content.decode(), "task")


def test_an_assignment_is_recorded_and_a_caveat_refuses_it_on_the_pledge(demo, demo_users):
    client = client_of(demo_users["analyst"])
    training = Requirement.objects.get(task__code="police_training")
    egypt = Pledge.objects.get(nation__key="EGY", kind="police_trainers")
    typed = {
        "pledge": str(egypt.pk),
        "requirement": str(training.pk),
        "quantity": "10",
        "status": "planned",
        "marking": "force",
    }
    response = client.post("/mandate/assignments/new/", typed)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Assignment.objects.filter(pledge=egypt, requirement=training, quantity=10).exists()
    too_many = client.post("/mandate/assignments/new/", {**typed, "quantity": "100000"})
    assert too_many.status_code == 400
    error_of(too_many.content.decode(), "quantity")
    assert 'value="100000"' in too_many.content.decode()


def test_an_action_is_recorded_under_a_task(demo, demo_users):
    client = client_of(demo_users["analyst"])
    task = Task.objects.get(code="humanitarian_corridors")
    typed = {"force": "ISF", "on": "2026-12-02", "task": str(task.pk), "place": "PS0270"}
    refused = client.post("/mandate/actions/new/", {**typed, "marking": "public"})
    assert refused.status_code == 400
    error_of(refused.content.decode(), "description_en")
    response = client.post(
        "/mandate/actions/new/", {**typed, "description_ar": "مرافقة قافلة", "marking": "public"}
    )
    assert response.status_code == 302
    action = ForceAction.objects.latest("id")
    assert (action.task, action.place.key, action.description_ar) == (
        task,
        "PS0270",
        "مرافقة قافلة",
    )


def test_a_requirement_may_not_reach_further_than_what_it_names(demo, demo_users):
    """Whoever reads the requirement reads the area it names: a public requirement in an
    internal place is refused on its releasability; marked internal, it is stored."""
    create_actor(
        by=SYSTEM,
        key="SECRET-AREA",
        kind="place",
        name_ar="منطقة",
        name_en="Area",
        marking="internal",
    )
    client = client_of(demo_users["analyst"])
    task = Task.objects.get(code="security")
    typed = {
        "task": str(task.pk),
        "capability": "troops",
        "quantity": "5",
        "weight": "1",
        "area": "SECRET-AREA",
    }
    before = Requirement.objects.count()
    refused = client.post("/mandate/requirements/new/", {**typed, "marking": "public"})
    assert refused.status_code == 400
    error_of(refused.content.decode(), "marking")
    assert Requirement.objects.count() == before
    kept = client.post("/mandate/requirements/new/", {**typed, "marking": "internal"})
    assert kept.status_code == 302
    assert Requirement.objects.latest("id").marking == "internal"


@pytest.mark.parametrize("extra", [0, 30])
def test_the_mandate_forms_read_in_the_same_queries_at_any_size(
    demo, demo_users, extra, django_assert_max_num_queries
):
    task = Task.objects.get(code="security")
    for n in range(extra):
        create_requirement(by=SYSTEM, task=task, capability="troops", quantity=n + 1)
    client = client_of(demo_users["analyst"])
    for path in PAGES:
        client.get(path)
        with django_assert_max_num_queries(12):
            assert client.get(path).status_code == 200
    for kind in ("tasks", "requirements", "assignable-pledges", "forces"):
        client.get(f"/pick/{kind}/?q=")
        with django_assert_max_num_queries(6):
            assert client.get(f"/pick/{kind}/?q=ا").status_code == 200
