"""The pledges' page: every pledge and refusal the reader may read, filtered by nation, body,
kind, status, pledges or refusals; the same filters as its API and exports; a fixed number of
queries."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from marsad.coalition.models import Pledge
from tests.core.test_exports import hidden_copy


def page(path, user=None, **params):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client.get(path, params)


def test_the_pledges_page_filters(demo):
    every = page("/en/coalition/pledges/").context["page"]
    assert every.paginator.count == Pledge.objects.filter(marking="public").count()
    troops = page("/en/coalition/pledges/", kind="troops").context["page"]
    assert 0 < troops.paginator.count < every.paginator.count
    assert {p.kind for p in troops} == {"troops"}
    refusals = page("/en/coalition/pledges/", negative="1").context["page"]
    assert all(p.negative for p in refusals)
    nation = next(iter(every)).nation.key
    assert {
        p.nation.key for p in page("/en/coalition/pledges/", nation=nation).context["page"]
    } == {nation}


def test_a_bad_filter_is_named_on_the_page_and_in_the_api(demo):
    html = page("/en/coalition/pledges/", kind="tanks").content.decode()
    assert "kind: must be one of" in html
    answer = Client().get("/api/v1/coalition/pledges", {"status": "promised"})
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["field"] == "status"


def test_the_pledges_page_is_linked_from_the_coalition(demo):
    assert 'href="/coalition/pledges/"' in page("/coalition/").content.decode()


def _queries(url, user):
    client = Client()
    client.force_login(user)
    client.get(url)  # the reader's summary is read from the database once, then kept
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_page_queries_do_not_grow_with_the_pledges(demo, demo_users):
    # The page only: the API tells per row whether evidence is withheld (docs/security.md).
    urls = ("/en/coalition/pledges/",)
    small = [_queries(url, demo_users["fra"]) for url in urls]
    hidden_copy("pledges", nations=(), n=4)
    hidden_copy("pledges", nations=("FRA",), n=4)
    assert [_queries(url, demo_users["fra"]) for url in urls] == small
