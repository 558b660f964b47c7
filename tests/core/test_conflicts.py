"""The queue of conflicts with hidden records: who reads it, reconciling one, and what each
costs in queries whatever the length of the queue."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from marsad.core.errors import InvalidInput, NotAllowed
from marsad.core.models import AuditEntry, Conflict
from marsad.core.services import gate
from marsad.core.services.base import SystemUser
from marsad.core.services.conflicts import resolve_conflict
from marsad.core.services.documents import submit_document
from marsad.core.services.users import issue_token

SYSTEM = SystemUser("system:test")
pytestmark = pytest.mark.django_db


def _conflicts(count, make_document, marking="internal"):
    """`count` conflicts between a public document and a hidden one."""
    made = []
    for n in range(count):
        shown = make_document(text=f"نص علني رقم {n} {marking or 'unmarked'}")
        hidden, _ = submit_document(
            by=SYSTEM,
            title="x",
            text=f"نص محجوب رقم {n} {marking or 'unmarked'}",
            source="WIRE",
            marking=marking,
        )
        made.append(
            gate.queue_conflict(
                by=SYSTEM, record=shown, other=hidden, field="text", reason=f"test {n}"
            )
        )
    return made


def test_a_conflict_is_read_only_by_readers_of_both_records(make_document, analyst, liaison_ita):
    internal, unmarked = (
        _conflicts(1, make_document)[0],
        _conflicts(1, make_document, marking="")[0],
    )
    assert (internal.marking, unmarked.marking) == ("internal", "")
    client = Client()
    client.force_login(analyst)
    page = client.get("/en/conflicts/").content.decode()
    assert f"conflict-{internal.pk}" in page
    assert f"conflict-{unmarked.pk}" not in page
    assert 'href="/en/conflicts/"' in page  # in the navigation of those who reconcile
    liaison = Client()
    liaison.force_login(liaison_ita)
    assert liaison.get("/en/conflicts/").status_code == 403
    assert 'href="/en/conflicts/"' not in liaison.get("/en/").content.decode()
    token = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(by=SYSTEM, user=liaison_ita)}"}
    assert Client().get("/api/v1/conflicts", **token).status_code == 403
    arabic = client.get("/conflicts/").content.decode()
    assert "تعارضات مع سجلات محجوبة" in arabic


def test_reconciling_says_how_is_audited_and_happens_once(make_document, analyst):
    (conflict,) = _conflicts(1, make_document)
    with pytest.raises(InvalidInput, match="say how"):
        resolve_conflict(by=analyst, conflict=conflict.pk, resolution="  ")
    with pytest.raises(NotAllowed):
        resolve_conflict(
            by=SystemUser("x", role="public", can_write=False),
            conflict=conflict.pk,
            resolution="merged",
        )
    token = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(by=SYSTEM, user=analyst)}"}
    response = Client().post(
        f"/api/v1/conflicts/{conflict.pk}/resolve",
        {"resolution": "The two copies are one report; the public one stays."},
        content_type="application/json",
        **token,
    )
    assert response.status_code == 200, response.json()
    stored = Conflict.objects.get(pk=conflict.pk)
    assert stored.resolved_by == analyst
    assert AuditEntry.objects.filter(model="core.Conflict", object_id=str(conflict.pk)).count() == 2
    with pytest.raises(InvalidInput, match="reconciled already"):
        resolve_conflict(by=analyst, conflict=conflict.pk, resolution="again")
    listed = Client().get("/api/v1/conflicts", **token).json()
    assert listed["count"] == 0
    assert Client().get("/api/v1/conflicts?all=true", **token).json()["count"] == 1


def test_the_queue_costs_the_same_queries_at_two_sizes(make_document, analyst):
    client = Client()
    client.force_login(analyst)
    token = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(by=SYSTEM, user=analyst)}"}
    Client().get("/api/v1/me", **token)  # the token's first use is recorded once, not measured
    client.get("/en/conflicts/")  # the reader's summary is read from the database once, then kept
    counts = []
    for added in (2, 18):  # 2 conflicts, then 20
        _conflicts(added, make_document)
        with CaptureQueriesContext(connection) as page:
            assert client.get("/en/conflicts/").status_code == 200
        with CaptureQueriesContext(connection) as api:
            assert Client().get("/api/v1/conflicts", **token).status_code == 200
        counts.append((len(page), len(api)))
    assert counts[0] == counts[1], counts
