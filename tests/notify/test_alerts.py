"""Derived alerts: a spike of incidents after an import becomes one event, delivered to readers
whose own summary shows it (the import is internal: analysts, not the public), and not again at
the next evaluation."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from marsad.ceasefire.imports import import_acled
from marsad.notify import alerts, selectors
from marsad.notify.models import Event, KnownAlert
from marsad.notify.services import subscription_create
from tests.ceasefire import acled_fixture

pytestmark = pytest.mark.django_db
SPIKE_DAY = date(2025, 11, 20)


def _rows():
    rows = []
    for offset in range(30, 0, -1):
        day = SPIKE_DAY - timedelta(days=offset)
        rows.append(acled_fixture.row(f"D{offset}", event_date=day.isoformat(), fatalities="1"))
    for number in range(15):
        rows.append(acled_fixture.row(f"S{number}", event_date=SPIKE_DAY.isoformat()))
    return rows


def test_a_spike_after_an_import_is_announced_once(
    system, analyst, make_user, tmp_path, django_capture_on_commit_callbacks
):
    public = make_user("public", username="citizen")
    for user in (analyst, public):
        subscription_create(by=user, channel="app", events=["spike_alert"])
    path = acled_fixture.write(tmp_path / "acled.csv", _rows())
    with django_capture_on_commit_callbacks(execute=True):
        report = import_acled(by=system, path=path, marking="internal")
    assert report.created == 45
    (notification,) = selectors.notifications(analyst)
    assert notification.event.kind == "spike_alert"
    assert notification.title_en.startswith("Spike of incidents on 2025-11-20: 15")
    assert notification.link == "/ceasefire/alerts/"
    assert not selectors.notifications(public).exists()  # the public reads no internal incident
    assert KnownAlert.objects.filter(kind="spike_alert", key="incidents:2025-11-20").exists()
    # Evaluated again: known already, no new event.
    assert alerts.evaluate("spike_alert") == []
    assert Event.objects.filter(kind="spike_alert").count() == 1


def test_nothing_is_evaluated_without_followers(system, tmp_path):
    assert alerts.evaluate("spike_alert") == []
    assert not KnownAlert.objects.exists()
