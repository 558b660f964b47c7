"""The plan tracker and its API `known_on`: the scores as Marsad held them at a moment (from the
history tables), beside `as_of` (the score in force on a day by today's knowledge); a score
narrowed later is not shown in its old form to a reader who may no longer read it."""

from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from marsad.core.services import gate
from marsad.core.services.base import SystemUser
from marsad.plan import selectors
from marsad.plan.services import record_score

SYSTEM = SystemUser("system:test")


def _correct(record, **values):
    """A correction of a stored record, through the write gate."""
    for name, value in values.items():
        setattr(record, name, value)
    return gate.store(record, by=SYSTEM)


def _plan():
    return selectors.main_plan(SYSTEM)


def _point(number):
    return selectors.provisions(SYSTEM, _plan()).get(number=number)


def _row(html, number):
    start = html.index(f'<tr data-number="{number}"')
    return html[start : html.index(">", start)]


def test_a_score_changed_or_added_later_shows_as_it_was_held(demo):
    held = timezone.now()
    five = _point(5)
    change = selectors.scores(SYSTEM, five).last()
    _correct(change, score=2)  # corrected after the moment
    record_score(by=SYSTEM, provision=_point(1), score=3, on=date.today(), marking="public")
    now = Client().get("/en/plan/").content.decode()
    then = Client().get("/en/plan/", {"known_on": held.isoformat()}).content.decode()
    assert 'data-score="2"' in _row(now, 5)
    assert 'data-score="3"' in _row(then, 5)
    assert 'data-score="3"' in _row(now, 1)
    assert 'data-score="3"' not in _row(then, 1)
    assert "as Marsad held it on" in then
    api = Client().get("/api/v1/plan/provisions", {"known_on": held.isoformat()}).json()
    assert next(p for p in api if p["number"] == 5)["score"] == 3
    scores = selectors.current_scores(SYSTEM, _plan(), as_of=change.on, known_on=held)
    assert scores[five] == 3


def test_a_score_narrowed_later_is_not_shown_in_its_old_form(demo, demo_users):
    held = timezone.now()
    one = _point(1)
    record_score(by=SYSTEM, provision=one, score=3, on="2025-10-01", marking="public")
    after = timezone.now()
    change = selectors.scores(SYSTEM, one).filter(score=3, on="2025-10-01").get()
    gate.store(change, by=SYSTEM, marking="nations", releasable_to=["FRA"])
    ita, fra = demo_users["ita"], demo_users["fra"]
    day = date(2025, 10, 1)

    def score(user, when):
        return selectors.current_scores(user, _plan(), as_of=day, known_on=when)[one]

    assert score(ita, after) != 3
    assert score(fra, after) == 3
    assert score(demo_users["analyst"], after) == 3
    assert score(fra, held) != 3


def test_a_bad_known_on_is_named(demo):
    html = Client().get("/plan/", {"known_on": "أمس"}).content.decode()
    start = html.index('role="alert"')
    refusal = html[start : html.index("</div>", start)]
    assert "كما عرفه مرصد في" in refusal
    assert "أمس" in refusal
    assert Client().get("/api/v1/plan/provisions", {"known_on": "x"}).status_code == 422


@pytest.mark.parametrize("extra", [0, 5])
def test_the_tracker_known_on_reads_a_bounded_number_of_statements(demo, demo_users, extra):
    for n in range(extra):
        record_score(by=SYSTEM, provision=_point(2 + n), score=1, on="2025-11-01")
    client = Client()
    client.force_login(demo_users["analyst"])
    when = timezone.now().isoformat()
    client.get("/en/plan/")  # warm up: the session, the reader
    cache.clear()
    with CaptureQueriesContext(connection) as seen:
        assert client.get("/en/plan/", {"known_on": when}).status_code == 200
    assert len(seen) <= 100, len(seen)
