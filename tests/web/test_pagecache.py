"""Cached pages: whole pages for anonymous readers only, figures per visibility class, both
left behind by any write the gate announces; two readers' visibility never mix."""

import gzip

import pytest
from django.db import transaction
from django.test import Client

from marsad.ceasefire import selectors
from marsad.ceasefire.services.incidents import record_incident
from marsad.core.services.base import SystemUser
from marsad.web.pagecache import CACHED_PAGES, visibility_class

STRIKE = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}


def write_then_fail(by, day):
    with transaction.atomic():
        record_incident(by=by, event_date=day, **STRIKE, marking="public")
        raise RuntimeError("undone")


SYSTEM = SystemUser("system:test")


def client_for(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def counted(response):
    """Incidents the dashboard counted, summed over its governorate rows."""
    return sum(row["n"] for row in response.context["by_governorate"])


@pytest.fixture
def marked(demo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for marking, nations, killed in (
            ("nations", ["ITA"], 30),
            ("nations", ["FRA"], 40),
            ("internal", [], 50),
        ):
            record_incident(
                by=SYSTEM,
                event_date="2026-08-01",
                **STRIKE,
                marking=marking,
                releasable_to=nations,
                fatalities=killed,
                latitude=31.3436,
                longitude=34.3225,
            )


def test_two_nations_two_analysts_and_anonymous_each_see_their_own_dashboard(demo_users, marked):
    from marsad.core.services.users import create_user

    readers = {
        "anonymous": None,
        "ita": demo_users["ita"],
        "fra": demo_users["fra"],
        "analyst": demo_users["analyst"],
        "analyst2": create_user(by=SYSTEM, username="second", role="analyst", password="x" * 20),
    }
    first, again = {}, {}
    for rounds in (first, again):
        # Turn by turn, so that each reader's page is asked while the others' are kept.
        for name, user in readers.items():
            response = client_for(user).get("/en/ceasefire/")
            assert response.status_code == 200
            rounds[name] = response
    effective = first["analyst"].context["summary"].effective
    for name, user in readers.items():
        if name == "analyst2":
            # The analysts share a page: the second is answered from the first's.
            assert first[name]["X-Page-Cache"] == "hit"
        else:
            expected = selectors.incidents(user).filter(event_date__gte=effective).count()
            assert counted(first[name]) == expected, name
            assert first[name]["X-Page-Cache"] == "stored"
        assert again[name]["X-Page-Cache"] == "hit"
        body = again[name].content.decode()
        names = [u.username for u in readers.values() if u is not None]
        shown = [n for n in names if f"<bdi>{n}</bdi>" in body]
        assert shown == ([user.username] if user else []), name
        assert "marsad-hole" not in body
        if user is not None:
            token = again[name].content.decode().split('name="csrfmiddlewaretoken" value="')[1]
            assert len(token.split('"')[0]) == 64
    counts = {name: counted(first[name]) for name in readers if name != "analyst2"}
    assert counts["ita"] == counts["fra"] == counts["anonymous"] + 1
    assert counts["analyst"] == counts["anonymous"] + 3
    assert first["ita"].content != first["fra"].content


def test_a_kept_page_holds_nothing_of_its_reader(demo_users):
    from django.core.cache import cache

    client = client_for(demo_users["ita"])
    client.get("/en/")
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    packed = client.get("/en/", HTTP_ACCEPT_ENCODING="gzip")
    assert packed["Content-Encoding"] == "gzip"
    body = gzip.decompress(packed.content)
    assert b"<bdi>ita</bdi>" in body
    assert b"marsad-hole" not in body
    token = body.split(b'name="csrfmiddlewaretoken" value="')[1].split(b'"')[0]
    kept = b"".join(cache._cache.values())  # LocMemCache's pickled entries
    assert b"<bdi>ita</bdi>" not in kept
    assert token not in kept
    # Kept as the texts between the holes, and the holes' names.
    assert b"<bdi>" in kept
    assert b"csrfmiddlewaretoken" in kept


def test_a_write_through_the_gate_is_seen_at_once(demo, django_capture_on_commit_callbacks):
    client = Client()
    before = client.get("/en/ceasefire/")
    assert client.get("/en/ceasefire/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        record_incident(
            by=SYSTEM,
            event_date="2026-08-02",
            **STRIKE,
            marking="public",
            fatalities=2,
            latitude=31.3436,
            longitude=34.3225,
        )
    after = client.get("/en/ceasefire/")
    assert after["X-Page-Cache"] == "stored"
    assert counted(after) == counted(before) + 1


def test_a_write_rolled_back_does_not_move_the_cache(demo):
    client = Client()
    client.get("/en/")
    with pytest.raises(RuntimeError, match="undone"):
        write_then_fail(SYSTEM, "2026-08-02")
    assert client.get("/en/")["X-Page-Cache"] == "hit"


def test_language_and_digits_have_pages_of_their_own(demo):
    client = Client()
    arabic = client.get("/ceasefire/").content.decode()
    english = client.get("/en/ceasefire/").content.decode()
    assert 'dir="rtl"' in arabic
    assert 'dir="ltr"' in english
    client.cookies["marsad_digits"] = "latn"
    latin = client.get("/ceasefire/")
    assert latin["X-Page-Cache"] == "stored"
    assert "6,208" in latin.content.decode() or "6٬208" in latin.content.decode()
    assert "٦٬٢٠٨" in arabic


def test_a_page_that_sets_a_cookie_is_not_kept(demo):
    anonymous = Client()
    anonymous.get("/en/digits/?style=latn&next=/en/")  # the digit style: a cookie of its own
    assert anonymous.get("/en/")["X-Page-Cache"] == "stored"
    assert Client().get("/en/login/").get("X-Page-Cache") is None


def test_visibility_classes(demo_users):
    from django.contrib.auth.models import AnonymousUser

    from marsad.core.audience import Audience

    assert visibility_class(AnonymousUser()) == visibility_class(demo_users["reader"]) == "public"
    assert visibility_class(demo_users["ita"]) == "nations:ITA"
    assert visibility_class(Audience("nations", ("FRA", "ITA"))) == "nations:FRA|ITA"
    assert visibility_class(demo_users["analyst"]) == "analyst"
    assert visibility_class(demo_users["admin"]) == "all"


@pytest.mark.parametrize("name", sorted(CACHED_PAGES))
def test_each_cached_page_answers_anonymous_readers_from_the_cache_without_queries(
    demo, name, django_assert_num_queries
):
    from django.urls import reverse

    client = Client()
    path = reverse(name)
    first = client.get(path)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "stored", name
    with django_assert_num_queries(0):
        again = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    assert again["X-Page-Cache"] == "hit"
    assert again["Content-Encoding"] == "gzip"


def test_an_incident_leaves_the_daily_series_kept_and_counts_at_once(
    demo, monkeypatch, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import AnonymousUser

    from marsad.ceasefire import summary

    computed = []
    series = summary._series
    monkeypatch.setattr(summary, "_series", lambda *a: computed.append(a) or series(*a))

    def coded():
        found = summary.summarize(AnonymousUser())
        return next((f.value for f in found.figures if f.definition == "coded_fatalities"), 0)

    before = coded()
    assert coded() == before
    with django_capture_on_commit_callbacks(execute=True):
        record_incident(
            by=SYSTEM,
            event_date="2026-08-03",
            **STRIKE,
            marking="public",
            fatalities=6,
            latitude=31.3436,
            longitude=34.3225,
        )
    assert coded() == before + 6
    assert len(computed) == 1
