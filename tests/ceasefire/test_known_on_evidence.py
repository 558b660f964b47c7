"""A violation read as Marsad held it (`known_on`) shows the evidence it rested on then: a claim
linked later is absent, one taken off later is there, and a liaison officer never sees a claim
they may not read now; so do the incident and actors it names."""

import pytest
from django.test import Client
from django.utils import timezone

from marsad.ceasefire import selectors
from marsad.core.models import Document
from marsad.core.selectors import evidence_withheld
from marsad.core.services import gate
from marsad.core.services.base import SystemUser
from marsad.core.services.claims import record_claim

SYSTEM = SystemUser("system:test")


def claim_of(document: Document, start: int = 0):
    """A public claim of `document`, through the service."""
    span = {"start": start, "end": start + 5}
    data = {"type": "attack", "evidence": [span], "marking": "public"}
    return record_claim(by=SYSTEM, document=document, data=data)


def _document():
    # Read through the reader's filter like any other read: the system user reads everything.
    return selectors.violations(SYSTEM).first().claims.first().document


def _shown(user, when, pk):
    return next(v for v in selectors.violations_shown(user, when) if v.pk == pk)


@pytest.fixture
def changed(demo, demo_users):
    """A violation with two more claims at the moment `held`; then one claim taken off, one
    linked, one narrowed to France and the incident's place corrected."""
    violation = selectors.violations(SYSTEM).first()
    document = _document()
    removed, narrowed, added = claim_of(document, 0), claim_of(document, 5), claim_of(document, 10)
    gate.store(violation, by=SYSTEM, claims=[removed, narrowed])
    held = timezone.now()
    gate.withdraw_claims(violation, by=SYSTEM, claims=[removed])
    gate.store(violation, by=SYSTEM, claims=[added])
    gate.store(narrowed, by=SYSTEM, marking="nations", releasable_to=["FRA"])
    location = violation.incident.location
    violation.incident.location = "Corrected later"
    gate.store(violation.incident, by=SYSTEM)
    return {
        "violation": violation,
        "held": held,
        "removed": removed,
        "narrowed": narrowed,
        "added": added,
        "location": location,
    }


def test_the_evidence_shown_is_the_evidence_held_then(changed, demo_users):
    analyst, pk, held = demo_users["analyst"], changed["violation"].pk, changed["held"]
    now = {c.pk for c in _shown(analyst, None, pk).evidence_for(analyst)}
    then = {c.pk for c in _shown(analyst, held, pk).evidence_for(analyst)}
    assert changed["added"].pk in now
    assert changed["removed"].pk not in now
    assert changed["added"].pk not in then
    assert {changed["removed"].pk, changed["narrowed"].pk} <= then
    # The demo's own evidence was held then and is still linked.
    assert now & then - {changed["narrowed"].pk}


def test_a_liaison_officer_never_sees_a_claim_they_may_not_read_now(changed, demo_users):
    pk, held, narrowed = changed["violation"].pk, changed["held"], changed["narrowed"].pk
    ita, fra = demo_users["ita"], demo_users["fra"]
    for_ita = _shown(ita, held, pk)
    assert narrowed not in {c.pk for c in for_ita.evidence_for(ita)}
    assert evidence_withheld(ita, for_ita)
    for_fra = _shown(fra, held, pk)
    assert narrowed in {c.pk for c in for_fra.evidence_for(fra)}
    # Read one by one (no list read before it), a version gives the same answer.
    alone = selectors.violations(ita, held).get(id=pk)
    assert narrowed not in {c.pk for c in alone.evidence_for(ita)}
    assert alone.evidence_ids(ita) == [c.pk for c in for_ita.evidence_for(ita)]


def test_what_a_violation_names_is_read_as_held(changed, demo_users):
    analyst, pk = demo_users["analyst"], changed["violation"].pk
    assert _shown(analyst, changed["held"], pk).incident.location == changed["location"]
    assert _shown(analyst, None, pk).incident.location == "Corrected later"


def test_the_api_answers_known_on_with_the_evidence_held(changed, demo_users):
    from marsad.core.services.users import issue_token

    token = issue_token(by=SYSTEM, user=demo_users["ita"])
    client = Client(headers={"Authorization": f"Bearer {token}"})
    pk, held = changed["violation"].pk, changed["held"]
    api = "/api/v1/ceasefire/violations"
    then = client.get(api, {"known_on": held.isoformat()}).json()["items"]
    row = next(v for v in then if v["id"] == pk)
    assert changed["removed"].pk in row["claims"]
    assert changed["added"].pk not in row["claims"]
    assert changed["narrowed"].pk not in row["claims"]
    assert row["evidence_withheld"] is True
    now = next(v for v in client.get(api).json()["items"] if v["id"] == pk)
    assert changed["added"].pk in now["claims"]
    assert client.get(api, {"known_on": "x"}).status_code == 422


@pytest.mark.parametrize("extra", [0, 4])
def test_the_api_known_on_reads_a_bounded_number_of_statements(demo, extra):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from marsad.ceasefire.services import record_violation

    first = selectors.violations(SYSTEM).first()
    for _ in range(extra):
        record_violation(
            by=SYSTEM,
            incident=first.incident,
            agreement=first.agreement,
            accused=first.accused.key,
            claims=[claim_of(_document())],
            marking="public",
        )
    client = Client()
    when = timezone.now().isoformat()
    client.get("/api/v1/ceasefire/violations", {"known_on": when})  # warm up
    with CaptureQueriesContext(connection) as seen:
        answer = client.get("/api/v1/ceasefire/violations", {"known_on": when})
    assert answer.status_code == 200
    assert len(answer.json()["items"]) >= 1 + extra
    assert len(seen) <= 20, [q["sql"][:120] for q in seen]
