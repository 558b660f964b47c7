"""Crossings and corridors `known_on`: each status step as Marsad held it at a moment (from the
history tables), beside `as_of` (the step in force on a day, by today's knowledge); a step
narrowed later is not shown in its old form to a reader who may no longer read it."""

from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from marsad.access import selectors
from marsad.access.services.timeline import record_status
from marsad.core.services import gate
from marsad.core.services.base import SystemUser

SYSTEM = SystemUser("system:test")


def _correct(record, **values):
    """A correction of a stored record, through the write gate."""
    for name, value in values.items():
        setattr(record, name, value)
    return gate.store(record, by=SYSTEM)


KS = "CROSSING-KEREM-SHALOM"


def _status(**params):
    return Client().get("/api/v1/access/status", params).json()["statuses"]


def test_a_step_corrected_or_added_later_shows_as_it_was_held(demo):
    step = selectors.status_on(SYSTEM, timezone.datetime(2025, 12, 1).date())[KS]
    held = timezone.now()
    _correct(step, state="closed")  # corrected after the moment
    record_status(by=SYSTEM, crossing=KS, state="restricted", on="2025-12-01")
    assert _status(as_of="2025-11-30")[KS]["state"] == "closed"
    assert _status(as_of="2025-11-30", known_on=held.isoformat())[KS]["state"] == "open"
    assert _status(as_of="2025-12-01")[KS]["state"] == "restricted"
    assert _status(as_of="2025-12-01", known_on=held.isoformat())[KS]["state"] == "open"
    # `date`, the older name of `as_of`, is still read.
    assert _status(date="2025-12-01")[KS]["state"] == "restricted"
    page = Client().get(
        f"/en/access/crossings/{KS}/", {"as_of": "2025-12-01", "known_on": held.isoformat()}
    )
    html = page.content.decode()
    assert 'data-state="open"' in html[html.index('id="state-on-day"') :][:600]
    assert "as Marsad held it on" in html
    timeline = (
        Client()
        .get(f"/api/v1/access/crossings/{KS}/statuses", {"known_on": held.isoformat()})
        .json()
    )
    assert "restricted" not in [s["state"] for s in timeline]
    dashboard = Client().get("/en/access/", {"as_of": "2025-12-01", "known_on": held.isoformat()})
    assert f'data-crossing="{KS}" data-state="open"' in dashboard.content.decode()


def test_a_step_narrowed_later_is_not_shown_in_its_old_form(demo, demo_users):
    record_status(by=SYSTEM, crossing=KS, state="restricted", on="2025-12-02")
    held = timezone.now()
    step = selectors.status_on(SYSTEM, timezone.datetime(2025, 12, 2).date())[KS]
    gate.store(step, by=SYSTEM, marking="nations", releasable_to=["FRA"])
    day = timezone.datetime(2025, 12, 2).date()
    ita, fra = demo_users["ita"], demo_users["fra"]
    assert selectors.status_on(ita, day, held)[KS].state != "restricted"
    assert selectors.status_on(fra, day, held)[KS].state == "restricted"
    assert selectors.status_on(demo_users["analyst"], day, held)[KS].state == "restricted"


def test_a_bad_known_on_is_named(demo):
    html = Client().get("/access/", {"known_on": "غدا"}).content.decode()
    start = html.index('role="alert"')
    refusal = html[start : html.index("</div>", start)]
    assert "كما عرفه مرصد في" in refusal
    assert "غدا" in refusal
    assert Client().get("/api/v1/access/status", {"known_on": "x"}).status_code == 422
    assert (
        Client().get(f"/api/v1/access/crossings/{KS}/statuses", {"known_on": "x"}).status_code
        == 422
    )


@pytest.mark.parametrize("extra", [0, 10])
@pytest.mark.parametrize("path", ["/en/access/", f"/en/access/crossings/{KS}/"])
def test_the_pages_known_on_read_a_bounded_number_of_statements(demo, demo_users, extra, path):
    for n in range(extra):
        day = date(2025, 12, 10 + n)
        before = selectors.status_on(SYSTEM, day)[KS].state
        # A closed crossing comes back as restricted (or reopened), never straight to open.
        state = "closed" if before == "restricted" else "restricted"
        record_status(by=SYSTEM, crossing=KS, state=state, on=day)
    client = Client()
    client.force_login(demo_users["analyst"])
    client.get(path)
    cache.clear()
    when = timezone.now().isoformat()
    with CaptureQueriesContext(connection) as seen:
        assert client.get(path, {"known_on": when}).status_code == 200
    assert len(seen) <= 60, len(seen)
