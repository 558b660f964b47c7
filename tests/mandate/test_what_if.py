"""Decision support for force generation on the demo: what meeting each unmet legal condition
would add, and what blocks each gap, on the page, in `marsad forcegen --what-if` and the API."""

import json

from django.test import Client
from typer.testing import CliRunner


def test_what_if_on_the_page_the_command_and_the_api(demo, demo_users):
    from marsad.cli import app
    from marsad.mandate.generation import decision_support

    found = decision_support(demo_users["analyst"])
    assert found.gains, "the demo has pledges waiting for legal conditions"
    italy = [g for g, _c in found.gains if g.nation == "ITA"]
    assert italy
    assert italy[0].points > 0
    assert sum(units for _k, units in italy[0].units) > 0
    client = Client()
    client.force_login(demo_users["analyst"])
    english = client.get("/en/mandate/force-generation/").content.decode()
    assert 'id="what-if"' in english
    assert "Italy" in english[english.index('id="what-if"') :]
    assert "points" in english
    assert "Blocked by" in english
    arabic = client.get("/mandate/force-generation/").content.decode()
    assert "إيطاليا" in arabic[arabic.index('id="what-if"') :]
    body = client.get("/api/v1/mandate/force-generation/what-if").json()
    assert [c["nation"] for c in body["conditions"]] == [g.nation for g, _c in found.gains]
    assert body["conditions"][0]["points"] > 0
    assert any(g["conditions"] or g["caveats"] for g in body["gaps"])
    result = CliRunner().invoke(app, ["forcegen", "--what-if", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["conditions"][0]["text"].startswith("Italy")
    text = CliRunner().invoke(app, ["forcegen", "--what-if"]).output
    assert "if a legal condition were met" in text
    anonymous = Client().get("/api/v1/mandate/force-generation/what-if").json()
    assert anonymous["conditions"] == []  # planning figures are not public
