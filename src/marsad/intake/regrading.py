"""The grading of a batch of new claims, worked out in memory: the same groups
(`selectors.same_event`) and the same grades (`services.regrade`) as storing the claims one by
one gives, in the same order, so that the batch writer stores each claim with the credibility
it would have ended with and updates the stored claims whose grade the batch changes, without a
query per claim."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from typing import Any

from marsad.core.models import Claim, ReviewState
from marsad.core.releasability import decode_nations, within
from marsad.extraction.grading import credibility
from marsad.intake.grouping import independent_sources
from marsad.intake.selectors import _point, _same_place

DAY = timedelta(days=1)


class Grader:
    """Claims "stored so far" (those loaded, then each new one as it is added) and the links
    between copies of one story, as the one-by-one path would find them in the database."""

    def __init__(self) -> None:
        # By type, actors and day, so that a claim is compared with the claims of its own and
        # the two neighbouring days only, however many days the grader holds (a writer keeps
        # one across the batches of a whole archive). Each entry is (order added, claim).
        self._buckets: dict[tuple[Any, ...], list[tuple[int, Claim]]] = defaultdict(list)
        self._keys: dict[int, tuple[str, ...]] = {}
        self._links: dict[int, list[tuple[float, int, int]]] = defaultdict(list)
        self._order = 0
        self._added = 0
        self._reach: dict[tuple[tuple[str, str], tuple[str, str]], bool] = {}
        self.stored_grade: dict[int, int] = {}  # pk -> credibility as stored, for claims loaded
        # Claims whose grade `regrade` set since `touched` was last emptied, by id().
        self.touched: dict[int, Claim] = {}
        self.by_pk: dict[int, Claim] = {}  # the stored claims held, by id

    def __len__(self) -> int:
        return len(self._keys)

    def add_link(self, document_id: int, original_id: int, similarity: float) -> None:
        self._order += 1
        self._links[document_id].append((similarity, self._order, original_id))

    @staticmethod
    def _day(claim: Claim) -> tuple[str, int] | None:
        """Which day's claims one may be grouped with: its event's date, else (undated) its
        document's; none for an undated claim of an undated document."""
        if claim.when_date:
            return "dated", claim.when_date.toordinal()
        if claim.document.published:
            return "undated", claim.document.published.toordinal()
        return None

    def add(self, claim: Claim, actor_keys: list[str]) -> None:
        keys = tuple(sorted(actor_keys))
        self._keys[id(claim)] = keys
        self._added += 1
        if claim.pk and claim.pk > 0:
            self.by_pk[claim.pk] = claim
        day = self._day(claim)
        if day is not None:
            self._buckets[(claim.type, keys, *day)].append((self._added, claim))

    def stored(self, claim: Claim) -> None:
        """A claim added before it had its id, now stored with its grade."""
        self.by_pk[claim.pk] = claim
        self.stored_grade[claim.pk] = claim.credibility

    def remove(self, pk: int) -> None:
        """Forget a stored claim (changed by someone else since it was read: it is read again)."""
        claim = self.by_pk.pop(pk)
        keys = self._keys.pop(id(claim))
        day = self._day(claim)
        if day is not None:
            bucket = self._buckets[(claim.type, keys, *day)]
            bucket[:] = [entry for entry in bucket if entry[1] is not claim]
        self.stored_grade.pop(pk, None)
        self.touched.pop(id(claim), None)

    def load(self, claim: Claim) -> None:
        """A claim stored before the batch (with its actors prefetched)."""
        self.stored_grade[claim.pk] = claim.credibility
        self.add(claim, [a.key for a in claim.actors.all()])

    def _same_event(self, claim: Claim) -> list[Claim]:
        day = self._day(claim)
        if day is None:
            return []
        point = _point(claim)
        kind, ordinal = day
        near = [
            entry
            for offset in (-1, 0, 1)
            for entry in self._buckets.get(
                (claim.type, self._keys[id(claim)], kind, ordinal + offset), ()
            )
        ]
        found = []
        for _added, other in sorted(near, key=lambda entry: entry[0]):
            if other is claim or other.pk == claim.pk or other.document_id == claim.document_id:
                continue
            if other.review_state == ReviewState.REJECTED:
                continue
            if point is None and other.where_pcode != claim.where_pcode:
                continue
            if _same_place(claim, other, point):
                found.append(other)
        return found

    def _story_links(self, members: list[Claim]) -> dict[int, int]:
        """copy -> original as `fingerprints.story_links` reads them (by similarity, the
        highest last)."""
        links = {}
        for document_id in {c.document_id for c in members}:
            rows = sorted(self._links.get(document_id, ()))
            if rows:
                links[document_id] = rows[-1][2]
        return links

    def regrade(self, claim: Claim) -> None:
        """`services.regrade` of a claim just added: each member of its event's group gets the
        grade that the members every reader of it may read give it (`grouping.corroborating`
        and `grouping.grade`). Members marked alike read the same members, so the count of
        independent sources is made once per marking, not once per member: a large event
        stays linear."""
        members = [claim, *self._same_event(claim)]
        links = self._story_links(members)
        markings = {(m.marking, m.releasable_to) for m in members}
        told: dict[tuple[str, str], tuple[int, bool]] = {}
        for mark in markings:
            seen = [o for o in members if self._within(mark, (o.marking, o.releasable_to))]
            anonymous = all(o.attribution_kind == "anonymous" for o in seen)
            told[mark] = (independent_sources(seen, links), anonymous)
        for member in members:
            sources, anonymous = told[(member.marking, member.releasable_to)]
            member.credibility = credibility(
                independent_sources=sources, anonymous_only=anonymous, status=member.status
            )
            self.touched[id(member)] = member

    def _within(self, inner: tuple[str, str], outer: tuple[str, str]) -> bool:
        key = (inner, outer)
        if key not in self._reach:
            self._reach[key] = within(
                (inner[0], decode_nations(inner[1])), (outer[0], decode_nations(outer[1]))
            )
        return self._reach[key]
