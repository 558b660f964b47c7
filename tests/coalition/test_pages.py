"""Coalition pages and API on the demo: a liaison officer sees their nation's record and
nothing releasable only to others."""

import json
from datetime import date

import pytest
from django.test import Client

from marsad.coalition.models import Caveat, Invitation, Membership, Pledge
from marsad.coalition.services import record_status
from marsad.core.services.base import SystemUser
from marsad.core.services.users import create_user, issue_token

from ..conftest import PASSWORD

SYSTEM = SystemUser("system:test")


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
    # A sanitized release: restricted evidence is announced, never counted or shown.
    assert "Evidence not releasable to you." in fra
    assert "more supporting claim" not in fra
    assert "sanitized release" not in fra
    analyst = page("/en/coalition/states/ITA/", demo_users["analyst"]).content.decode()
    assert "sanitized release" in analyst
    assert "Evidence not releasable to you." not in analyst


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


def section(html, marker):
    """The part of a page from `marker` (an id) to the end of its section."""
    return html.split(marker, 1)[1].split("</section>", 1)[0]


def api(method, path, user=None, **payload):
    headers = {}
    if user is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {issue_token(by=SYSTEM, user=user)}"
    if method == "get":
        return Client().get(path, **headers)
    return Client().post(path, payload, content_type="application/json", **headers)


def test_a_step_releasable_only_to_the_usa_shows_itself_to_no_one_else(demo, demo_users):
    italy = Invitation.objects.get(invitee__key="ITA", body__key="ISF")
    record_status(
        by=SYSTEM,
        invitation=italy,
        state="accepted",
        on="2026-02-07",
        marking="nations",
        releasable_to=["USA"],
    )
    usa = create_user(by=SYSTEM, username="smith", role="liaison", nation="USA", password=PASSWORD)
    for reader in (None, demo_users["reader"], demo_users["ita"], demo_users["fra"]):
        overview = page("/en/coalition/", reader).content.decode()
        state = page("/en/coalition/states/ITA/", reader).content.decode()
        current = section(overview, 'id="invitations"')
        assert "under consideration <small" in current
        assert "accepted <small" not in current
        assert "<strong>accepted</strong>" not in section(state, 'id="invitations"')
        # Nor through the end date the hidden step gave the step before it.
        assert "2026-02-07" not in overview + state
        found = api("get", "/api/v1/coalition/invitations?invitee=ITA", reader)
        assert "2026-02-07" not in found.content.decode()
        (invitation,) = found.json()["items"]
        assert invitation["current_state"] == "under_consideration"
        assert invitation["statuses"][-1]["valid_to"] is None
        standings = api("get", "/api/v1/coalition/standings", reader).json()
        assert next(s for s in standings if s["actor"] == "ITA")["category"] == (
            "under_consideration"
        )
    overview = page("/en/coalition/", usa).content.decode()
    assert "accepted <small" in section(overview, 'id="invitations"')
    state = page("/en/coalition/states/ITA/", usa).content.decode()
    assert "2026-02-07" in section(state, 'id="invitations"')
    (invitation,) = api("get", "/api/v1/coalition/invitations?invitee=ITA", usa).json()["items"]
    assert invitation["current_state"] == "accepted"
    assert invitation["statuses"][-2]["valid_to"] == "2026-02-07"


def test_standings_and_pledges_by_kind_count_only_pledges_announced_by_the_day(demo):
    from marsad.coalition.selectors import pledges_by_kind

    def indonesia(day):
        rows = Client().get(f"/api/v1/coalition/standings?as_of={day}").json()
        return next((s["pledges"] for s in rows if s["actor"] == "IDN"), 0)

    assert indonesia("2026-01-25") == 0  # Indonesia pledged troops on 2026-01-27
    assert indonesia("2026-01-28") == 1

    def troops(day):
        rows = pledges_by_kind(SYSTEM, day=day)
        return next((r["pledges"] for r in rows if r["kind"] == "troops"), 0)

    assert troops(date(2026, 1, 25)) == 0
    assert troops(date(2026, 1, 28)) >= 3

    def chart(path):
        html = page(path).content.decode()
        data = html.split('id="pledge-data" type="application/json">')[1].split("</script>")[0]
        data = json.loads(data)
        return dict(zip(data["labels"], data["pledges"], strict=True))

    assert chart("/en/coalition/?as_of=2026-01-25")["troops"] == 0  # Italy's refusal only
    assert chart("/en/coalition/")["troops"] >= 1


def test_the_status_command_counts_pledges_as_of_the_day(demo):
    from typer.testing import CliRunner

    from marsad.cli import app

    before = CliRunner().invoke(app, ["coalition", "status", "--as-of", "2026-01-25"]).output
    after = CliRunner().invoke(app, ["coalition", "status", "--as-of", "2026-01-28"]).output
    assert "(IDN)" not in before
    assert "(IDN)" in after


def test_memberships_through_the_api(demo, demo_users):
    created = api(
        "post",
        "/api/v1/coalition/memberships",
        demo_users["analyst"],
        member="EGY",
        role="member",
        since="٢٠٢٦-٠٢-٠١",
        marking="public",
    )
    assert created.status_code == 201, created.content
    assert (created.json()["member"], created.json()["since"]) == ("EGY", "2026-02-01")
    listed = api("get", "/api/v1/coalition/memberships?page_size=100").json()["items"]
    assert any(m["member"] == "EGY" and m["body"] == "ISF" for m in listed)
    bad = api(
        "post",
        "/api/v1/coalition/memberships",
        demo_users["analyst"],
        member="EGY",
        role="observer",
        since="2026-02-01",
        until="2026-01-01",
        marking="public",
    )
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "until"
    assert bad.json()["errors"][0]["value"] == "2026-01-01"
    assert "datetime" not in bad.json()["detail"]
    assert not Membership.objects.filter(member__key="EGY", role="observer").exists()
    refused = api(
        "post",
        "/api/v1/coalition/memberships",
        demo_users["reader"],
        member="EGY",
        role="observer",
        marking="public",
    )
    assert refused.status_code == 403


@pytest.mark.parametrize(
    ("quantity", "status", "stored"),
    [("٣٠٠", 201, 300), ("١٥٠", 201, 150), ("many", 422, None), ("12.5", 422, None)],
)
def test_pledge_quantities_through_the_api(demo, demo_users, quantity, status, stored):
    response = api(
        "post",
        "/api/v1/coalition/pledges",
        demo_users["analyst"],
        nation="EGY",
        kind="engineering",
        quantity=quantity,
        marking="public",
    )
    assert response.status_code == status, response.content
    if stored is not None:
        assert response.json()["quantity"] == stored
    else:
        error = response.json()["errors"][0]
        assert (error["field"], error["value"]) == ("quantity", quantity)
        assert not Pledge.objects.filter(nation__key="EGY", kind="engineering").exists()


def test_liaison_of_italy_sees_italys_assignments_and_not_others(demo, demo_users):
    from marsad.mandate.models import Requirement
    from marsad.mandate.services import assign

    training = Requirement.objects.get(task__code="police_training")
    public_pledge = Pledge.objects.get(nation__key="ITA", kind="police_trainers", marking="public")
    assign(
        by=SYSTEM,
        pledge=public_pledge,
        requirement=training,
        quantity=37,
        marking="nations",
        releasable_to=["USA"],
    )
    restricted = section(
        page("/en/coalition/states/ITA/", demo_users["ita"]).content.decode(),
        'id="assignments"',
    )
    assert restricted.count('<li class="list-group-item">') == 1
    assert (
        ": 150 police trainers →" in restricted
    )  # the demo assignment, releasable to Italy and the US
    assert ": 37 police trainers →" not in restricted  # releasable to the US only
    for reader in (demo_users["fra"], None):
        other = section(
            page("/en/coalition/states/ITA/", reader).content.decode(), 'id="assignments"'
        )
        assert ": 150 police trainers →" not in other
        assert ": 37 police trainers →" not in other
        assert "No assignment recorded." in other


def test_a_bad_day_is_reported_on_the_overview(demo):
    html = Client().get("/en/coalition/?as_of=yesterday").content.decode()
    assert 'role="alert"' in html
    assert "as_of" in html
    assert "yesterday" in html
