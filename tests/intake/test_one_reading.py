"""One accepted fact, one reading everywhere: an accepted corridor claim moves the crossing's
timeline (or queues a decision), an incident's toll is the same on its page, the list, the
dashboard, the governorate table, the API and the exports; ranges stay ranges, a part of a toll
stays a part, strikes on different days stay apart; governorates keep their names."""

import csv
import io
import json

from django.test import Client
from typer.testing import CliRunner

from marsad.access import selectors as access
from marsad.ceasefire.models import CasualtyFigure, Incident
from marsad.core.models import Conflict
from marsad.core.services.base import SystemUser
from marsad.intake import services

SYSTEM = SystemUser("system:test")


def _submit(text, published="2026-02-02", marking="public"):
    return services.submit(
        by=SYSTEM, text=text, source="MARSAD-DIGEST-AR", published=published, marking=marking
    )


def _of(result, kind):
    return [c for c in result.claims if c.type == kind]


def _rafah():
    return access.crossing(SYSTEM, "CROSSING-RAFAH")


def _state(crossing, day):
    steps = access.statuses(SYSTEM).filter(crossing=crossing, expected=False)
    return steps.filter(valid_from__lte=day).order_by("-valid_from", "-id").first()


def test_an_accepted_corridor_claim_changes_the_crossings_status(demo):
    rafah = _rafah()
    assert _state(rafah, "2026-02-02").state == "closed"
    result = _submit("أعلنت هيئة المعابر إعادة فتح معبر رفح أمام المسافرين اليوم.")
    (claim,) = _of(result, "corridor_status")
    lines = services.accept(by=SYSTEM, claim=claim)
    step = _state(rafah, "2026-02-02")
    assert (step.state, str(step.valid_from)) == ("reopened", "2026-02-02"), lines
    assert list(step.claims.all()) == [claim]
    page = Client().get("/en/access/").content.decode()
    assert "reopened" in page.lower()


def test_a_corridor_claim_that_disagrees_queues_a_decision(demo):
    rafah = _rafah()
    # Closed since 2025-10-10 on record: a report of it closing again is evidence of that step.
    again = _of(_submit("أغلقت السلطات معبر رفح اليوم.", published="2025-10-20"), "corridor_status")
    lines = services.accept(by=SYSTEM, claim=again[0])
    assert _state(rafah, "2025-10-20").claims.filter(pk=again[0].pk).exists(), lines
    # A reopening dated before the closure on record cannot overwrite it: an analyst decides.
    before = Conflict.objects.count()
    early = _of(_submit("أعيد فتح معبر رفح اليوم.", published="2025-10-05"), "corridor_status")
    lines = services.accept(by=SYSTEM, claim=early[0])
    assert Conflict.objects.count() == before + 1, lines
    conflict = Conflict.objects.order_by("-id").first()
    assert (conflict.model, conflict.record_id) == ("core.Claim", str(early[0].pk))
    assert "decision" in lines[0]
    assert access.statuses(SYSTEM).filter(crossing=rafah, claims=early[0]).count() == 0


def _incident_from_intake():
    result = _submit("قتل 7 فلسطينيين بينهم 3 أطفال في غارة على خان يونس أمس، بحسب وزارة الصحة.")
    for claim in _of(result, "attack") + _of(result, "casualties"):
        services.accept(by=SYSTEM, claim=claim)
    return Incident.objects.get(claims__in=_of(result, "attack"))


def test_the_same_toll_on_every_page_and_export(demo):
    incident = _incident_from_intake()
    figures = CasualtyFigure.objects.filter(incident=incident)
    # "among them three children" is a part of the toll, not a toll of its own.
    assert [(f.killed_best, f.children) for f in figures] == [(7, 3)]
    client = Client()
    detail = client.get(f"/en/ceasefire/incidents/{incident.pk}/").content.decode()
    assert 'data-toll="7"' in detail
    listing = client.get(f"/en/ceasefire/incidents/?pcode={incident.pcode}").content.decode()
    assert 'data-toll="7"' in listing
    api = client.get(f"/api/v1/ceasefire/incidents/{incident.pk}").json()
    assert api["toll"] == 7
    rows = csv.DictReader(
        io.StringIO(
            b"".join(client.get("/ceasefire/export/incidents.csv").streaming_content).decode()
        )
    )
    assert {r["toll"] for r in rows if r["event_id"] == incident.event_id} == {"7"}
    # The governorate table counts the same toll: the incident is the only one of that day.
    day = incident.event_date.isoformat()
    table = client.get(f"/api/v1/ceasefire/analytics/by-governorate?start={day}&end={day}")
    (row,) = [r for r in table.json()["rows"] if r["key"] == incident.pcode]
    assert row["toll"] == 7


def test_a_corrected_range_is_kept_as_a_range(demo):
    result = _submit("قتل 7 فلسطينيين في غارة على خان يونس أمس، بحسب وزارة الصحة.")
    toll = _of(result, "casualties")[0]
    services.edit(
        by=SYSTEM,
        claim=toll,
        data={"figures": {"killed": {"low": 0, "best": None, "high": 3}}},
    )
    services.accept(by=SYSTEM, claim=toll)
    figure = CasualtyFigure.objects.get(claims=toll)
    assert (figure.killed_low, figure.killed_best, figure.killed_high) == (0, None, 3)


def test_strikes_on_different_days_are_never_merged(demo):
    first = _submit("قصفت طائرات إسرائيلية منزلاً في خان يونس أمس.", published="2026-02-03")
    second = _submit("قصفت طائرات إسرائيلية منزلاً آخر في خان يونس أمس.", published="2026-02-04")
    for result in (first, second):
        for claim in _of(result, "attack"):
            services.accept(by=SYSTEM, claim=claim)
    incidents = Incident.objects.filter(claims__document__in=[first.document, second.document])
    assert incidents.distinct().count() == 2


def test_governorate_tables_name_the_governorate(demo):
    # Naming a neighbourhood creates its place actor, which carries its governorate's P-code.
    _submit("قصفت طائرات إسرائيلية منزلاً في حي الزيتون بمدينة غزة أمس.")
    page = Client().get("/en/ceasefire/").content.decode()
    table = page[page.index('id="by-governorate"') :] if 'id="by-governorate"' in page else page
    assert "Zeitoun" not in table


def test_summary_since_counts_from_the_day_given(demo):
    from marsad.cli import app

    runner = CliRunner()
    default = json.loads(runner.invoke(app, ["ceasefire", "summary", "--json"]).output)
    since = json.loads(
        runner.invoke(app, ["ceasefire", "summary", "--json", "--since", "2025-10-11"]).output
    )

    def all_reported(body):
        return next(
            f["value"] for f in body["killed_since_truce"] if f["definition"] == "all_reported"
        )

    assert all_reported(default) == all_reported(since) == 6208
    assert default["since_truce"] is True
    assert str(default["counted_from"]) == "2025-10-11"
    assert since["since_truce"] is False
    later = json.loads(
        runner.invoke(app, ["ceasefire", "summary", "--json", "--since", "2025-10-12"]).output
    )
    assert all_reported(later) < 6208
    text = runner.invoke(app, ["ceasefire", "summary"]).output
    assert "first daily report after" in text
