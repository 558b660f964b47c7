"""The casualty figures' page: each figure as its source gives it, with filters (source, days
reported, area, incident), the same filters as its API and exports, in a fixed number of
queries."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from marsad.ceasefire.models import CasualtyFigure
from tests.core.test_exports import hidden_copy


def page(path, user=None, **params):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client.get(path, params)


def test_the_figures_page_filters_by_source_day_area_and_incident(demo):
    every = page("/en/ceasefire/figures/").context["page"].paginator.count
    assert every == CasualtyFigure.objects.filter(marking="public").count()
    by_source = page("/en/ceasefire/figures/", source="GAZA-MOH").context["page"]
    assert 0 < by_source.paginator.count < every
    assert {f.source.key for f in by_source} == {"GAZA-MOH"}
    figure = CasualtyFigure.objects.filter(marking="public", incident__isnull=False).first()
    of_incident = page("/en/ceasefire/figures/", incident=figure.incident_id).context["page"]
    assert {f.incident_id for f in of_incident} == {figure.incident_id}
    day = figure.reported_on.isoformat()
    on_day = page("/en/ceasefire/figures/", start=day, end=day).context["page"]
    assert {f.reported_on for f in on_day} == {figure.reported_on}
    area = figure.incident.pcode
    in_area = page("/en/ceasefire/figures/", area=area).context["page"]
    assert all(f.area == area or f.incident.pcode == area for f in in_area)


def test_a_bad_filter_is_shown_with_its_name(demo):
    html = page("/en/ceasefire/figures/", start="2026-02-01", end="2026-01-01").content.decode()
    assert "end: is before the start" in html
    api = Client().get("/api/v1/ceasefire/figures", {"incident": "x"})
    assert api.status_code == 422


def test_the_figures_page_is_linked_and_arabic(demo):
    assert 'href="/ceasefire/figures/"' in page("/ceasefire/").content.decode()
    html = page("/ceasefire/figures/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "تصدير" in html
    assert 'href="/exports/figures.geojson"' in html


def _queries(url, user):
    client = Client()
    client.force_login(user)
    client.get(url)  # the reader's summary is read from the database once, then kept
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_page_queries_do_not_grow_with_the_figures(demo, demo_users):
    # The page only: the API tells per row whether evidence is withheld (docs/security.md).
    urls = ("/en/ceasefire/figures/",)
    small = [_queries(url, demo_users["ita"]) for url in urls]
    hidden_copy("figures", nations=(), n=4)
    hidden_copy("figures", n=4)
    assert [_queries(url, demo_users["ita"]) for url in urls] == small
