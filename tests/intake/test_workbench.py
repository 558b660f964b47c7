"""The review workbench: many claims accepted or rejected in one action (a rejection keeps its
reason), the last action undone, documents given to analysts, discussion threads; all through
the gate (audited), all read through visible_to."""

import json
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from marsad.core.errors import InvalidInput
from marsad.core.models import AuditEntry, Claim
from marsad.core.services.base import SystemUser
from marsad.core.services.claims import record_claim
from marsad.core.services.users import issue_token
from marsad.intake import selectors, workflow
from marsad.intake.models import ClaimComment, ReviewDecision

SYSTEM = SystemUser("system:test")
SENTENCE = "قالت الوكالة إن الوضع هادئ. "


def _claims(document, n, marking="public", nations=()):
    made = []
    for i in range(n):
        start = i * len(SENTENCE)
        made.append(
            record_claim(
                by=SYSTEM,
                document=document,
                data={
                    "type": "other",
                    "evidence": [{"start": start, "end": start + len(SENTENCE) - 1}],
                    "marking": marking,
                    "releasable_to": list(nations),
                },
            )
        )
    return made


@pytest.fixture
def twenty(make_document):
    document = make_document(SENTENCE * 20)
    return document, _claims(document, 20)


def _login(client, user):
    client.force_login(user)
    return client


def test_twenty_claims_accepted_in_one_action_from_the_page(twenty, analyst):
    document, claims = twenty
    client = _login(Client(), analyst)
    response = client.post(
        f"/intake/documents/{document.pk}/bulk/",
        {"action": "accept", "claim": [c.pk for c in claims]},
    )
    assert response.status_code == 302
    states = set(Claim.objects.filter(document=document).values_list("review_state", flat=True))
    assert states == {"accepted"}
    decisions = ReviewDecision.objects.filter(claim__document=document)
    assert decisions.count() == 20
    assert len({d.batch for d in decisions}) == 1
    assert {d.by_id for d in decisions} == {analyst.pk}
    page = client.get(f"/intake/documents/{document.pk}/").content.decode()
    assert 'id="undo"' in page


def test_a_rejection_needs_its_reason_and_keeps_it(twenty, analyst):
    document, claims = twenty
    picked = [c.pk for c in claims[:3]]
    with pytest.raises(InvalidInput) as caught:
        workflow.decide_many(by=analyst, claims=picked, state="rejected", reason="  ")
    assert caught.value.problems[0].field == "reason"
    assert not Claim.objects.filter(pk__in=picked, review_state="rejected").exists()
    workflow.decide_many(by=analyst, claims=picked, state="rejected", reason="خبر مكرر")
    assert set(
        ReviewDecision.objects.filter(claim__in=picked).values_list("reason", flat=True)
    ) == {"خبر مكرر"}
    client = _login(Client(), analyst)
    page = client.get(f"/intake/documents/{document.pk}/").content.decode()
    assert page.count("خبر مكرر") == 3
    # The single reject button asks for the reason too.
    response = client.post(f"/intake/claims/{claims[5].pk}/", {"action": "reject"}, follow=True)
    assert Claim.objects.get(pk=claims[5].pk).review_state == "proposed"
    assert "reason" in response.content.decode()
    # One action, one audit entry listing its three decisions.
    (entry,) = AuditEntry.objects.filter(model="intake.ReviewDecision", action="create")
    assert len(json.loads(entry.after)["ids"]) == 3


def test_undo_returns_the_last_action_to_the_queue(twenty, analyst):
    _document, claims = twenty
    workflow.decide_many(by=analyst, claims=[claims[0].pk], state="accepted")
    workflow.decide_many(
        by=analyst, claims=[c.pk for c in claims[1:4]], state="rejected", reason="لا مصدر"
    )
    returned = workflow.undo_last(by=analyst).claims
    assert sorted(c.pk for c in returned) == sorted(c.pk for c in claims[1:4])
    assert set(
        Claim.objects.filter(pk__in=[c.pk for c in claims[1:4]]).values_list(
            "review_state", flat=True
        )
    ) == {"proposed"}
    assert Claim.objects.get(pk=claims[0].pk).review_state == "accepted"
    workflow.undo_last(by=analyst)  # then the one before
    assert Claim.objects.get(pk=claims[0].pk).review_state == "proposed"
    with pytest.raises(InvalidInput):
        workflow.undo_last(by=analyst)
    # Claims reviewed already are reported, not reviewed again.
    workflow.decide_many(by=analyst, claims=[claims[0].pk], state="accepted")
    again = workflow.decide_many(by=analyst, claims=[claims[0].pk], state="accepted")
    assert again.decided == []
    assert again.skipped == [(claims[0].pk, "accepted")]


def test_bulk_review_through_the_api(twenty, analyst):
    _document, claims = twenty
    headers = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(by=SYSTEM, user=analyst)}"}
    client = Client()
    refused = client.post(
        "/api/v1/intake/claims/review",
        {"action": "reject", "claims": [claims[0].pk]},
        content_type="application/json",
        **headers,
    )
    assert refused.status_code == 422
    done = client.post(
        "/api/v1/intake/claims/review",
        {"action": "accept", "claims": [c.pk for c in claims[:5]]},
        content_type="application/json",
        **headers,
    ).json()
    assert sorted(done["decided"]) == sorted(c.pk for c in claims[:5])
    undone = client.post("/api/v1/intake/claims/review/undo", **headers).json()
    assert sorted(undone["decided"]) == sorted(done["decided"])
    single = client.post(
        f"/api/v1/intake/claims/{claims[9].pk}/reject",
        {"reason": "منقول"},
        content_type="application/json",
        **headers,
    )
    assert single.status_code == 200
    assert single.json()["review_state"] == "rejected"


def test_comments_are_a_thread_marked_like_the_claim(make_document, analyst, liaison_ita):
    document = make_document(SENTENCE * 2, marking="nations", nations=("FRA",))
    (claim,) = _claims(document, 1, marking="nations", nations=("FRA",))
    with pytest.raises(InvalidInput):
        workflow.comment(by=analyst, claim=claim, text="   ")
    workflow.comment(by=analyst, claim=claim, text="هل المصدر مستقل؟")
    workflow.comment(by=analyst, claim=claim, text="نعم، تحققت.")
    stored = list(ClaimComment.objects.filter(claim=claim))
    assert [c.text for c in stored] == ["هل المصدر مستقل؟", "نعم، تحققت."]
    assert {(c.marking, tuple(c.nations)) for c in stored} == {("nations", ("FRA",))}
    assert AuditEntry.objects.filter(model="intake.ClaimComment").count() == 2
    thread = selectors.comments(analyst, [claim])[claim.pk]
    assert len(thread) == 2
    assert selectors.comments(liaison_ita, [claim])[claim.pk] == []
    token = issue_token(by=SYSTEM, user=liaison_ita)
    hidden = Client().get(
        f"/api/v1/intake/claims/{claim.pk}/comments", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert hidden.status_code == 404
    page = _login(Client(), analyst).get(f"/intake/documents/{document.pk}/").content.decode()
    assert "هل المصدر مستقل؟" in page


def test_documents_given_to_an_analyst_make_their_queue(make_document, make_user, analyst):
    other = make_user("analyst", username="huda")
    first, second = make_document(SENTENCE), make_document(SENTENCE + "ثانية")
    _claims(first, 1)
    _claims(second, 1)
    workflow.assign(by=analyst, document=first, analyst=other.pk)
    assert [d.pk for d in selectors.my_queue(other)] == [first.pk]
    assert selectors.my_queue(analyst) == []
    with pytest.raises(InvalidInput) as caught:
        workflow.assign(by=analyst, document=second, analyst="99999")
    assert caught.value.problems[0].field == "analyst"
    client = _login(Client(), analyst)
    client.post(f"/intake/documents/{second.pk}/assign/", {"analyst": analyst.pk})
    assert [d.pk for d in selectors.my_queue(analyst)] == [second.pk]
    page = client.get("/intake/").content.decode()
    assert 'id="my-queue"' in page
    workflow.assign(by=analyst, document=first, analyst="")
    assert selectors.my_queue(other) == []


def test_the_intake_form_has_no_silent_default_source(wire, analyst):
    client = _login(Client(), analyst)
    page = client.get("/intake/").content.decode()
    # A picker, empty until the analyst chooses: no source is chosen silently.
    box = page[page.index('data-field="source"') :]
    assert 'data-widget="picker"' in box[:2000]
    assert 'name="source" value=""' in box[:2000]
    assert "اختر مصدرًا" in box[:2000] or "choose a source" in box[:2000]
    response = client.post("/intake/", {"text": "نص", "marking": "public"})
    assert response.status_code == 200
    assert not Claim.objects.exists()
    assert (
        "اختر مصدرًا" in response.content.decode() or "choose a source" in response.content.decode()
    )


def test_the_intake_source_picker_proposes_sources_sorted_in_the_interface_language(wire, analyst):
    client = _login(Client(), analyst)
    arabic = client.get("/pick/sources/?q=").content.decode()
    english = client.get("/en/pick/sources/?q=").content.decode()
    assert "data-value=" in arabic
    # The same sources, each page in its own order (by the name in its language).
    in_arabic = re.findall(r'data-value="([^"]+)"', arabic)
    in_english = re.findall(r'data-value="([^"]+)"', english)
    assert sorted(in_arabic) == sorted(in_english)


def _review_queries(client, document):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(f"/intake/documents/{document.pk}/").status_code == 200
    return len(ctx.captured_queries)


def test_the_review_page_reads_threads_in_constant_queries(make_document, analyst):
    few, many = make_document(SENTENCE * 30), make_document(SENTENCE * 30 + "ب")
    for document, commented in ((few, 2), (many, 30)):
        claims = _claims(document, 30)
        for claim in claims[:commented]:
            workflow.comment(by=analyst, claim=claim, text="ملاحظة")
    client = _login(Client(), analyst)
    _review_queries(client, few)
    # Threads on two claims or on thirty: they cost the same queries (one for all).
    assert _review_queries(client, many) == _review_queries(client, few)
