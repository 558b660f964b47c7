"""In an exercise, each daily report issued is read at once for the scenario's key facts, so
that the after-action review can say whether the report carried them (a PDF is read through
the HTML it was printed from, built again in the same transaction)."""

from __future__ import annotations

import html
from typing import Any

from marsad.core.events import Written
from marsad.core.services import gate
from marsad.exercises import mode
from marsad.exercises.models import KeyFact, ReportCheck


def _text(report: Any) -> str:
    if report.format == "html":
        return bytes(report.content).decode("utf-8", "replace")
    from django.utils import translation

    from marsad.reports.audience import parse_audience
    from marsad.reports.render import render_html
    from marsad.reports.sitrep import build

    audience = parse_audience(report.audience, day=report.day)
    with translation.override(report.language):
        return render_html(build(report.day, audience), lang=report.language)


def carried(text: str, facts: list[KeyFact]) -> dict[str, bool]:
    plain = html.unescape(text).casefold()
    return {
        fact.key: fact.text_ar.casefold() in plain or fact.text_en.casefold() in plain
        for fact in facts
    }


def on_write(written: Written) -> None:
    if written.action != "create" or not mode.current():
        return
    from marsad.reports.models import IssuedReport

    if written.model is not IssuedReport:
        return
    facts = list(KeyFact.objects.order_by("pk"))
    for report in written.records:
        check = ReportCheck(
            report_id=report.pk,
            day=report.day,
            audience=report.audience,
            language=report.language,
            format=report.format,
            issued_by=report.issued_by,
            issued_at=report.issued_at,
            carried=carried(_text(report), facts),
        )
        gate.store(check, by=written.writer)
