"""Recording governance through the pages, in Arabic: a legal instrument with its vote and an
action on the charter; refusals kept beside their fields; the roles that may write."""

import re

import pytest
from django.test import Client

from marsad.core.services.actors import create_actor
from marsad.core.services.base import SystemUser
from marsad.governance.models import CharterAction, LegalInstrument
from tests.forms import ARABIC, client_of, error_of

SYSTEM = SystemUser("system:test")
PAGES = ["/governance/instruments/new/", "/governance/charter-actions/new/"]


@pytest.fixture
def accord(demo):
    return create_actor(
        by=SYSTEM,
        key="TEST-ACCORD",
        kind="agreement",
        name_ar="اتفاق تجريبي",
        name_en="Test accord",
        marking="public",
    )


@pytest.mark.parametrize("path", PAGES)
def test_each_form_shows_in_arabic_to_analysts_only(demo, demo_users, path):
    page = client_of(demo_users["analyst"]).get(path)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'lang="ar"' in html
    assert 'id="save-record"' in html
    assert ARABIC.search(html.split("<h1", 1)[1].split("</h1>")[0])
    assert client_of(demo_users["ita"]).get(path).status_code == 403
    assert client_of(demo_users["ita"]).post(path, {"actor": "USA"}).status_code == 403
    anonymous = Client().get(path)
    assert anonymous.status_code == 302
    assert "/login/" in anonymous["Location"]


def test_the_governance_page_offers_the_forms_to_writers_only(demo, demo_users):
    html = client_of(demo_users["analyst"]).get("/governance/").content.decode()
    assert 'id="record-instrument"' in html
    assert 'id="record-charter-action"' in html
    officer = client_of(demo_users["ita"]).get("/governance/").content.decode()
    assert 'id="record-instrument"' not in officer


def test_an_instrument_is_recorded_with_its_vote(demo, demo_users, accord):
    client = client_of(demo_users["analyst"])
    html = client.get("/governance/instruments/new/").content.decode()
    assert re.search(r'<option value="un_resolution">[^<]*[\u0600-\u06ff]', html)
    typed = {
        "actor": "TEST-ACCORD",
        "kind": "agreement",
        "adopted": "2026-11-01",
        "votes_for": "١٣",
        "votes_against": "0",
        "abstentions": "2",
        "abstainers": "RUS",
        "authorised_until": "2027-12-31",
        "summary_ar": "ملخص الاتفاق",
        "marking": "public",
    }
    refused = client.post("/governance/instruments/new/", typed)  # two abstain, one named
    html = refused.content.decode()
    assert refused.status_code == 400
    error_of(html, "abstainers")
    assert "ملخص الاتفاق" in html
    response = client.post("/governance/instruments/new/", {**typed, "abstainers": "RUS,CHN"})
    assert response.status_code == 302, response.content.decode()[:3000]
    instrument = LegalInstrument.objects.get(actor__key="TEST-ACCORD")
    assert instrument.vote == "13–0–2"
    assert response["Location"] == f"/governance/#instrument-{instrument.pk}"
    bad_date = client.post(
        "/governance/instruments/new/", {**typed, "actor": "UNSCR-2803", "abstainers": ""}
    )
    error_of(bad_date.content.decode(), "actor")  # recorded already


def test_a_charter_action_is_recorded(demo, demo_users):
    client = client_of(demo_users["analyst"])
    typed = {
        "charter": "BOP-CHARTER",
        "actor": "FRA",
        "action": "reservation",
        "on": "2026-11-20",
        "text_ar": "تحفظ على البند",
        "marking": "public",
    }
    response = client.post("/governance/charter-actions/new/", typed)
    assert response.status_code == 302, response.content.decode()[:3000]
    action = CharterAction.objects.latest("id")
    assert (action.charter.key, action.actor.key, action.action) == (
        "BOP-CHARTER",
        "FRA",
        "reservation",
    )
    refused = client.post("/governance/charter-actions/new/", {**typed, "actor": "NOBODY"})
    assert refused.status_code == 400
    error_of(refused.content.decode(), "actor")
    assert "تحفظ على البند" in refused.content.decode()


def test_an_instrument_may_not_reach_further_than_what_it_names(demo, demo_users, accord):
    create_actor(
        by=SYSTEM,
        key="SECRET-BODY",
        kind="body",
        name_ar="هيئة",
        name_en="Body",
        marking="internal",
    )
    client = client_of(demo_users["analyst"])
    typed = {"actor": "TEST-ACCORD", "kind": "agreement", "endorses": "SECRET-BODY"}
    refused = client.post("/governance/instruments/new/", {**typed, "marking": "public"})
    assert refused.status_code == 400
    assert "SECRET-BODY" in error_of(refused.content.decode(), "endorses")
    assert not LegalInstrument.objects.filter(actor__key="TEST-ACCORD").exists()
    kept = client.post("/governance/instruments/new/", {**typed, "marking": "internal"})
    assert kept.status_code == 302


@pytest.mark.parametrize("extra", [0, 30])
def test_the_governance_forms_read_in_the_same_queries_at_any_size(
    demo, demo_users, extra, django_assert_max_num_queries
):
    for n in range(extra):
        create_actor(
            by=SYSTEM,
            key=f"ACCORD-{n}",
            kind="agreement",
            name_ar=f"اتفاق {n}",
            name_en=f"Accord {n}",
            marking="public",
        )
    client = client_of(demo_users["analyst"])
    for path in PAGES:
        client.get(path)
        with django_assert_max_num_queries(12):
            assert client.get(path).status_code == 200
    for kind in ("agreements", "charters", "signatories", "instruments"):
        client.get(f"/pick/{kind}/?q=")
        with django_assert_max_num_queries(6):
            assert client.get(f"/pick/{kind}/?q=ا").status_code == 200
