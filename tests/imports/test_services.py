"""Imports started from the pages: the file is kept with its digest, the worker's job runs the
same import as the command line as the user who started it, and the run keeps its progress,
result and per-row report. Refusals name the field and keep nothing."""

from __future__ import annotations

import csv
import hashlib
import io

import pytest
from django.test import override_settings

from marsad.access import selectors as access
from marsad.core.errors import InvalidInput, NotAllowed
from marsad.core.models import AuditEntry
from marsad.core.services.base import SystemUser
from marsad.imports import services
from marsad.imports.models import ImportRun, RunStatus
from tests.access import aid_fixture

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def var_dir(tmp_path, settings):
    settings.VAR_DIR = tmp_path
    return tmp_path


def _start(by, path, **options):
    data = path.read_bytes()
    return services.start(
        by=by,
        kind=options.pop("kind", "unrwa"),
        name=options.pop("name", path.name),
        chunks=[data[:100], data[100:]],
        size=len(data),
        marking=options.pop("marking", "public"),
        **options,
    )


def test_an_import_is_kept_queued_and_run_as_its_starter(
    analyst, tmp_path, django_capture_on_commit_callbacks
):
    path = aid_fixture.unrwa_sample(tmp_path / "trucks.csv")
    with django_capture_on_commit_callbacks(execute=True):
        run = _start(analyst, path)
    run.refresh_from_db()
    assert run.status == RunStatus.DONE
    assert run.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert services.stored_file(run).read_bytes() == path.read_bytes()
    assert run.result["created"] == 5
    assert run.result["rejected_rows"] == 5
    assert run.rows_done == 10
    assert run.percent == 100
    consignments = access.consignments(analyst).filter(imported_from="unrwa")
    assert consignments.count() == 5
    assert {c.history.first().history_user for c in consignments} == {analyst}
    report = list(csv.reader(io.StringIO(services.report_file(run).read_text())))
    assert report[0] == ["line", "status", "id", "field", "value", "message"]
    assert {row[0] for row in report[1:] if row[1] == "rejected"} == {"7", "8", "9", "10", "11"}
    actions = list(
        AuditEntry.objects.filter(model="imports.ImportRun").values_list("action", flat=True)
    )
    assert actions == ["create", "import running", "import done"]


def test_the_same_file_twice_adds_nothing(analyst, tmp_path, django_capture_on_commit_callbacks):
    path = aid_fixture.unrwa_sample(tmp_path / "trucks.csv")
    with django_capture_on_commit_callbacks(execute=True):
        _start(analyst, path)
    with django_capture_on_commit_callbacks(execute=True):
        again = _start(analyst, path)
    again.refresh_from_db()
    assert again.result["created"] == 0
    assert again.result["already_there"] == 5


def test_a_job_delivered_twice_runs_once(analyst, tmp_path):
    run = _start(analyst, aid_fixture.cogat_sample(tmp_path / "c.csv"), kind="cogat")
    services.execute(run.pk)
    services.execute(run.pk)
    run.refresh_from_db()
    assert run.status == RunStatus.DONE
    assert run.result["created"] == 4


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"kind": "shapefile"}, "kind"),
        ({"kind": "casualties"}, "file"),  # a CSV is not a casualty series (JSON)
        ({"marking": "secret"}, "marking"),
        ({"marking": "nations"}, "releasable_to"),
        ({"kind": "casualties", "name": "s.json", "source": "NOPE"}, "source"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_keeps_nothing(analyst, tmp_path, options, field):
    path = aid_fixture.unrwa_sample(tmp_path / "trucks.csv")
    with pytest.raises(InvalidInput) as refused:
        _start(analyst, path, **options)
    assert refused.value.problems[0].field == field
    assert not ImportRun.objects.exists()
    assert not list((tmp_path / "imports").glob("*"))


def test_a_file_over_the_limit_or_empty_is_refused(analyst, tmp_path):
    path = aid_fixture.unrwa_sample(tmp_path / "trucks.csv")
    with override_settings(UPLOAD_MAX_BYTES=100), pytest.raises(InvalidInput, match="larger"):
        _start(analyst, path)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(InvalidInput, match="empty"):
        _start(analyst, empty)


def test_only_people_who_record_start_imports(liaison_ita, tmp_path):
    path = aid_fixture.unrwa_sample(tmp_path / "trucks.csv")
    with pytest.raises(NotAllowed):
        _start(liaison_ita, path)
    with pytest.raises(NotAllowed):
        _start(SystemUser("system:test"), path)


def test_a_file_the_import_refuses_fails_the_run_with_its_reason(analyst, tmp_path):
    bad = tmp_path / "wrong.csv"
    bad.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    run = _start(analyst, bad)
    services.execute(run.pk)
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED
    assert "column" in run.error.lower()
    assert run.finished is not None


def test_a_starter_who_may_no_longer_record_fails_the_run(analyst, tmp_path):
    run = _start(analyst, aid_fixture.unrwa_sample(tmp_path / "t.csv"))
    analyst.is_active = False
    analyst.save()
    services.execute(run.pk)
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED
    assert not access.consignments(SystemUser("system:test")).filter(imported_from="unrwa")
