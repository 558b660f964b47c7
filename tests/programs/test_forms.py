"""Recording a course's cohorts and their progress through the pages."""

import pytest

from marsad.programs.models import Cohort, Course
from tests.forms import client_of


def test_a_cohort_is_recorded_and_updated(demo, demo_users):
    client = client_of(demo_users["analyst"])
    course = Course.objects.filter(marking="public").first()
    assert 'id="record-cohort"' in client.get(f"/programs/courses/{course.pk}/").content.decode()
    response = client.post(
        f"/programs/courses/{course.pk}/cohorts/new/",
        {
            "name_ar": "الدفعة الثالثة",
            "name_en": "Third cohort",
            "starts": "2026-05-01",
            "enrolled": "١٢٠",
            "marking": "public",
        },
    )
    assert response.status_code == 302
    cohort = Cohort.objects.latest("id")
    assert (cohort.enrolled, cohort.name_ar) == (120, "الدفعة الثالثة")
    refused = client.post(
        f"/programs/cohorts/{cohort.pk}/", {"graduated": "-4", "note_ar": "ملاحظة باقية"}
    )
    assert refused.status_code == 400
    html = refused.content.decode()
    assert 'data-error-for="graduated"' in html
    assert "ملاحظة باقية" in html
    assert (
        client.post(
            f"/programs/cohorts/{cohort.pk}/",
            {"starts": "2026-05-01", "enrolled": "120", "vetted": "100", "graduated": "90"},
        ).status_code
        == 302
    )
    cohort.refresh_from_db()
    assert cohort.graduated == 90


def test_readers_do_not_record_cohorts(demo, demo_users):
    course = Course.objects.filter(marking="public").first()
    assert (
        client_of(demo_users["reader"])
        .get(f"/programs/courses/{course.pk}/cohorts/new/")
        .status_code
        == 403
    )


@pytest.mark.parametrize("extra", [0, 20])
def test_the_cohort_form_reads_in_the_same_queries_at_any_size(
    demo, demo_users, extra, django_assert_max_num_queries
):
    from marsad.programs.services import record_cohort
    from tests.conftest import SYSTEM

    course = Course.objects.filter(marking="public").first()
    for n in range(extra):
        record_cohort(by=SYSTEM, course=course, name_en=f"c{n}", marking="public")
    client = client_of(demo_users["analyst"])
    with django_assert_max_num_queries(12):
        assert client.get(f"/programs/courses/{course.pk}/cohorts/new/").status_code == 200
