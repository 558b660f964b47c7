"""The ceasefire dashboard `known_on`: the incidents, their figures and the daily reports as
Marsad held them at a moment, read from the history tables (not the kept daily counts, which are
today's knowledge); shown only to a reader who may read each record as marked then and now."""

from datetime import date
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from marsad.ceasefire import aggregates, selectors
from marsad.ceasefire.models import DailyReport
from marsad.ceasefire.services.figures import record_figure
from marsad.ceasefire.services.incidents import record_incident
from marsad.ceasefire.summary import summarize
from marsad.core.services import gate
from marsad.core.services.actors import create_source
from marsad.core.services.base import SystemUser
from tests.ceasefire.places import khan_younis

from .test_dashboard_tolls import STRIKE, readers, world  # noqa: F401

pytestmark = pytest.mark.django_db
SYSTEM = SystemUser("system:test")


def _correct(record, **values):
    """A correction of a stored record, through the write gate."""
    for name, value in values.items():
        setattr(record, name, value)
    return gate.store(record, by=SYSTEM)


def _incident_toll(found):
    return next(f.value for f in found.figures if f.source == "INCIDENTS")


def test_known_on_now_equals_the_kept_counts_for_every_reader(world, readers):  # noqa: F811
    now = timezone.now()
    for name, user in readers.items():
        for within in ({}, {"start": date(2025, 11, 2)}, {"pcode": "PS0270"}):
            kept = aggregates.day_areas(user, **within)
            held = aggregates.day_areas(user, known_on=now, **within)
            assert held == kept, (name, within)


def test_a_toll_corrected_and_an_incident_added_after_the_moment(system, world, readers):  # noqa: F811
    analyst = readers["analyst"]
    start = date(2025, 10, 31)
    before = aggregates.total_of(aggregates.day_areas(analyst, start=start))
    held = timezone.now()
    # The toll of `h` corrected (9 to 19) and one incident recorded later.
    _correct(world["h"], fatalities=19)
    record_incident(by=system, event_date="2025-11-05", **STRIKE, marking="public", fatalities=6)
    now = aggregates.total_of(aggregates.day_areas(analyst, start=start))
    assert now == before + 10 + 6
    then = aggregates.total_of(aggregates.day_areas(analyst, start=start, known_on=held))
    assert then == before


def test_a_figure_recorded_later_is_not_in_the_toll_known_before(system, world, readers):  # noqa: F811
    anonymous = readers["anonymous"]
    days = {"start": date(2025, 11, 5), "end": date(2025, 11, 5)}
    held = timezone.now()
    record_figure(
        by=system,
        source="MOH",
        reported_on="2025-11-21",
        incident=world["h"],
        marking="public",
        killed=2,
    )
    assert aggregates.total_of(aggregates.day_areas(anonymous, **days)) == 2
    assert aggregates.total_of(aggregates.day_areas(anonymous, known_on=held, **days)) == 9


def test_an_incident_narrowed_later_is_not_shown_in_its_old_form(system, world, readers):  # noqa: F811
    days = {"start": date(2025, 11, 5), "end": date(2025, 11, 5)}
    held = timezone.now()
    # `h` was public when held; later restricted to France.
    gate.store(world["h"], by=system, marking="nations", releasable_to=["FRA"])
    ita, fra, analyst = readers["ita"], readers["fra"], readers["analyst"]
    assert aggregates.day_areas(ita, known_on=held, **days) == {}
    assert aggregates.total_of(aggregates.day_areas(fra, known_on=held, **days)) == 9
    assert aggregates.total_of(aggregates.day_areas(analyst, known_on=held, **days)) == 9


def _report(source, day, killed):
    return DailyReport(
        source=source,
        report_date=day,
        report_source="daily",
        ext_killed=killed,
        ext_injured=1,
        ext_killed_cum=killed,
        ext_injured_cum=1,
        marking="public",
    )


def test_the_daily_series_known_on_reads_the_reports_as_held(system, states):
    source = create_source(
        by=system,
        key="GAZA-MOH",
        name_ar="وزارة",
        name_en="MoH",
        kind="official",
        marking="public",
    )
    first = _report(source, date(2025, 10, 12), 100)
    gate.store_batch(DailyReport, [first], by=system, ids=lambda r: "12", detail={})
    held = timezone.now()
    _correct(first, ext_killed=90)
    later = _report(source, date(2025, 10, 13), 110)
    gate.store_batch(DailyReport, [later], by=system, ids=lambda r: "13", detail={})
    now = selectors.daily_series(system, "GAZA-MOH")
    then = selectors.daily_series(system, "GAZA-MOH", held)
    assert [r.ext_killed for r in now] == [90, 110]
    assert [r.ext_killed for r in then] == [100]
    assert [k for k, _n, days in selectors.series_sources(system, held)] == ["GAZA-MOH"]
    assert summarize(system, known_on=held).known_on == held


@pytest.fixture
def dated(system, states):
    khan_younis(system)
    incident = record_incident(
        by=system,
        event_date="2025-11-05",
        **STRIKE,
        marking="public",
        fatalities=9,
        pcode="PS0270",
    )
    held = timezone.now()
    _correct(incident, fatalities=19)
    return held


def _page(client, **params):
    return client.get("/ceasefire/?" + urlencode(params))


def test_the_page_answers_known_on_and_says_so(dated):
    client = Client()
    now = _page(client, as_of="2025-11-30")
    assert now["X-Page-Cache"] == "stored"
    then = _page(client, as_of="2025-11-30", known_on=dated.isoformat())
    assert then.status_code == 200
    # The page cache keys on both: the answer as held is not the answer as known today.
    assert then["X-Page-Cache"] == "stored"
    page = then.content.decode()
    assert "كما عرفه مرصد في" in page
    assert 'name="known_on"' in page
    assert 'name="as_of"' in page
    held = summarize(AnonymousUser(), known_on=dated)
    assert _incident_toll(held) == 9
    assert _incident_toll(summarize(AnonymousUser())) == 19


def test_a_bad_known_on_is_named_in_arabic_and_the_api_refuses_it(dated):
    page = _page(Client(), known_on="yesterday").content.decode()
    start = page.index('role="alert"')
    refusal = page[start : page.index("</div>", start)]
    assert "كما عرفه مرصد في" in refusal
    assert "yesterday" in refusal
    api = Client().get("/api/v1/ceasefire/summary", {"known_on": "yesterday"})
    assert api.status_code in (400, 422)
    assert "known_on" in api.content.decode()


def test_the_api_and_the_command_answer_known_on(dated):
    from typer.testing import CliRunner

    from marsad.cli import app

    api = Client().get("/api/v1/ceasefire/summary", {"known_on": dated.isoformat()})
    assert api.status_code == 200
    assert api.json()["known_on"]
    result = CliRunner().invoke(
        app, ["ceasefire", "summary", "--json", "--known-on", dated.isoformat()]
    )
    assert result.exit_code == 0, result.output
    bad = CliRunner().invoke(app, ["ceasefire", "summary", "--known-on", "soon"])
    assert bad.exit_code != 0
    assert "--known-on" in bad.output


@pytest.mark.parametrize("extra", [0, 20])
def test_the_page_known_on_reads_a_bounded_number_of_statements(system, dated, extra):
    for n in range(extra):
        record_incident(
            by=system,
            event_date=f"2025-11-{1 + n % 20:02d}",
            **STRIKE,
            marking="public",
            fatalities=n,
            pcode="PS0270",
        )
    client = Client()
    _page(client, known_on="2025-01-01")  # warm up: sessions, shapes, names
    with CaptureQueriesContext(connection) as seen:
        assert _page(client, known_on=timezone.now().isoformat()).status_code == 200
    assert len(seen) <= 40, [q["sql"][:120] for q in seen]
