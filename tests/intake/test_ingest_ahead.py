"""Batches sent to the workers before the writer is open (`ingest.send_ahead`): what is stored
and reported is what an ingest that waited for the writer stores and reports, including texts
of those batches that turn out to be stored already."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any

import pytest

from marsad.intake import archives, ingest
from marsad.intake.services_batch import BatchWriter
from tests.intake.test_ingest import PUBLISHED, SYSTEM, TEXTS, source, state_after, write_folder

__all__ = ["source"]  # the fixture, used by name


class InPlace(Executor):
    """Runs each call as it is submitted: the order of the work is the test's to read."""

    def __init__(self) -> None:
        self.calls = 0

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        self.calls += 1
        future: Future[Any] = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def writer(target: Path, src: str) -> BatchWriter:
    return BatchWriter(by=SYSTEM, source=src, marking="public", label=str(target))


def sent_ahead(target: Path, src: str, batches: int) -> list[ingest.Outcome]:
    executor = InPlace()
    ahead = ingest.send_ahead(
        archives.read(target), executor, published=PUBLISHED, sizes=[2] * batches
    )
    assert executor.calls == batches  # extracted before the writer exists
    return list(
        ingest.run(
            ahead.items, writer(target, src), executor, published=PUBLISHED, batch_size=3,
            ahead=ahead,
        )
    )  # fmt: skip


def waited(target: Path, src: str) -> list[ingest.Outcome]:
    return list(ingest.run(archives.read(target), writer(target, src), None, published=PUBLISHED))


@pytest.mark.django_db
def test_batches_sent_ahead_store_what_waiting_stores(source, tmp_path):
    folder = write_folder(tmp_path / "texts", TEXTS)
    expected = state_after(lambda: waited(folder, source))
    assert state_after(lambda: sent_ahead(folder, source, 2)) == expected


@pytest.mark.django_db
def test_texts_sent_ahead_and_stored_already_are_skipped_as_when_waiting(source, tmp_path):
    first = write_folder(tmp_path / "first", TEXTS[:3])
    waited(first, source)
    folder = write_folder(tmp_path / "texts", TEXTS)
    # The first batch sent ahead is stored already whole, the second in part (its second text
    # is a copy of one stored).
    outcomes = sent_ahead(folder, source, 3)
    assert [(Path(o.name).name, o.result, o.detail) for o in outcomes] == [
        *[(f"t{i:02d}.txt", "skipped", "stored already") for i in range(4)],
        *[(f"t{i:02d}.txt", "stored", o.detail) for i, o in enumerate(outcomes) if i >= 4],
    ]
    again = sent_ahead(folder, source, 2)
    assert [(o.result, o.detail) for o in again] == [("skipped", "stored already")] * len(TEXTS)
