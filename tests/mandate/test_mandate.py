"""The mandate: assignments checked against caveats and limits, force generation on the demo,
the force's actions checked against its mandate."""

import pytest
from django.test import Client

from marsad.coalition.models import Pledge
from marsad.coalition.services import record_pledge, set_condition_met
from marsad.core.errors import InvalidInput
from marsad.core.models import AuditEntry
from marsad.core.services.base import SystemUser
from marsad.mandate.checks import breaches
from marsad.mandate.models import Assignment, Requirement, Task
from marsad.mandate.services import assign, create_requirement, record_force_action

SYSTEM = SystemUser("system:test")


def need(task, capability, quantity, **extra):
    return create_requirement(
        by=SYSTEM,
        task=Task.objects.get(code=task),
        capability=capability,
        quantity=quantity,
        marking="force",
        **extra,
    )


def test_an_assignment_that_breaks_a_caveat_names_it_and_stores_nothing(demo):
    border = need("border_security", "troops", 100, area="PS0275")
    jordan = record_pledge(
        by=SYSTEM, nation="JOR", body="ISF", kind="troops", quantity=50, marking="public"
    )
    entries = AuditEntry.objects.count()
    with pytest.raises(InvalidInput) as caught:
        assign(by=SYSTEM, pledge=jordan, requirement=border, quantity=50)
    problem = caught.value.problems[0]
    assert problem.field == "pledge"
    assert "Jordanian troops will not go into Gaza" in problem.message
    assert "ground" in problem.message
    assert AuditEntry.objects.count() == entries
    assert not Assignment.objects.filter(pledge=jordan).exists()


def test_legal_conditions_bind_deployment_not_planning(demo):
    training = Requirement.objects.get(task__code="police_training")
    italy = Pledge.objects.get(nation__key="ITA", kind="police_trainers", quantity=200)
    with pytest.raises(InvalidInput, match="legal conditions .* are not met"):
        assign(by=SYSTEM, pledge=italy, requirement=training, quantity=20, status="active")
    planned = assign(by=SYSTEM, pledge=italy, requirement=training, quantity=20)
    assert planned.status == "planned"
    for condition in italy.nation.caveats.filter(
        kind__in=["parliamentary_approval", "constitutional", "un_mandate"]
    ):
        set_condition_met(by=SYSTEM, caveat=condition, met=True)
    active = assign(by=SYSTEM, pledge=italy, requirement=training, quantity=10, status="active")
    assert active.status == "active"


def test_assignments_never_exceed_pledge_or_need(demo):
    training = Requirement.objects.get(task__code="police_training")
    jordan = Pledge.objects.get(nation__key="JOR", kind="police_trainers")
    with pytest.raises(InvalidInput, match="has 100 left"):
        assign(by=SYSTEM, pledge=jordan, requirement=training, quantity="١٠١")
    with pytest.raises(InvalidInput, match="gives police_trainers"):
        assign(
            by=SYSTEM,
            pledge=jordan,
            requirement=Requirement.objects.filter(capability="engineering").first(),
            quantity=1,
        )
    combat = Requirement.objects.get(combat=True)
    indonesia = Pledge.objects.get(nation__key="IDN", kind="troops")
    with pytest.raises(InvalidInput, match="outside the mandate"):
        assign(by=SYSTEM, pledge=indonesia, requirement=combat, quantity=10)


def test_requirements_refuse_bad_numbers(demo):
    for quantity, message in (
        ("-5", "must not be negative"),
        ("0", "at least 1"),
        ("many", "whole number"),
    ):
        with pytest.raises(InvalidInput, match=message) as caught:
            need("security", "troops", quantity)
        assert caught.value.problems[0].field == "quantity"
    with pytest.raises(InvalidInput, match="must be one of") as caught:
        need("security", "tanks", 5)
    assert caught.value.problems[0].value == "tanks"


def test_force_generation_on_the_demo_finds_real_gaps_with_their_causes(demo, demo_users):
    from marsad.mandate.generation import run
    from marsad.mandate.wording import describe

    result = run(demo_users["analyst"])
    allocation = result.allocation
    assert allocation.status == "optimal"
    assert 0 < result.coverage_percent < 100
    reasons = {r.kind for u in allocation.unmet for r in u.reasons}
    assert {"outside_mandate", "no_pledge", "legal_condition"} <= reasons
    texts = [describe(result, r) for u in allocation.unmet for r in u.reasons]
    assert any("Parliament" in t for t in texts)
    # No allocation breaks a caveat: check every proposed assignment with the service's rule.
    from marsad.mandate.services import assignment_refusal

    for a in allocation.assignments:
        pledge, requirement = result.pledges[a.pledge_id], result.requirements[a.requirement_id]
        assert assignment_refusal(SYSTEM, pledge, requirement, status="planned") is None


def test_force_generation_page_and_api(demo, demo_users):
    client = Client()
    client.force_login(demo_users["analyst"])
    html = client.get("/en/mandate/force-generation/").content.decode()
    assert "Gaps and their causes" in html
    assert "outside the mandate" in html
    arabic = client.get("/mandate/force-generation/").content.decode()
    assert 'dir="rtl"' in arabic
    body = client.get("/api/v1/mandate/force-generation").json()
    assert body["unmet"]
    assert all(r["text"] for u in body["unmet"] for r in u["reasons"])
    anonymous = Client().get("/api/v1/mandate/force-generation").json()
    assert anonymous["assignments"] == []  # planning figures are not public


def test_force_actions_are_checked_against_the_limits(demo):
    task = Task.objects.get(code="security")
    within = record_force_action(
        by=SYSTEM,
        force="ISF",
        on="2026-02-01",
        task=task,
        description_en="Patrol along the corridor",
        marking="force",
    )
    assert breaches(within) == []
    fight = record_force_action(
        by=SYSTEM,
        force="ISF",
        on="2026-02-02",
        task=task,
        combat=True,
        description_en="Exchange of fire",
        marking="force",
    )
    assert breaches(fight) == ["no_direct_combat"]
    with pytest.raises(InvalidInput, match="date"):
        record_force_action(by=SYSTEM, force="ISF", on="", description_en="x", marking="force")


def test_forcegen_command_prints_json(demo):
    import json

    from typer.testing import CliRunner

    from marsad.cli import app

    result = CliRunner().invoke(app, ["forcegen", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["gaps"]
    assert 0 < payload["coverage_percent"] < 100


def test_an_assignment_is_checked_on_the_stored_pledge_not_a_stale_copy(demo):
    from marsad.coalition.services import set_pledge_status

    training = Requirement.objects.get(task__code="police_training")
    stale = Pledge.objects.get(nation__key="JOR", kind="police_trainers")
    set_pledge_status(by=SYSTEM, pledge=Pledge.objects.get(pk=stale.pk), status="withdrawn")
    assert stale.status == "offered"  # the copy another writer still holds
    with pytest.raises(InvalidInput, match="is withdrawn"):
        assign(by=SYSTEM, pledge=stale, requirement=training, quantity=10)
    assert not Assignment.objects.filter(pledge=stale).exists()


def test_an_assignment_is_checked_under_the_write_lock(demo, monkeypatch):
    """Two writers must not both find room in the same pledge: the lock comes before the
    check of what is assigned already."""
    from marsad.mandate import services

    training = Requirement.objects.get(task__code="police_training")
    egypt = Pledge.objects.get(nation__key="EGY", kind="police_trainers")
    events = []
    monkeypatch.setattr(services, "lock_writes", lambda: events.append("lock"))
    refusal = services.assignment_refusal
    monkeypatch.setattr(
        services,
        "assignment_refusal",
        lambda *args, **kwargs: events.append("check") or refusal(*args, **kwargs),
    )
    assign(by=SYSTEM, pledge=egypt, requirement=training, quantity=10)
    # Checked as the writer may read the record, then as it is stored: both under the lock.
    assert events == ["lock", "check", "check"]


def test_the_demo_assignment_rests_on_claims_shown_on_both_pages(demo, demo_users):
    assignment = Assignment.objects.get(pledge__nation__key="ITA")
    assert assignment.claims.count() == 2
    client = Client()
    client.force_login(demo_users["ita"])
    for path in ("/en/coalition/states/ITA/", "/en/mandate/"):
        html = client.get(path).content.decode()
        section = html.split('id="h-assign')[1].split("</section>")[0]
        assert "150" in section.replace(",", "")
        assert section.count('class="grade"') == 2, path  # grading of each claim
        assert "ISF liaison cell" in section  # source
        assert "reported" in section.lower()  # confirmation status
        assert "No supporting claim recorded." not in section


def test_each_task_lists_the_corridors_it_protects_that_the_reader_may_see(demo, demo_users):
    from marsad.access.services.records import protect_corridor

    protect_corridor(
        by=SYSTEM,
        task=Task.objects.get(code="border_security"),
        corridor="KS-AL-MAWASI",
        marking="nations",
        releasable_to=["USA"],
    )
    page = Client().get("/mandate/").content.decode()
    corridors = page.split('id="task-humanitarian_corridors"')[1].split("</li>")[0]
    assert "يحمي الممرات" in corridors
    assert "/access/corridors/KS-SALAH-AL-DIN/" in corridors
    border = page.split('id="task-border_security"')[1].split("</li>")[0]
    assert "KS-AL-MAWASI" not in border  # releasable to the United States only

    def listed(user):
        client = Client()
        client.force_login(demo_users[user])
        tasks = client.get("/api/v1/mandate/tasks").json()
        return {task["code"]: task["corridors"] for task in tasks}

    assert "KISSUFIM-DEIR-AL-BALAH" in listed("fra")["humanitarian_corridors"]
    assert listed("fra")["border_security"] == []
    assert listed("analyst")["border_security"] == ["KS-AL-MAWASI"]
