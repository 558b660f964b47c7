"""Humanitarian access on the demo: the Arabic dashboard, a crossing's timeline with the
reported reopening of Rafah, a corridor with the incidents near it and the task protecting it,
the consignment list with filters and CSV export, the API and `marsad access status`."""

import json

from django.test import Client
from typer.testing import CliRunner

from marsad.access.models import Consignment
from marsad.cli import app
from marsad.core.services.base import SystemUser
from marsad.core.services.users import issue_token


def get(path, **params):
    return Client().get(path, params)


def test_the_dashboard_opens_in_arabic_with_map_chart_and_statuses(demo):
    html = get("/access/").content.decode()
    assert 'dir="rtl"' in html
    assert "المعابر" in html
    assert 'id="access-map"' in html
    assert 'id="trucks-chart"' in html
    assert 'data-crossing="CROSSING-KEREM-SHALOM" data-state="open"' in html
    assert 'data-crossing="CROSSING-RAFAH" data-state="closed"' in html
    assert 'data-crossing="CROSSING-ZIKIM" data-state="unknown"' in html
    data = json.loads(html.split('id="access-map-data" type="application/json">')[1].split("<")[0])
    colours = {
        f["properties"]["key"]: f["properties"]["state"] for f in data["crossings"]["features"]
    }
    assert colours["CROSSING-KEREM-SHALOM"] == "open"
    assert colours["CROSSING-RAFAH"] == "closed"
    assert "CROSSING-GATE-96" not in colours  # no coordinate, not drawn
    assert len(data["corridors"]["features"]) == 5
    english = get("/en/access/").content.decode()
    assert "Humanitarian access" in english
    assert "Latest status changes" in english
    assert "expected, not in effect" in english


def test_the_status_on_any_date(demo):
    before = get("/en/access/", date="2025-10-01").content.decode()
    assert 'data-crossing="CROSSING-KEREM-SHALOM" data-state="unknown"' in before
    api = get("/api/v1/access/status", date="2025-12-01").json()
    assert api["statuses"]["CROSSING-KEREM-SHALOM"]["state"] == "open"
    assert api["statuses"]["CROSSING-KEREM-SHALOM"]["authority"] == "COGAT"
    assert api["statuses"]["CROSSING-RAFAH"]["state"] == "closed"
    assert get("/api/v1/access/status", date="1 Dec").status_code == 422


def test_the_crossing_page_shows_the_timeline_with_its_sources(demo):
    html = get("/en/access/crossings/CROSSING-RAFAH/", date="2026-02-01").content.decode()
    assert 'data-state="closed"' in html
    assert 'data-expected="1"' in html
    assert "Unconfirmed reports of arrangements to reopen it" in html
    assert "Marsad news digest (Arabic)" in html  # the source behind each step
    assert "patients" in html.lower()  # the access incident at Rafah
    assert 'id="history"' in html
    zikim = get("/en/access/crossings/CROSSING-ZIKIM/").content.decode()
    assert "Approximate (within about 2 km)" in zikim
    gate = get("/en/access/crossings/CROSSING-GATE-96/").content.decode()
    assert "no coordinate recorded" in gate
    assert get("/en/access/crossings/NOWHERE/").status_code == 404


def test_the_corridor_page_finds_the_incidents_near_it(demo):
    from marsad.ceasefire.models import Incident

    strike = Incident.objects.get(location="East of Khan Younis")
    near = get("/en/access/corridors/KS-SALAH-AL-DIN/", distance="5000").content.decode()
    assert 'id="nearby" data-count="' in near
    assert "East of Khan Younis" in near
    assert "of the score" in near  # the incidents that drive the risk
    assert "Secure humanitarian corridors" in near  # the task protecting it
    assert "approximate line" in near
    close = get("/en/access/corridors/KS-SALAH-AL-DIN/").content.decode()
    assert "East of Khan Younis" not in close  # the strike lies about 2.4 km from the line
    bad = get("/en/access/corridors/KS-SALAH-AL-DIN/", distance="far").content.decode()
    assert "must be a number of metres" in bad
    api = get("/api/v1/access/corridors/KS-SALAH-AL-DIN/incidents", distance="5000").json()
    found = {i["id"]: i for i in api["incidents"]}
    assert 2000 < found[strike.pk]["distance_m"] < 3000
    assert api["risk"]["level"] in ("low", "medium", "high")
    assert strike.pk in [d["incident"]["id"] for d in api["risk"]["drivers"]]
    assert (
        get("/api/v1/access/corridors/KS-SALAH-AL-DIN/incidents", distance="-1").status_code == 422
    )


def test_consignments_filter_and_export_as_csv(demo):
    html = get("/en/access/consignments/", category="shelter").content.decode()
    assert 'id="consignment-count">2<' in html
    assert "demo data" in html
    bad = get("/en/access/consignments/", category="toys").content.decode()
    assert "must be one of" in bad
    response = get("/access/export/consignments.hxl.csv", category="food")
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0].startswith("key,day,crossing,")
    assert lines[1].startswith("#meta+id,#date,")
    assert len(lines) == 4
    assert ",2026-01-22,CROSSING-KEREM-SHALOM," in lines[2]
    api = get("/api/v1/access/consignments", category="food").json()
    assert api["count"] == 2
    assert api["items"][0]["imported_from"] == "demo"
    assert get("/access/export/other.csv").status_code == 404


def test_figures_and_comparison_through_the_api(demo):
    figures = get("/api/v1/access/figures").json()
    assert figures["trucks_per_day"]["CROSSING-KEREM-SHALOM"][0] == ["2026-01-22", 135]
    assert figures["tonnage_by_category"]["medical"]["tons"] == 180.0
    compare = get("/api/v1/access/compare").json()
    assert compare["days_compared"] == 0
    assert "no day in common" in compare["statement"]
    shares = get("/api/v1/access/status/open-share", start="2025-10-10", end="2025-10-19").json()
    kerem = next(s for s in shares if s["key"] == "CROSSING-KEREM-SHALOM")
    assert kerem["by_state"] == {"open": 10}
    assert kerem["share_open"] == 1.0


def test_the_api_lists_and_records_access(demo, demo_users):
    crossings = get("/api/v1/access/crossings").json()
    assert {c["key"] for c in crossings} >= {"CROSSING-KEREM-SHALOM", "MARITIME-JLOTS"}
    corridor = get("/api/v1/access/corridors/ZIKIM-GAZA-CITY").json()
    assert corridor["route"]["type"] == "LineString"
    assert corridor["protected_by"] == ["humanitarian_corridors"]
    timeline = get("/api/v1/access/crossings/CROSSING-RAFAH/statuses").json()
    assert [(s["state"], s["expected"]) for s in timeline] == [
        ("closed", False),
        ("reopened", True),
    ]
    incidents = get("/api/v1/access/incidents", category="restriction_entry").json()
    assert incidents["items"][0]["actor"] == "ISR"
    token = issue_token(by=SystemUser("t"), user=demo_users["analyst"])
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    refused = Client().post(
        "/api/v1/access/statuses",
        {"crossing": "CROSSING-RAFAH", "state": "open", "on": "2026-02-01"},
        content_type="application/json",
        **headers,
    )
    assert refused.status_code == 422
    assert "comes back as 'reopened'" in refused.json()["errors"][0]["message"]
    reopened = Client().post(
        "/api/v1/access/statuses",
        {"crossing": "CROSSING-RAFAH", "state": "reopened", "on": "2026-02-01"},
        content_type="application/json",
        **headers,
    )
    assert reopened.status_code == 201, reopened.content
    assert (
        get("/api/v1/access/status", date="2026-02-02").json()["statuses"]["CROSSING-RAFAH"][
            "state"
        ]
        == "reopened"
    )
    made = Client().post(
        "/api/v1/access/consignments",
        {"day": "2026-02-02", "crossing": "CROSSING-RAFAH", "category": "medical", "trucks": 5},
        content_type="application/json",
        **headers,
    )
    assert made.status_code == 201, made.content
    key = made.json()["key"]
    moved = Client().post(
        f"/api/v1/access/consignments/{key}/status",
        {"status": "requested"},
        content_type="application/json",
        **headers,
    )
    assert moved.status_code == 422
    assert "can only become" in moved.json()["detail"]
    protected = Client().post(
        "/api/v1/access/corridors/KS-AL-MAWASI/protections",
        {"task": "security", "since": "2026-02-01"},
        content_type="application/json",
        **headers,
    )
    assert protected.status_code == 201, protected.content
    assert sorted(protected.json()["protected_by"]) == ["humanitarian_corridors", "security"]
    anonymous = Client().post(
        "/api/v1/access/incidents",
        {"day": "2026-02-02", "category": "interference", "description_en": "x"},
        content_type="application/json",
    )
    assert anonymous.status_code in (401, 403)


def test_a_humanitarian_coordinator_records_public_access_only(demo, demo_users):
    from marsad.core.services.users import create_user

    coordinator = create_user(
        by=SystemUser("t"), username="ocha", role="humanitarian", password="a-long-pass-42x"
    )
    token = issue_token(by=SystemUser("t"), user=coordinator)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    ok = Client().post(
        "/api/v1/access/incidents",
        {
            "day": "2026-02-02",
            "category": "explosive_hazards",
            "corridor": "ZIKIM-GAZA-CITY",
            "description_en": "Unexploded ordnance on the road.",
        },
        content_type="application/json",
        **headers,
    )
    assert ok.status_code == 201, ok.content
    internal = Client().post(
        "/api/v1/access/incidents",
        {
            "day": "2026-02-02",
            "category": "explosive_hazards",
            "description_en": "x",
            "marking": "internal",
        },
        content_type="application/json",
        **headers,
    )
    assert internal.status_code == 403


def test_marsad_access_status_on_a_date(demo):
    result = CliRunner().invoke(app, ["access", "status", "--date", "2025-12-01", "--json"])
    assert result.exit_code == 0, result.output
    rows = {r["key"]: r for r in json.loads(result.output)["statuses"]}
    assert rows["CROSSING-KEREM-SHALOM"]["state"] == "open"
    assert rows["CROSSING-RAFAH"]["state"] == "closed"
    assert rows["CROSSING-ZIKIM"]["state"] == "unknown"
    table = CliRunner().invoke(app, ["access", "status"])
    assert table.exit_code == 0
    assert "Kerem Shalom" in table.output
    bad = CliRunner().invoke(app, ["access", "status", "--date", "tomorrow"])
    assert bad.exit_code == 1


def test_the_demo_consignments_are_marked_as_demo_data(demo):
    demo_rows = Consignment.objects.filter(imported_from="demo")
    assert demo_rows.count() == 5
    assert all("Demo data" in c.note for c in demo_rows)
    assert not Consignment.objects.exclude(imported_from="demo").exists()


def test_the_api_is_described_in_openapi(demo):
    paths = get("/api/openapi.json").json()["paths"]
    for path in (
        "/api/v1/access/status",
        "/api/v1/access/crossings/{key}/statuses",
        "/api/v1/access/corridors/{key}/incidents",
        "/api/v1/access/consignments",
        "/api/v1/access/compare",
        "/api/v1/access/figures",
        "/api/v1/access/incidents",
    ):
        assert path in paths, path
