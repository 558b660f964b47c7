"""Imports of the aid lists: each row accepted or rejected with its line, field and value (and a
suggestion for a misspelt crossing, which is never created); twice adds nothing; an import
killed half-way completes on a second run; the real lists when ../shared/data is present."""

import csv
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from django.test import Client

from marsad.access import selectors
from marsad.access.imports import crossing_names, import_cogat, import_unrwa
from marsad.access.models import Consignment, Crossing
from marsad.core import audit
from marsad.core.errors import InvalidInput
from marsad.core.models import AuditEntry, Source
from marsad.core.services.actors import create_actor

from . import aid_fixture

pytestmark = pytest.mark.django_db
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "aid"
REAL_UNRWA = SHARED / "unrwa_commodities_received_20241111.csv"
REAL_COGAT = SHARED / "cogat_aid_consignments_24sep2024.csv"


def test_each_truck_is_accepted_or_rejected_naming_line_field_value(system, states, tmp_path):
    report = import_unrwa(by=system, path=aid_fixture.unrwa_sample(tmp_path / "u.csv"))
    assert (report.rows, report.created, report.rejected_rows) == (10, 5, 5)
    rejected = {(r.line, r.field, r.value): r.message for r in report.rejected}
    assert (
        "did you mean 'Kerem Shalom' (CROSSING-KEREM-SHALOM)?"
        in rejected[(7, "Crossing", "Kerem Shaloom")]
    )
    assert rejected[(8, "Crossing", "Netzarim")] == "is not a known crossing"
    assert (9, "Received Date", "2024-02-31") in rejected
    assert (10, "Quantity", "lots") in rejected
    assert rejected[(11, "ID", "1")] == "repeats the truck of line 2"
    assert not Crossing.objects.filter(name_en__icontains="Netzarim").exists()
    assert Crossing.objects.count() == 9  # the reference crossings, nothing else
    assert dict(report.by_crossing) == {
        "CROSSING-KEREM-SHALOM": 2,
        "CROSSING-RAFAH": 1,
        "CROSSING-ZIKIM": 1,
        "CROSSING-GATE-96": 1,
    }
    mt = Consignment.objects.get(key="unrwa:2")
    assert (mt.trucks, mt.quantity, mt.unit, mt.tons, mt.status) == (
        1,
        19.0,
        "tons",
        19.0,
        "entered",
    )
    pallets = Consignment.objects.get(key="unrwa:1")
    assert (pallets.unit, pallets.tons, pallets.line, pallets.category) == (
        "pallets",
        None,
        2,
        "food",
    )
    assert Consignment.objects.get(key="unrwa:3").category == "medical"
    assert Consignment.objects.get(key="unrwa:5").unit == ""
    assert Consignment.objects.filter(marking="public").count() == 5


def test_an_unknown_status_is_rejected_with_the_row(system, states, tmp_path):
    path = aid_fixture.write(
        tmp_path / "u.csv",
        aid_fixture.UNRWA_HEADER,
        [aid_fixture.truck("1"), aid_fixture.truck("2", status="Lost")],
    )
    report = import_unrwa(by=system, path=path)
    assert report.created == 1
    assert [(r.line, r.field, r.value) for r in report.rejected] == [(3, "Status", "Lost")]


def test_importing_twice_adds_nothing(system, states, tmp_path):
    path = aid_fixture.unrwa_sample(tmp_path / "u.csv")
    import_unrwa(by=system, path=path)
    entries = AuditEntry.objects.count()
    again = import_unrwa(by=system, path=path)
    assert (again.created, again.already_there, again.rejected_rows) == (0, 5, 5)
    assert Consignment.objects.count() == 5
    assert AuditEntry.objects.count() == entries
    assert audit.verify().ok


def test_each_batch_is_audited_with_its_keys(system, states, tmp_path):
    rows = [aid_fixture.truck(str(i)) for i in range(5)]
    path = aid_fixture.write(tmp_path / "b.csv", aid_fixture.UNRWA_HEADER, rows)
    import_unrwa(by=system, path=path, batch_size=2, marking="internal")
    entries = list(AuditEntry.objects.filter(model="access.Consignment"))
    assert [e.action for e in entries] == ["import"] * 3
    assert '"ids":["unrwa:0","unrwa:1"]' in entries[0].after
    assert '"list":"unrwa"' in entries[0].after
    assert Consignment.objects.filter(marking="internal").count() == 5
    assert audit.verify().ok


def test_a_bad_marking_is_refused_before_any_row(system, states, tmp_path):
    with pytest.raises(InvalidInput, match="marking"):
        import_unrwa(by=system, path=aid_fixture.unrwa_sample(tmp_path / "u.csv"), marking="x")
    assert not Consignment.objects.exists()


def test_cogat_consignments_keep_unknown_tons_as_unknown(system, states, tmp_path):
    path = aid_fixture.cogat_sample(tmp_path / "c.csv")
    report = import_cogat(by=system, path=path)
    assert (report.rows, report.created, report.rejected_rows) == (7, 4, 3)
    rejected = {(r.line, r.field, r.value): r.message for r in report.rejected}
    assert (6, "Date", "30 Feb 2024") in rejected
    assert (
        "did you mean 'Maritime Route (JLOTS)' (MARITIME-JLOTS)?"
        in rejected[(7, "Route", "Maritme Route (JLOTS)")]
    )
    assert (8, "Aid (tons)", "twenty") in rejected
    fuel = Consignment.objects.filter(category="fuel").order_by("line")
    assert [c.day.isoformat() for c in fuel] == ["2024-09-01", "2024-09-01"]
    assert len({c.key for c in fuel}) == 2  # identical rows are two consignments
    unknown = Consignment.objects.get(category="medical")
    assert (unknown.tons, unknown.quantity, unknown.unit, unknown.unit_raw) == (None, None, "", "-")
    assert Consignment.objects.get(category="food").crossing.key == "AIR-DROPS"
    assert all(c.trucks is None for c in Consignment.objects.all())
    tonnage = selectors.tonnage_by_category(system)
    assert (tonnage["medical"].tons, tonnage["medical"].unknown) == (0.0, 1)
    assert import_cogat(by=system, path=path).created == 0


def test_aliases_of_the_place_actor_resolve_too(system, states, tmp_path):
    create_actor(
        by=system,
        key="CROSSING-KISSUFIM",
        kind="place",
        name_ar="معبر كيسوفيم",
        name_en="Kissufim crossing",
        aliases_en=["Kisufim Gate"],
        marking="public",
    )
    path = aid_fixture.write(
        tmp_path / "u.csv",
        aid_fixture.UNRWA_HEADER,
        [aid_fixture.truck("1", crossing="Kisufim Gate")],
    )
    assert import_unrwa(by=system, path=path).created == 1
    assert Consignment.objects.get().crossing.key == "CROSSING-KISSUFIM"
    names = crossing_names(Crossing.objects.select_related("place"))
    assert names.resolve("معبر كيسوفيم") == "CROSSING-KISSUFIM"
    assert names.resolve("Western Erez") == "CROSSING-ZIKIM"


def test_trucks_per_day_and_the_two_lists_compared(system, states, tmp_path):
    import_unrwa(by=system, path=aid_fixture.unrwa_sample(tmp_path / "u.csv"))
    path = aid_fixture.write(
        tmp_path / "c.csv",
        aid_fixture.COGAT_HEADER,
        [
            ["1", "1 Mar 2024", "Land Crossings", "Food", "WFP", "20"],
            ["2", "2 Mar 2024", "Land Crossings", "Food", "WFP", "20"],
            ["3", "2 Mar 2024", "Land Crossings", "Food", "WFP", "20"],
            ["4", "3 Mar 2024", "Land Crossings", "Food", "WFP", "20"],
        ],
    )
    import_cogat(by=system, path=path)
    series = selectors.trucks_per_day(system)
    assert series["CROSSING-KEREM-SHALOM"] == [(date(2024, 3, 1), 2), (date(2024, 3, 2), 0)]
    comparison = selectors.compare_lists(system)
    assert [(d.first, d.second) for d in comparison.days] == [(4, 1), (1, 2)]
    assert comparison.difference == -2
    assert [d.isoformat() for d in comparison.only_second] == ["2024-03-03"]


WRITER = """
import sys, time, django
django.setup()
from pathlib import Path
from django.core.management import call_command
from marsad.access.imports import import_unrwa
from marsad.core.services import gate
from marsad.core.services.base import SystemUser
call_command("migrate", verbosity=0)
# Batches are written in milliseconds: paced, so that the test can kill the import between two.
store_batch = gate.store_batch
def paced(*args, **kwargs):
    time.sleep(0.25)
    return store_batch(*args, **kwargs)
gate.store_batch = paced
import_unrwa(by=SystemUser("import"), path=Path(sys.argv[1]), batch_size=200)
"""
CHECK = """
import django
django.setup()
from django.db.models import Count
from marsad.access.models import Consignment
from marsad.core.audit import verify
dupes = Consignment.objects.values("key").annotate(n=Count("id")).filter(n__gt=1).count()
print(Consignment.objects.count(), dupes, verify().ok)
"""


@pytest.mark.skipif(
    "postgres" in os.environ.get("DATABASE_URL", ""),
    reason="kills a process writing to its own SQLite file",
)
def test_an_import_killed_half_way_completes_when_run_again(tmp_path):
    rows = [aid_fixture.truck(str(i), day=f"2024-03-{1 + i % 28:02d}") for i in range(6000)]
    path = aid_fixture.write(tmp_path / "big.csv", aid_fixture.UNRWA_HEADER, rows)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "marsad.settings",
        "MARSAD_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'kill.sqlite3'}",
    }

    def check():
        out = subprocess.run(
            [sys.executable, "-c", CHECK],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        return out.stdout.split()

    first = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], env=env)
    deadline = time.time() + 120
    while time.time() < deadline:
        time.sleep(0.3)
        if (tmp_path / "kill.sqlite3").exists():
            try:
                if 0 < int(check()[0]) < 6000:
                    break
            except (subprocess.CalledProcessError, ValueError, IndexError):
                continue
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    count, dupes, chain_ok = check()
    assert int(count) % 200 == 0, "only whole batches remain"
    assert int(count) < 6000
    assert (dupes, chain_ok) == ("0", "True")
    subprocess.run([sys.executable, "-c", WRITER, str(path)], env=env, check=True, timeout=300)
    assert check() == ["6000", "0", "True"]


@pytest.mark.skipif(not REAL_UNRWA.exists(), reason="../shared/data/aid is absent")
def test_the_real_unrwa_list(system, states):
    report = import_unrwa(by=system, path=REAL_UNRWA)
    assert (report.rows, report.created, report.rejected_rows) == (37373, 37373, 0)
    assert dict(report.by_crossing) == {
        "CROSSING-EREZ": 680,
        "CROSSING-GATE-96": 224,
        "CROSSING-KEREM-SHALOM": 23574,
        "CROSSING-RAFAH": 11080,
        "CROSSING-ZIKIM": 1779,
        "MARITIME-JLOTS": 36,
    }
    series = selectors.trucks_per_day(system)
    assert sum(n for values in series.values() for _day, n in values) == 37373
    days = series["CROSSING-RAFAH"]
    assert days[0][0].isoformat() == "2023-10-21"
    assert days[-1][0].isoformat() == "2024-09-30"
    assert import_unrwa(by=system, path=REAL_UNRWA).already_there == 37373


@pytest.mark.skipif(not REAL_COGAT.exists(), reason="../shared/data/aid is absent")
def test_the_real_cogat_list_beside_unrwas(system, states):
    report = import_cogat(by=system, path=REAL_COGAT)
    assert (report.rows, report.created, report.rejected_rows) == (52479, 52479, 0)
    assert Consignment.objects.filter(tons__isnull=True).count() == 978
    assert dict(report.by_crossing) == {
        "LAND-CROSSINGS": 51756,
        "MARITIME-JLOTS": 600,
        "AIR-DROPS": 123,
    }
    import_unrwa(by=system, path=REAL_UNRWA)
    comparison = selectors.compare_lists(system)
    assert (len(comparison.days), comparison.total_first, comparison.total_second) == (
        310,
        35974,
        51648,
    )
    assert comparison.difference == 15674


def test_the_import_commands_report_each_rejected_row(system, states, tmp_path):
    from typer.testing import CliRunner

    from marsad.cli import app

    report = tmp_path / "rejected.csv"
    path = aid_fixture.unrwa_sample(tmp_path / "u.csv")
    result = CliRunner().invoke(app, ["import", "unrwa", str(path), "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "rejected rows" in result.output
    assert "Kerem Shaloom" in result.output
    lines = report.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "line,status,id,field,value,message"
    assert len(lines) == 6
    again = CliRunner().invoke(app, ["import", "unrwa", str(path)])
    assert again.exit_code == 0
    assert "created, by crossing" not in again.output  # nothing created
    bad = CliRunner().invoke(
        app,
        ["import", "cogat", str(aid_fixture.cogat_sample(tmp_path / "c.csv")), "--marking", "x"],
    )
    assert bad.exit_code == 1


def test_each_list_rests_on_its_graded_source_and_line(system, states, tmp_path):
    import_unrwa(by=system, path=aid_fixture.unrwa_sample(tmp_path / "u.csv"))
    import_cogat(by=system, path=aid_fixture.cogat_sample(tmp_path / "c.csv"))
    unrwa, cogat = Source.objects.get(key="UNRWA"), Source.objects.get(key="COGAT")
    assert (unrwa.reliability, cogat.reliability) == ("B", "C")
    assert "handles itself" in unrwa.grading_note_en
    assert "party to the conflict" in cogat.grading_note_en
    assert unrwa.grading_note_ar
    assert cogat.grading_note_ar
    pallets = Consignment.objects.get(key="unrwa:1")
    assert (pallets.source, pallets.line, pallets.source_row) == (unrwa, 2, 2)
    listed = Consignment.objects.filter(imported_from="cogat").order_by("line")
    assert [(c.source.key, c.line) for c in listed] == [("COGAT", n) for n in (2, 3, 4, 5)]
    import_cogat(by=system, path=aid_fixture.cogat_sample(tmp_path / "c.csv"))
    assert Source.objects.filter(key__in=["UNRWA", "COGAT"]).count() == 2


def test_importing_again_gives_earlier_rows_their_source(system, states, tmp_path):
    path = aid_fixture.unrwa_sample(tmp_path / "u.csv")
    import_unrwa(by=system, path=path)
    Consignment.objects.filter(key__in=["unrwa:1", "unrwa:2"]).update(source=None)
    again = import_unrwa(by=system, path=path)
    assert (again.created, again.already_there, again.attributed) == (0, 5, 2)
    assert Consignment.objects.count() == 5
    assert not Consignment.objects.filter(source__isnull=True).exists()
    assert Consignment.objects.get(key="unrwa:1").history.count() == 2
    entry = AuditEntry.objects.filter(model="access.Consignment").last()
    assert entry.action == "update"
    assert '"ids":["unrwa:1","unrwa:2"]' in entry.after
    assert audit.verify().ok
    assert import_unrwa(by=system, path=path).attributed == 0


def test_imported_consignments_show_their_graded_source(system, states, tmp_path):
    import_unrwa(by=system, path=aid_fixture.unrwa_sample(tmp_path / "u.csv"))
    html = Client().get("/en/access/consignments/").content.decode()
    assert 'data-source="UNRWA"' in html
    assert 'title="B: usually reliable"' in html
    assert "row 2" in html
    api = Client().get("/api/v1/access/consignments/unrwa:1").json()
    assert api["source"] == {"key": "UNRWA", "reliability": "B"}
    assert (api["source_row"], api["line"]) == (2, 2)
    export = Client().get("/access/export/consignments.hxl.csv")
    header, tags, *rows = csv.reader(b"".join(export.streaming_content).decode().splitlines())
    assert tags[header.index("source")] == "#meta+source"
    assert {row[header.index("source")] for row in rows} == {"UNRWA"}
