"""`marsad ingest --scheduler`: a real Dask scheduler and two worker processes on loopback
extract the batches; what is stored is what a local run stores, even when a worker dies in the
middle of a batch; a scheduler that does not answer is refused before anything is stored."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.core.models import Document
from marsad.intake import archives, cluster, ingest
from marsad.intake.services_batch import BatchWriter

from .test_ingest import PUBLISHED, SYSTEM, TEXTS, source, state_after, write_folder

distributed = pytest.importorskip("distributed")

__all__ = ["source"]  # the fixture, shared with test_ingest


@pytest.fixture(scope="module")
def client() -> Any:
    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=None,
        ) as local,
        distributed.Client(local, set_as_default=False) as connected,
    ):
        connected.wait_for_workers(2, timeout=60)
        yield connected


def dying_once(marker: str) -> Any:
    """extract_batch, but the worker that first runs it dies on the spot (as a killed process
    would): the scheduler must give the batch to a worker still alive."""

    def run(jobs: Any) -> Any:
        if not os.path.exists(marker):
            Path(marker).write_text("died", encoding="utf-8")
            os._exit(1)
        return ingest.extract_batch(jobs)

    return run


class Dying:
    """The cluster's executor, each batch sent as `dying_once`."""

    def __init__(self, executor: Any, marker: str) -> None:
        self.executor, self.marker = executor, marker

    def submit(self, fn: Any, *args: Any) -> Any:
        return self.executor.submit(dying_once(self.marker), *args)


def run(folder: Path, source: str, executor: Any) -> None:
    writer = BatchWriter(by=SYSTEM, source=source, marking="public", label=str(folder))
    outcomes = list(
        ingest.run(archives.read(folder), writer, executor, published=PUBLISHED, batch_size=2)
    )
    assert {o.result for o in outcomes} == {"stored", "skipped"}


@pytest.mark.django_db
def test_a_cluster_stores_what_a_local_run_stores(client, source, tmp_path):
    folder = write_folder(tmp_path / "texts", TEXTS)
    local = state_after(lambda: run(folder, source, None))
    assert local["claims"]
    assert state_after(lambda: run(folder, source, cluster.executor(client))) == local
    marker = str(tmp_path / "died")
    dying = Dying(cluster.executor(client), marker)
    assert state_after(lambda: run(folder, source, dying)) == local
    assert Path(marker).exists()  # a worker did die, and no document was lost


@pytest.mark.django_db
def test_the_command_sends_its_batches_to_the_scheduler(client, source, tmp_path):
    folder = write_folder(tmp_path / "texts", TEXTS)
    # The test before kills a worker on purpose: its nanny starts another, which may still be
    # connecting when this one begins.
    client.wait_for_workers(2, timeout=60)
    address = client.scheduler.address
    args = ["ingest", str(folder), "--source", source, "--scheduler", address]
    result = CliRunner().invoke(app, [*args, "--marking", "public", "--published", PUBLISHED])
    assert result.exit_code == 0, result.output
    assert "2 workers" in result.output
    assert Document.objects.count() == len(set(TEXTS))


@pytest.mark.django_db
def test_a_scheduler_that_does_not_answer_is_refused_before_anything_is_stored(source, tmp_path):
    folder = write_folder(tmp_path / "texts", TEXTS)
    args = ["ingest", str(folder), "--source", source, "--scheduler", "tcp://127.0.0.1:9"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert "no Dask scheduler answers at tcp://127.0.0.1:9" in result.output
    assert "Traceback" not in result.output
    assert not Document.objects.exists()
