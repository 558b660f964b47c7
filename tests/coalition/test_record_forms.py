"""Recording the coalition's invitations, their dated steps, memberships and caveats through the
pages, in Arabic: each form is offered to those who may write, stores through the service, and
when refused keeps what was typed and names the field."""

from datetime import date

import pytest
from django.test import Client

from marsad.coalition.models import Caveat, Invitation, InvitationStatus, Membership
from marsad.coalition.services import create_invitation
from marsad.core.models import Claim
from tests.conftest import SYSTEM
from tests.forms import client_of
from tests.names import assert_names_readable

INVITATION = {
    "inviter": "USA",
    "invitee": "FRA",
    "body": "ISF",
    "role": "member",
    "state": "delivered",
    "on": "2026-02-03",
    "note": "دعوة عبر السفارة",
    "marking": "public",
}


def test_an_invitation_is_recorded_from_the_coalition_pages(demo, demo_users):
    client = client_of(demo_users["analyst"])
    assert 'id="record-invitation"' in client.get("/coalition/").content.decode()
    state_page = client.get("/coalition/states/FRA/").content.decode()
    assert "/coalition/invitations/new/?invitee=FRA" in state_page
    form = client.get("/coalition/invitations/new/?invitee=FRA")
    html = form.content.decode()
    assert form.status_code == 200
    assert 'dir="rtl"' in html
    assert "سجّل دعوة" in html
    assert ">founding_member<" not in html
    assert "عضو مؤسس" in html
    claim = Claim.objects.filter(marking="public").first()
    response = client.post("/coalition/invitations/new/", {**INVITATION, "claims": str(claim.pk)})
    assert response.status_code == 302
    assert response["Location"] == "/coalition/states/FRA/#invitations"
    invitation = Invitation.objects.latest("id")
    assert (invitation.inviter.key, invitation.invitee.key, invitation.role) == (
        "USA",
        "FRA",
        "member",
    )
    step = InvitationStatus.objects.get(invitation=invitation)
    assert (step.state, step.valid_from) == ("delivered", date(2026, 2, 3))
    assert list(invitation.claims.all()) == [claim]
    assert_names_readable(invitation)
    assert_names_readable(step)


def test_a_refused_invitation_keeps_what_was_typed_and_names_the_field(demo, demo_users):
    client = client_of(demo_users["analyst"])
    before = Invitation.objects.count()
    refused = client.post(
        "/coalition/invitations/new/", {**INVITATION, "invitee": "NOBODY", "on": ""}
    )
    html = refused.content.decode()
    assert refused.status_code == 400
    assert 'data-error-for="on"' in html
    assert "دعوة عبر السفارة" in html
    narrower = Claim.objects.exclude(marking="public").first()
    refused = client.post("/coalition/invitations/new/", {**INVITATION, "claims": narrower.pk})
    html = refused.content.decode()
    assert refused.status_code == 400
    assert 'data-error-for="claims"' in html
    assert "من يقرأ هذا السجل" in html or "مرفوض" not in html
    refused = client.post("/coalition/invitations/new/", {**INVITATION, "invitee": "NOBODY"})
    assert 'data-error-for="invitee"' in refused.content.decode()
    assert Invitation.objects.count() == before


def test_a_dated_step_is_added_to_an_invitation(demo, demo_users):
    client = client_of(demo_users["analyst"])
    invitation = Invitation.objects.get(invitee__key="ITA")
    url = f"/coalition/invitations/{invitation.pk}/status/"
    assert url in client.get("/coalition/states/ITA/").content.decode()
    assert "قيد الدراسة" in client.get(url).content.decode()
    earlier = client.post(
        url, {"state": "accepted", "on": "2026-01-20", "note": "قبول مبكر", "marking": "public"}
    )
    assert earlier.status_code == 400
    html = earlier.content.decode()
    assert 'data-error-for="on"' in html
    assert "قبول مبكر" in html
    backwards = client.post(url, {"state": "proposed", "on": "2026-02-10", "marking": "public"})
    assert 'data-error-for="state"' in backwards.content.decode()
    response = client.post(url, {"state": "accepted", "on": "2026-02-10", "marking": "public"})
    assert response.status_code == 302
    steps = list(InvitationStatus.objects.filter(invitation=invitation).order_by("valid_from"))
    assert [s.state for s in steps][-2:] == ["under_consideration", "accepted"]
    assert steps[-2].valid_to == date(2026, 2, 10)
    assert_names_readable(steps[-1])


def test_a_membership_is_recorded(demo, demo_users):
    client = client_of(demo_users["analyst"])
    assert (
        "/coalition/memberships/new/?member=ITA"
        in client.get("/coalition/states/ITA/").content.decode()
    )
    response = client.post(
        "/coalition/memberships/new/",
        {
            "member": "ITA",
            "body": "ISF",
            "role": "observer",
            "since": "2026-03-01",
            "marking": "public",
        },
    )
    assert response.status_code == 302
    membership = Membership.objects.latest("id")
    assert (membership.member.key, membership.role, membership.since) == (
        "ITA",
        "observer",
        date(2026, 3, 1),
    )
    assert_names_readable(membership)
    refused = client.post(
        "/coalition/memberships/new/",
        {
            "member": "ITA",
            "body": "ISF",
            "role": "observer",
            "since": "2026-13-01",
            "marking": "public",
        },
    )
    assert refused.status_code == 400
    assert 'data-error-for="since"' in refused.content.decode()


def test_a_caveat_is_recorded_with_its_areas_and_tasks(demo, demo_users):
    client = client_of(demo_users["analyst"])
    form = client.get("/coalition/caveats/new/?nation=ITA").content.decode()
    assert "موافقة البرلمان" in form or "البرلمان" in form
    response = client.post(
        "/coalition/caveats/new/",
        {
            "nation": "ITA",
            "kind": "geographic_limit",
            "text_ar": "لا انتشار جنوب وادي غزة",
            "areas": "PS0270",
            "tasks": ["disarmament", "border_security"],
            "marking": "public",
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    caveat = Caveat.objects.latest("id")
    assert (caveat.kind, caveat.areas, sorted(caveat.tasks)) == (
        "geographic_limit",
        ["PS0270"],
        ["border_security", "disarmament"],
    )
    assert_names_readable(caveat)
    refused = client.post(
        "/coalition/caveats/new/",
        {
            "nation": "ITA",
            "kind": "geographic_limit",
            "areas": "ITA",
            "text_ar": "نص باقٍ",
            "marking": "public",
        },
    )
    html = refused.content.decode()
    assert refused.status_code == 400
    assert 'data-error-for="areas"' in html
    assert "نص باقٍ" in html


def test_a_legal_condition_s_form_is_linked_from_the_state_page(demo, demo_users):
    caveat = Caveat.objects.filter(kind="parliamentary_approval").first()
    page = client_of(demo_users["analyst"]).get(f"/coalition/states/{caveat.nation.key}/")
    assert f"/coalition/caveats/{caveat.pk}/met/" in page.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/coalition/invitations/new/",
        "/coalition/memberships/new/",
        "/coalition/caveats/new/",
        "invitation-status",
    ],
)
def test_only_writers_record_the_coalition(demo, demo_users, path):
    if path == "invitation-status":
        path = f"/coalition/invitations/{Invitation.objects.get(invitee__key='ITA').pk}/status/"
    assert client_of(demo_users["ita"]).get(path).status_code == 403
    assert client_of(demo_users["ita"]).post(path, INVITATION).status_code == 403
    anonymous = Client().get(path)
    assert anonymous.status_code == 302
    assert "/login/" in anonymous["Location"]
    page = client_of(demo_users["ita"]).get("/coalition/states/ITA/").content.decode()
    assert 'id="record-invitation"' not in page
    assert 'id="record-caveat"' not in page


@pytest.mark.parametrize("extra", [0, 20])
def test_the_invitation_forms_read_in_the_same_queries_at_any_size(
    demo, demo_users, extra, django_assert_max_num_queries
):
    for n in range(extra):
        create_invitation(
            by=SYSTEM,
            inviter="USA",
            invitee="FRA",
            body="ISF",
            role="member",
            on=f"2026-01-{n + 1:02d}",
            marking="public",
        )
    invitation = Invitation.objects.get(invitee__key="ITA")
    client = client_of(demo_users["analyst"])
    for path in (
        "/coalition/invitations/new/?invitee=FRA",
        f"/coalition/invitations/{invitation.pk}/status/",
        "/coalition/memberships/new/?member=ITA",
        "/coalition/caveats/new/?nation=ITA",
    ):
        client.get(path)
        with django_assert_max_num_queries(12):
            assert client.get(path).status_code == 200
