"""Bounded input: numbers beyond a database column, JSON nested too deep, lone surrogates and
overlong lists are refused with the one error shape, naming the field, never a server error.

A path that names a record by a number no column can hold is answered like any other path that
names no record: pages 404 (their URL patterns match digits; Django finds no row), the API 422
naming the parameter, as it answers `/claims/abc` (its path parameters are typed)."""

import json

import pytest
from django.test import Client

from marsad.core.errors import InvalidInput
from marsad.core.services.actors import create_actor
from marsad.core.services.base import SystemUser
from marsad.core.services.lookups import claims as claims_by_ids
from marsad.core.services.users import issue_token
from marsad.extraction.numerals import BEYOND_RANGE

BIG = 2**63  # 9223372036854775808
HUGE = 2**64 - 1  # 18446744073709551615
pytestmark = pytest.mark.django_db


@pytest.fixture
def token(analyst):
    return issue_token(by=SystemUser("t"), user=analyst)


def get(path, token, **params):
    return Client().get(path, params, HTTP_AUTHORIZATION=f"Bearer {token}")


def post(path, token, body):
    text = body if isinstance(body, str) else json.dumps(body)
    return Client().post(
        path, text, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )


def refused(response, field, status=422):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert body["errors"][0]["field"] == field, body
    assert set(body["errors"][0]) == {"field", "value", "message"}
    assert field in body["detail"]
    return body["errors"][0]


@pytest.mark.parametrize("number", [BIG, -(BIG + 1), HUGE])
def test_an_id_beyond_the_database_in_a_query_is_refused(token, number):
    error = refused(get("/api/v1/claims", token, document=number), "document")
    assert error["value"] == number
    assert "beyond the whole numbers a database stores" in error["message"]


def test_the_largest_stored_id_is_still_an_id(token):
    assert get("/api/v1/claims", token, document=BIG - 1).json()["count"] == 0
    assert get(f"/api/v1/claims/{BIG - 1}", token).status_code == 404


def test_an_id_beyond_the_database_in_an_api_path_is_refused(token):
    refused(get(f"/api/v1/claims/{BIG}", token), "pk")
    refused(get(f"/api/v1/documents/{HUGE}", token), "pk")


def test_an_id_beyond_the_database_in_a_json_body_is_refused(token):
    consignment = {"day": "2026-01-20", "crossing": "CROSSING-RAFAH", "category": "food"}
    body = {**consignment, "trucks": 3, "claims": [1, HUGE]}
    error = refused(post("/api/v1/access/consignments", token, body), "claims[1]")
    assert error["value"] == HUGE
    refused(post("/api/v1/access/consignments", token, {**consignment, "trucks": BIG}), "trucks")
    # The same number typed as text is read by parse_int, which refuses it too.
    text = {**consignment, "trucks": str(BIG)}
    refused(post("/api/v1/access/consignments", token, text), "trucks")


def test_infinite_or_undefined_numbers_are_refused(token, make_document):
    document = make_document()
    claim = {
        "document": document.pk,
        "type": "comment_refusal",
        "evidence": [{"start": 0, "end": 4}],
    }
    body = json.dumps({**claim, "attributes": {"x": float("nan")}})
    assert "NaN" in body
    refused(post("/api/v1/claims", token, body), "attributes.x")


@pytest.mark.parametrize(
    "body",
    ["[" * 5000 + "]" * 5000, '{"text": ' + "[" * 65 + "]" * 65 + "}", '{"a": ' * 5000],
    ids=["array-5000", "object-65", "unclosed-5000"],
)
def test_json_nested_too_deep_is_refused_before_it_is_parsed(token, body):
    error = refused(post("/api/v1/documents", token, body), "body")
    assert "deeper than 64 levels" in error["message"]


def test_json_nested_64_deep_passes_the_door(token):
    body = '{"text": "x", "source": "WIRE", "releasable_to": ' + "[" * 63 + "]" * 63 + "}"
    assert post("/api/v1/documents", token, body).json()["errors"][0]["field"] != "body"


def test_brackets_inside_strings_are_not_nesting(token, wire):
    body = {
        "title": "[" * 400 + "{" * 99,
        "text": '{"[\\"' * 1000,
        "source": "WIRE",
        "marking": "public",
    }
    response = post("/api/v1/documents", token, body)
    assert response.status_code == 201, response.json()


def test_a_lone_surrogate_is_refused_naming_the_field(token, wire):
    error = refused(
        post("/api/v1/documents", token, '{"text": "\\ud800", "source": "WIRE"}'), "text"
    )
    assert error["value"] == "\\ud800"
    body = '{"text": "ok", "source": "WIRE", "releasable_to": ["IT\\udfffA"]}'
    refused(post("/api/v1/documents", token, body), "releasable_to[0]")
    # A pair of surrogates is one character (an emoji), and passes.
    pair = '{"text": "\\ud83d\\ude00 ok", "source": "WIRE", "marking": "public"}'
    assert post("/api/v1/documents", token, pair).status_code == 201


def test_a_claim_with_100000_spans_is_refused(token, make_document):
    document = make_document()
    spans = [{"start": 0, "end": 4}] * 100_000
    body = {"document": document.pk, "type": "comment_refusal", "evidence": spans}
    error = refused(post("/api/v1/claims", token, body), "evidence")
    assert (error["value"], error["message"]) == (100_000, "has more than 200 spans")
    assert not document.claims.exists()


def test_lists_of_claims_and_actors_are_bounded(token, make_document, system):
    create_actor(
        by=system,
        key="BOP",
        kind="body",
        name_ar="مجلس السلام",
        name_en="Board of Peace",
        marking="public",
    )
    document = make_document()
    body = {
        "document": document.pk,
        "type": "comment_refusal",
        "actor": ["ITA"] * 201,
        "evidence": [{"start": 0, "end": 4}],
    }
    assert refused(post("/api/v1/claims", token, body), "actor")["value"] == 201
    membership = {"member": "USA", "body": "BOP", "role": "member", "since": "2026-01-22"}
    response = post("/api/v1/coalition/memberships", token, {**membership, "claims": [1] * 201})
    assert refused(response, "claims")["value"] == 201


def test_a_body_beyond_the_upload_limit_is_refused_as_too_large(token, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    error = refused(post("/api/v1/documents", token, {"text": "x" * 2000}), "body", status=413)
    assert "1,000 bytes" in error["message"]


def test_pages_never_fail_on_numbers_beyond_the_database(analyst):
    client = Client()
    client.force_login(analyst)
    huge = "99999999999999999999"
    for path in ("/en/ceasefire/incidents/", "/en/documents/", "/en/access/consignments/"):
        assert client.get(path, {"page": huge}).status_code == 200, path
    for path in (
        f"/en/documents/{BIG}/",
        f"/documents/{HUGE}/",
        f"/en/ceasefire/incidents/{BIG}/",
        f"/en/programs/courses/{BIG}/",
        f"/en/plan/points/{BIG}/",
        f"/en/intake/documents/{BIG}/",
    ):
        assert client.get(path).status_code == 404, path
    response = client.post(f"/en/ceasefire/incidents/{BIG}/verification", {"claims": huge})
    assert response.status_code == 404


def test_claim_numbers_typed_on_pages_are_bounded(db):
    with pytest.raises(InvalidInput) as refused_numbers:
        claims_by_ids(SystemUser("t"), ["12", "99999999999999999999"])
    [problem] = refused_numbers.value.problems
    assert (problem.field, problem.message) == ("claims[1]", BEYOND_RANGE)
    with pytest.raises(InvalidInput, match="more than 200 items"):
        claims_by_ids(SystemUser("t"), ["1"] * 201)


def test_pages_refuse_unstorable_text_as_plain_text(db):
    response = Client().post("/en/login/", {"username": "a\x00<b>", "password": "x"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert "username" in response.content.decode()
