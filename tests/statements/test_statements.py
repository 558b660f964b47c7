"""Who said what: the mission's statements and refusals, filters, the actor page, bad input."""

import pytest
from django.test import Client

from marsad.core.errors import InvalidInput
from marsad.core.services.base import SystemUser
from marsad.statements.models import Statement
from marsad.statements.services import record_statement

SYSTEM = SystemUser("system:test")


def test_the_mission_statements_and_refusals_are_recorded(demo):
    said = {
        (s.speaker.key, s.stance or s.refusal) for s in Statement.objects.select_related("speaker")
    }
    assert {
        ("OHCHR-OPT", "shocked"),
        ("OHCHR-OPT", "call"),
        ("ITA-PMO", "declined_comment"),
        ("ITA-MFA", "no_response"),
        ("WHITE-HOUSE", "refused_confirm"),
        ("WHITE-HOUSE", "announce"),
    } <= said
    shocked = Statement.objects.get(speaker__key="OHCHR-OPT", stance="shocked")
    assert "deeply shocked" in shocked.quote
    assert shocked.quote_language == "en"
    assert shocked.claims.count() == 1


def test_who_said_what_page_filters(demo):
    html = Client().get("/en/statements/", {"refusals_only": "1"}).content.decode()
    assert "declined to comment" in html
    assert "did not respond" in html
    assert 'data-stance="shocked"' not in html
    italy = Client().get("/en/statements/", {"actor": "ITA"}).content.decode()
    assert "Office of the Italian Prime Minister" in italy or "Prime Minister" in italy
    assert "White House" not in italy
    bad = Client().get("/en/statements/", {"stance": "furious"}).content.decode()
    assert "stance" in bad
    assert "furious" in bad


def test_statements_appear_on_the_speakers_page(demo):
    html = Client().get("/actors/ITA/").content.decode()
    assert 'id="statements"' in html
    assert "امتنع عن التعليق" in html


def test_api_lists_and_records(demo, demo_users):
    from marsad.core.services.users import issue_token

    refusals = Client().get("/api/v1/statements", {"refusals_only": "true"}).json()
    assert refusals["count"] >= 3
    assert all(s["refusal"] for s in refusals["items"])
    token = issue_token(by=SYSTEM, user=demo_users["analyst"])
    bad = Client().post(
        "/api/v1/statements",
        {
            "speaker": "ITA",
            "topic": "coalition",
            "stance": "welcome",
            "refusal": "denied",
            "marking": "public",
        },
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "stance"


def test_a_statement_has_a_stance_or_a_refusal_never_both_nor_neither(demo):
    with pytest.raises(InvalidInput, match="exactly one"):
        record_statement(by=SYSTEM, speaker="ITA", topic="coalition", marking="public")
    with pytest.raises(InvalidInput, match="must be one of") as caught:
        record_statement(
            by=SYSTEM, speaker="ITA", topic="coalition", stance="furious", marking="public"
        )
    assert caught.value.problems[0].value == "furious"
    with pytest.raises(InvalidInput, match="which language"):
        record_statement(
            by=SYSTEM,
            speaker="ITA",
            topic="coalition",
            stance="support",
            quote="Sosteniamo la forza",
            marking="public",
        )
