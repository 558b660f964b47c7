"""The plan on the demo: the tracker, the Israel-Hamas sequencing deadlock drawn and explained,
a provision's history, the commands."""

import json

from django.test import Client
from typer.testing import CliRunner

from marsad.cli import app


def test_tracker_lists_twenty_points_with_scores_and_blockers(demo):
    html = Client().get("/en/plan/").content.decode()
    assert html.count('<tr data-number="') == 20
    assert '<tr data-number="5" data-score="3"' in html
    assert "deadlock" in html
    arabic = Client().get("/plan/").content.decode()
    assert 'dir="rtl"' in arabic
    assert "يُعاد تطوير غزة" in arabic


def test_a_bad_day_is_reported_and_the_tracker_shows_today(demo):
    html = Client().get("/en/plan/?as_of=31-02-2026").content.decode()
    assert 'role="alert"' in html
    assert "as_of" in html
    assert "31-02-2026" in html
    assert html.count('<tr data-number="') == 20


def test_the_sequencing_deadlock_is_drawn_and_explained(demo):
    html = Client().get("/en/plan/sequencing/").content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg" id="plan-graph"' in html
    assert html.count('class="edge edge-deadlock"') == 2
    assert "Israel: point 16 only after point 13" in html
    assert "Hamas: point 13 only after point 16" in html
    assert 'id="relaxation"' in html
    arabic = Client().get("/plan/sequencing/").content.decode()
    assert "node-deadlock" in arabic


def test_the_graph_runs_right_to_left_in_arabic(demo):
    from marsad.core.services.base import SystemUser
    from marsad.plan.selectors import main_plan
    from marsad.plan.sequencing import analyse_plan, svg_geometry

    user = SystemUser("t")
    sequencing = analyse_plan(user, main_plan(user))
    ltr = {n["id"]: n["x"] for n in svg_geometry(sequencing, rtl=False)["nodes"]}
    rtl = {n["id"]: n["x"] for n in svg_geometry(sequencing, rtl=True)["nodes"]}
    # Point 3 comes before point 4: left of it in English, right of it in Arabic.
    assert ltr["P3"] < ltr["P4"]
    assert rtl["P3"] > rtl["P4"]


def test_provision_page_shows_history_conditions_and_statements(demo):
    html = Client().get("/en/plan/points/7/").content.decode()
    assert html.count("<li class=") >= 2  # two score changes in the timeline
    thirteen = Client().get("/en/plan/points/13/").content.decode()
    assert "point 13 only after point 16" in thirteen
    assert "Hamas ties any talk of its weapons" in thirteen


def test_api_and_commands(demo):
    provisions = Client().get("/api/v1/plan/provisions").json()
    assert len(provisions) == 20
    thirteen = next(p for p in provisions if p["number"] == 13)
    assert thirteen["in_deadlock"]
    assert 16 in thirteen["blocked_by"]
    result = CliRunner().invoke(app, ["plan", "deadlocks", "--json"])
    assert result.exit_code == 0, result.output
    deadlocks = json.loads(result.output)["deadlocks"]
    assert sorted(deadlocks[0]["provisions"]) == ["P13", "P16"]
    status = CliRunner().invoke(app, ["plan", "status", "--as-of", "2025-10-11"])
    assert status.exit_code == 0
    assert "3/3" not in status.output  # point 5 reached 3 only on 13 October
    bad = CliRunner().invoke(app, ["plan", "status", "--as-of", "yesterday"])
    assert bad.exit_code == 1
