"""The report holds only what every reader of its audience may read, and says so when a
section has nothing for the day."""

from datetime import date

from django.utils import translation

from marsad.core.audience import Audience
from marsad.core.services.base import SystemUser
from marsad.reports.render import render_html
from marsad.reports.sitrep import build, latest_day
from marsad.statements.services import record_statement

SYSTEM = SystemUser("system:test")
DAY = date(2026, 1, 27)
ITA_FRA = Audience("nations", ("FRA", "ITA"))


def _statement(quote, nations):
    return record_statement(
        by=SYSTEM,
        speaker="ITA",
        topic="coalition",
        on=DAY,
        stance="support",
        quote=quote,
        quote_language="en",
        marking="nations",
        releasable_to=nations,
    )


def test_a_record_released_to_ita_only_stays_out_of_an_ita_fra_report(demo):
    _statement("MARKER-ITA-ONLY", ["ITA"])
    _statement("MARKER-ITA-AND-FRA", ["ITA", "FRA"])
    with translation.override("en"):
        html = render_html(build(DAY, ITA_FRA), lang="en")
        ita = render_html(build(DAY, Audience("nations", ("ITA",))), lang="en")
    assert "MARKER-ITA-AND-FRA" in html
    assert "MARKER-ITA-ONLY" not in html
    assert "MARKER-ITA-ONLY" in ita
    # The demo's pledge released to Italy and the United States only is not in it either.
    assert "Releasable to: FRA, ITA" in html


def test_a_day_without_data_says_so_in_every_section(demo):
    with translation.override("en"):
        report = build(date(2020, 1, 1), ITA_FRA)
        html = render_html(report, lang="en")
    for key in ("ceasefire", "access", "statements", "intake", "plan"):
        section = report.section(key)
        assert not section.has_data, key
        assert not section.tables, key
        assert not section.items, key
    assert html.count("Nothing is recorded for this day in this section.") >= 5
    assert ">0<" not in html


def test_each_figure_has_its_source_and_the_last_day_of_the_series(demo):
    with translation.override("en"):
        report = build(DAY, ITA_FRA)
    ceasefire = report.section("ceasefire")
    assert ceasefire.has_data
    assert all(f.source for f in ceasefire.figures)
    assert any("24 hours" in f.label and f.value is not None for f in ceasefire.figures)
    access = report.section("access")
    assert any(f.label.startswith("Trucks received in the seven days") for f in access.figures)
    assert report.section("coalition").has_data


def test_the_default_day_is_the_latest_with_events(demo):
    assert latest_day(ITA_FRA) == DAY
    assert latest_day(Audience("public")) == DAY


def test_the_arabic_report_is_right_to_left_with_arabic_digits(demo):
    with translation.override("ar"):
        html = render_html(build(DAY, ITA_FRA), lang="ar")
    assert '<html lang="ar" dir="rtl">' in html
    assert "٢٠٢٦" in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "<svg" in html
    assert "font/woff2;base64," in html
