"""Coalition writes: timelines, pledges and caveats; bad input named; nothing half-written."""

import pytest

from marsad.coalition import selectors
from marsad.coalition.models import Caveat, Invitation, InvitationStatus, Pledge
from marsad.coalition.services import (
    create_invitation,
    record_caveat,
    record_pledge,
    record_status,
    set_condition_met,
    set_pledge_status,
)
from marsad.core.errors import InvalidInput
from marsad.core.models import AuditEntry
from marsad.core.services.actors import create_actor

pytestmark = pytest.mark.django_db


@pytest.fixture
def force(system, states):
    create_actor(
        by=system,
        key="ISF",
        kind="force",
        name_ar="قوة الاستقرار الدولية",
        name_en="International Stabilization Force",
        marking="public",
    )
    for pcode, ar, en in (("PS0275", "رفح", "Rafah"), ("PS0260", "غزة", "Gaza")):
        create_actor(
            by=system,
            key=pcode,
            kind="place",
            pcode=pcode,
            name_ar=ar,
            name_en=en,
            marking="public",
        )


def invite(system, **extra):
    return create_invitation(
        by=system,
        inviter="USA",
        invitee="ITA",
        body="ISF",
        role="founding_member",
        state="delivered",
        on="2026-01-19",
        marking="public",
        **extra,
    )


def test_timeline_closes_each_step_when_the_next_begins(system, force):
    invitation = invite(system)
    record_status(
        by=system,
        invitation=invitation,
        state="under_consideration",
        on="٢٠٢٦-٠١-٢٤",
        marking="public",
    )
    steps = list(InvitationStatus.objects.filter(invitation=invitation).order_by("valid_from"))
    assert [(s.state, str(s.valid_from), s.valid_to and str(s.valid_to)) for s in steps] == [
        ("delivered", "2026-01-19", "2026-01-24"),
        ("under_consideration", "2026-01-24", None),
    ]
    assert selectors.status_on(system, invitation).state == "under_consideration"


def test_declined_then_accepted_is_refused_and_nothing_changes(system, force):
    invitation = invite(system)
    record_status(
        by=system, invitation=invitation, state="declined", on="2026-01-20", marking="public"
    )
    entries = AuditEntry.objects.count()
    with pytest.raises(InvalidInput, match="needs a new invitation") as caught:
        record_status(
            by=system, invitation=invitation, state="accepted", on="2026-02-01", marking="public"
        )
    assert caught.value.problems[0].field == "state"
    assert AuditEntry.objects.count() == entries
    assert selectors.status_on(system, invitation).state == "declined"
    assert selectors.status_on(system, invitation).valid_to is None


def test_steps_cannot_go_back_in_time(system, force):
    invitation = invite(system)
    with pytest.raises(InvalidInput, match="before the current step") as caught:
        record_status(
            by=system, invitation=invitation, state="accepted", on="2026-01-01", marking="public"
        )
    assert caught.value.problems[0].value == "2026-01-01"


def test_invitation_names_fields_it_does_not_know(system, force):
    with pytest.raises(InvalidInput) as caught:
        create_invitation(
            by=system,
            inviter="USA",
            invitee="ITA",
            body="ISF",
            role="king",
            on="2026-01-19",
            marking="public",
        )
    assert (caught.value.problems[0].field, caught.value.problems[0].value) == ("role", "king")
    with pytest.raises(InvalidInput, match="is a state; expected force"):
        create_invitation(
            by=system,
            inviter="USA",
            invitee="ITA",
            body="FRA",
            role="member",
            on="2026-01-19",
            marking="public",
        )
    assert not Invitation.objects.exists()


def test_pledges_read_any_digits_and_refuse_negatives(system, force):
    pledge = record_pledge(
        by=system,
        nation="ITA",
        body="ISF",
        kind="police_trainers",
        quantity="٢٠٠",
        marking="public",
    )
    assert (pledge.quantity, pledge.unit) == (200, "persons")
    with pytest.raises(InvalidInput, match="must not be negative") as caught:
        record_pledge(
            by=system, nation="ITA", body="ISF", kind="troops", quantity="-5", marking="public"
        )
    assert caught.value.problems[0].field == "quantity"
    with pytest.raises(InvalidInput, match="must be one of") as caught:
        record_pledge(by=system, nation="ITA", body="ISF", kind="tanks", marking="public")
    assert caught.value.problems[0].value == "tanks"
    refusal = record_pledge(
        by=system, nation="ITA", body="ISF", kind="troops", negative=True, marking="public"
    )
    assert refusal.negative
    assert Pledge.objects.count() == 2


def test_pledge_status_follows_its_timeline(system, force):
    pledge = record_pledge(
        by=system, nation="ITA", body="ISF", kind="funding", quantity=1000, marking="public"
    )
    set_pledge_status(by=system, pledge=pledge, status="confirmed")
    set_pledge_status(by=system, pledge=pledge, status="withdrawn")
    with pytest.raises(InvalidInput, match="record a new pledge"):
        set_pledge_status(by=system, pledge=Pledge.objects.get(pk=pledge.pk), status="offered")


def test_caveats_name_what_they_limit(system, force):
    with pytest.raises(InvalidInput) as caught:
        record_caveat(
            by=system, nation="ITA", kind="geographic_limit", text_en="Only Rafah", marking="public"
        )
    assert caught.value.problems[0].field == "areas"
    with pytest.raises(InvalidInput) as caught:
        record_caveat(
            by=system,
            nation="ITA",
            kind="task_exclusion",
            tasks=["parades"],
            text_en="x",
            marking="public",
        )
    assert caught.value.problems[0].field == "tasks[0]"
    with pytest.raises(InvalidInput) as caught:
        record_caveat(by=system, nation="ITA", kind="no_combat", marking="public")
    assert caught.value.problems[0].field == "text_en"
    limit = record_caveat(
        by=system,
        nation="ITA",
        kind="geographic_limit",
        areas=["ps0275"],
        text_en="Rafah only",
        marking="public",
    )
    assert limit.areas == ["PS0275"]
    assert Caveat.objects.count() == 1


def test_only_legal_conditions_are_met_or_not(system, force):
    condition = record_caveat(
        by=system,
        nation="ITA",
        kind="parliamentary_approval",
        text_en="Parliament must approve",
        marking="public",
    )
    assert set_condition_met(by=system, caveat=condition, met=True).met is True
    limit = record_caveat(
        by=system, nation="ITA", kind="no_combat", text_en="No combat", marking="public"
    )
    with pytest.raises(InvalidInput, match="is a limit, not a legal condition"):
        set_condition_met(by=system, caveat=limit, met=True)


def test_a_public_step_rests_on_restricted_evidence_only_by_a_sanitized_release(
    system, force, make_document, make_user
):
    from marsad.core.selectors import evidence_withheld
    from marsad.core.services.claims import record_claim

    note = make_document(marking="nations", nations=("ITA",))
    claim = record_claim(
        by=system,
        document=note,
        data={
            "type": "membership_decision",
            "actor": ["ITA"],
            "attributes": {"decision": "under_consideration"},
            "attribution": {"source_kind": "document"},
            "evidence": [{"start": 0, "end": 5}],
        },
    )
    entries = AuditEntry.objects.count()
    with pytest.raises(InvalidInput, match="is marked 'nations ITA'") as caught:
        invite(system, claims=[claim.pk])
    assert caught.value.problems[0].field == "claims"
    assert AuditEntry.objects.count() == entries
    assert not Invitation.objects.exists()
    with pytest.raises(InvalidInput, match="at least 10 characters") as caught:
        create_invitation(
            by=system,
            inviter="USA",
            invitee="ITA",
            body="ISF",
            role="member",
            on="2026-01-19",
            claims=[claim.pk],
            marking="public",
            sanitized="ok",
        )
    assert caught.value.problems[0].field == "sanitized"
    invitation = create_invitation(
        by=system,
        inviter="USA",
        invitee="ITA",
        body="ISF",
        role="member",
        on="2026-01-19",
        claims=[claim.pk],
        marking="public",
        sanitized="Rome's answer is public; the note that confirms it is not.",
    )
    reader = make_user("public")
    assert list(invitation.evidence_for(reader)) == []
    assert evidence_withheld(reader, invitation)
    assert not evidence_withheld(make_user("liaison", "ITA"), invitation)
    assert invitation.claims.count() == 1
    entry = AuditEntry.objects.get(
        model="coalition.Invitation", object_id=str(invitation.pk), action="create"
    )
    assert "Rome's answer is public" in entry.after
    with pytest.raises(InvalidInput, match="no claim has this number"):
        invite(system, claims=[99999])


def test_membership_is_recorded_with_dates_in_any_digits(system, force):
    from marsad.coalition.services import record_membership

    membership = record_membership(
        by=system,
        member="ITA",
        body="ISF",
        role="member",
        since="٢٠٢٦-٠١-٢٢",
        until="2026-12-31",
        marking="public",
    )
    assert (str(membership.since), str(membership.until)) == ("2026-01-22", "2026-12-31")
    assert AuditEntry.objects.filter(object_id=str(membership.pk), action="create").exists()


@pytest.mark.parametrize(
    ("dates", "field", "value"),
    [
        ({"since": "2026-02-01", "until": "2026-01-01"}, "until", "2026-01-01"),
        ({"since": "yesterday"}, "since", "yesterday"),
        ({"role": "king"}, "role", "king"),
    ],
)
def test_membership_names_the_bad_field_and_its_plain_value(system, force, dates, field, value):
    from marsad.coalition.models import Membership
    from marsad.coalition.services import record_membership

    with pytest.raises(InvalidInput) as caught:
        record_membership(
            by=system, member="ITA", body="ISF", **{"role": "member", **dates}, marking="public"
        )
    problem = caught.value.problems[0]
    assert (problem.field, problem.value) == (field, value)
    assert "datetime" not in str(caught.value)
    assert not Membership.objects.exists()


def test_pledge_status_is_checked_on_the_stored_pledge_not_a_stale_copy(system, force):
    stale = record_pledge(
        by=system, nation="ITA", body="ISF", kind="funding", quantity=1000, marking="public"
    )
    set_pledge_status(by=system, pledge=Pledge.objects.get(pk=stale.pk), status="withdrawn")
    assert stale.status == "offered"  # the copy another writer still holds
    with pytest.raises(InvalidInput, match="record a new pledge"):
        set_pledge_status(by=system, pledge=stale, status="confirmed")
    assert Pledge.objects.get(pk=stale.pk).status == "withdrawn"


def test_a_new_step_is_checked_under_the_write_lock(system, force, monkeypatch):
    """Two writers must not both find the same current step: the lock comes before the check."""
    from marsad.coalition import services

    invitation = invite(system)
    events = []
    monkeypatch.setattr(services, "lock_writes", lambda: events.append("lock"))
    add_step = services.add_step
    monkeypatch.setattr(services, "add_step", lambda **kw: events.append("check") or add_step(**kw))
    record_status(
        by=system, invitation=invitation, state="accepted", on="2026-01-25", marking="public"
    )
    assert events == ["lock", "check"]
