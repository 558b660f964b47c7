"""Recording police courses and readiness indicators through the pages, in Arabic: the trainer
nations, the pledge and the source are chosen with pickers, the governorate and the indicator by
their names; a refusal keeps what was typed and names the field."""

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client

from marsad.coalition.models import Pledge
from marsad.programs.models import Course, ReadinessIndicator
from marsad.programs.services import create_course, record_indicator
from tests.conftest import SYSTEM
from tests.forms import client_of
from tests.names import assert_names_readable


def jordan_s_pledge():
    return Pledge.objects.get(nation__key="JOR", kind="police_trainers", marking="public")


def course_of(pledge, **changes):
    return {
        "name_ar": "دورة الشرطة في عمّان",
        "name_en": "Police course in Amman",
        "location_ar": "عمّان",
        "starts": "2026-12-01",
        "trainer_nations": "JOR",
        "pledge": str(pledge.pk),
        "target_trainees": "٢٥٠",
        "marking": "public",
        **changes,
    }


def test_a_police_course_is_recorded_from_the_programs_page(demo, demo_users):
    client = client_of(demo_users["analyst"])
    assert 'id="record-course"' in client.get("/programs/").content.decode()
    form = client.get("/programs/courses/new/")
    html = form.content.decode()
    assert form.status_code == 200
    assert 'dir="rtl"' in html
    assert "سجّل دورة شرطة" in html
    pledge = jordan_s_pledge()
    proposed = client.get("/pick/trainer_pledges/?q=الاردن").content.decode()
    assert f'data-value="{pledge.pk}"' in proposed
    response = client.post("/programs/courses/new/", course_of(pledge))
    course = Course.objects.latest("id")
    assert response.status_code == 302
    assert response["Location"] == f"/programs/courses/{course.pk}/"
    assert (course.target_trainees, course.pledge, course.starts) == (
        250,
        pledge,
        date(2026, 12, 1),
    )
    assert [n.key for n in course.trainer_nations.all()] == ["JOR"]
    assert_names_readable(course)
    public = client_of(demo_users["reader"]).get(f"/programs/courses/{course.pk}/")
    assert public.status_code == 200
    assert "دورة الشرطة في عمّان" in public.content.decode()


def test_a_refused_course_keeps_what_was_typed_and_names_the_field(demo, demo_users):
    client = client_of(demo_users["analyst"])
    before = Course.objects.count()
    italy = Pledge.objects.get(nation__key="ITA", kind="police_trainers", marking="nations")
    refused = client.post("/programs/courses/new/", course_of(italy))  # FRA's pledge, not JOR's
    html = refused.content.decode()
    assert refused.status_code == 400
    assert 'data-error-for="pledge"' in html
    assert "دورة الشرطة في عمّان" in html
    refused = client.post(
        "/programs/courses/new/", course_of(jordan_s_pledge(), target_trainees="كثير")
    )
    assert 'data-error-for="target_trainees"' in refused.content.decode()
    nameless = client.post(
        "/programs/courses/new/", course_of(jordan_s_pledge(), name_ar="", name_en="")
    )
    assert 'data-error-for="name_ar"' in nameless.content.decode()
    assert Course.objects.count() == before


INDICATOR = {
    "pcode": "PS0270",
    "kind": "water",
    "value": "٤٥٫٥",
    "measured_on": "2026-11-20",
    "source": "REUTERS",
    "note_ar": "تقدير أولي",
    "marking": "public",
}


def test_an_indicator_is_recorded_from_the_readiness_page(demo, demo_users):
    client = client_of(demo_users["analyst"])
    assert 'id="record-indicator"' in client.get("/programs/readiness/").content.decode()
    html = client.get("/programs/indicators/new/").content.decode()
    assert "خان يونس" in html
    assert ">PS0270<" not in html
    assert "مرافق المياه" in html or "المياه" in html
    response = client.post("/programs/indicators/new/", INDICATOR)
    assert response.status_code == 302
    assert response["Location"] == "/programs/readiness/"
    indicator = ReadinessIndicator.objects.latest("id")
    assert (indicator.pcode, indicator.kind, indicator.value, indicator.source.key) == (
        "PS0270",
        "water",
        Decimal("45.5"),
        "REUTERS",
    )
    assert_names_readable(indicator)
    again = client.post("/programs/indicators/new/", INDICATOR)
    assert again.status_code == 400
    assert 'data-error-for="measured_on"' in again.content.decode()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"value": "140"}, "value"),
        ({"measured_on": "2099-01-01"}, "measured_on"),
        ({"source": ""}, "source"),
        ({"pcode": "PS9999"}, "pcode"),
    ],
)
def test_a_refused_indicator_keeps_the_note_and_names_the_field(demo, demo_users, change, field):
    client = client_of(demo_users["analyst"])
    before = ReadinessIndicator.objects.count()
    refused = client.post("/programs/indicators/new/", {**INDICATOR, **change})
    html = refused.content.decode()
    assert refused.status_code == 400
    assert f'data-error-for="{field}"' in html
    assert "تقدير أولي" in html
    assert "مرفوض:" not in html  # said in Arabic, not passed through in English
    assert ReadinessIndicator.objects.count() == before


@pytest.mark.parametrize("path", ["/programs/courses/new/", "/programs/indicators/new/"])
def test_only_writers_record_courses_and_indicators(demo, demo_users, path):
    assert client_of(demo_users["ita"]).get(path).status_code == 403
    assert client_of(demo_users["ita"]).post(path, INDICATOR).status_code == 403
    anonymous = Client().get(path)
    assert anonymous.status_code == 302
    assert "/login/" in anonymous["Location"]
    assert (
        'id="record-course"' not in client_of(demo_users["ita"]).get("/programs/").content.decode()
    )


@pytest.mark.parametrize("extra", [0, 20])
def test_the_course_and_indicator_forms_read_in_the_same_queries_at_any_size(
    demo, demo_users, extra, django_assert_max_num_queries
):
    for n in range(extra):
        create_course(
            by=SYSTEM,
            name_en=f"Course {n}",
            location_en="Amman",
            trainer_nations=["JOR"],
            marking="public",
        )
        record_indicator(
            by=SYSTEM,
            pcode="PS0255",
            kind="power",
            value=n,
            measured_on=f"2026-01-{n + 1:02d}",
            source="REUTERS",
            marking="public",
        )
    client = client_of(demo_users["analyst"])
    for path in ("/programs/courses/new/", "/programs/indicators/new/?pcode=PS0270"):
        client.get(path)
        with django_assert_max_num_queries(12):
            assert client.get(path).status_code == 200
