"""Text holding the NUL character is refused at the door, naming the field (PostgreSQL cannot
store it)."""

from django.test import Client


def test_the_api_refuses_nul_in_a_parameter_or_a_json_field(db):
    response = Client().get("/api/v1/actors", {"q": "غزة\x00"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "q"
    body = {"member": "USA", "body": "BOP", "role": "member\x00", "since": "2026-01-22"}
    response = Client().post("/api/v1/coalition/memberships", body, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "role"


def test_pages_refuse_nul_with_a_bad_request(db):
    response = Client().get("/en/coalition/", {"as_of": "\x00"})
    assert response.status_code == 400
    assert "as_of" in response.content.decode()


def test_ordinary_requests_pass(db):
    assert Client().get("/en/coalition/", {"as_of": "2026-01-25"}).status_code == 200
    assert Client().get("/api/v1/actors", {"q": "غزة"}).status_code == 200
    response = Client().post("/en/digits/", {"digits": "arab"})
    assert response.status_code < 400
