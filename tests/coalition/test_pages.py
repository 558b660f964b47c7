"""Coalition pages and API on the demo: a liaison officer sees their nation's record and
nothing releasable only to others."""

import pytest
from django.test import Client

from marsad.coalition.models import Caveat, Pledge
from marsad.core.services.base import SystemUser
from marsad.core.services.users import issue_token


def page(path, user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client.get(path)


def test_overview_shows_standings_map_data_and_pledges(demo):
    html = page("/en/coalition/").content.decode()
    assert 'id="coalition-map"' in html
    assert '"380"' in html  # Italy's numeric code in the map data
    assert "under consideration" in html
    assert "Pledges by kind" in html
    arabic = page("/coalition/").content.decode()
    assert "قيد الدراسة" in arabic


def test_italy_page_holds_the_whole_story(demo):
    html = page("/en/coalition/states/ITA/").content.decode()
    for words in (
        "delivered",
        "under consideration",
        "founding member",
        "Police trainers",
        "will not give",
        "No ground troops",
        "did not sign",
        "declined to comment",
        "anonymous sources only",
    ):
        assert words.lower() in html.lower(), words


def test_liaison_of_italy_sees_the_liaison_note_and_france_does_not(demo, demo_users):
    restricted = Pledge.objects.get(marking="nations")
    condition = Caveat.objects.get(kind="parliamentary_approval")
    ita = page("/en/coalition/states/ITA/", demo_users["ita"]).content.decode()
    fra = page("/en/coalition/states/ITA/", demo_users["fra"]).content.decode()
    anonymous = page("/en/coalition/states/ITA/").content.decode()
    assert restricted.conditions[:40] in ita
    assert restricted.conditions[:40] not in fra
    assert restricted.conditions[:40] not in anonymous
    assert condition.text_en in ita
    assert condition.text_en not in fra
    assert "more supporting claim" in fra  # restricted evidence is counted, not shown


def test_api_hides_restricted_pledges_and_names_bad_input(demo, demo_users):
    fra = issue_token(by=SystemUser("t"), user=demo_users["fra"])
    analyst = issue_token(by=SystemUser("t"), user=demo_users["analyst"])
    headers = {"HTTP_AUTHORIZATION": f"Bearer {fra}"}
    pledges = Client().get("/api/v1/coalition/pledges?nation=ITA&page_size=100", **headers).json()
    assert all(p["marking"] != "nations" for p in pledges["items"])
    bad = Client().post(
        "/api/v1/coalition/pledges",
        {"nation": "ITA", "kind": "troops", "quantity": "-3", "marking": "public"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {analyst}",
    )
    assert bad.status_code == 422
    assert bad.json()["errors"][0] == {
        "field": "quantity",
        "value": "-3",
        "message": "must not be negative",
    }


def test_standings_as_of_a_date_before_the_invitation(demo):
    before = Client().get("/api/v1/coalition/standings?as_of=2026-01-10").json()
    italy = next(s for s in before if s["actor"] == "ITA")
    assert italy["invitations"][0]["state"] is None
    after = Client().get("/api/v1/coalition/standings?as_of=2026-01-25").json()
    assert next(s for s in after if s["actor"] == "ITA")["category"] == "under_consideration"


def test_invitation_timeline_through_the_api(demo, demo_users):
    token = issue_token(by=SystemUser("t"), user=demo_users["analyst"])
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    created = Client().post(
        "/api/v1/coalition/invitations",
        {
            "inviter": "USA",
            "invitee": "JOR",
            "role": "member",
            "on": "2026-02-01",
            "marking": "public",
        },
        content_type="application/json",
        **headers,
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    declined = Client().post(
        f"/api/v1/coalition/invitations/{pk}/statuses",
        {
            "state": "declined",
            "on": "2026-02-03",
            "marking": "public",
        },
        content_type="application/json",
        **headers,
    )
    assert declined.status_code == 201
    again = Client().post(
        f"/api/v1/coalition/invitations/{pk}/statuses",
        {
            "state": "accepted",
            "on": "2026-02-05",
            "marking": "public",
        },
        content_type="application/json",
        **headers,
    )
    assert again.status_code == 422
    assert "new invitation" in again.json()["detail"]
    detail = Client().get(f"/api/v1/coalition/invitations/{pk}").json()
    assert [s["state"] for s in detail["statuses"]] == ["proposed", "declined"]


@pytest.mark.parametrize("command", [["coalition", "status", "--as-of", "2026-01-25"]])
def test_status_command(demo, command):
    from typer.testing import CliRunner

    from marsad.cli import app

    result = CliRunner().invoke(app, command)
    assert result.exit_code == 0, result.output
    assert "Italy (ITA)" in result.output
    assert "under_consideration" in result.output
    bad = CliRunner().invoke(app, ["coalition", "status", "--as-of", "tomorrow"])
    assert bad.exit_code == 1
    assert "--as-of" in bad.output
