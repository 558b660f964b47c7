"""The plan tracker's filters (day, category, score), shared by its page, API and exports."""

from django.test import Client

from marsad.plan.models import Provision


def test_the_tracker_filters_by_category_and_score(demo):
    client = Client()
    every = client.get("/en/plan/").context["rows"]
    security = client.get("/en/plan/", {"category": "security"}).context["rows"]
    assert 0 < len(security) < len(every)
    assert {r["provision"].category for r in security} == {"security"}
    unscored = client.get("/en/plan/", {"score": "none"}).context["rows"]
    assert all(r["score"] is None for r in unscored)
    scored = {r["score"] for r in every if r["score"] is not None}
    for score in scored:
        rows = client.get("/en/plan/", {"score": str(score)}).context["rows"]
        assert {r["score"] for r in rows} == {score}
    numbers = {r["provision"].number for r in security}
    assert numbers == set(
        Provision.objects.filter(marking="public", category="security").values_list(
            "number", flat=True
        )
    )


def test_a_bad_score_is_named(demo):
    html = Client().get("/en/plan/", {"score": "4"}).content.decode()
    assert "score: must be 0, 1, 2, 3 or none" in html
    assert Client().get("/api/v1/plan/provisions", {"score": "4"}).status_code == 422
