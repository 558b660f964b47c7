"""The after-action review: what the trainees did against the scenario's ground truth.

Per trainee: claims of the injected documents accepted rightly (they are expected claims),
wrongly (they are not), and missed (expected claims of the documents the trainee reviewed that
the trainee did not accept); precision and recall from these; the median minutes from an
inject's arrival to the trainee's review of its claims; notifications received during the
exercise and how many were read (alerts acknowledged). The team line counts each expected claim
once, whoever found it, and misses over every delivered document. Then, for every daily report
issued during the exercise, which of the scenario's key facts it carried.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from marsad.core.models import ReviewState, User
from marsad.core.roles import Role
from marsad.exercises import selectors
from marsad.exercises.clock import now, the_clock
from marsad.exercises.models import Clock, Inject, KeyFact, ReportCheck, exercise_time
from marsad.exercises.scoring import middle, pair, ratio


@dataclass
class Row:
    name: str
    right: int = 0
    wrong: int = 0
    missed: int = 0
    rejected: int = 0
    minutes_to_review: float | None = None
    alerts: int = 0
    alerts_read: int = 0

    @property
    def precision(self) -> float | None:
        return ratio(self.right, self.right + self.wrong)

    @property
    def recall(self) -> float | None:
        return ratio(self.right, self.right + self.missed)

    @property
    def precision_pct(self) -> int | None:
        return None if self.precision is None else round(100 * self.precision)

    @property
    def recall_pct(self) -> int | None:
        return None if self.recall is None else round(100 * self.recall)


@dataclass
class Review:
    clock: Clock
    minute: int
    injects: list[Inject]
    truths: int
    found: set[str]
    missed: list[str]
    analysts: list[Row]
    team: Row
    reports: list[ReportCheck] = field(default_factory=list)
    facts: list[KeyFact] = field(default_factory=list)

    @property
    def clock_time(self) -> str:
        return exercise_time(self.minute)


def _minutes(later: Any, earlier: Any) -> float:
    return (later - earlier).total_seconds() / 60


def review(reader: Any) -> Review:
    """The review as `reader` (the exercise controller) may read it."""
    clock = the_clock()
    injects = list(Inject.objects.prefetch_related("truths").order_by("at", "pk"))
    delivered = {i.document_id: i for i in injects if i.document_id and i.delivered_at}
    truths = {
        doc: [(t.key, t.claim_type, t.spec) for t in inject.truths.all()]
        for doc, inject in delivered.items()
    }
    reviewed = selectors.reviewed_claims(reader, delivered)
    per_user: dict[int, dict[int, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    rows: dict[int, Row] = {}
    delays: dict[int, list[float]] = defaultdict(list)
    for claim in reviewed:
        user = claim.reviewed_by
        assert user is not None
        row = rows.setdefault(user.pk, Row(user.username))
        inject = delivered[claim.document_id]
        if claim.reviewed_at and inject.delivered_at:
            delays[user.pk].append(_minutes(claim.reviewed_at, inject.delivered_at))
        if claim.review_state == ReviewState.ACCEPTED:
            per_user[user.pk][claim.document_id].append(claim.to_contract())
        else:
            row.rejected += 1
            per_user[user.pk].setdefault(claim.document_id, [])
    found: set[str] = set()
    team = Row(_("the whole team"))
    for pk, documents in per_user.items():
        row = rows[pk]
        for doc, claims in documents.items():
            hits, wrong = pair(truths[doc], claims)
            row.right += len(hits)
            row.wrong += wrong
            row.missed += len(truths[doc]) - len(hits)
            found |= hits
        row.minutes_to_review = middle(delays[pk])
    _alerts(clock, rows)
    all_truths = [key for listed in truths.values() for key, _t, _s in listed]
    team.right = len(found)
    team.wrong = sum(r.wrong for r in rows.values())
    team.missed = len(all_truths) - len(found)
    team.rejected = sum(r.rejected for r in rows.values())
    team.minutes_to_review = middle([d for values in delays.values() for d in values])
    team.alerts = sum(r.alerts for r in rows.values())
    team.alerts_read = sum(r.alerts_read for r in rows.values())
    return Review(
        clock=clock,
        minute=now(clock),
        injects=injects,
        truths=len(all_truths),
        found=found,
        missed=[key for key in all_truths if key not in found],
        analysts=sorted(rows.values(), key=lambda r: r.name),
        team=team,
        reports=list(ReportCheck.objects.order_by("issued_at", "pk")),
        facts=list(KeyFact.objects.order_by("pk")),
    )


def _alerts(clock: Clock, rows: dict[int, Row]) -> None:
    """Notifications each trainee received during the exercise, and those read. Trainees are
    the analysts of the exercise's database and whoever reviewed an injected claim."""
    from marsad.notify.models import Notification

    for user in User.objects.filter(role=Role.ANALYST, is_active=True).order_by("pk"):
        rows.setdefault(user.pk, Row(user.username))
    since = clock.started_at or timezone.now()
    until = clock.ended_at or timezone.now()
    received = Notification.objects.filter(
        recipient_id__in=list(rows), created__gte=since, created__lte=until
    ).values_list("recipient_id", "read_at")
    for recipient, read_at in received:
        rows[recipient].alerts += 1
        rows[recipient].alerts_read += read_at is not None
