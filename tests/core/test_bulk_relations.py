"""A batch's many-to-many relations go through the gate: checked like the records' own fields,
written with their history link rows, and listed in the batch's audit entry."""

import copy
import json

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from marsad.core import audit
from marsad.core.errors import InvalidInput
from marsad.core.history import historical
from marsad.core.models import Actor, AuditEntry, Claim
from marsad.core.services import gate
from marsad.core.services.actors import create_actor
from marsad.core.services.claims import record_claim

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored(system, make_document):
    """A public invitation, the United States inviting Italy, recorded one by one."""
    return record_claim(
        by=system,
        document=make_document(marking="public"),
        data={
            "type": "invitation",
            "actor": ["USA"],
            "recipient": ["ITA"],
            "attributes": {"role": "founding_member"},
            "attribution": {"source_kind": "anonymous"},
            "evidence": [{"start": 0, "end": 10}],
        },
    )


@pytest.fixture
def egypt(system):
    """An actor only Italy's liaisons (and analysts) may read."""
    return create_actor(
        by=system, key="EGY", kind="state", iso3="EGY", name_ar="مصر", name_en="Egypt",
        marking="nations", releasable_to=["ITA"],
    )  # fmt: skip


def _unsaved(claim, n):
    """`n` new claims with `claim`'s fields."""
    made = []
    for _ in range(n):
        new = copy.copy(claim)
        new.pk = None
        new._state = copy.copy(claim._state)
        new._state.adding = True
        made.append(new)
    return made


def _store(by, claims, actors, recipients):
    with transaction.atomic():
        return gate.store_batch(
            Claim, claims, by=by, ids=lambda c: c.document_id, detail={}, action="create",
            relations={"actors": actors, "recipients": recipients},
        )  # fmt: skip


def test_a_batch_s_relations_are_stored_with_their_history_and_audit(system, stored):
    usa, ita, fra = (Actor.objects.get(key=k) for k in ("USA", "ITA", "FRA"))
    claims = _unsaved(stored, 3)
    _store(system, claims, [[usa], [usa, fra, usa], []], [[ita], [], [ita, fra]])

    assert [sorted(c.actors.values_list("key", flat=True)) for c in claims] == [
        ["USA"], ["FRA", "USA"], [],
    ]  # fmt: skip
    assert [sorted(c.recipients.values_list("key", flat=True)) for c in claims] == [
        ["ITA"], [], ["FRA", "ITA"],
    ]  # fmt: skip
    # Each claim's one history row holds its links, as the one-by-one path's rows hold them: a
    # history link row repeats the id of the link row it copies.
    for claim in claims:
        (row,) = historical(Claim).objects.filter(id=claim.pk)
        links = Claim.actors.through.objects.filter(claim=claim)
        kept = row.actors.all()
        assert sorted((k.id, k.actor_id) for k in kept) == sorted((k.id, k.actor_id) for k in links)
        assert {k.history_id for k in kept} <= {row.history_id}
    entry = AuditEntry.objects.filter(model="core.Claim").order_by("pk").last()
    after = json.loads(entry.after)
    assert after["links"]["actors"] == [
        [claims[0].pk, usa.pk], [claims[1].pk, usa.pk], [claims[1].pk, fra.pk],
    ]  # fmt: skip
    assert after["links"]["recipients"][0] == [claims[0].pk, ita.pk]
    assert audit.verify().ok


def test_a_related_record_hidden_from_the_writer_answers_as_an_unknown_one(
    stored, egypt, liaison_fra
):
    usa = Actor.objects.get(key="USA")
    before = Claim.objects.count()
    with pytest.raises(InvalidInput) as refused:
        _store(liaison_fra, _unsaved(stored, 2), [[usa], [usa, egypt]], [[], []])
    assert refused.value.problems[0].field == "actors[1]"
    assert "no actor has this identifier" in refused.value.problems[0].message
    assert Claim.objects.count() == before


def test_a_batch_may_not_be_released_further_than_a_record_it_names(stored, egypt, analyst):
    # The analyst reads Egypt, but a public claim naming it would tell the public it is there.
    before = Claim.actors.through.objects.count()
    with pytest.raises(InvalidInput) as refused:
        _store(analyst, _unsaved(stored, 2), [[], []], [[], [egypt]])
    assert refused.value.problems[0].field == "recipients"
    assert Claim.actors.through.objects.count() == before
    # Released to Italy only, it may name it; Italy's liaisons then read all it names.
    claims = _unsaved(stored, 1)
    claims[0].marking, claims[0].releasable_to = "nations", "ITA"
    _store(analyst, claims, [[]], [[egypt]])
    assert [a.key for a in claims[0].recipients.all()] == ["EGY"]


@pytest.mark.parametrize("n", [5, 50])
def test_a_batch_s_relations_cost_the_same_queries_at_any_size(system, stored, n):
    usa, ita = (Actor.objects.get(key=k) for k in ("USA", "ITA"))
    with CaptureQueriesContext(connection) as small:
        _store(system, _unsaved(stored, 2), [[usa]] * 2, [[ita]] * 2)
    with CaptureQueriesContext(connection) as large:
        _store(system, _unsaved(stored, n), [[usa]] * n, [[ita]] * n)
    assert len(large) == len(small)
