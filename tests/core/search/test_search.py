"""Search through the page and the API: Arabic spellings find each other, only what the reader
may read is searched (and counted in the facets), the index follows every write through the
gate, and no input makes an error."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from typer.testing import CliRunner

from marsad.cli import app
from marsad.core.models import Actor, SearchEntry
from marsad.core.services import gate
from marsad.core.services.claims import record_claim
from marsad.core.services.users import issue_token
from tests.conftest import SYSTEM

pytestmark = pytest.mark.django_db

ARABIC = "دعت الولايات المتحدة إِيطاليا رسمياً إلى الانضمام إلى القوة، وقالت مصادر في خانيونس إن…"
ENGLISH = "Rome has not answered. The force would train the future Palestinian police."


def api(reader=None, **params):
    headers = {}
    if reader is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {issue_token(by=SYSTEM, user=reader)}"
    response = Client().get("/api/v1/search", params, **headers)
    assert response.status_code == 200, response.content
    return response.json()


def found(reader=None, **params):
    return {(hit["kind"], hit["id"]) for hit in api(reader, **params)["hits"]}


def english_claim_about_italy(document):
    return record_claim(
        by=SYSTEM,
        document=document,
        data={
            "type": "contribution",
            "actor": ["ITA"],
            "recipient": [],
            "attributes": {},
            "attribution": {"source_kind": "media"},
            "evidence": [{"start": 0, "end": len("Rome has not answered.")}],
        },
    )


def test_arabic_spellings_find_the_document_and_the_actor(make_document):
    document = make_document(ARABIC)
    hits = found(q="ايطاليا")
    assert ("document", str(document.pk)) in hits
    assert ("actor", "ITA") in hits
    assert ("document", str(document.pk)) in found(q="خان يونس")
    assert ("document", str(document.pk)) in found(q="إيطاليا خانيونس")


def test_an_english_claim_naming_italy_is_found_in_arabic(make_document):
    claim = english_claim_about_italy(make_document(ENGLISH, language="en"))
    assert ("claim", str(claim.pk)) in found(q="ايطاليا")
    assert ("claim", str(claim.pk)) in found(q="Italy", kind="claim")
    body = api(q="ايطاليا", kind="claim")
    assert body["total"] == 1
    # The API answers in Arabic, the site's language, as its pages without a prefix do.
    assert body["facets"]["kind"] == [{"value": "claim", "label": "الإفادات", "count": 1}]
    assert {"value": "ITA", "label": "إيطاليا", "count": 1} in body["facets"]["actor"]


def test_snippets_mark_the_words_and_escape_the_text(make_document):
    make_document("<b>bold</b> إيطاليا تدرس الدعوة")
    (hit,) = [h for h in api(q="ايطاليا", kind="document")["hits"]]
    assert "<mark>إيطاليا</mark>" in hit["snippet"]
    assert "&lt;b&gt;" in hit["snippet"]


def test_a_document_marked_for_italy_is_not_found_by_france(
    make_document, liaison_ita, liaison_fra, analyst
):
    secret = make_document("مذكرة سرية عن تدريب الشرطة في غزة", marking="nations", nations=("ITA",))
    key = ("document", str(secret.pk))
    assert key in found(liaison_ita, q="الشرطة")
    assert key in found(analyst, q="الشرطة")
    assert key not in found(liaison_fra, q="الشرطة")
    assert key not in found(q="الشرطة")
    # Nor counted: the facets of the other readers hold nothing of it.
    assert api(liaison_fra, q="الشرطة")["total"] == 0
    assert api(liaison_fra, q="الشرطة", marking="nations")["total"] == 0
    page = Client()
    page.force_login(liaison_fra)
    assert "مذكرة" not in page.get("/search/", {"q": "الشرطة"}).content.decode()


def test_the_index_follows_writes_and_removals(make_document, analyst):
    document = make_document("تقرير عن معبر رفح")
    entry = SearchEntry.objects.get(kind="document", record_id=str(document.pk))
    assert entry.marking == "public"
    with transaction.atomic():
        gate.store(document, by=SYSTEM, marking="internal")
    entry = SearchEntry.objects.get(kind="document", record_id=str(document.pk))
    assert entry.marking == "internal"
    assert ("document", str(document.pk)) not in found(q="رفح")
    assert ("document", str(document.pk)) in found(analyst, q="رفح")
    actor = Actor.objects.get(key="FRA")
    with transaction.atomic():
        gate.remove(actor, by=SYSTEM)
    assert not SearchEntry.objects.filter(kind="actor", record_id="FRA").exists()


def test_a_write_rolled_back_leaves_no_entry(wire):
    from marsad.core.services.documents import submit_document

    def failing_request():
        with transaction.atomic():
            submit_document(
                by=SYSTEM, title="t", text="نص يختفي", source=wire, language="ar", marking="public"
            )
            raise RuntimeError("the request failed after the write")

    with pytest.raises(RuntimeError):
        failing_request()
    assert api(q="يختفي")["total"] == 0


@pytest.mark.parametrize(
    "query",
    [
        '"ايطاليا',
        "ايطاليا AND OR NOT",
        "NEAR(a b) * ^ : - +",
        "col:value (x",
        "ًٌٍَُِّْـ",
        "إيطاليا " * 5000,
        "'; DROP TABLE core_searchentry; --",
        "",
    ],
)
def test_any_query_gives_results_or_none_never_an_error(make_document, query):
    make_document(ARABIC)
    body = api(q=query)
    assert body["total"] >= 0
    assert Client().get("/search/", {"q": query}).status_code == 200


def test_a_bad_filter_is_named(make_document):
    response = Client().get("/api/v1/search", {"q": "x", "kind": "rumour"})
    assert response.status_code == 422
    assert "kind" in response.content.decode()
    page = Client().get("/en/search/", {"q": "x", "start": "yesterday"})
    assert page.status_code == 200
    assert "start" in page.content.decode()


def test_filters_narrow_and_facets_count(make_document):
    document = make_document(ARABIC)
    english_claim_about_italy(make_document(ENGLISH, language="en"))
    assert found(q="ايطاليا", kind="document") == {("document", str(document.pk))}
    assert {k for k, _id in found(q="ايطاليا", actor="ITA")} == {"claim", "actor"}
    assert found(q="ايطاليا", actor="NOBODY") == set()
    assert found(q="ايطاليا", source="WIRE", kind="document") == {("document", str(document.pk))}
    assert found(q="ايطاليا", start="2030-01-01") == set()
    counts = {f["value"]: f["count"] for f in api(q="ايطاليا")["facets"]["kind"]}
    assert counts == {"document": 1, "claim": 1, "actor": 1}


def test_the_nav_box_and_the_page(make_document):
    make_document(ARABIC)
    home = Client().get("/").content.decode()
    assert 'id="nav-search"' in home
    page = Client().get("/search/", {"q": "ايطاليا"}).content.decode()
    assert "<mark>إِيطاليا</mark>" in page
    assert 'data-facet="kind"' in page
    english = Client().get("/en/search/", {"q": "Italy"}).content.decode()
    assert 'data-kind="actor"' in english


def test_the_reindex_command_rebuilds_the_index(make_document):
    document = make_document(ARABIC)
    SearchEntry.objects.all().delete()
    assert api(q="ايطاليا")["total"] == 0
    result = CliRunner().invoke(app, ["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert ("document", str(document.pk)) in found(q="ايطاليا")
    assert CliRunner().invoke(app, ["search", "reindex", "--kind", "nothing"]).exit_code == 1


def test_the_page_and_the_api_cost_the_same_queries_at_two_sizes(make_document, analyst):
    token = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(by=SYSTEM, user=analyst)}"}
    Client().get("/api/v1/me", **token)  # the token's first use is recorded once, not measured
    page = Client()
    page.force_login(analyst)
    page.get("/en/search/")  # the reader's summary is read from the database once, then kept
    counts = []
    for added in (3, 30):
        for n in range(added):
            english_claim_about_italy(make_document(f"{ENGLISH} {n}", language="en"))
        with CaptureQueriesContext(connection) as on_page:
            assert page.get("/en/search/", {"q": "ايطاليا"}).status_code == 200
        with CaptureQueriesContext(connection) as on_api:
            assert Client().get("/api/v1/search", {"q": "Italy"}, **token).status_code == 200
        counts.append((len(on_page), len(on_api)))
    assert counts[0] == counts[1], counts


def test_renaming_an_actor_or_a_source_rewrites_the_entries_naming_them(make_document, wire):
    from marsad.core.services.actors import update_actor

    claim = english_claim_about_italy(make_document(ENGLISH, language="en"))
    key = ("claim", str(claim.pk))
    italy = Actor.objects.get(key="ITA")
    assert key not in found(q="Ausonia")
    with CaptureQueriesContext(connection) as unchanged:
        update_actor(by=SYSTEM, actor=italy, description_en="A founding member.")
    # A change no other entry holds rewrites the actor's own entry only.
    assert not [q for q in unchanged.captured_queries if "core_claim" in q["sql"]]
    update_actor(by=SYSTEM, actor=italy, name_en="Ausonia", name_ar="أوسونيا")
    assert key in found(q="Ausonia")
    assert key in found(q="اوسونيا", kind="claim")
    assert ("actor", "ITA") in found(q="Ausonia")
    # A source renamed: its documents and their claims are found by the new name.
    with transaction.atomic():
        wire.name_en = "Levant Dispatch"
        gate.store(wire, by=SYSTEM)
    hits = found(q="Levant Dispatch")
    assert key in hits
    assert ("document", str(claim.document_id)) in hits
    # A document retitled: its claims' titles follow.
    document = claim.document
    with transaction.atomic():
        document.title = "Ausonian pledge"
        gate.store(document, by=SYSTEM)
    (hit,) = [h for h in api(q="Ausonia", kind="claim")["hits"]]
    assert "Ausonian pledge" in hit["title"]


def test_the_most_relevant_first_or_the_newest(make_document):
    relevant = make_document("رفح رفح رفح: معبر رفح مغلق، وشاحنات رفح تنتظر")
    newer = make_document("تقرير طويل عن الشمال والمستشفيات، ومن بين ما ذكره رفح مرة واحدة " * 3)
    assert [h["id"] for h in api(q="رفح", kind="document")["hits"]] == [
        str(relevant.pk),
        str(newer.pk),
    ]
    body = api(q="رفح", kind="document", sort="newest")
    assert body["sort"] == "newest"
    assert [h["id"] for h in body["hits"]] == [str(newer.pk), str(relevant.pk)]
    page = Client().get("/en/search/", {"q": "رفح", "sort": "newest"}).content.decode()
    assert 'data-sort="relevance"' in page
    assert Client().get("/api/v1/search", {"q": "رفح", "sort": "rumour"}).status_code == 422
    # The page takes an unknown order as the default one.
    assert Client().get("/search/", {"q": "رفح", "sort": "rumour"}).status_code == 200
