"""The default scenario played end to end on a fresh exercise database (here: the test
database, with the demo loaded, run as exercise "drill"): injects arrive as the controller
advances the clock, two trainees review, a daily report is issued, and the after-action figures
are exactly what the trainees did."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from marsad.core.errors import InvalidInput, NotAllowed
from marsad.core.models import Claim
from marsad.core.services.users import create_user
from marsad.exercises import clock
from marsad.exercises.loader import load
from marsad.exercises.models import ClockState, Inject
from marsad.exercises.review import review
from marsad.exercises.scenario import read
from tests.conftest import PASSWORD, SYSTEM

DAY = date(2026, 2, 10)


class Wall:
    """A wall clock the test moves by hand, so that minutes to review are exact."""

    def __init__(self) -> None:
        self.now = timezone.now().replace(microsecond=0)

    def __call__(self):  # noqa: ANN204 - stands in for timezone.now
        return self.now

    def move(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)


@pytest.fixture
def drill(demo, monkeypatch):
    wall = Wall()
    monkeypatch.setattr(timezone, "now", wall)
    with override_settings(EXERCISE="drill"):
        loaded = load(read(None), name="drill", demo=False)
        users = {
            name: create_user(by=SYSTEM, username=name, role=role, password=PASSWORD)
            for name, role in (("ctl", "controller"), ("huda", "analyst"), ("omar", "analyst"))
        }
        yield loaded, users, wall


def _claims(key: str) -> list[Claim]:
    document = Inject.objects.get(key=key).document
    assert document is not None, f"{key} was not delivered"
    return list(Claim.objects.filter(document=document).order_by("pk"))


def _one(claims: list[Claim], claim_type: str, **attributes: str) -> Claim:
    found = [
        c
        for c in claims
        if c.type == claim_type and all(c.attributes.get(k) == v for k, v in attributes.items())
    ]
    assert len(found) == 1, (claim_type, [(c.type, c.attributes) for c in claims])
    return found[0]


def test_the_default_scenario_end_to_end(drill):
    from marsad.intake.services import accept, reject
    from marsad.notify import dispatch
    from marsad.notify.models import Notification
    from marsad.notify.services import notification_read, subscription_create
    from marsad.reports.audience import parse_audience
    from marsad.reports.services import issue_daily

    loaded, users, wall = drill
    ctl, huda, omar = users["ctl"], users["huda"], users["omar"]
    assert (loaded.injects, loaded.truths, loaded.key_facts) == (9, 8, 2)
    for trainee in (huda, omar):
        subscription_create(by=trainee, channel="app", events=["crossing_status"])
    with pytest.raises(NotAllowed):
        clock.start(by=huda)

    clock.start(by=ctl)
    clock.advance(by=ctl, to="D+0 11:00")
    arrived = {i.key for i in Inject.objects.filter(delivered_at__isnull=False)}
    assert arrived == {
        "strike-moh-ar",
        "strike-incident",
        "strike-army-en",
        "kerem-shalom-closed",
        "closure-ar",
    }
    assert Inject.objects.get(key="closure-ar").arrived == "D+0 11:00"
    with pytest.raises(InvalidInput):
        clock.advance(by=ctl, to="D+0 10:00")  # never back
    dispatch.dispatch_pending()

    wall.move(10)
    moh = _claims("strike-moh-ar")
    accept(by=huda, claim=_one(moh, "attack"))
    accept(by=huda, claim=_one(moh, "casualties"))
    wall.move(10)
    closure = _claims("closure-ar")
    accept(by=huda, claim=_one(closure, "corridor_status", status="closed"))
    accept(by=huda, claim=_one(closure, "aid_delivery"))  # not a claim of this report
    reject(by=huda, claim=_one(closure, "attack"))
    wall.move(10)
    army = _claims("strike-army-en")
    accept(by=omar, claim=_one(army, "attack"))
    reject(by=omar, claim=_one(army, "casualties"))  # the disputed toll: a miss

    wall.move(10)
    clock.advance(by=ctl, to="D+0 16:00")
    assert Inject.objects.filter(delivered_at__isnull=True).count() == 0
    wall.move(15)
    refusals = _claims("refusal-en")
    accept(by=omar, claim=_one(refusals, "comment_refusal", kind="declined_comment"))

    mine = Notification.objects.filter(recipient=huda).get()
    assert mine.title_en.startswith("EXERCISE — drill · ")
    assert mine.title_ar.startswith("تمرين — drill · ")
    notification_read(by=huda, pk=mine.pk)
    report = issue_daily(
        by=huda, day=DAY, audience=parse_audience("force", day=DAY), language="en", fmt="html"
    )
    content = bytes(report.content).decode()
    assert "EXERCISE — drill" in content
    wall.move(5)
    ended = clock.end(by=ctl)
    assert ended.state == ClockState.ENDED

    result = review(ctl)
    rows = {row.name: row for row in result.analysts}
    assert set(rows) == {"huda", "omar"}
    h, o, team = rows["huda"], rows["omar"], result.team
    assert (h.right, h.wrong, h.missed, h.rejected) == (3, 1, 0, 1)
    assert (h.precision, h.recall) == (0.75, 1.0)
    assert h.minutes_to_review == 20.0  # 10, 10, 20, 20, 20
    assert (o.right, o.wrong, o.missed, o.rejected) == (2, 0, 2, 1)
    assert (o.precision, o.recall) == (1.0, 0.5)
    assert o.minutes_to_review == 30.0  # 30, 30, 15
    assert (h.alerts, h.alerts_read, o.alerts, o.alerts_read) == (1, 1, 1, 0)
    assert (team.right, team.wrong, team.missed) == (5, 1, 3)
    assert team.precision == 5 / 6
    assert team.recall == 5 / 8
    assert team.minutes_to_review == 20.0
    assert result.truths == 8
    assert result.missed == ["strike-army-toll", "refusal-mfa", "invitation-accepted"]
    [check] = result.reports
    assert check.report_id == report.pk
    assert check.carried == {"strike-place": True, "crossing-closed": True}


def test_an_ended_exercise_keeps_its_clock(drill):
    _loaded, users, _wall = drill
    clock.end(by=users["ctl"])
    with pytest.raises(InvalidInput):
        clock.start(by=users["ctl"])


def _add_injects(count: int) -> None:
    last = Inject.objects.order_by("-at").first()
    for n in range(count):
        Inject.objects.create(
            key=f"extra-{n}-{Inject.objects.count()}",
            at=(last.at if last else 0) + n + 1,
            kind="statement",
            line=1,
            payload={"speaker": "OHCHR-OPT", "topic": "human_rights", "stance": "concern"},
        )


def test_the_controller_pages(drill, client, django_assert_max_num_queries):
    _loaded, users, _wall = drill
    client.force_login(users["ctl"])
    page = client.get("/en/exercise/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "EXERCISE — <bdi>drill</bdi>" in text
    assert "تمرين — <bdi>drill</bdi>" in text
    assert "strike-moh-ar" in text
    answer = client.post("/en/exercise/clock/", {"action": "advance", "to": "D+0 08:00"})
    assert answer.status_code == 302
    assert Inject.objects.get(key="strike-moh-ar").delivered_at is not None
    bad = client.post("/en/exercise/clock/", {"action": "advance", "to": "tomorrow"}, follow=True)
    assert "Write a time like D+0 12:00 (day of the exercise, hour)." in bad.content.decode()
    assert client.get("/exercise/review/").status_code == 200
    html = client.get("/en/exercise/review.html")
    assert html["Content-Disposition"].endswith('review-en.html"')
    assert b"EXERCISE \xe2\x80\x94 drill" in html.content
    assert client.get("/en/exercise/review.doc").status_code == 404


def test_the_control_page_queries_do_not_grow_with_injects(
    drill, client, django_assert_max_num_queries
):
    _loaded, users, _wall = drill
    client.force_login(users["ctl"])
    for size in (10, 40):
        _add_injects(size)
        with django_assert_max_num_queries(12):
            assert client.get("/en/exercise/").status_code == 200
        with django_assert_max_num_queries(25):
            assert client.get("/en/exercise/review/").status_code == 200


def test_trainees_and_the_live_system_do_not_reach_the_controls(drill, client):
    _loaded, users, _wall = drill
    client.force_login(users["huda"])
    assert client.get("/en/exercise/").status_code == 403
    assert client.post("/en/exercise/clock/", {"action": "start"}).status_code == 403
    assert "EXERCISE — <bdi>drill</bdi>" in client.get("/en/").content.decode()
    with override_settings(EXERCISE=""):
        client.force_login(users["ctl"])
        assert client.get("/en/exercise/").status_code == 404
        assert "exercise-banner" not in client.get("/en/").content.decode()


def test_exports_say_exercise(drill, client):
    _loaded, users, _wall = drill
    client.force_login(users["huda"])
    answer = client.get("/exports/statements.csv")
    assert answer.status_code == 200
    assert 'filename="marsad-EXERCISE-drill-statements.csv"' in answer["Content-Disposition"]
    body = b"".join(answer.streaming_content).decode()
    assert "EXERCISE drill: " in body


def test_a_scenario_naming_an_unknown_source_creates_nothing(demo):
    from marsad.exercises.models import Clock
    from marsad.exercises.scenario import DEFAULT, ScenarioError, parse

    text = DEFAULT.read_text(encoding="utf-8").replace(
        'source = "MARSAD-DIGEST-EN"', 'source = "NOBODY-NEWS"', 1
    )
    with override_settings(EXERCISE="drill"), pytest.raises(ScenarioError) as caught:
        load(parse(text), name="drill", demo=False)
    assert [p.field for p in caught.value.problems] == ["source"]
    assert Clock.objects.count() == 0
    assert Inject.objects.count() == 0


def test_a_running_clock_queues_what_it_reaches_every_minute(drill):
    from marsad.exercises.tasks import exercise_tick

    _loaded, users, wall = drill
    clock.start(by=users["ctl"])
    assert Inject.objects.filter(delivered_at__isnull=False).count() == 0
    wall.move(7 * 60 + 31)  # the wall clock carries the exercise to D+0 07:31
    exercise_tick.call_local()
    assert [i.key for i in Inject.objects.filter(delivered_at__isnull=False)] == ["strike-moh-ar"]
