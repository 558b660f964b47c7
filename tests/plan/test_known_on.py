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


def test_point_texts_dependencies_and_preconditions_read_as_held(demo):
    from marsad.plan.sequencing import analyse_plan
    from marsad.plan.services import add_dependency, record_precondition

    plan = _plan()
    stated = selectors.preconditions(SYSTEM, plan).order_by("id").first()
    old_text, old_condition = _point(5).summary_en, stated.text_en
    twenty = _point(20)
    needed = next(
        n
        for n in range(1, 20)
        if n not in {p.number for p in twenty.depends_on.all()}
        and 20 not in {p.number for p in _point(n).depends_on.all()}
    )
    held = timezone.now()
    _correct(_point(5), summary_en="Corrected after the moment")
    _correct(stated, text_en="Reworded after the moment")
    add_dependency(by=SYSTEM, provision=twenty, on=needed)
    later = record_precondition(
        by=SYSTEM,
        party=stated.party.key,
        provision=_point(3),
        after=_point(4),
        statement=stated.statement_id,
        text_en="Added after the moment",
        marking="public",
    )

    then = {p.number: p for p in selectors.provisions(SYSTEM, plan, held)}
    assert then[5].summary_en == old_text
    assert needed not in {p.number for p in then[20].depends_on.all()}
    assert needed in {p.number for p in _point(20).depends_on.all()}
    conditions = {c.pk: c for c in selectors.preconditions_held(SYSTEM, plan, held)}
    assert later.pk not in conditions
    assert conditions[stated.pk].text_en == old_condition
    assert f"C{later.pk}" not in analyse_plan(SYSTEM, plan, known_on=held).preconditions
    assert f"C{later.pk}" in analyse_plan(SYSTEM, plan).preconditions

    page = Client().get("/en/plan/", {"known_on": held.isoformat()}).content.decode()
    assert old_text[:40] in page
    assert "Corrected after the moment" not in page
    assert "Corrected after the moment" in Client().get("/en/plan/").content.decode()
    api = Client().get("/api/v1/plan/provisions", {"known_on": held.isoformat()}).json()
    point = next(p for p in api if p["number"] == 20)
    assert needed not in point["depends_on"]
    assert next(p for p in api if p["number"] == 5)["summary_en"] == old_text
