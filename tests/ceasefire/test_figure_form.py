"""A casualty figure recorded through the page, for an incident or for a period and an area:
written through the service, refused in Arabic beside its field, readable by whoever may read
everything it names."""

from marsad.ceasefire import selectors
from marsad.ceasefire.models import CasualtyFigure, Incident
from marsad.core import selectors as core
from tests.forms import client_of

FIGURE = {
    "source": "REUTERS",
    "reported_on": "2026-11-03",
    "killed_low": "0",
    "killed_high": "3",
    "children": "١",
    "wording": "بين صفر وثلاثة قتلى",
    "marking": "public",
}


def test_a_figure_is_recorded_for_an_incident_through_the_arabic_form(demo, demo_users):
    incident = Incident.objects.filter(marking="public").order_by("id").first()
    client = client_of(demo_users["analyst"])
    detail = client.get(f"/ceasefire/incidents/{incident.pk}/").content.decode()
    assert 'id="record-figure"' in detail
    form = client.get(f"/ceasefire/incidents/{incident.pk}/figures/new/").content.decode()
    assert 'data-widget="picker"' in form
    response = client.post(f"/ceasefire/incidents/{incident.pk}/figures/new/", FIGURE)
    assert response.status_code == 302
    figure = CasualtyFigure.objects.latest("id")
    assert (figure.incident_id, figure.source.key) == (incident.pk, "REUTERS")
    assert (figure.killed_low, figure.killed_best, figure.killed_high) == (0, None, 3)
    assert figure.children == 1
    # Whoever may read the figure may read what it names: its source and its incident.
    reader = demo_users["reader"]
    assert selectors.figures(reader).filter(pk=figure.pk).exists()
    assert core.sources(reader).filter(pk=figure.source_id).exists()
    assert selectors.incidents(reader).filter(pk=incident.pk).exists()


def test_a_figure_for_a_period_and_an_area(demo, demo_users):
    client = client_of(demo_users["analyst"])
    assert 'id="record-figure"' in client.get("/ceasefire/figures/").content.decode()
    response = client.post(
        "/ceasefire/figures/new/",
        {**FIGURE, "period_start": "2026-11-01", "period_end": "2026-11-02", "area": "PS0270"},
    )
    assert response.status_code == 302
    figure = CasualtyFigure.objects.latest("id")
    assert (figure.incident_id, figure.area, str(figure.period_start)) == (
        None,
        "PS0270",
        "2026-11-01",
    )


def test_a_refused_figure_keeps_what_was_typed_and_says_why_in_arabic(demo, demo_users):
    client = client_of(demo_users["analyst"])
    before = CasualtyFigure.objects.count()
    response = client.post("/ceasefire/figures/new/", {**FIGURE, "killed_high": "-3"})
    html = response.content.decode()
    assert response.status_code == 400
    assert CasualtyFigure.objects.count() == before
    assert 'data-error-for="killed_high"' in html
    assert "لا يجوز أن يكون العدد سالبًا" in html
    assert "بين صفر وثلاثة قتلى" in html  # what was typed
    empty = client.post(
        "/ceasefire/figures/new/", {**FIGURE, "killed_low": "", "killed_high": "", "children": ""}
    )
    assert "أدخل عدد القتلى أو عدد الجرحى على الأقل" in empty.content.decode()


def test_readers_who_may_not_write_see_no_link_and_are_refused(demo, demo_users):
    client = client_of(demo_users["reader"])
    assert 'id="record-figure"' not in client.get("/ceasefire/figures/").content.decode()
    assert client.get("/ceasefire/figures/new/").status_code == 403
