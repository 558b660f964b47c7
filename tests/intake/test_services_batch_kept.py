"""What a batch writer keeps between its batches (`intake.services_batch_kept`): the same grades
as one by one when others store or change claims between its batches, a failed batch forgetting
what was kept, and the windows of days read once."""

from __future__ import annotations

from datetime import date
from unittest import mock

import pytest

from marsad.core.models import Claim
from marsad.intake import archives, ingest, services_batch
from marsad.intake.services_batch import BatchWriter

from .test_ingest import PUBLISHED, SYSTEM, TEXTS, one_by_one, source, state_after, write_folder

__all__ = ["source"]  # the fixture, used by name


@pytest.mark.django_db
def test_a_writers_later_batches_read_what_others_stored_in_between(source, tmp_path):
    """A writer keeps what its batches read of the stored claims (`services_batch_kept.Kept`)
    and reads only what is new or changed: a claim another writer stores between two of its
    batches, in a window already read, still corroborates; a claim of its own that an analyst
    rejects in between no longer does; a batch that fails forgets what was kept."""
    from marsad.core.services.claims import review_claim

    folder = write_folder(tmp_path / "texts", TEXTS)
    paths = sorted(folder.glob("*.txt"))
    # The strike's reports come in all three parts; the last part's corroborate the earlier ones
    # from other sources.
    first, between, last = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    parts = (
        (first, [paths[0], paths[4]]),
        (between, [paths[1], paths[5]]),
        (last, paths[2:4] + paths[6:]),
    )
    for part, chosen in parts:
        part.mkdir()
        for path in chosen:
            (part / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    rejected_text = paths[0].read_text(encoding="utf-8")

    def in_between() -> None:
        one_by_one(between, source)
        for claim in Claim.objects.filter(document__text=rejected_text, type="casualties"):
            review_claim(by=SYSTEM, claim=claim, state="rejected")

    def all_one_by_one() -> None:
        one_by_one(first, source)
        in_between()
        one_by_one(last, source)

    expected = state_after(all_one_by_one)
    assert any(c[-2] == "rejected" for c in expected["claims"])

    def interleaved() -> None:
        writer = BatchWriter(by=SYSTEM, source=source, marking="public", label="kept")
        list(ingest.run(archives.read(first), writer, None, published=PUBLISHED, batch_size=2))
        kept = writer._kept
        assert kept.covered
        assert kept.own  # stored by this writer since it read
        in_between()
        list(ingest.run(archives.read(last), writer, None, published=PUBLISHED, batch_size=2))
        assert writer._kept is kept

    assert state_after(interleaved) == expected

    writer = BatchWriter(by=SYSTEM, source=source, marking="public", label="failing")
    list(ingest.run(archives.read(first), writer, None, published=PUBLISHED))
    assert writer._kept.covered
    with mock.patch.object(services_batch, "store_claims", side_effect=RuntimeError("disk")):
        with pytest.raises(RuntimeError, match="disk"):
            list(ingest.run(archives.read(between), writer, None, published=PUBLISHED))
    assert not writer._kept.covered


def test_the_windows_read_are_merged_and_only_their_gaps_read_again():
    from marsad.intake.services_batch_kept import cover, gaps

    day = date(2025, 11, 1).toordinal()

    def d(n: int) -> date:
        return date.fromordinal(day + n)

    covered = cover([], d(0), d(2))
    covered = cover(covered, d(5), d(6))
    assert covered == [(d(0), d(2)), (d(5), d(6))]
    assert gaps(covered, d(1), d(8)) == [(d(3), d(4)), (d(7), d(8))]
    assert gaps(covered, d(0), d(2)) == []
    assert cover(covered, d(3), d(4)) == [(d(0), d(6))]  # touching windows are one
