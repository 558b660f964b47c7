"""The home page's situation: one answer per question, each a link to its page, counted only
from what the reader's audience may read, in a fixed number of queries."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from marsad.web.situation import situation

pytestmark = pytest.mark.django_db
# The same ceiling holds for an empty database (test_situation_empty.py).
MAX_QUERIES = 30
CARDS = ("ceasefire", "crossings", "trucks", "force", "plan", "refusals", "warnings")


def card(html, name):
    return html.split(f'id="situation-{name}"')[1].split('<div class="col">')[0]


def test_the_home_answers_each_question_with_a_link_in_the_readers_language(demo):
    english = Client().get("/en/").content.decode()
    arabic = Client().get("/").content.decode()
    for name in CARDS:
        assert "<a href=" in card(english, name), name
    assert 'href="/en/ceasefire/"' in card(english, "ceasefire")
    assert 'href="/en/access/"' in card(english, "crossings")
    assert "killed since the truce" in card(english, "ceasefire")
    assert "منذ الهدنة" in card(arabic, "ceasefire")
    assert 'href="/ceasefire/"' in card(arabic, "ceasefire")
    # Arabic digits on Arabic pages, by default.
    assert "٦" in card(arabic, "ceasefire") or "٢" in card(arabic, "ceasefire")


def test_the_situation_counts_only_what_the_reader_may_read(demo, demo_users):
    public = situation(AnonymousUser())
    analyst = situation(demo_users["analyst"])
    assert public.requirements <= analyst.requirements
    assert len(public.refusals) <= 3
    assert public.crossings_total == sum(public.crossings.values())
    client = Client()
    client.force_login(demo_users["analyst"])
    assert client.get("/en/").status_code == 200


def test_the_situation_takes_a_fixed_number_of_queries(demo, demo_users):
    for reader in (AnonymousUser(), demo_users["analyst"], demo_users["ita"]):
        with CaptureQueriesContext(connection) as captured:
            situation(reader)
        assert len(captured) <= MAX_QUERIES, reader
