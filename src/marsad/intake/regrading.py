"""The grading of a batch of new claims, worked out in memory: the same groups
(`selectors.same_event`) and the same grades (`services.regrade`) as storing the claims one by
one gives, in the same order, so that the batch writer stores each claim with the credibility
it would have ended with and updates the stored claims whose grade the batch changes, without a
query per claim."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from itertools import chain
from operator import itemgetter
from typing import Any

from marsad.core.models import Claim, ReviewState
from marsad.core.releasability import decode_nations, within
from marsad.extraction.grading import credibility
from marsad.intake.fingerprints import story_root
from marsad.intake.grouping import independent_count, source_of
from marsad.intake.selectors import _point, near

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
        # What grading reads of each claim held, by id(): its document and the source it counts as.
        self._facts: dict[int, tuple[int, int]] = {}
        self._points: dict[int, tuple[float, float] | None] = {}
        # Each copy's best link (similarity, order added, original), as `story_links` picks it.
        self._links: dict[int, tuple[float, int, int]] = {}
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
        link = (similarity, self._order, original_id)
        if document_id not in self._links or link > self._links[document_id]:
            self._links[document_id] = link

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
        self._facts[id(claim)] = (claim.document_id, source_of(claim))
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
        self._facts.pop(id(claim))
        self._points.pop(id(claim), None)
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

    def _point(self, claim: Claim) -> tuple[float, float] | None:
        key = id(claim)
        if key not in self._points:
            self._points[key] = _point(claim)
        return self._points[key]

    def _same_event(self, claim: Claim) -> list[Claim]:
        """`selectors.same_event` among the claims held, in the order they were added."""
        day = self._day(claim)
        if day is None:
            return []
        point = self._point(claim)
        kind, ordinal = day
        keys = self._keys[id(claim)]
        lists = [
            found
            for offset in (-1, 0, 1)
            if (found := self._buckets.get((claim.type, keys, kind, ordinal + offset)))
        ]
        held = lists[0] if len(lists) == 1 else sorted(chain(*lists), key=itemgetter(0))
        pk, document_id, pcode = claim.id, claim.document_id, claim.where_pcode
        found = []
        for _added, other in held:
            if other is claim or other.id == pk or other.document_id == document_id:
                continue
            if other.review_state == ReviewState.REJECTED:
                continue
            if other.where_pcode == pcode:
                found.append(other)
            elif point is not None and near(point, self._point(other)):
                found.append(other)
        return found

    def _story_links(self, members: list[Claim]) -> dict[int, int]:
        """copy -> original among the members' documents, as `fingerprints.story_links` reads
        them (the best link of each)."""
        links = {}
        for document_id in {c.document_id for c in members}:
            if (link := self._links.get(document_id)) is not None:
                links[document_id] = link[2]
        return links

    def regrade(self, claim: Claim) -> None:
        """`services.regrade` of a claim just added: each member of its event's group gets the
        grade that the members every reader of it may read give it (`grouping.corroborating`
        and `grouping.grade`). Members marked alike read the same members, so the count of
        independent sources is made once per marking, not once per member, and a grade once per
        count and status: a large event stays linear."""
        members = [claim, *self._same_event(claim)]
        links = self._story_links(members)
        marked: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for member in members:
            marked[(member.marking, member.releasable_to)].append(member)
        told: dict[tuple[str, str], tuple[int, bool]] = {}
        for mark in marked:
            seen = [
                o for other, group in marked.items() if self._within(mark, other) for o in group
            ]
            anonymous = all(o.attribution_kind == "anonymous" for o in seen)
            facts = [self._facts[id(o)] for o in seen]
            pairs = {(story_root(document, links), source) for document, source in facts}
            told[mark] = (independent_count(pairs), anonymous)
        grades: dict[tuple[int, bool, str], int] = {}
        for member in members:
            sources, anonymous = told[(member.marking, member.releasable_to)]
            key = (sources, anonymous, member.status)
            if key not in grades:
                grades[key] = credibility(
                    independent_sources=sources, anonymous_only=anonymous, status=member.status
                )
            member.credibility = grades[key]
            self.touched[id(member)] = member

    def _within(self, inner: tuple[str, str], outer: tuple[str, str]) -> bool:
        key = (inner, outer)
        if key not in self._reach:
            self._reach[key] = within(
                (inner[0], decode_nations(inner[1])), (outer[0], decode_nations(outer[1]))
            )
        return self._reach[key]
