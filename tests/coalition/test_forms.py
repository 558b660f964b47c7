"""Recording the coalition through the pages: a pledge with its readiness, its status from a
day (a pledge withdrawn on a day counts until then), and a legal condition met."""

from datetime import date

import pytest

from marsad.coalition import selectors
from marsad.coalition.models import Caveat, Pledge
from marsad.coalition.services import record_pledge, set_pledge_status
from tests.conftest import SYSTEM
from tests.forms import client_of

PLEDGE = {
    "nation": "ITA",
    "body": "ISF",
    "kind": "troops",
    "quantity": "٣٠٠",
    "status": "offered",
    "announced": "2026-02-01",
    "readiness": "preparing",
    "deployable_from": "2026-06-01",
    "marking": "public",
}


def test_a_pledge_is_recorded_with_its_readiness_and_deployment_date(demo, demo_users):
    client = client_of(demo_users["analyst"])
    assert 'id="record-pledge"' in client.get("/coalition/pledges/").content.decode()
    response = client.post("/coalition/pledges/new/", PLEDGE)
    assert response.status_code == 302
    pledge = Pledge.objects.latest("id")
    assert (pledge.quantity, pledge.readiness, pledge.deployable_from) == (
        300,
        "preparing",
        date(2026, 6, 1),
    )
    assert pledge.status_since == date(2026, 2, 1)
    page = client.get("/coalition/states/ITA/").content.decode()
    assert 'data-readiness="preparing"' in page
    refused = client.post("/coalition/pledges/new/", {**PLEDGE, "kind": "", "quantity": "كثير"})
    assert refused.status_code == 400
    assert 'data-error-for="kind"' in refused.content.decode()
    assert "٣٠٠" not in refused.content.decode() or "كثير" in refused.content.decode()


def test_a_pledge_withdrawn_on_a_day_counts_until_that_day(demo, demo_users):
    pledge = record_pledge(
        by=SYSTEM,
        nation="FRA",
        body="ISF",
        kind="troops",
        quantity=100,
        announced="2026-01-10",
        marking="public",
    )
    set_pledge_status(by=SYSTEM, pledge=pledge, status="withdrawn", on="2026-03-01")
    reader = demo_users["analyst"]
    assert selectors.standing_pledges(reader, date(2026, 2, 1)).filter(pk=pledge.pk).exists()
    assert not selectors.standing_pledges(reader, date(2026, 3, 1)).filter(pk=pledge.pk).exists()
    before = {r["kind"]: r for r in selectors.pledges_by_kind(reader, day=date(2026, 2, 1))}
    after = {r["kind"]: r for r in selectors.pledges_by_kind(reader, day=date(2026, 3, 2))}
    assert before["troops"]["total"] - after["troops"]["total"] == 100


def test_a_status_is_changed_from_a_day_through_the_page(demo, demo_users):
    client = client_of(demo_users["analyst"])
    pledge = Pledge.objects.filter(nation__key="ITA", marking="public").first()
    assert (
        f"/coalition/pledges/{pledge.pk}/status/"
        in client.get("/coalition/states/ITA/").content.decode()
    )
    response = client.post(
        f"/coalition/pledges/{pledge.pk}/status/", {"status": "confirmed", "on": "2026-02-15"}
    )
    assert response.status_code == 302
    pledge.refresh_from_db()
    assert (pledge.status, pledge.status_since) == ("confirmed", date(2026, 2, 15))
    earlier = client.post(
        f"/coalition/pledges/{pledge.pk}/status/", {"status": "delivered", "on": "2026-02-01"}
    )
    assert earlier.status_code == 400
    assert 'data-error-for="on"' in earlier.content.decode()
    backwards = client.post(
        f"/coalition/pledges/{pledge.pk}/status/", {"status": "offered", "on": "2026-03-01"}
    )
    assert 'data-error-for="status"' in backwards.content.decode()
    readiness = client.post(
        f"/coalition/pledges/{pledge.pk}/readiness/",
        {"readiness": "ready", "deployable_from": "2026-04-01"},
    )
    assert readiness.status_code == 302
    pledge.refresh_from_db()
    assert pledge.readiness == "ready"


def test_a_legal_condition_is_marked_met(demo, demo_users):
    client = client_of(demo_users["analyst"])
    caveat = Caveat.objects.filter(kind="parliamentary_approval").first()
    response = client.post(f"/coalition/caveats/{caveat.pk}/met/", {"met": "yes"})
    assert response.status_code == 302
    caveat.refresh_from_db()
    assert caveat.met is True


def test_liaison_officers_do_not_record_pledges(demo, demo_users):
    assert client_of(demo_users["ita"]).get("/coalition/pledges/new/").status_code == 403


@pytest.mark.parametrize("extra", [0, 20])
def test_the_pledge_form_reads_in_the_same_queries_at_any_size(
    demo, demo_users, extra, django_assert_max_num_queries
):
    for n in range(extra):
        record_pledge(
            by=SYSTEM, nation="FRA", body="ISF", kind="funding", quantity=n, marking="public"
        )
    client = client_of(demo_users["analyst"])
    client.get("/coalition/pledges/new/?nation=ITA")
    with django_assert_max_num_queries(12):
        assert client.get("/coalition/pledges/new/?nation=ITA").status_code == 200
