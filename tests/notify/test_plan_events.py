"""The plan's events on the demo: its sequencing deadlock (points 13 and 16) announced once to
those who follow deadlocks; a score change told with the score before it, only to readers of
its marking."""

from __future__ import annotations

import pytest

from marsad.notify import alerts, dispatch, selectors
from marsad.notify.services import subscription_create
from marsad.plan import selectors as plan_selectors
from marsad.plan.services import record_score
from tests.conftest import SYSTEM

pytestmark = pytest.mark.django_db


def test_the_demo_deadlock_is_announced_once(demo_users):
    for name in ("analyst", "reader"):
        subscription_create(by=demo_users[name], channel="app", events=["plan_deadlock"])
    created = alerts.evaluate("plan_deadlock")
    assert [event.detail["points"] for event in created] == [[13, 16]]
    dispatch.dispatch_pending()
    for name in ("analyst", "reader"):
        (notification,) = selectors.notifications(demo_users[name])
        assert notification.title_en == (
            "New deadlock in the plan: points 13, 16 wait for one another"
        )
        assert notification.link == "/plan/sequencing/"
    assert alerts.evaluate("plan_deadlock") == []


def test_a_score_change_reaches_only_readers_of_its_marking(
    demo_users, django_capture_on_commit_callbacks
):
    for name in ("analyst", "reader"):
        subscription_create(by=demo_users[name], channel="app", events=["plan_score"])
    plan = plan_selectors.main_plan(SYSTEM)
    point = plan_selectors.provisions(SYSTEM, plan).get(number=13)
    before = plan_selectors.scores(demo_users["analyst"], point).last()
    with django_capture_on_commit_callbacks(execute=True):
        record_score(by=SYSTEM, provision=point, score=2, on="2025-12-01", marking="internal")
    (notification,) = selectors.notifications(demo_users["analyst"])
    assert notification.title_en == (f"Plan point 13: score 2 (was {before.score}) from 2025-12-01")
    assert not selectors.notifications(demo_users["reader"]).exists()
