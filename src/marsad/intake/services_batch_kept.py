"""What an ingest's batch writer keeps between its batches of the stored claims that may fall in
one event with its new ones (`Kept`), and the reading of what a batch adds to it (`read_near`).
The grades worked out from them are `intake.regrading`'s; the batch that uses them is
`intake.services_batch_claims`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Q

from marsad.core.history import historical
from marsad.core.models import Claim, ReviewState
from marsad.intake.models import SameStory
from marsad.intake.regrading import Grader

DAY = timedelta(days=1)

# A writer's kept grades hold at most this many claims; past it they are read again from the
# database, a window at a time, as a first batch reads them (memory stays bounded on an archive).
KEPT_CLAIMS = 200_000


@dataclass
class Kept:
    """What one writer's earlier batches read of the stored claims, for its next batches: the
    grader with every claim loaded or stored so far, the date windows already read per claim
    type (merged intervals, for dated claims and for undated ones by their document's
    publication), the highest claim id when they were read, the ids this writer stored since,
    and the last history row of a claim when its batch ended. A batch then reads only what its
    window adds, and again the claims it holds that someone else changed since (reviewed,
    edited, regraded: their history rows come after that mark); news read in date order reads
    each stored claim once instead of once a batch."""

    grader: Grader = field(default_factory=Grader)
    covered: dict[tuple[str, str], list[tuple[date, date]]] = field(default_factory=dict)
    newest: int = 0
    own: set[int] = field(default_factory=set)
    history_mark: int | None = None

    def stored(self, claims: list[Claim]) -> None:
        """Claims of this writer now stored, with the grade they were stored with."""
        for claim in claims:
            self.grader.stored(claim)
            self.own.add(claim.pk)

    def mark(self) -> None:
        """The batch's writes are done: later history rows of claims are someone else's."""
        latest = (
            historical(Claim).objects.order_by("-history_id").values_list("history_id", flat=True)
        )
        self.history_mark = latest.first() or 0

    def full(self) -> bool:
        return len(self.grader) > KEPT_CLAIMS


def gaps(covered: list[tuple[date, date]], lo: date, hi: date) -> list[tuple[date, date]]:
    """The parts of [lo, hi] that no interval of `covered` (sorted, disjoint) holds."""
    gaps, start = [], lo
    for first, last in covered:
        if last < start or first > hi:
            continue
        if first > start:
            gaps.append((start, first - DAY))
        start = max(start, last + DAY)
    if start <= hi:
        gaps.append((start, hi))
    return gaps


def cover(covered: list[tuple[date, date]], lo: date, hi: date) -> list[tuple[date, date]]:
    merged: list[tuple[date, date]] = []
    for first, last in sorted([*covered, (lo, hi)]):
        if merged and first <= merged[-1][1] + DAY:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def _window(kind: str, lo: date, hi: date) -> Q:
    if kind == "dated":
        return Q(when_date__range=(lo, hi))
    return Q(when_date__isnull=True, document__published__range=(lo, hi))


def read_near(kept: Kept, claims: list[Claim], leave_out: set[int]) -> None:
    """The stored claims that may fall in one event with a claim of the batch, and the links
    between copies of their documents, read into `kept` unless an earlier batch read them: what
    the batch's window adds to the windows read, and what was stored since by others."""
    if not claims:
        return
    dated = [c.when_date for c in claims if c.when_date]
    published = [c.document.published for c in claims if not c.when_date and c.document.published]
    windows = []
    if dated:
        windows.append(("dated", min(dated) - DAY, max(dated) + DAY))
    if published:
        windows.append(("published", min(published) - DAY, max(published) + DAY))
    near = Q(pk__in=[])
    again: set[int] = set()
    if kept.history_mark is not None:
        changed = historical(Claim).objects.filter(history_id__gt=kept.history_mark)
        again = {pk for pk in changed.values_list("id", flat=True) if pk in kept.grader.by_pk}
        for pk in again:
            kept.grader.remove(pk)
        near |= Q(pk__in=sorted(again))
    for claim_type in sorted({c.type for c in claims}):
        for kind, lo, hi in windows:
            covered = kept.covered.get((claim_type, kind), [])
            for first, last in gaps(covered, lo, hi):
                near |= Q(type=claim_type) & _window(kind, first, last)
            if covered:
                near |= Q(type=claim_type, pk__gt=kept.newest) & _window(kind, lo, hi)
            kept.covered[(claim_type, kind)] = cover(covered, lo, hi)
    newest = Claim.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    stored = (
        Claim.objects.filter(near)
        .exclude(pk__in=(leave_out | kept.own) - again)
        .exclude(review_state=ReviewState.REJECTED)
        .select_related("document", "where")
        .prefetch_related("actors")
        .order_by("id")
    )
    documents = set()
    for claim in stored:
        kept.grader.load(claim)
        documents.add(claim.document_id)
    kept.newest, kept.own = newest, set()
    rows = SameStory.objects.filter(document_id__in=documents).order_by("similarity", "id")
    for document_id, original_id, score in rows.values_list(
        "document_id", "original_id", "similarity"
    ):
        kept.grader.add_link(document_id, original_id, score)
