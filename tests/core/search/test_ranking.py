"""Relevance orders the newest `backends.RANKED` of a reader's hits; the older follow, newest
first, and the counts stay exact. The same on FTS5 and PostgreSQL."""

from django.test import Client

from marsad.core.search import backends
from tests.core.search.test_search import api

ONCE = "تقرير من الجنوب عن رفح والطرق المؤدية إلى المستشفيات والمدارس في الصباح"
TWICE = "تقرير من الجنوب عن رفح ومعبر رفح والطرق المؤدية إلى المستشفيات في الصباح"
MOST = "رفح رفح رفح: معبر رفح مغلق، وشاحنات رفح تنتظر عند بوابة رفح"


def _order(**params):
    body = api(q="رفح", kind="document", **params)
    return body, [hit["id"] for hit in body["hits"]]


def test_only_the_newest_hits_are_ranked_and_the_rest_follow(make_document, monkeypatch):
    # Written in this order, on the same day: the last written is the newest.
    most = str(make_document(MOST).pk)
    once = str(make_document(ONCE).pk)
    twice = str(make_document(TWICE).pk)
    body, order = _order()
    assert order == [most, twice, once]
    assert (body["total"], body["ranked"]) == (3, 3)

    monkeypatch.setattr(backends, "RANKED", 2)
    body, order = _order()
    # The two newest by relevance, then the oldest, however relevant.
    assert order == [twice, once, most]
    assert (body["total"], body["ranked"]) == (3, 2)
    assert [(f["value"], f["count"]) for f in body["facets"]["kind"]] == [("document", 3)]
    body, order = _order(sort="newest")
    assert order == [twice, once, most]
    assert body["ranked"] == 0

    page = Client().get("/search/", {"q": "رفح"}).content.decode()
    assert 'id="search-ranked"' in page
    assert "مرتّبة حسب الصلة" in page
    english = Client().get("/en/search/", {"q": "رفح"}).content.decode()
    assert "hits are in order of relevance" in english


def test_no_note_when_every_hit_is_ranked(make_document):
    make_document(MOST)
    page = Client().get("/search/", {"q": "رفح"}).content.decode()
    assert 'id="search-ranked"' not in page
    # The year facet is a number like the others: in the page's digits.
    years = page[page.index('data-facet="year"') :]
    assert "<bdi>٢٠٢٥</bdi>" in years[: years.index("</section>")]
    english = Client().get("/en/search/", {"q": "رفح"}).content.decode()
    assert "<bdi>2025</bdi>" in english[english.index('data-facet="year"') :]


def test_both_engines_score_given_ids_as_they_score_the_match(make_document):
    import numpy as np

    from marsad.core.search.text import query_terms

    for text in (MOST, ONCE, TWICE):
        make_document(text)
    engine = backends.backend()
    groups = query_terms("رفح")
    found, scores = engine.matches(groups, True)
    whole = dict(zip(found.tolist(), scores.tolist(), strict=True))
    entries = sorted(whole)
    assert len(entries) == 3
    asked = np.array([entries[2], entries[0], 10**9], np.int64)  # the last answers nothing
    given = engine.scores(groups, asked).tolist()
    assert given[:2] == [whole[entries[2]], whole[entries[0]]]
    assert given[2] == (-np.inf if engine.higher_is_better else np.inf)
