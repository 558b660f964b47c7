"""A state's page on a day: `as_of` (the state of things that day, by today's knowledge) and
`known_on` (what Marsad held that day, from the history tables), one naming on pages and API;
history read only where the record is readable as it was marked then and as it is now."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from marsad.coalition.services import record_pledge, set_pledge_status
from marsad.core.models import Actor
from marsad.core.moments import Moments, end_of, moment
from marsad.core.services import gate
from marsad.core.services.actors import create_actor
from marsad.core.services.base import SystemUser

SYSTEM = SystemUser("system:test")
pytestmark = pytest.mark.django_db


@pytest.fixture
def force(states):
    return create_actor(
        by=SYSTEM, key="ISF", kind="force", name_ar="قوة", name_en="Force", marking="public"
    )


def _pledges(client, url):
    page = client.get(url).content.decode()
    return page[page.index('id="pledges"') if 'id="pledges"' in page else 0 :]


def test_as_of_keeps_what_was_so_that_day(force):
    record_pledge(
        by=SYSTEM,
        nation="ITA",
        body="ISF",
        kind="troops",
        quantity=100,
        announced="2026-01-10",
        marking="public",
    )
    record_pledge(
        by=SYSTEM,
        nation="ITA",
        body="ISF",
        kind="police_trainers",
        quantity=200,
        announced="2026-02-10",
        marking="public",
    )
    from marsad.coalition.dated import dated_profile

    now = dated_profile(SYSTEM, "ITA", Moments())
    then = dated_profile(SYSTEM, "ITA", Moments.parse({"as_of": "2026-01-31"}))
    assert len(now.pledges) == 2
    assert [p.kind for p in then.pledges] == ["troops"]
    page = Client().get("/en/coalition/states/ITA/?as_of=2026-01-31")
    assert page.status_code == 200
    assert 'id="moments-said"' in page.content.decode()


def test_known_on_reads_what_marsad_held_that_day(force):
    pledge = record_pledge(
        by=SYSTEM, nation="ITA", body="ISF", kind="troops", quantity=100, marking="public"
    )
    held = timezone.now()
    set_pledge_status(by=SYSTEM, pledge=pledge, status="withdrawn")
    from marsad.coalition.dated import dated_profile

    today = dated_profile(SYSTEM, "ITA", Moments())
    assert today.pledges[0].status == "withdrawn"
    before = dated_profile(SYSTEM, "ITA", Moments(known_on=held))
    assert [p.status for p in before.pledges] == ["offered"]
    # A day before anything was recorded: Marsad held nothing, not even the state.
    with pytest.raises(Actor.DoesNotExist):
        dated_profile(SYSTEM, "ITA", Moments(known_on=held - timedelta(days=3650)))


def test_known_on_needs_the_record_readable_then_and_now(force, liaison_ita):
    secret = create_actor(
        by=SYSTEM,
        key="CELL-7",
        kind="organization",
        name_ar="خلية",
        name_en="Cell",
        marking="internal",
    )
    held = timezone.now()
    # Released later: its past version, when it was internal, stays closed to the liaison.
    gate.store(secret, by=SYSTEM, marking="public")
    from marsad.core import history

    assert not history.known_on(Actor, liaison_ita, held).filter(key="CELL-7").exists()
    assert history.known_on(Actor, liaison_ita, timezone.now()).filter(key="CELL-7").exists()
    # Restricted later: its past public version is no longer shown to the liaison.
    gate.store(secret, by=SYSTEM, marking="internal")
    later = timezone.now()
    assert (
        not history.known_on(Actor, liaison_ita, later - timedelta(microseconds=1))
        .filter(key="CELL-7")
        .exists()
    )


def test_one_naming_for_dates_and_moments():
    assert moment("2026-02-01") == end_of(timezone.datetime(2026, 2, 1).date())
    assert moment("") is None
    assert Moments.parse({"as_of": "٢٠٢٦-٠٢-٠١"}).as_of.isoformat() == "2026-02-01"
    from marsad.core.errors import InvalidInput

    with pytest.raises(InvalidInput) as caught:
        Moments.parse({"known_on": "yesterday"})
    assert caught.value.problems[0].field == "known_on"


def test_the_ceasefire_dashboard_answers_as_of_and_known_on(db):
    page = Client().get("/en/ceasefire/?as_of=2026-01-01").content.decode()
    assert 'id="moments-said"' in page
    held = Client().get("/en/ceasefire/?known_on=2026-01-01").content.decode()
    assert "as Marsad held it on" in held
    assert 'role="alert"' not in held
