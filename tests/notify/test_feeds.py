"""The Atom feed: valid Atom 1.0 (feedparser finds no error), entries in the address's language,
only what the owner may read now, and a revoked address answers 404."""

from __future__ import annotations

import feedparser
import pytest

from marsad.access import services as access
from marsad.core.services import gate
from marsad.notify.services import feed_token_issue, feed_token_revoke, subscription_create

pytestmark = pytest.mark.django_db
KS = "CROSSING-KEREM-SHALOM"


@pytest.fixture
def closed(system, crossings, liaison_fra, django_capture_on_commit_callbacks):
    access.record_status(by=system, crossing=KS, state="open", on="2025-11-01")
    subscription_create(by=liaison_fra, channel="atom", events=["crossing_status"])
    with django_capture_on_commit_callbacks(execute=True):
        return access.record_status(by=system, crossing=KS, state="closed", on="2025-11-20")


def test_the_feed_is_valid_atom(client, closed, liaison_fra):
    token = feed_token_issue(by=liaison_fra)
    answer = client.get(f"/en/notifications/feed/{token}.atom")
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(answer.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    (entry,) = parsed.entries
    assert entry.title == "Kerem Shalom crossing: closed (was open) from 2025-11-20"
    assert entry.link == "http://127.0.0.1:8000/en/access/crossings/CROSSING-KEREM-SHALOM/"
    arabic = feedparser.parse(client.get(f"/notifications/feed/{token}.atom").content)
    assert arabic.bozo == 0
    assert arabic.entries[0].title.startswith("معبر كرم أبو سالم")
    assert arabic.entries[0].link.endswith("/access/crossings/CROSSING-KEREM-SHALOM/")


def test_the_feed_shows_only_what_may_be_read_now(client, system, closed, liaison_fra):
    token = feed_token_issue(by=liaison_fra)
    # Narrowed with no job run (withdrawal lost): the feed still leaves it out.
    gate.store(closed, by=system, marking="nations", releasable_to=["ITA"])
    parsed = feedparser.parse(client.get(f"/notifications/feed/{token}.atom").content)
    assert parsed.bozo == 0
    assert parsed.entries == []


def test_a_revoked_or_unknown_feed_is_not_found(client, closed, liaison_fra):
    token = feed_token_issue(by=liaison_fra)
    feed_token_revoke(by=liaison_fra)
    assert client.get(f"/notifications/feed/{token}.atom").status_code == 404
    assert client.get("/notifications/feed/guess.atom").status_code == 404
    liaison_fra.is_active = False
    liaison_fra.save()
    again = feed_token_issue(by=liaison_fra)
    assert client.get(f"/notifications/feed/{again}.atom").status_code == 404
