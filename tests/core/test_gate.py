"""The write gate against the leaks found by trying Marsad as an attacker would: hidden records
answer as unknown ones, conflicts with them are queued rather than refused, derived figures
follow what their readers may read, consequences of a write are written through the gate, and
one rule holds for a record's evidence in every area."""

import json

import pytest
from django.db import transaction
from django.test import Client

from marsad.access import selectors as access
from marsad.access.models import AccessStatus
from marsad.access.services import record_status
from marsad.ceasefire.models import Incident
from marsad.ceasefire.services import record_incident
from marsad.core.errors import InvalidInput
from marsad.core.models import AuditEntry, Claim, Conflict
from marsad.core.services import gate
from marsad.core.services.base import SystemUser
from marsad.core.services.claims import record_claim
from marsad.core.services.documents import submit_document
from marsad.core.services.users import create_user, issue_token
from marsad.extraction.duplicates import bands
from marsad.intake import services as intake
from marsad.intake.models import Band, SameStory

SYSTEM = SystemUser("system:test")
PASSWORD = "a-long-test-passphrase-42"


def _document(text, marking="public", nations=(), source="MARSAD-DIGEST-EN"):
    document, _ = submit_document(
        by=SYSTEM,
        title="test",
        text=text,
        source=source,
        published="2026-02-03",
        marking=marking,
        releasable_to=list(nations),
    )
    return document


def _attack(text, marking="public", nations=(), source="MARSAD-DIGEST-EN", state="proposed"):
    document = _document(text, marking, nations, source)
    return record_claim(
        by=SYSTEM,
        document=document,
        data={
            "type": "attack",
            "actor": ["ISR"],
            "attributes": {"means": "air"},
            "when": {"date": "2026-02-03", "precision": "day"},
            "where": {"pcode": "PS0270"},
            "attribution": {"source_kind": "media"},
            "evidence": [{"start": 0, "end": 10}],
            "review_state": state,
        },
    )


def _token(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(by=SYSTEM, user=user)}"}


@pytest.fixture
def humanitarian(demo):
    return create_user(by=SYSTEM, username="coord", role="humanitarian", password=PASSWORD)


# 1. Existence oracle on write -------------------------------------------------------------


def test_a_hidden_claim_number_answers_exactly_as_a_missing_one(demo, demo_users, humanitarian):
    italian = _attack("Rapport riservato numero uno.", "nations", ["ITA"])
    unmarked = _attack("Field note kept unmarked.", "")
    answers = {}
    for name, number in (
        ("ita", italian.pk),
        ("unmarked", unmarked.pk),
        ("missing", 10**9),
        ("beyond", 18446744073709551615),  # refused for its size, whatever is stored
    ):
        response = Client().post(
            "/api/v1/access/consignments",
            {
                "day": "2026-02-03",
                "crossing": "CROSSING-RAFAH",
                "category": "food",
                "trucks": 3,
                "claims": [number],
            },
            content_type="application/json",
            **_token(humanitarian),
        )
        body = response.json()
        assert response.status_code == 422, body
        (error,) = body["errors"]
        answers[name] = (error["field"], error["message"])
        assert "nations" not in json.dumps(body)
        assert "unmarked" not in json.dumps(body)
    beyond = answers.pop("beyond")
    assert beyond[0].startswith("claims")
    assert len(set(answers.values())) == 1, answers
    assert answers["missing"] == ("claims[0]", "no claim has this number")
    for number in (unmarked.pk, 10**9):  # an analyst probing administrators' claims
        with pytest.raises(InvalidInput) as caught:
            record_incident(
                by=demo_users["analyst"],
                event_date="2026-02-03",
                event_type="Battles",
                sub_event_type="Armed clash",
                claims=[number],
                marking="internal",
            )
        assert caught.value.problems[0].message == "no claim has this number"


def test_a_hidden_actor_answers_as_an_unknown_one(demo, demo_users):
    from marsad.core.services.actors import create_actor

    create_actor(by=SYSTEM, key="QUIET-CELL", kind="armed_group", name_ar="خلية", name_en="Cell")
    answers = []
    for key in ("QUIET-CELL", "NO-SUCH-ACTOR"):
        with pytest.raises(InvalidInput) as caught:
            record_incident(
                by=demo_users["analyst"],
                event_date="2026-02-03",
                event_type="Battles",
                sub_event_type="Armed clash",
                actor1_ref=key,
                marking="internal",
            )
        (problem,) = caught.value.problems
        answers.append((problem.field, problem.message))
    assert answers[0] == answers[1] == ("actor1_ref", "no actor has this identifier")


# 2. Hidden timeline steps -----------------------------------------------------------------


def test_a_step_that_disagrees_with_a_hidden_step_is_stored_and_queued(demo, humanitarian):
    rafah = access.crossing(SYSTEM, "CROSSING-RAFAH")
    public_before = access.timeline(humanitarian, crossing=rafah)
    last_public = [s for s in public_before if not s.expected][-1]
    assert last_public.state == "closed"
    hidden = record_status(by=SYSTEM, crossing=rafah, state="reopened", on="2026-03-01", marking="")
    entries = AuditEntry.objects.count()
    # The humanitarian sees the crossing closed, and records its reopening: the stored timeline
    # says it reopened already, which the answer must not reveal.
    step = record_status(by=humanitarian, crossing=rafah, state="reopened", on="2026-03-05")
    assert step.pk
    assert step.marking == "public"
    assert AuditEntry.objects.count() > entries
    conflict = Conflict.objects.get(model="access.AccessStatus", record_id=str(step.pk))
    assert conflict.other_id == str(hidden.pk)
    assert "already 'reopened'" in conflict.reason
    assert conflict.marking == ""  # for administrators only, who read both steps
    # A refusal about what the writer sees names only what it sees.
    with pytest.raises(InvalidInput) as caught:
        record_status(by=humanitarian, crossing=rafah, state="closed", on="2026-03-02")
    assert "2026-03-01" not in str(caught.value)
    assert "2026-03-05" in str(caught.value)
    # On reads, the hidden step sets no end date the reader can see.
    seen = {s.pk: s for s in access.timeline(humanitarian, crossing=rafah)}
    assert str(seen[last_public.pk].valid_to) == "2026-03-05"
    assert hidden.pk not in seen
    assert access.status_on(humanitarian, hidden.valid_from)["CROSSING-RAFAH"].pk == last_public.pk
    stored = AccessStatus.objects.get(pk=last_public.pk)
    assert str(stored.valid_to) == "2026-03-01"  # the whole timeline, as administrators read it
    # The hidden step the new one ends is written by the system on the writer's behalf.
    ended = AuditEntry.objects.filter(model="access.AccessStatus", object_id=str(hidden.pk))
    assert ended.last().user == "coord:timeline"
    anonymous = Client().get("/api/v1/access/crossings/CROSSING-RAFAH/statuses").json()
    assert "2026-03-01" not in json.dumps(anonymous)


# 3. Intake's effects keep to the marking rule ---------------------------------------------


def test_an_accepted_claim_joins_only_a_record_marked_like_it(demo, demo_users):
    italian = record_incident(
        by=SYSTEM,
        event_date="2026-02-03",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        place="PS0270",
        actor1_ref="ISR",
        marking="nations",
        releasable_to=["ITA"],
    )
    french = _attack("Note française sur la frappe.", "nations", ["FRA"])
    effects = intake.accept(by=demo_users["analyst"], claim=french)
    incident = Incident.objects.get(claims=french)
    assert incident.pk != italian.pk
    assert (incident.marking, incident.nations) == ("nations", ["FRA"])
    assert "FRA" in effects[0]
    assert list(italian.claims.all()) == []
    liaison = demo_users["fra"]
    from marsad.ceasefire import selectors as ceasefire

    assert ceasefire.incidents(liaison).filter(pk=incident.pk).exists()
    again = _attack("Second French note on the same strike.", "nations", ["FRA"], "REUTERS")
    intake.accept(by=demo_users["analyst"], claim=again)
    assert Incident.objects.get(claims=again).pk == incident.pk


def test_an_edit_may_not_name_what_the_claims_readers_may_not_read(demo, demo_users):
    from marsad.core.services.actors import create_actor

    create_actor(
        by=SYSTEM,
        key="INSIDE-SOURCE",
        kind="person",
        name_ar="مصدر",
        name_en="Source",
        marking="internal",
    )
    claim = _attack("A public report of a strike.")
    with pytest.raises(InvalidInput, match="is marked 'internal'"):
        intake.edit(by=demo_users["analyst"], claim=claim, data={"actor": ["INSIDE-SOURCE"]})
    with pytest.raises(InvalidInput, match="is marked 'internal'"):
        intake.edit(by=demo_users["analyst"], claim=claim, data={"recipient": ["INSIDE-SOURCE"]})
    assert [a.key for a in Claim.objects.get(pk=claim.pk).actors.all()] == ["ISR"]


def test_the_review_page_lists_related_claims_by_their_own_marking(demo, demo_users):
    public = _attack("Public wire: a strike in Khan Younis.")
    # A claim of a public document, itself restricted to Italy.
    document = _document("Public paper, with a restricted reading.")
    restricted = record_claim(
        by=SYSTEM,
        document=document,
        data={
            **public.to_contract(),
            "id": None,
            "evidence": [{"start": 0, "end": 6}],
            "marking": "nations",
            "releasable_to": ["ITA"],
        },
    )
    from marsad.intake.selectors import same_event

    assert restricted not in same_event(demo_users["fra"], public)
    assert restricted in same_event(demo_users["ita"], public)


# 5. Derived figures ------------------------------------------------------------------------


def test_a_grade_moves_only_with_claims_its_readers_may_read(demo, demo_users):
    public = _attack("Wire one: a strike east of Khan Younis.", source="REUTERS")
    intake.regrade(by=SYSTEM, claim=public)
    before = Claim.objects.get(pk=public.pk).credibility
    internal = _attack("Internal report of the same strike.", "internal", source="ALJAZEERA")
    intake.regrade(by=demo_users["analyst"], claim=internal)
    unmarked = _attack("Administrators' note of the same strike.", "", source="BLOOMBERG")
    intake.regrade(by=SYSTEM, claim=unmarked)
    assert Claim.objects.get(pk=public.pk).credibility == before == 3
    # The internal claim's readers (analysts) may read the public one: two sources.
    assert Claim.objects.get(pk=internal.pk).credibility == 2
    assert Claim.objects.get(pk=unmarked.pk).credibility == 1


# 6. Consequences of a write go through the gate --------------------------------------------


def test_fingerprints_and_grades_are_written_with_history_and_audit(demo, demo_users):
    text = "A strike hit a house east of Khan Younis at dawn, the civil defence said today."
    first = intake.submit(by=SYSTEM, text=text, source="REUTERS", marking="public")
    copy = intake.submit(
        by=demo_users["analyst"], text=text + " More later.", source="ALJAZEERA", marking="public"
    )
    document = copy.document
    assert AuditEntry.objects.filter(model="intake.Fingerprint").count() >= 2
    # The band keys are an index of the fingerprint's audited signature, written with it.
    assert not AuditEntry.objects.filter(model="intake.Band").exists()
    assert sorted(Band.objects.filter(document=document).values_list("key", flat=True)) == sorted(
        set(bands(document.fingerprint.signature))
    )
    if copy.same_story:
        link = SameStory.objects.get(document=document, original=first.document)
        assert link.history.count() == 1
        assert AuditEntry.objects.filter(model="intake.SameStory", object_id=str(link.pk)).exists()


def test_only_an_index_is_written_without_history_or_audit(db):
    with transaction.atomic(), pytest.raises(ValueError, match="not an index"):
        gate.store_index(SameStory, {"document_id": [1], "original_id": [2], "similarity": [1.0]})
    assert not SameStory.objects.exists()


def test_the_admin_sets_relations_through_the_gate(demo, demo_users):
    claim = _attack("Restricted note for the admin test.", "nations", ["ITA"])
    incident = record_incident(
        by=SYSTEM,
        event_date="2026-02-03",
        event_type="Battles",
        sub_event_type="Armed clash",
        marking="public",
    )
    client = Client()
    client.force_login(demo_users["admin"])
    url = f"/en/admin/ceasefire/incident/{incident.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {
        name: field.value() if field.value() is not None else ""
        for name, field in ((n, form[n]) for n in form.fields)
    }
    data["claims"] = [claim.pk]
    entries = AuditEntry.objects.count()
    response = client.post(url, data, follow=True)
    assert "is marked &#x27;nations ITA&#x27;" in response.content.decode() or (
        "is marked 'nations ITA'" in response.content.decode()
    )
    assert list(Incident.objects.get(pk=incident.pk).claims.all()) == []
    assert AuditEntry.objects.count() == entries
    data["claims"] = [_attack("A public note for the admin test.").pk]
    client.post(url, data)
    entry = AuditEntry.objects.filter(model="ceasefire.Incident", object_id=str(incident.pk)).last()
    assert json.loads(entry.after)["claims"] == data["claims"]


# 7. One rule for a record's evidence, in every area ---------------------------------------


def _area_writes():
    from marsad.access.services import record_consignment
    from marsad.coalition.services import record_pledge
    from marsad.governance.services import record_charter_action
    from marsad.mandate.services import record_force_action
    from marsad.plan.services import record_score
    from marsad.programs.services import record_indicator
    from marsad.statements.services import record_statement

    def score(**kw):
        from marsad.plan import selectors

        plan = selectors.plans(SYSTEM).first()
        provision = selectors.provisions(SYSTEM, plan).first()
        return record_score(provision=provision, score=1, on="2026-02-03", **kw)

    return {
        "access": lambda **kw: record_consignment(
            day="2026-02-03", crossing="CROSSING-RAFAH", category="food", trucks=2, **kw
        ),
        "coalition": lambda **kw: record_pledge(nation="FRA", body="ISF", kind="funding", **kw),
        "ceasefire": lambda **kw: record_incident(
            event_date="2026-02-03", event_type="Battles", sub_event_type="Armed clash", **kw
        ),
        "governance": lambda **kw: record_charter_action(
            charter="BOP-CHARTER", actor_key="FRA", action="signed", **kw
        ),
        "mandate": lambda **kw: record_force_action(
            force="ISF", on="2026-02-03", description_en="Patrol.", **kw
        ),
        "plan": score,
        "programs": lambda **kw: record_indicator(
            pcode="PS0270",
            kind="power",
            value="40",
            measured_on="2026-02-03",
            source="MARSAD-DIGEST-EN",
            **kw,
        ),
        "statements": lambda **kw: record_statement(
            speaker="FRA", topic="coalition", stance="concern", **kw
        ),
    }


@pytest.mark.parametrize("area", sorted(_area_writes()))
def test_no_area_releases_a_record_further_than_its_evidence(demo, area):
    write = _area_writes()[area]
    narrow = _attack(f"Restricted note for {area}.", "nations", ["ITA"])
    entries = AuditEntry.objects.count()
    with pytest.raises(InvalidInput, match="is marked 'nations ITA'") as caught:
        write(by=SYSTEM, claims=[narrow.pk], marking="public")
    assert caught.value.problems[0].field == "claims"
    assert AuditEntry.objects.count() == entries
    record = write(
        by=SYSTEM,
        claims=[narrow.pk],
        marking="public",
        sanitized="Released to all: the restricted note only confirms what is public.",
    )
    assert record.sanitized_reason.startswith("Released to all")
    assert list(record.claims.all()) == [narrow]
