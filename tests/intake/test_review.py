"""Review of proposed claims: correcting figures, dates and places (service, API, page), adding
a claim with them, what accepting changes elsewhere, grading by sources, and visibility."""

import json

import pytest
from django.test import Client

from marsad.analytics.truce import TRUCE_START
from marsad.ceasefire import selectors as ceasefire
from marsad.ceasefire.models import CasualtyFigure, Incident
from marsad.ceasefire.services import record_incident
from marsad.ceasefire.summary import summarize
from marsad.core.errors import InvalidInput
from marsad.core.models import AuditEntry, Claim
from marsad.core.services.base import SystemUser
from marsad.core.services.users import issue_token
from marsad.intake import services

from .test_intake import OTHER_REPORT, REPORT, submit

SYSTEM = SystemUser("system:test")


def _attack(result):
    return next(c for c in result.claims if c.type == "attack")


def _api(user):
    token = issue_token(by=SYSTEM, user=user)
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_edit_saves_figures_date_and_place_checked_and_audited(demo):
    attack = _attack(submit(REPORT))
    services.edit(
        by=SYSTEM,
        claim=attack,
        data={
            "figures": {"killed": {"low": "٥", "best": "٧", "high": "٩"}},
            "when": {"date": "٢٠٢٦-٠١-٣١", "precision": "day"},
            "place": "ps0275",
        },
    )
    claim = Claim.objects.get(pk=attack.pk)
    killed = claim.figures["killed"]
    assert (killed["low"], killed["best"], killed["high"]) == (5, 7, 9)
    assert (str(claim.when_date), claim.when_precision) == ("2026-01-31", "day")
    assert (claim.where.key, claim.where_pcode) == ("PS0275", "PS0275")
    entry = AuditEntry.objects.filter(model="core.Claim", object_id=str(attack.pk)).last()
    assert entry.action == "update"
    assert json.loads(entry.after)["figures"]["killed"]["best"] == 7
    assert json.loads(entry.before)["figures"] != json.loads(entry.after)["figures"]
    for data, field in [
        ({"figures": {"killed": {"low": 9, "best": 7}}}, "figures.killed"),
        ({"figures": {"injured": {"best": -1}}}, "figures.injured.best"),
        ({"figures": {"injured": {"best": "many"}}}, "figures.injured.best"),
        ({"figures": {"wounded": {"best": 1}}}, "figures.wounded"),
        ({"when": {"date": "2026-02-30", "precision": "day"}}, "when.date"),
        ({"when": {"date": "2026-02-01", "precision": "week"}}, "when.precision"),
        ({"place": "ISR"}, "place"),
        ({"place": "PS9999"}, "place"),
    ]:
        with pytest.raises(InvalidInput) as caught:
            services.edit(by=SYSTEM, claim=attack, data=data)
        assert caught.value.problems[0].field == field, data
    assert Claim.objects.get(pk=attack.pk).figures["killed"]["best"] == 7  # nothing half-saved
    services.edit(by=SYSTEM, claim=attack, data={"place": "", "figures": {"killed": {}}})
    claim = Claim.objects.get(pk=attack.pk)
    assert (claim.where, claim.where_pcode, claim.figures) == (None, "", {})


def test_edit_through_the_api(demo, demo_users):
    attack = _attack(submit(REPORT))
    headers = _api(demo_users["analyst"])
    url = f"/api/v1/intake/claims/{attack.pk}/edit"
    response = Client().post(
        url,
        {"figures": {"killed": {"best": "١٢"}}, "when": {"date": "2026-01-30"}, "place": "PS0260"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["figures"]["killed"]["best"] == 12
    assert body["when"]["date"] == "2026-01-30"
    assert body["when"]["precision"] == attack.when_precision  # not sent: kept
    assert body["where"]["pcode"] == "PS0260"
    bad = Client().post(
        url,
        {"figures": {"killed": {"low": 3, "best": 2}}},
        content_type="application/json",
        **headers,
    )
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "figures.killed"


def test_review_page_in_arabic_corrects_figures_date_and_place(demo, demo_users):
    result = submit(REPORT)
    attack = _attack(result)
    client = Client()
    client.force_login(demo_users["analyst"])
    html = client.get(f"/intake/documents/{result.document.pk}/").content.decode()
    for words in ("دقة التاريخ", "الأرجح", "المكان", "نوع المصدر"):
        assert words in html
    # Actors and places are chosen with pickers, the claim's own shown chosen already.
    assert 'data-widget="picker"' in html
    assert f'id="place-{attack.pk}-options"' in html
    assert f'name="fig_killed_best" id="{attack.pk}-fig-killed-best"' in html
    # The credibility rule in the interface's language, every row of it.
    assert "تتفق ثلاثة مصادر مستقلة أو أكثر" in html
    assert "one named source" not in html
    form = {
        "action": "edit",
        "type": "attack",
        "actor": "ISR",
        "status": "reported",
        "modality": "asserted",
        "attr_means": "air",
        "when_date": "٢٠٢٦-٠١-٢٩",
        "when_precision": "day",
        "place": "PS0255",
        "fig_killed_low": "",
        "fig_killed_best": "١٠",
        "fig_killed_high": "١٢",
        "fig_injured_best": "",
    }
    assert client.post(f"/intake/claims/{attack.pk}/", form).status_code == 302
    claim = Claim.objects.get(pk=attack.pk)
    assert set(claim.figures) == {"killed"}
    assert (claim.figures["killed"]["best"], claim.figures["killed"]["high"]) == (10, 12)
    assert (str(claim.when_date), claim.where_pcode) == ("2026-01-29", "PS0255")
    page = client.post(
        f"/intake/claims/{attack.pk}/", {**form, "fig_killed_low": "١٣"}, follow=True
    ).content.decode()
    assert "figures.killed" in page
    assert Claim.objects.get(pk=attack.pk).figures["killed"]["low"] is None


def test_a_claim_added_from_the_text_carries_figures_date_place_and_source(demo, demo_users):
    result = submit(REPORT)
    document = result.document
    client = Client()
    client.force_login(demo_users["analyst"])
    start = REPORT.index("مقتل ٧")
    common = {"actor": "ISR", "status": "reported", "modality": "asserted"}
    client.post(
        f"/intake/documents/{document.pk}/add/",
        {
            **common,
            "start": start,
            "end": start + len("مقتل ٧ فلسطينيين"),
            "type": "casualties",
            "attr_period": "day",
            "when_date": "2026-02-01",
            "when_precision": "day",
            "place": "PS0270",
            "source": "ALJAZEERA",
            "source_kind": "media",
            "fig_killed_best": "٧",
        },
    )
    claim = Claim.objects.filter(document=document).latest("id")
    assert (claim.type, claim.review_state) == ("casualties", "accepted")
    assert claim.figures["killed"]["best"] == 7
    assert (claim.attribution_source.key, claim.attribution_kind) == ("ALJAZEERA", "media")
    assert (str(claim.when_date), claim.where_pcode) == ("2026-02-01", "PS0270")
    assert CasualtyFigure.objects.filter(claims=claim, killed_best=7).exists()
    start = REPORT.index("شنّت غارة")
    client.post(
        f"/intake/documents/{document.pk}/add/",
        {
            **common,
            "start": start,
            "end": start + len("شنّت غارة"),
            "type": "attack",
            "attr_means": "air",
            "when_date": "2026-02-01",
            "when_precision": "day",
            "place": "PS0270",
        },
    )
    attack = Claim.objects.filter(document=document).latest("id")
    assert attack.type == "attack"
    assert Incident.objects.filter(claims=attack).exists()
    before = Claim.objects.count()
    page = client.post(
        f"/intake/documents/{document.pk}/add/",
        {**common, "start": start, "end": start + 4, "type": "casualties", "place": "HAMAS"},
        follow=True,
    ).content.decode()
    assert "place" in page
    assert "HAMAS" in page
    assert Claim.objects.count() == before


def test_a_toll_since_the_truce_counts_from_the_truce(demo):
    document = submit(REPORT).document
    start = REPORT.index("مقتل ٧")
    claim, _effects = services.add(
        by=SYSTEM,
        document=document,
        data={
            "type": "casualties",
            "actor": ["ISR"],
            "attributes": {"period": "since_truce"},
            "figures": {"killed": {"best": 480}},
            "when": {"date": "2026-02-01", "precision": "day"},
            "place": "PS0270",
            "evidence": [{"start": start, "end": start + 6}],
        },
    )
    figure = CasualtyFigure.objects.get(claims=claim)
    agreement = ceasefire.main_agreement(SYSTEM)
    assert figure.incident is None
    assert figure.period_start == (agreement.effective if agreement else TRUCE_START)
    assert str(figure.period_end) == "2026-02-01"
    found = summarize(SYSTEM)
    assert any(
        f.source == document.source.key and f.value == 480 and f.definition == "as_reported"
        for f in found.figures
    )


def test_an_attack_joins_only_a_visible_incident_of_its_perpetrator(demo, demo_users):
    common = {
        "event_date": "2026-01-31",  # within a day, and before any other: found first
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "place": "PS0270",
    }
    other_side = record_incident(
        by=SYSTEM, actor1="Hamas", actor1_ref="HAMAS", marking="public", **common
    )
    attack = _attack(submit(REPORT))
    (perpetrator,) = attack.actors.all()
    hidden = record_incident(by=SYSTEM, actor1_ref=perpetrator, marking="", **common)
    analyst = demo_users["analyst"]
    services.accept(by=analyst, claim=attack)
    incident = Incident.objects.get(claims=attack)
    assert incident.pk not in (other_side.pk, hidden.pk)
    assert incident.actor1_ref in (None, perpetrator)
    attack_en = _attack(submit(OTHER_REPORT, source="REUTERS"))
    services.accept(by=analyst, claim=attack_en)
    assert Incident.objects.get(claims=attack_en).pk == incident.pk


def _attack_told_by(text, source, attributed_to=None):
    document = submit(text, source=source).document
    claim, _effects = services.add(
        by=SYSTEM,
        document=document,
        data={
            "type": "attack",
            "actor": ["ISR"],
            "attributes": {"means": "air"},
            "when": {"date": "2024-05-05", "precision": "day"},
            "place": "PS0265",
            "attribution": {"source_kind": "media", "source": attributed_to},
            "evidence": [{"start": 0, "end": 10}],
        },
    )
    return claim


def test_grading_counts_sources_not_documents(demo):
    first = _attack_told_by("Field notes, first dispatch of the morning desk.", "REUTERS")
    _attack_told_by("An unrelated bulletin, with other words entirely.", "REUTERS")
    assert Claim.objects.get(pk=first.pk).credibility == 3  # one outlet: one source
    _attack_told_by("Third text: a digest quoting the agency.", "ALJAZEERA", "REUTERS")
    assert Claim.objects.get(pk=first.pk).credibility == 3  # attributed to the same source
    _attack_told_by("Fourth text: the channel's own correspondent.", "ALJAZEERA")
    assert Claim.objects.get(pk=first.pk).credibility == 2


def test_a_text_stored_where_the_writer_cannot_read_it_is_stored_again(demo, demo_users):
    """Re-submitting the exact text of a hidden document answers as a new text would: a new
    document of the writer's own, with nothing of the hidden one; the copy is queued for an
    administrator, who may read both."""
    from marsad.core.models import Conflict, Document

    analyst = demo_users["analyst"]
    unmarked = services.submit(by=SYSTEM, text=REPORT, source="REUTERS", marking="")
    again = services.submit(by=analyst, text=REPORT, source="REUTERS", marking="public")
    assert again.created
    assert again.document.pk != unmarked.document.pk
    assert again.document.marking == "public"
    assert str(unmarked.document.pk) not in str([c.pk for c in again.claims])
    response = Client().post(
        "/api/v1/intake/documents",
        {"text": REPORT, "source": "REUTERS", "marking": "public"},
        content_type="application/json",
        **_api(analyst),
    )
    assert response.status_code == 200  # the analyst's own copy, stored a moment ago
    assert response.json()["document"]["id"] == again.document.pk
    conflict = Conflict.objects.get(model="core.Document", record_id=str(again.document.pk))
    assert conflict.other_id == str(unmarked.document.pk)
    assert conflict.marking == ""  # only readers of both records (administrators) see it
    assert Document.objects.filter(sha256=unmarked.document.sha256).count() == 2
    public = submit(OTHER_REPORT, source="REUTERS")
    hidden = public.claims[0]
    Claim.objects.filter(pk=hidden.pk).update(marking="")
    again = services.submit(by=analyst, text=OTHER_REPORT, source="REUTERS", marking="public")
    assert again.document.pk == public.document.pk
    assert hidden.pk not in [c.pk for c in again.claims]


def test_claims_a_few_kilometres_apart_across_a_boundary_are_one_event(demo):
    from marsad.core.services.actors import create_actor
    from marsad.core.services.claims import record_claim
    from marsad.core.services.documents import submit_document
    from marsad.intake.selectors import same_event

    def place(key, pcode, lat, lon):
        point = {"type": "Point", "coordinates": [lon, lat]}
        return create_actor(
            by=SYSTEM, key=key, kind="place", name_ar=key, name_en=key, pcode=pcode,
            geometry=point,
        )  # fmt: skip

    # Two places 1.2 km apart on either side of the Khan Younis–Rafah boundary, and one in Deir
    # al-Balah 13 km off
    place("TEST-EAST-KY", "PS0270", 31.3000, 34.3100)
    place("TEST-NORTH-RAFAH", "PS0275", 31.2900, 34.3060)
    place("TEST-FAR", "PS0265", 31.4100, 34.3600)

    def attack(where):
        document, _ = submit_document(
            by=SYSTEM,
            title="test",
            text=f"Israeli aircraft struck near {where} on Sunday.",
            source="MARSAD-DIGEST-EN",
            language="en",
            published="2026-02-02",
        )
        data = {
            "type": "attack",
            "actor": ["IDF"],
            "attributes": {"means": "air"},
            "when": {"date": "2026-02-01", "precision": "day"},
            "where": {"entity": where},
            "evidence": [{"start": 0, "end": 10}],
        }
        return record_claim(by=SYSTEM, document=document, data=data)

    here, near, far = attack("TEST-EAST-KY"), attack("TEST-NORTH-RAFAH"), attack("TEST-FAR")
    assert here.where_pcode != near.where_pcode
    assert set(same_event(SYSTEM, here)) == {near}
    assert set(same_event(SYSTEM, far)) == set()


@pytest.mark.parametrize(
    ("claim_type", "attributes", "event"),
    [
        ("protest", {"form": "riot"}, ("Riots", "Violent demonstration")),
        ("protest", {"form": "sit_in"}, ("Protests", "Peaceful protest")),
        (
            "attack",
            {"means": "explosive"},
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            "attack",
            {"means": "abduction"},
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
    ],
)
def test_the_contracts_additions_become_incidents_of_their_acled_kind(
    demo, claim_type, attributes, event
):
    document = submit("اعتصم المئات أمام مقر الأمم المتحدة في خان يونس.", source="REUTERS").document
    claim, effects = services.add(
        by=SYSTEM,
        document=document,
        data={
            "type": claim_type,
            "attributes": attributes,
            "when": {"date": "2026-02-03", "precision": "day"},
            "place": "PS0270",
            "attribution": {"source_kind": "media"},
            "evidence": [{"start": 0, "end": 6}],
        },
    )
    incident = Incident.objects.get(claims=claim)
    assert (incident.event_type, incident.sub_event_type) == event
    assert incident.event_id in effects[0]
