"""The ceasefire on the demo: killed since the truce by source and definition (the real
series), alerts with the two real anomalies, incidents with figures side by side, exports."""

import json
import re

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
    # The days a series went without a report are counted in the page's digits too.
    missing = re.findall(r"\(([^()<]+) (?:يومًا|يوم|أيام) بلا تقرير\)", html)
    assert missing
    assert all(re.fullmatch("[٠-٩٬]+", n) for n in missing), missing
    english = get("/en/ceasefire/").content.decode()
    assert "6,208" in english
    assert "new deaths" in english
    assert re.search(r"\(\d+ days? without a report\)", english)


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


def _khan_younis():
    return Incident.objects.get(location="East of Khan Younis")


def test_incident_shows_competing_figures_side_by_side(demo):
    html = get(f"/en/ceasefire/incidents/{_khan_younis().pk}/").content.decode()
    assert '<tr data-source="GAZA-MOH">' in html
    assert '<tr data-source="IDF">' in html
    assert "إن أربعة فلسطينيين قُتلوا" in html  # each source in its own words
    assert "two militants" in html
    assert "Most conservative figure (ACLED&#x27;s rule)" in html or "Most conservative" in html
    api = get("/api/v1/ceasefire/figures", incident=_khan_younis().pk).json()
    assert sorted((f["source"], f["killed_best"]) for f in api["items"]) == [
        ("GAZA-MOH", 4),
        ("IDF", 2),
    ]


def _bearer(user):
    from marsad.core.services.users import issue_token

    return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(by=SystemUser('t'), user=user)}"}


def _claim_of(incident):
    return incident.figures.get(source__key="GAZA-MOH").claims.get().pk


def test_api_changes_verification_and_determination_for_analysts_only(demo, demo_users):
    incident = _khan_younis()
    violation = incident.violations.get()
    url = f"/api/v1/ceasefire/incidents/{incident.pk}/verification"
    body = {
        "verification": "corroborated",
        "reason": "Two sources",
        "claims": [_claim_of(incident)],
    }
    client = Client()
    anonymous = client.post(url, body, content_type="application/json")
    assert anonymous.status_code == 403
    liaison = client.post(url, body, content_type="application/json", **_bearer(demo_users["ita"]))
    assert liaison.status_code == 403
    analyst = _bearer(demo_users["analyst"])
    bad = client.post(
        url, {**body, "verification": "rumour"}, content_type="application/json", **analyst
    )
    assert bad.status_code == 422
    assert bad.json()["errors"][0] == {
        "field": "verification",
        "value": "rumour",
        "message": "must be one of reported, corroborated, verified, disputed, false",
    }
    done = client.post(url, body, content_type="application/json", **analyst)
    assert done.status_code == 200, done.content
    assert (done.json()["verification"], done.json()["verification_reason"]) == (
        "corroborated",
        "Two sources",
    )
    url = f"/api/v1/ceasefire/violations/{violation.pk}/determination"
    refused = client.post(
        url,
        {"determination": "confirmed", "reason": "x"},
        content_type="application/json",
        **analyst,
    )
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "claims"
    rejected = client.post(
        url,
        {"determination": "rejected", "reason": "Outside the line"},
        content_type="application/json",
        **analyst,
    )
    assert rejected.status_code == 200
    assert rejected.json()["determination"] == "rejected"
    missing = client.post(
        "/api/v1/ceasefire/violations/999999/determination",
        {"determination": "rejected", "reason": "x"},
        content_type="application/json",
        **analyst,
    )
    assert missing.status_code == 404


def test_incident_page_form_changes_verification_for_analysts(demo, demo_users):
    incident = _khan_younis()
    page = f"/en/ceasefire/incidents/{incident.pk}/"
    assert 'id="verification-form"' not in get(page).content.decode()
    liaison = Client()
    liaison.force_login(demo_users["ita"])
    assert 'id="verification-form"' not in liaison.get(page).content.decode()
    url = f"/en/ceasefire/incidents/{incident.pk}/verification"
    assert liaison.post(url, {"verification": "disputed", "reason": "x"}).status_code == 403
    analyst = Client()
    analyst.force_login(demo_users["analyst"])
    html = analyst.get(page).content.decode()
    assert 'id="verification-form"' in html
    assert 'class="mt-2 border rounded p-2 determination-form"' in html
    refused = analyst.post(url, {"verification": "verified", "reason": ""}, follow=True)
    assert "say why" in refused.content.decode()
    done = analyst.post(
        url, {"verification": "disputed", "reason": "The army denies the toll"}, follow=True
    )
    html = done.content.decode()
    assert 'data-value="disputed"' in html
    assert "The army denies the toll" in html
    violation = incident.violations.get()
    url = f"/en/ceasefire/violations/{violation.pk}/determination"
    done = analyst.post(
        url,
        {
            "determination": "confirmed",
            "reason": "Inside the line",
            "claims": str(_claim_of(incident)),
        },
        follow=True,
    )
    assert 'data-determination="confirmed"' in done.content.decode()


def test_analytics_endpoints_group_incidents_and_each_sources_figures(demo):
    body = get("/api/v1/ceasefire/analytics/by-governorate").json()
    khan_younis = next(r for r in body["rows"] if r["key"] == "PS0270")
    assert khan_younis["incidents"] == 1
    assert khan_younis["by_source"] == [
        {"source": "GAZA-MOH", "figures": 1, "killed": 4, "injured": 11},
        {"source": "IDF", "figures": 1, "killed": 2, "injured": None},
    ]
    assert "never added together" in body["definitions"]["by_source"]
    types = get("/api/v1/ceasefire/analytics/by-event-type").json()["rows"]
    assert {r["key"]: r["incidents"] for r in types}["Explosions/Remote violence"] == 2
    actors = get("/api/v1/ceasefire/analytics/by-actor").json()["rows"]
    assert {r["key"]: r["incidents"] for r in actors}["Military Forces of Israel"] == 3
    days = get("/api/v1/ceasefire/analytics/per-day").json()["rows"]
    assert [(r["key"], r["incidents"]) for r in days] == [("2026-01-25", 2), ("2026-01-26", 1)]
    weeks = get("/api/v1/ceasefire/analytics/per-week").json()["rows"]
    assert [(r["key"], r["incidents"]) for r in weeks] == [("2026-01-19", 2), ("2026-01-26", 1)]
    assert (
        get("/api/v1/ceasefire/analytics/per-day", pcode="PS0260").json()["rows"][0]["incidents"]
        == 1
    )
    assert get("/api/v1/ceasefire/analytics/by-actor", verification="x").status_code == 422
    series = get("/api/v1/ceasefire/analytics/daily-series", until="2026-08-22").json()
    assert series["source"] == "GAZA-MOH"
    assert "(Tech for Palestine)" in series["source_name"]  # the reader's language: Arabic
    assert series["via"] == ["Tech for Palestine"]
    assert series["definition"] == "new_deaths"
    assert "killed_truce_new" in series["definitions"]["new_deaths"]
    assert sum(d["value"] for d in series["days"]) == 1156
    bad = get("/api/v1/ceasefire/analytics/daily-series", definition="everything")
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "definition"


def test_summary_command_json_is_the_api_summary(demo):
    from typer.testing import CliRunner

    from marsad.cli import app

    result = CliRunner().invoke(app, ["ceasefire", "summary", "--json", "--as-of", "2026-08-22"])
    api = get("/api/v1/ceasefire/summary", as_of="2026-08-22").json()
    command = json.loads(result.output)
    assert command["per_phase"] == api["per_phase"]
    assert command.keys() == api.keys()


def test_figures_geojson_places_figures_at_their_incident(demo):
    response = get("/ceasefire/export/figures.geojson")
    assert response["Content-Type"].startswith("application/geo+json")
    body = json.loads(b"".join(response.streaming_content))
    assert body["metadata"]["exported"] == 2
    assert body["metadata"]["left_out_without_place"] == 1  # the period figure
    assert {f["geometry"]["coordinates"][1] for f in body["features"]} == {31.346}
    assert {f["properties"]["reported_on"] for f in body["features"]} == {
        "2026-01-25",
        "2026-01-26",
    }


def test_dashboard_credits_the_series_editor_in_both_languages(demo):
    english = get("/en/ceasefire/").content.decode()
    assert "Gaza Ministry of Health / Government Media Office, via Tech for Palestine" in english
    arabic = get("/ceasefire/").content.decode()
    assert 'id="series-credit"' in arabic
    assert "وزارة الصحة في غزة / المكتب الإعلامي الحكومي، عبر" in arabic
