"""Imports: each row accepted or rejected with its line, field and value; twice adds nothing;
an import killed half-way completes on a second run."""

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from django.test import Client

from marsad.ceasefire.imports import import_acled, import_casualties
from marsad.ceasefire.models import DailyReport, Incident
from marsad.core import audit
from marsad.core.errors import InvalidInput
from marsad.core.models import AuditEntry, Source
from marsad.core.services.actors import create_actor, create_source
from tests.ceasefire.places import khan_younis

from . import acled_fixture

pytestmark = pytest.mark.django_db
SHARED = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data")


@pytest.fixture
def gaza(system, states):
    create_actor(
        by=system,
        key="IDF",
        kind="force",
        name_ar="الجيش الإسرائيلي",
        name_en="Israel Defense Forces",
        marking="public",
    )
    khan_younis(system)


def test_each_row_is_accepted_or_rejected_naming_line_field_value(system, gaza, tmp_path):
    report = import_acled(
        by=system, path=acled_fixture.sample(tmp_path / "a.csv"), marking="public"
    )
    assert (report.rows, report.created, len(report.rejected)) == (7, 3, 4)
    rejected = {(r.line, r.field, r.value) for r in report.rejected}
    assert (5, "event_date", "31-Feb-25") in rejected
    assert (6, "latitude", "131.5") in rejected
    assert (7, "sub_event_type", "Cyber attack") in rejected
    assert (8, "fatalities", "-2") in rejected
    strike = Incident.objects.get(event_id="TST1")
    assert (strike.pcode, strike.place.key, strike.actor1_ref.key) == ("PS0270", "PS0270", "IDF")
    assert strike.h3_6
    assert strike.h3_8
    offshore = Incident.objects.get(event_id="TST2")
    assert offshore.pcode == ""
    assert offshore.latitude == pytest.approx(31.42)
    assert offshore.offshore


def test_importing_twice_adds_nothing(system, gaza, tmp_path):
    path = acled_fixture.sample(tmp_path / "a.csv")
    import_acled(by=system, path=path, marking="public")
    entries = AuditEntry.objects.count()
    again = import_acled(by=system, path=path, marking="public")
    assert (again.created, again.already_there) == (0, 3)
    assert Incident.objects.count() == 3
    assert AuditEntry.objects.count() == entries
    assert audit.verify().ok


def test_each_batch_is_audited_with_its_ids(system, gaza, tmp_path):
    path = acled_fixture.write(tmp_path / "b.csv", [acled_fixture.row(f"E{i}") for i in range(5)])
    import_acled(by=system, path=path, marking="internal", batch_size=2)
    entries = list(AuditEntry.objects.filter(model="ceasefire.Incident"))
    assert [e.action for e in entries] == ["import"] * 3
    assert '"ids":["E0","E1"]' in entries[0].after
    assert Incident.objects.filter(marking="internal").count() == 5
    assert audit.verify().ok


def test_casualty_series_import_is_idempotent_and_rejects_bad_days(system, states, tmp_path):
    create_source(
        by=system,
        key="GAZA-MOH",
        name_ar="وزارة الصحة",
        name_en="Ministry of Health",
        kind="official",
        reliability="C",
        marking="public",
    )
    path = tmp_path / "series.json"
    path.write_text(
        '[{"report_date": "2025-10-11", "report_source": "mohtel", "killed": 5,'
        ' "ext_killed": 5, "ext_killed_cum": 100, "ext_injured": 2, "ext_injured_cum": 50,'
        ' "killed_truce_new": 3, "killed_recovered": 2},\n'
        ' {"report_date": "2025-10-12", "report_source": "missing", "ext_killed": -1,'
        ' "ext_killed_cum": 100, "ext_injured": 0, "ext_injured_cum": 50}]',
        encoding="utf-8",
    )
    report = import_casualties(by=system, path=path, source="GAZA-MOH")
    assert report.created == 1
    assert [(r.field, r.value) for r in report.rejected] == [("ext_killed", "-1")]
    assert import_casualties(by=system, path=path, source="GAZA-MOH").created == 0
    assert DailyReport.objects.get().killed_truce_new == 3


def test_a_row_with_three_bad_fields_counts_once_and_keeps_each_field(system, gaza, tmp_path):
    bad = acled_fixture.row(
        "BAD1", event_date="31-Feb-25", latitude="131.5", sub_event_type="Cyber attack"
    )
    path = acled_fixture.write(tmp_path / "c.csv", [acled_fixture.row("GOOD1"), bad])
    report = import_acled(by=system, path=path, marking="public")
    assert (report.rows, report.created, report.rejected_rows) == (2, 1, 1)
    assert {(r.line, r.field, r.value) for r in report.rejected} == {
        (3, "event_date", "31-Feb-25"),
        (3, "latitude", "131.5"),
        (3, "sub_event_type", "Cyber attack"),
    }
    assert report.as_dict()["rejected_rows"] == 1
    assert report.as_dict()["rejections"] == 3
    assert report.accepted is None  # ids are listed only when asked for


def test_the_report_lists_accepted_ids_when_asked(system, gaza, tmp_path):
    path = acled_fixture.write(tmp_path / "d.csv", [acled_fixture.row(f"ID{i}") for i in range(3)])
    import_acled(by=system, path=path, marking="public", batch_size=2)
    path2 = acled_fixture.write(
        tmp_path / "e.csv", [acled_fixture.row(f"ID{i}") for i in range(2, 5)]
    )
    report = import_acled(by=system, path=path2, marking="public", list_accepted=True)
    assert [(a.line, a.key, a.status) for a in report.accepted] == [
        (2, "ID2", "already there"),
        (3, "ID3", "created"),
        (4, "ID4", "created"),
    ]


def test_import_command_writes_every_row_to_the_report_file(system, gaza, tmp_path):
    from typer.testing import CliRunner

    from marsad.cli import app

    rows = [acled_fixture.row(f"R{i}") for i in range(30)]
    rows.append(acled_fixture.row("BAD", event_date="31-Feb-25", latitude="131.5"))
    path = acled_fixture.write(tmp_path / "f.csv", rows)
    out = tmp_path / "report.csv"
    result = CliRunner().invoke(
        app, ["import", "acled", str(path), "--marking", "public", "--report", str(out), "-v"]
    )
    assert result.exit_code == 0, result.output
    assert "R0" in result.output
    assert "R29" not in result.output  # the terminal shows the first 20 ids only
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "line,status,id,field,value,message"
    assert "31,created,R29,,," in lines
    assert sum(line.startswith("32,rejected,,") for line in lines) == 2
    assert len(lines) == 1 + 30 + 2


def test_the_series_credits_its_editor(system, states, tmp_path):
    create_source(
        by=system,
        key="GAZA-MOH",
        name_ar="وزارة الصحة",
        name_en="Ministry of Health",
        kind="official",
        marking="public",
    )
    path = tmp_path / "series.json"
    path.write_text(
        '[{"report_date": "2025-10-11", "report_source": "mohtel", "ext_killed": 5,'
        ' "ext_killed_cum": 100, "ext_injured": 2, "ext_injured_cum": 50}]',
        encoding="utf-8",
    )
    import_casualties(by=system, path=path, source="GAZA-MOH")
    assert DailyReport.objects.get().via == "Tech for Palestine"
    entry = AuditEntry.objects.filter(model="ceasefire.DailyReport").get()
    assert '"via":"Tech for Palestine"' in entry.after


WRITER = """
import sys, time, django
django.setup()
from pathlib import Path
from django.core.management import call_command
from marsad.ceasefire.imports import import_acled
from marsad.core.services import gate
from marsad.core.services.base import SystemUser
call_command("migrate", verbosity=0)
# Batches are written in milliseconds: paced, so that the test can kill the import between two.
store_batch = gate.store_batch
def paced(*args, **kwargs):
    time.sleep(0.1)
    return store_batch(*args, **kwargs)
gate.store_batch = paced
import_acled(by=SystemUser("import"), path=Path(sys.argv[1]), marking="public",
             batch_size=int(sys.argv[2]))
"""
CHECK = """
import django
django.setup()
from django.db.models import Count
from marsad.ceasefire.models import Incident
from marsad.core.audit import verify
dupes = Incident.objects.values("event_id").annotate(n=Count("id")).filter(n__gt=1).count()
print(Incident.objects.count(), dupes, verify().ok)
"""


ROWS, BATCH = 3000, 100


@pytest.mark.skipif(
    "postgres" in os.environ.get("DATABASE_URL", ""),
    reason="kills a process writing to its own SQLite file",
)
def test_an_import_killed_half_way_completes_when_run_again(tmp_path):
    rows = [acled_fixture.row(f"K{i:05d}") for i in range(ROWS)]
    path = acled_fixture.write(tmp_path / "big.csv", rows)
    database = tmp_path / "kill.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "marsad.settings",
        "MARSAD_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{database}",
    }

    def stored():
        # Read the file directly: polling through Django would cost a process each time.
        try:
            with sqlite3.connect(database, timeout=30) as connection:
                return connection.execute("SELECT COUNT(*) FROM ceasefire_incident").fetchone()[0]
        except sqlite3.OperationalError:
            return 0

    writer = [sys.executable, "-c", WRITER, str(path), str(BATCH)]
    first = subprocess.Popen(writer, env=env)
    deadline = time.time() + 120
    while time.time() < deadline and not 0 < stored() < ROWS:
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    count = stored()
    assert count % BATCH == 0, "only whole batches remain"
    assert count < ROWS
    subprocess.run(writer, env=env, check=True, timeout=300)
    checked = subprocess.run(
        [sys.executable, "-c", CHECK],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert checked.stdout.split() == [str(ROWS), "0", "True"]


REAL_ACLED = os.path.join(SHARED, "acled", "gaza_war_events.csv")


@pytest.mark.skipif(not os.path.exists(REAL_ACLED), reason="../shared/data/acled is absent")
def test_the_real_acled_export(system, gaza):
    from pathlib import Path

    report = import_acled(by=system, path=Path(REAL_ACLED), marking="internal")
    assert (report.rows, report.created, len(report.rejected)) == (5338, 5338, 0)
    assert Incident.objects.filter(pcode="PS0260").count() == 5310
    assert Incident.objects.filter(pcode="", latitude__isnull=False).count() == 28


def test_imported_incidents_rest_on_the_graded_acled_source_and_their_line(system, gaza, tmp_path):
    import_acled(by=system, path=acled_fixture.sample(tmp_path / "a.csv"), marking="public")
    source = Source.objects.get(key="ACLED")
    assert (source.reliability, source.kind, source.marking) == ("B", "document", "public")
    assert "coded dataset of published reports" in source.grading_note_en
    assert source.grading_note_ar
    assert {(i.event_id, i.source_id, i.source_row) for i in Incident.objects.all()} == {
        ("TST1", source.pk, 2),
        ("TST2", source.pk, 3),
        ("TST3", source.pk, 4),
    }
    import_acled(by=system, path=acled_fixture.sample(tmp_path / "a.csv"), marking="public")
    assert Source.objects.filter(key="ACLED").count() == 1


def test_importing_again_gives_earlier_incidents_their_source(system, gaza, tmp_path):
    path = acled_fixture.sample(tmp_path / "a.csv")
    import_acled(by=system, path=path, marking="public")
    Incident.objects.filter(event_id__in=["TST1", "TST3"]).update(source=None, source_row=None)
    again = import_acled(by=system, path=path, marking="public")
    assert (again.created, again.already_there, again.attributed) == (0, 3, 2)
    assert Incident.objects.count() == 3
    strike = Incident.objects.get(event_id="TST1")
    assert (strike.source.key, strike.source_row) == ("ACLED", 2)
    assert strike.history.count() == 2  # imported, then given its source
    entry = AuditEntry.objects.filter(model="ceasefire.Incident").last()
    assert entry.action == "update"
    assert '"ids":["TST1","TST3"]' in entry.after
    assert audit.verify().ok
    assert import_acled(by=system, path=path, marking="public").attributed == 0


def test_a_recorded_acled_source_keeps_its_grading(system, gaza, tmp_path):
    create_source(
        by=system, key="ACLED", name_ar="أكليد", name_en="ACLED", kind="media",
        reliability="C", marking="public",
    )  # fmt: skip
    import_acled(by=system, path=acled_fixture.sample(tmp_path / "a.csv"), marking="public")
    assert Source.objects.get(key="ACLED").reliability == "C"
    assert Incident.objects.filter(source__key="ACLED").count() == 3


def test_rows_may_not_reach_further_than_their_source(system, gaza, tmp_path):
    create_source(
        by=system, key="ACLED", name_ar="أكليد", name_en="ACLED", kind="document",
        reliability="B", marking="internal",
    )  # fmt: skip
    with pytest.raises(InvalidInput, match="source 'ACLED' is marked 'internal'"):
        import_acled(by=system, path=acled_fixture.sample(tmp_path / "a.csv"), marking="public")
    assert not Incident.objects.exists()


def test_an_imported_incident_shows_its_graded_source_and_row(system, gaza, tmp_path):
    import_acled(by=system, path=acled_fixture.sample(tmp_path / "a.csv"), marking="public")
    strike = Incident.objects.get(event_id="TST1")
    html = Client().get(f"/en/ceasefire/incidents/{strike.pk}/").content.decode()
    assert "No supporting claim recorded" not in html
    assert 'class="imported-source" data-source="ACLED"' in html
    assert "B: usually reliable" in html
    assert "imported from ACLED, row 2" in html
    assert "reported (as imported)" in html
    assert "coded dataset of published reports" in html
    arabic = Client().get(f"/ceasefire/incidents/{strike.pk}/").content.decode()
    assert "مستورد من ACLED، الصف ٢" in arabic
    assert "مُبلَّغ عنه (كما استُورد)" in arabic
    assert "مجموعة بيانات مرمَّزة" in arabic
    api = Client().get(f"/api/v1/ceasefire/incidents/{strike.pk}").json()
    assert (api["source"], api["source_row"]) == ({"key": "ACLED", "reliability": "B"}, 2)
    export = Client().get("/ceasefire/export/incidents.hxl.csv")
    header, tags, *rows = csv.reader(b"".join(export.streaming_content).decode().splitlines())
    assert tags[header.index("source")] == "#meta+source"
    assert tags[header.index("reported_by")] == "#meta+reported_by"
    assert {(row[header.index("source")], row[header.index("source_row")]) for row in rows} == {
        ("ACLED", "2"),
        ("ACLED", "3"),
        ("ACLED", "4"),
    }
