"""Saved searches: written through the gate (audited), filters checked by the list's own
parser, names unique per owner and never empty, deleted by their owner only; the page of one's
saved searches, saving from a list's page, the shared link, and the API."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from marsad.core.errors import InvalidInput, NotAllowed
from marsad.core.models import AuditEntry, SavedSearch
from marsad.core.services.searches import saved_search_create, saved_search_delete
from marsad.core.services.users import issue_token

from ..conftest import SYSTEM


def client_for(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_a_search_is_saved_with_its_filters_in_order_and_audited(liaison_ita):
    entries = AuditEntry.objects.count()
    search = saved_search_create(
        by=liaison_ita,
        name="  Rafah  food ",
        list_name="access:consignments",
        query="?page=3&crossing=RAFAH&category=food&donor=",
    )
    assert search.name == "Rafah food"
    assert search.query == "category=food&crossing=RAFAH"
    assert search.share_key
    assert AuditEntry.objects.count() == entries + 1
    assert AuditEntry.objects.latest("seq").model == "core.SavedSearch"


@pytest.mark.parametrize(
    ("name", "list_name", "query", "field"),
    [
        ("", "documents", "", "name"),
        ("   ", "documents", "", "name"),
        ("x" * 121, "documents", "", "name"),
        ("mine", "nowhere", "", "list_name"),
        ("mine", "documents", "language=klingon", "language"),
        ("mine", "ceasefire:incidents", "start=2026-02-01&end=2026-01-01", "end"),
        ("mine", "ceasefire:figures", "incident=first", "incident"),
    ],
)
def test_refusals_name_the_field(liaison_ita, name, list_name, query, field):
    with pytest.raises(InvalidInput) as refused:
        saved_search_create(by=liaison_ita, name=name, list_name=list_name, query=query)
    assert [p.field for p in refused.value.problems] == [field]
    assert not SavedSearch.objects.exists()


def test_a_name_is_unique_per_owner_only(liaison_ita, liaison_fra):
    saved_search_create(by=liaison_ita, name="Mine", list_name="documents", query="q=ceasefire")
    with pytest.raises(InvalidInput) as refused:
        saved_search_create(by=liaison_ita, name="Mine", list_name="claims")
    assert refused.value.problems[0].field == "name"
    saved_search_create(by=liaison_fra, name="Mine", list_name="claims")
    assert SavedSearch.objects.count() == 2


def test_only_signed_in_owners_save_and_delete(liaison_ita, liaison_fra):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(NotAllowed):
        saved_search_create(by=AnonymousUser(), name="x", list_name="documents")
    with pytest.raises(NotAllowed):
        saved_search_create(by=SYSTEM, name="x", list_name="documents")
    search = saved_search_create(by=liaison_ita, name="x", list_name="documents")
    with pytest.raises(NotAllowed):
        saved_search_delete(by=liaison_fra, search=search)
    entries = AuditEntry.objects.count()
    saved_search_delete(by=liaison_ita, search=search)
    assert not SavedSearch.objects.exists()
    assert AuditEntry.objects.latest("seq").action == "delete"
    assert AuditEntry.objects.count() == entries + 1


def test_saving_from_a_list_page_and_the_page_of_saved_searches(liaison_ita):
    client = client_for(liaison_ita)
    html = client.get("/en/documents/?language=en&q=truce").content.decode()
    assert 'name="query" value="language=en&amp;q=truce"' in html
    assert 'href="/en/exports/documents.csv?language=en&amp;q=truce"' in html
    answer = client.post(
        "/en/searches/",
        {
            "name": "Truce in English",
            "list_name": "documents",
            "query": "language=en&q=truce",
            "next": "/en/documents/?language=en&q=truce",
        },
    )
    assert answer.status_code == 302
    assert answer["Location"] == "/en/documents/?language=en&q=truce"
    search = SavedSearch.objects.get()
    page = client.get("/en/searches/").content.decode()
    assert "Truce in English" in page
    assert 'href="/en/documents/?language=en&amp;q=truce"' in page
    assert f"http://testserver/en/searches/{search.share_key}/" in page
    assert 'data-copy="share-' in page


def test_refusals_on_the_page_name_the_field(liaison_ita):
    client = client_for(liaison_ita)
    saved_search_create(by=liaison_ita, name="Taken", list_name="claims")
    for name in ("", "Taken"):
        answer = client.post(
            "/en/searches/",
            {"name": name, "list_name": "claims", "next": "/en/claims/"},
            follow=True,
        )
        html = answer.content.decode()
        assert "The search is not saved: name:" in html
    assert SavedSearch.objects.count() == 1


def test_an_outside_next_is_not_followed(liaison_ita):
    answer = client_for(liaison_ita).post(
        "/en/searches/",
        {"name": "a", "list_name": "claims", "next": "https://evil.example/"},
    )
    assert answer["Location"] == "/searches/" or answer["Location"].endswith("/searches/")


def test_the_save_form_needs_a_signed_in_reader_and_a_csrf_token(liaison_ita):
    anonymous = Client().get("/en/claims/").content.decode()
    assert "Save this search" not in anonymous
    assert "/en/exports/claims.csv" in anonymous
    assert Client().get("/en/searches/").status_code == 302
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(liaison_ita)
    refused = strict.post("/en/searches/", {"name": "a", "list_name": "claims"})
    assert refused.status_code == 403
    assert not SavedSearch.objects.exists()


def test_delete_from_the_page_is_the_owners_only(liaison_ita, liaison_fra):
    search = saved_search_create(by=liaison_ita, name="a", list_name="claims")
    assert client_for(liaison_fra).post(f"/en/searches/{search.pk}/delete").status_code == 404
    assert client_for(liaison_ita).get(f"/en/searches/{search.pk}/delete").status_code == 405
    assert client_for(liaison_ita).post(f"/en/searches/{search.pk}/delete").status_code == 302
    assert not SavedSearch.objects.exists()


def test_a_shared_link_opens_the_list_with_the_saved_filters_for_anyone(liaison_ita, liaison_fra):
    search = saved_search_create(
        by=liaison_ita, name="a", list_name="ceasefire:incidents", query="pcode=PS0240"
    )
    for client in (client_for(liaison_fra), Client()):
        answer = client.get(f"/en/searches/{search.share_key}/")
        assert answer.status_code == 302
        assert answer["Location"] == "/en/ceasefire/incidents/?pcode=PS0240"
    arabic = Client().get(f"/searches/{search.share_key}/")
    assert urlsplit(arabic["Location"]).path == "/ceasefire/incidents/"
    assert Client().get("/en/searches/not-a-key/").status_code == 404


def test_a_shared_link_to_a_list_closed_to_anonymous_readers_asks_them_to_sign_in(
    liaison_ita, monkeypatch
):
    from dataclasses import replace

    from marsad.core import listing

    search = saved_search_create(by=liaison_ita, name="a", list_name="claims")
    closed = replace(listing.by_key("claims"), public=False)
    monkeypatch.setitem(listing._REGISTRY, "claims", closed)
    answer = Client().get(f"/en/searches/{search.share_key}/")
    assert answer.status_code == 302
    assert "/login/" in answer["Location"]
    assert client_for(liaison_ita).get(f"/en/searches/{search.share_key}/")["Location"] == (
        "/en/claims/"
    )


def token_client(user) -> Client:
    """The API with a bearer token (a session serves reads only)."""
    token = issue_token(by=SYSTEM, user=user)
    return Client(headers={"Authorization": f"Bearer {token}"})


def test_the_api_lists_saves_and_deletes_ones_own(liaison_ita, liaison_fra):
    ita, fra = token_client(liaison_ita), token_client(liaison_fra)
    created = ita.post(
        "/api/v1/searches",
        {"name": "Food", "list_name": "access:consignments", "query": "category=food"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["query"] == "category=food"
    assert body["share_url"].endswith(f"/searches/{body['share_key']}/")
    again = ita.post(
        "/api/v1/searches",
        {"name": "Food", "list_name": "access:consignments"},
        content_type="application/json",
    )
    assert again.status_code == 422
    assert again.json()["errors"][0]["field"] == "name"
    bad = ita.post(
        "/api/v1/searches",
        {"name": "Bad", "list_name": "access:consignments", "query": "category=gold"},
        content_type="application/json",
    )
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "category"
    assert [s["name"] for s in ita.get("/api/v1/searches").json()] == ["Food"]
    assert fra.get("/api/v1/searches").json() == []
    assert fra.delete(f"/api/v1/searches/{body['id']}").status_code == 404
    assert Client().get("/api/v1/searches").status_code == 403
    assert client_for(liaison_ita).get("/api/v1/searches").status_code == 200  # a session reads
    assert ita.delete(f"/api/v1/searches/{body['id']}").status_code == 204
    assert not SavedSearch.objects.exists()


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_saved_searches_page_and_api_queries_do_not_grow(liaison_ita):
    client = client_for(liaison_ita)
    saved_search_create(by=liaison_ita, name="first", list_name="claims")
    client.get("/en/searches/")  # the reader's summary is read from the database once, then kept
    small = (_queries(client, "/en/searches/"), _queries(client, "/api/v1/searches"))
    for number in range(20):
        saved_search_create(
            by=liaison_ita, name=f"search {number}", list_name="documents", query=f"q={number}"
        )
    large = (_queries(client, "/en/searches/"), _queries(client, "/api/v1/searches"))
    assert large == small
