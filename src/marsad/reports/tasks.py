"""The scheduled daily report: every day at settings.SITREP_HOUR (UTC), yesterday's report (the
last whole day) is issued as PDF in Arabic and English for each of settings.SITREP_AUDIENCES,
by the system. A report already issued for the same day, audience, language and format is not
issued again, so a restarted worker or a second run changes nothing."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from marsad.core.services.base import SystemUser

ISSUER = SystemUser("system:sitrep")
LANGUAGES = ("ar", "en")


def issue_all(day: date) -> list[str]:
    """Issue the report of `day` for every configured audience in both languages; the codes of
    what was issued now."""
    from marsad.reports.audience import parse_audience
    from marsad.reports.selectors import already_issued
    from marsad.reports.services import issue_daily

    done = []
    for code in settings.SITREP_AUDIENCES:
        audience = parse_audience(code, day=day)
        for language in LANGUAGES:
            if already_issued(
                ISSUER, day=day, audience=audience.code, language=language, fmt="pdf"
            ):
                continue
            issue_daily(by=ISSUER, day=day, audience=audience, language=language, fmt="pdf")
            done.append(f"{audience.code}/{language}")
    return done


@db_periodic_task(crontab(hour=str(settings.SITREP_HOUR), minute="0"))
def daily_sitrep() -> list[str]:
    """Yesterday's report for every configured audience, in both languages."""
    return issue_all(timezone.localdate() - timedelta(days=1))
