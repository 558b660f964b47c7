"""Recording the plan's scores and preconditions through the pages."""

import pytest

from marsad.plan.models import Precondition, ScoreChange
from marsad.statements.models import Statement
from tests.forms import client_of


def test_a_score_is_recorded_from_the_point_page(demo, demo_users):
    client = client_of(demo_users["analyst"])
    assert 'id="record-score"' in client.get("/plan/points/1/").content.decode()
    page = client.get("/plan/points/1/scores/new/")
    assert page.status_code == 200
    assert "مصفوفة اتفاقات السلام" in page.content.decode()
    response = client.post(
        "/plan/points/1/scores/new/",
        {"score": "1", "on": "2026-11-20", "note_ar": "خطوة أولى", "marking": "public"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/plan/points/1/"
    score = ScoreChange.objects.latest("id")
    assert (score.provision.number, score.score, score.note_ar) == (1, 1, "خطوة أولى")


def test_a_refused_score_keeps_the_note_and_names_the_field(demo, demo_users):
    client = client_of(demo_users["analyst"])
    before = ScoreChange.objects.count()
    response = client.post(
        "/plan/points/1/scores/new/",
        {"score": "7", "on": "", "note_ar": "ملاحظة", "marking": "public"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert ScoreChange.objects.count() == before
    assert "ملاحظة" in html
    assert 'data-error-for="score"' in html
    assert 'data-error-for="on"' in html
    assert client.get("/plan/points/99/scores/new/").status_code == 404


def test_a_precondition_is_recorded_with_pickers(demo, demo_users):
    client = client_of(demo_users["analyst"])
    statement = Statement.objects.filter(speaker__key="ISR", marking="public").first()
    assert 'data-value="13"' in client.get("/pick/provisions/?q=13").content.decode()
    assert (
        f'data-value="{statement.pk}"'
        in client.get(f"/pick/statements/?q={statement.pk}").content.decode()
    )
    response = client.post(
        "/plan/points/16/preconditions/new/",
        {"party": "ISR", "after": "12", "statement": str(statement.pk), "marking": "public"},
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    condition = Precondition.objects.latest("id")
    assert (condition.provision.number, condition.after.number) == (16, 12)
    refused = client.post(
        "/en/plan/points/16/preconditions/new/",
        {"party": "ISR", "after": "77", "statement": str(statement.pk), "marking": "public"},
    )
    assert 'data-error-for="after"' in refused.content.decode()


def test_only_analysts_record_scores(demo, demo_users):
    assert client_of(demo_users["ita"]).get("/plan/points/1/scores/new/").status_code == 403
    assert (
        'id="record-score"'
        not in client_of(demo_users["ita"]).get("/plan/points/1/").content.decode()
    )


@pytest.mark.parametrize("extra", [0, 20])
def test_the_score_form_reads_in_the_same_queries_at_any_size(
    demo, demo_users, extra, django_assert_max_num_queries
):
    from marsad.core.services.base import SystemUser
    from marsad.plan.services import record_score

    point = ScoreChange.objects.filter(provision__number=2).first().provision
    for n in range(extra):
        record_score(
            by=SystemUser("t"),
            provision=point,
            score=n % 4,
            on=f"2026-01-{n % 28 + 1:02d}",
            marking="public",
        )
    client = client_of(demo_users["analyst"])
    client.get("/plan/points/2/scores/new/")
    with django_assert_max_num_queries(12):
        assert client.get("/plan/points/2/scores/new/").status_code == 200
