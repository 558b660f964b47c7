"""Issuing: the exact bytes are kept with their SHA-256, through the write gate (history and an
audit entry that records the hash), marked as their audience; never changed nor deleted."""

import hashlib
import json
from datetime import date

import pytest

from marsad.core.audience import Audience
from marsad.core.errors import NotAllowed
from marsad.core.models import AuditEntry
from marsad.core.services.base import SystemUser
from marsad.reports import selectors
from marsad.reports.models import IssuedReport
from marsad.reports.services import issue

SYSTEM = SystemUser("system:sitrep")
CONTENT = b"%PDF-1.7 the exact bytes sent \x00\xff"


@pytest.fixture
def issued(db):
    return issue(
        by=SYSTEM,
        day=date(2026, 1, 27),
        audience=Audience("nations", ("FRA", "ITA")),
        language="ar",
        fmt="pdf",
        content=CONTENT,
    )


def test_the_stored_bytes_hash_to_the_stored_sha256_and_the_audit_names_it(issued):
    stored = selectors.issued_report(SYSTEM, issued.pk)
    assert bytes(stored.content) == CONTENT
    assert hashlib.sha256(bytes(stored.content)).hexdigest() == stored.sha256
    assert stored.size == len(CONTENT)
    assert stored.issued_by == "system:sitrep"
    assert (stored.marking, stored.nations) == ("nations", ["FRA", "ITA"])
    entry = AuditEntry.objects.get(model="reports.IssuedReport", object_id=str(issued.pk))
    assert entry.action == "create"
    assert entry.user == "system:sitrep"
    after = json.loads(entry.after)
    assert after["sha256"] == stored.sha256
    assert "content" not in after  # the bytes are recorded by their hash, not copied


def test_issuing_is_announced_as_a_creation(db, monkeypatch):
    from marsad.core import events

    heard = []
    monkeypatch.setattr(events, "_listeners", [])
    events.listen(lambda written: heard.append((written.model._meta.label, written.action)))
    issue(
        by=SYSTEM,
        day=date(2026, 1, 27),
        audience=Audience("public"),
        language="en",
        fmt="html",
        content=b"<p>x</p>",
    )
    assert ("reports.IssuedReport", "create") in heard


def test_an_issued_report_is_never_changed_nor_deleted(issued):
    issued.audience = "public"
    with pytest.raises(NotAllowed):
        issued.save()
    with pytest.raises(NotAllowed):
        issued.delete()
    with pytest.raises(NotAllowed):
        IssuedReport.objects.filter(pk=issued.pk).update(sha256="0" * 64)
    with pytest.raises(NotAllowed):
        IssuedReport.objects.filter(pk=issued.pk).delete()
    assert bytes(selectors.issued_report(SYSTEM, issued.pk).content) == CONTENT


def test_readers_see_the_reports_their_marking_reaches(issued, liaison_ita, liaison_fra, make_user):
    usa = make_user("liaison", "USA", username="usa")
    assert selectors.issued(liaison_ita).count() == 1
    assert selectors.issued(liaison_fra).count() == 1
    assert selectors.issued(usa).count() == 0


def test_only_writers_issue(liaison_ita):
    with pytest.raises(NotAllowed):
        issue(
            by=liaison_ita,
            day=date(2026, 1, 27),
            audience=Audience("public"),
            language="en",
            fmt="html",
            content=b"x",
        )


def test_the_issuers_name_is_read_by_the_centre_only(analyst, liaison_ita):
    by_carla = IssuedReport(issued_by="carla", issuer_role="analyst")
    assert by_carla.issuer_for(analyst) == "carla"
    assert by_carla.issuer_for(liaison_ita) == "analyst"
    assert IssuedReport(issued_by="system:sitrep").issuer_for(liaison_ita) == "system:sitrep"
