"""The scheduled job: yesterday's report for every configured audience, both languages, as PDF,
by the system; once per day, audience, language and format."""

from datetime import date, datetime

from django.conf import settings

from marsad.core.services.base import SystemUser
from marsad.reports import selectors
from marsad.reports.tasks import daily_sitrep, issue_all

SYSTEM = SystemUser("system:sitrep")


def test_the_scheduled_job_issues_once_per_day_audience_language_and_format(
    demo, settings, monkeypatch
):
    settings.SITREP_AUDIENCES = ["public", "ITA,FRA"]
    # Printing is tested once elsewhere (each Chromium launch costs seconds): here as HTML.
    monkeypatch.setattr(
        "marsad.reports.render.render_pdf", lambda html, **kwargs: html.encode("utf-8")
    )
    day = date(2026, 1, 27)
    assert sorted(issue_all(day)) == ["FRA,ITA/ar", "FRA,ITA/en", "public/ar", "public/en"]
    assert issue_all(day) == []
    assert selectors.issued(SYSTEM).filter(day=day).count() == 4


def test_the_job_runs_at_the_configured_hour():
    hour = settings.SITREP_HOUR
    assert daily_sitrep.task_class().validate_datetime(datetime(2026, 1, 28, hour, 0))
    assert not daily_sitrep.task_class().validate_datetime(datetime(2026, 1, 28, hour, 1))
    assert not daily_sitrep.task_class().validate_datetime(
        datetime(2026, 1, 28, (hour + 1) % 24, 0)
    )
