"""Undoing an accept takes back what the accept changed in the other areas, through the gate:
the corridor's status step, the incident and its toll, the claim added as evidence of a step
already on record, the decision queued for an analyst."""

from marsad.access import selectors as access
from marsad.ceasefire.models import CasualtyFigure, Incident
from marsad.core.models import AuditEntry, Conflict
from marsad.core.services.base import SystemUser
from marsad.intake import services, workflow

SYSTEM = SystemUser("system:test")


def _submit(text, published="2026-02-02"):
    return services.submit(
        by=SYSTEM, text=text, source="MARSAD-DIGEST-AR", published=published, marking="public"
    )


def _of(result, kind):
    return [c for c in result.claims if c.type == kind]


def _rafah_on(day):
    steps = access.statuses(SYSTEM).filter(
        crossing=access.crossing(SYSTEM, "CROSSING-RAFAH"), expected=False
    )
    return steps.filter(valid_from__lte=day).order_by("-valid_from", "-id").first()


def test_undoing_a_corridor_accept_removes_its_status_step(demo, demo_users):
    analyst = demo_users["analyst"]
    (claim,) = _of(
        _submit("أعلنت هيئة المعابر إعادة فتح معبر رفح أمام المسافرين اليوم."), "corridor_status"
    )
    workflow.decide_many(by=analyst, claims=[claim.pk], state="accepted")
    step = _rafah_on("2026-02-02")
    assert step.state == "reopened"
    undone = workflow.undo_last(by=analyst)
    assert [c.pk for c in undone.claims] == [claim.pk]
    assert _rafah_on("2026-02-02").state == "closed"
    assert not access.statuses(SYSTEM).filter(claims=claim).exists()
    assert undone.effects
    # Audited under the analyst's name, as any removal.
    assert AuditEntry.objects.filter(
        action="delete", model="access.AccessStatus", object_id=str(step.pk)
    ).exists()
    # Accepting it again adds the step again.
    workflow.decide_many(by=analyst, claims=[claim.pk], state="accepted")
    assert _rafah_on("2026-02-02").state == "reopened"


def test_undoing_keeps_a_step_on_record_and_takes_only_the_claim_off_it(demo, demo_users):
    analyst = demo_users["analyst"]
    (again,) = _of(
        _submit("أغلقت السلطات معبر رفح اليوم.", published="2025-10-20"), "corridor_status"
    )
    step = _rafah_on("2025-10-20")
    workflow.decide_many(by=analyst, claims=[again.pk], state="accepted")
    assert step.claims.filter(pk=again.pk).exists()
    workflow.undo_last(by=analyst)
    assert _rafah_on("2025-10-20").pk == step.pk
    assert not step.claims.filter(pk=again.pk).exists()


def test_undoing_withdraws_the_decision_queued_for_an_analyst(demo, demo_users):
    analyst = demo_users["analyst"]
    (early,) = _of(_submit("أعيد فتح معبر رفح اليوم.", published="2025-10-05"), "corridor_status")
    before = Conflict.objects.count()
    workflow.decide_many(by=analyst, claims=[early.pk], state="accepted")
    assert Conflict.objects.count() == before + 1
    workflow.undo_last(by=analyst)
    assert Conflict.objects.count() == before


def test_undoing_an_attack_and_its_toll_removes_the_incident_and_the_figure(demo, demo_users):
    analyst = demo_users["analyst"]
    result = _submit("قتل 7 فلسطينيين في غارة على خان يونس أمس، بحسب وزارة الصحة.")
    claims = _of(result, "attack") + _of(result, "casualties")
    workflow.decide_many(by=analyst, claims=[c.pk for c in claims], state="accepted")
    incident = Incident.objects.get(claims__in=_of(result, "attack"))
    assert CasualtyFigure.objects.filter(incident=incident).exists()
    workflow.undo_last(by=analyst)
    assert not Incident.objects.filter(pk=incident.pk).exists()
    assert not CasualtyFigure.objects.filter(claims__in=claims).exists()
    assert {
        c.review_state for c in type(claims[0]).objects.filter(pk__in=[c.pk for c in claims])
    } == {"proposed"}
