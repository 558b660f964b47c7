"""An import's search entries are written by a job after each batch commits: queued in the
batch's transaction (a batch rolled back leaves nothing queued), kept when the job fails until a
run succeeds, and written before `marsad import` returns unless it is told not to."""

from unittest import mock

import pytest
from django.db import transaction
from typer.testing import CliRunner

from marsad.ceasefire.imports import import_acled
from marsad.ceasefire.models import Incident
from marsad.cli import app
from marsad.core.models import SearchBacklog, SearchEntry
from marsad.core.search import backlog, services
from marsad.core.tasks import index_backlog

from ...ceasefire import acled_fixture

pytestmark = pytest.mark.django_db


def _file(tmp_path, n=7, name="a.csv"):
    rows = [acled_fixture.row(f"BK{i}", notes=f"strike number {i}") for i in range(n)]
    return acled_fixture.write(tmp_path / name, rows)


def test_an_import_queues_its_records_and_the_job_indexes_them(system, states, tmp_path):
    import_acled(by=system, path=_file(tmp_path), marking="public", batch_size=3)
    # One queued batch per import batch, naming every record it stored; none indexed yet.
    queued = sorted(pk for pks in SearchBacklog.objects.values_list("pks", flat=True) for pk in pks)
    assert SearchBacklog.objects.count() == 3
    assert queued == sorted(Incident.objects.values_list("pk", flat=True))
    assert not SearchEntry.objects.filter(kind="incident").exists()
    assert backlog.pending() == 7
    assert index_backlog.call_local() == 7
    assert SearchEntry.objects.filter(kind="incident").count() == 7
    assert not SearchBacklog.objects.exists()
    assert index_backlog.call_local() == 0


def test_a_batch_rolled_back_leaves_nothing_queued(system, states, tmp_path):
    seen = []

    @transaction.atomic
    def failing():
        import_acled(by=system, path=_file(tmp_path), marking="public")
        seen.append(SearchBacklog.objects.count())
        raise RuntimeError("the batch fails after its insert")

    with pytest.raises(RuntimeError, match="fails after"):
        failing()
    assert seen == [1]
    assert not SearchBacklog.objects.exists()
    assert not Incident.objects.exists()


def test_a_job_that_fails_leaves_the_batch_queued_and_is_retried(system, states, tmp_path):
    import_acled(by=system, path=_file(tmp_path), marking="public", batch_size=3)
    real = services.index_stored
    calls = {"n": 0}

    def flaky(kind, pks):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("the disk went away")
        return real(kind, pks)

    failed = pytest.raises(OSError, match="went away")
    with mock.patch.object(services, "index_stored", flaky), failed:
        index_backlog.call_local()
    # The first batch was written and dropped from the queue; the failed one and the rest wait.
    assert SearchEntry.objects.filter(kind="incident").count() == 3
    assert SearchBacklog.objects.count() == 2
    # The job system retries it (and the sweep runs it every minute should the retries run out).
    assert index_backlog.retries > 0
    assert index_backlog.call_local() == 4
    assert SearchEntry.objects.filter(kind="incident").count() == 7


def test_records_deleted_before_the_job_are_skipped(system, states, tmp_path):
    import_acled(by=system, path=_file(tmp_path), marking="public")
    Incident.objects.filter(event_id="BK0").delete()
    assert backlog.run() == 6
    assert not SearchBacklog.objects.exists()


def test_writes_outside_an_import_are_indexed_in_their_own_transaction(system, states, tmp_path):
    with backlog.deferred():
        assert backlog.deferring()
    assert not backlog.deferring()
    import_acled(by=system, path=_file(tmp_path), marking="public")
    incident = Incident.objects.get(event_id="BK1")
    incident.description_en = "renamed"
    services.on_write(services.events.Written(Incident, [incident], "update", system))
    assert SearchEntry.objects.filter(kind="incident", record_id=str(incident.pk)).exists()


def test_the_import_command_indexes_before_returning_unless_told_not_to(system, states, tmp_path):
    done = CliRunner().invoke(app, ["import", "acled", str(_file(tmp_path)), "--marking", "public"])
    assert done.exit_code == 0, done.output
    assert "7 records indexed" in done.output
    assert SearchEntry.objects.filter(kind="incident").count() == 7
    assert not SearchBacklog.objects.exists()
    more = [acled_fixture.row(f"NX{i}") for i in range(4)]
    later = CliRunner().invoke(
        app,
        [
            "import",
            "acled",
            str(acled_fixture.write(tmp_path / "b.csv", more)),
            "--marking",
            "public",
            "--no-index",
        ],
    )
    assert later.exit_code == 0, later.output
    assert backlog.pending() == 4
    assert SearchEntry.objects.filter(kind="incident").count() == 7
    queued = CliRunner().invoke(app, ["search", "index-queued"])
    assert queued.exit_code == 0, queued.output
    assert SearchEntry.objects.filter(kind="incident").count() == 11


def test_queued_entries_reach_only_the_nations_the_import_names(system, make_user, tmp_path):
    """Entries written later by the job carry the records' marking: an import released to Italy
    is found by Italy's liaison officer and by no other nation's."""
    from marsad.core.search.selectors import search

    import_acled(
        by=system, path=_file(tmp_path), marking="nations", releasable_to=["ITA"], batch_size=3
    )
    assert index_backlog.call_local() == 7
    entries = SearchEntry.objects.filter(kind="incident")
    assert {(e.marking, e.releasable_to) for e in entries} == {("nations", "|ITA|")}
    italy, france = make_user("liaison", "ITA"), make_user("liaison", "FRA")
    assert search(italy, "strike").total == 7
    assert search(france, "strike").total == 0
    assert search(make_user("public"), "strike").total == 0
