"""The ceasefire on the demo: killed since the truce by source and definition (the real
series), alerts with the two real anomalies, incidents with figures side by side, exports."""

import json

from django.test import Client

from marsad.ceasefire import mapdata
from marsad.ceasefire.models import Incident
from marsad.core.services.base import SystemUser


def get(path, **params):
    response = Client().get(path, params)
    return response


def test_killed_since_the_truce_matches_the_published_facts(demo):
    body = get("/api/v1/ceasefire/summary").json()
    figures = {
        f["definition"]: f["value"]
        for f in body["killed_since_truce"]
        if f["source"] == "GAZA-MOH" and f["rule"] == ""
    }
    assert figures == {
        "all_reported": 6208,
        "new_deaths": 1156,
        "recovered_bodies": 855,
        "committee_additions": 4110,
        "succumbed": 69,
    }
    reported = [f for f in body["killed_since_truce"] if f["definition"] == "as_reported"]
    assert reported[0]["value"] == 100  # "hundreds", as the source put it, beside the series
    mismatches = [w["day"] for w in body["warnings"] if w["kind"] == "truce_parts_mismatch"]
    assert mismatches == ["2026-07-09", "2026-07-19"]
    assert body["per_phase"][0]["killed"] + body["per_phase"][1]["killed"] == 1156


def test_dashboard_in_arabic_says_what_each_figure_counts(demo):
    html = get("/ceasefire/").content.decode()
    assert 'dir="rtl"' in html
    assert "٦٬٢٠٨" in html
    assert "١٬١٥٦" in html
    assert 'data-definition="new_deaths"' in html
    assert 'id="daily-chart"' in html
    assert 'id="governorate-map"' in html
    english = get("/en/ceasefire/").content.decode()
    assert "6,208" in english
    assert "new deaths" in english


def test_alerts_page_lists_spikes_and_data_warnings(demo):
    html = get("/en/ceasefire/alerts/").content.decode()
    assert html.count('data-kind="truce_parts_mismatch"') == 2
    assert "2025-10-29" in html  # the first spike of new deaths after the truce


def test_incident_filters_page_and_api_agree(demo):
    html = get("/en/ceasefire/incidents/", pcode="PS0270").content.decode()
    assert "East of Khan Younis" in html
    assert "East of Gaza City" not in html
    api = get("/api/v1/ceasefire/incidents", pcode="PS0270").json()
    assert [i["location"] for i in api["items"]] == ["East of Khan Younis"]
    bad = get("/api/v1/ceasefire/incidents", verification="rumour")
    assert bad.status_code == 422
    assert "verification" in bad.json()["detail"]
    page = get("/en/ceasefire/incidents/", start="2026-02-01", end="2026-01-01").content.decode()
    assert "is before the start" in page


def test_incident_page_shows_figures_violations_and_history(demo):
    incident = Incident.objects.get(location="East of Khan Younis")
    html = get(f"/en/ceasefire/incidents/{incident.pk}/").content.decode()
    assert "Casualty figures, source by source" in html
    assert "Hamas" in html
    assert "alleged" in html
    assert 'id="history"' in html


def test_exports_keep_iso_dates_and_hxl_tags(demo):
    response = get("/ceasefire/export/incidents.hxl.csv")
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[1].startswith("#event+id,#date,")
    assert "#affected+killed" in lines[1]
    assert "#meta+source" in lines[1]
    assert ",2026-01-25," in lines[2]
    geojson = json.loads(b"".join(get("/ceasefire/export/incidents.geojson").streaming_content))
    assert {f["geometry"]["type"] for f in geojson["features"]} == {"Point"}
    figures = b"".join(get("/ceasefire/export/figures.csv").streaming_content).decode()
    assert "hundreds of Palestinians" in figures
    assert get("/ceasefire/export/secrets.csv").status_code == 404


def test_map_clusters_when_there_are_many(demo, monkeypatch):
    monkeypatch.setattr(mapdata, "POINT_LIMIT", 1)
    clusters = get("/api/v1/ceasefire/map", zoom=10).json()
    assert clusters["mode"] == "clusters"
    assert sum(f["properties"]["count"] for f in clusters["features"]) == 2
    points = get("/api/v1/ceasefire/map", zoom=15).json()
    assert points["mode"] == "points"
    bad = get("/api/v1/ceasefire/map", bbox="north,south")
    assert bad.status_code == 422


def test_summary_command(demo):
    from typer.testing import CliRunner

    from marsad.cli import app

    result = CliRunner().invoke(app, ["ceasefire", "summary", "--json", "--as-of", "2026-08-22"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)["killed_since_truce"]
    assert {"all_reported", "new_deaths"} <= {f["definition"] for f in figures}
    text = CliRunner().invoke(app, ["ceasefire", "summary"])
    assert "6,208" in text.output


def test_restricted_incidents_stay_hidden(demo, demo_users):
    from marsad.ceasefire.services import record_incident

    secret = record_incident(
        by=SystemUser("t"),
        event_date="2026-02-01",
        event_type="Battles",
        sub_event_type="Armed clash",
        location="Secret place",
        marking="nations",
        releasable_to=["ITA"],
    )
    assert get(f"/en/ceasefire/incidents/{secret.pk}/").status_code == 404
    client = Client()
    client.force_login(demo_users["fra"])
    assert client.get(f"/en/ceasefire/incidents/{secret.pk}/").status_code == 404
    client.force_login(demo_users["ita"])
    assert client.get(f"/en/ceasefire/incidents/{secret.pk}/").status_code == 200
