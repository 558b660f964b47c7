"""Readiness `known_on`: the indicators and the incident log as Marsad held them at a moment
(from the history tables), beside `as_of`; an indicator narrowed later is not shown in its old
form to a reader who may no longer read it."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from marsad.core.services import gate
from marsad.core.services.base import SystemUser
from marsad.programs import selectors

SYSTEM = SystemUser("system:test")


def _correct(record, **values):
    """A correction of a stored record, through the write gate."""
    for name, value in values.items():
        setattr(record, name, value)
    return gate.store(record, by=SYSTEM)


def _water(user, **moments):
    table = selectors.readiness_table(user, **moments)
    row = next(r for r in table.rows if r.pcode == "PS0270")
    return row.cell("water")


def test_an_indicator_corrected_later_shows_as_it_was_held(demo, demo_users):
    analyst = demo_users["analyst"]
    record = _water(analyst).record
    held = timezone.now()
    _correct(record, value=40)
    assert _water(analyst).value == 40
    assert _water(analyst, known_on=held).value == 33.5
    client = Client()
    client.force_login(analyst)
    html = client.get("/en/programs/readiness/", {"known_on": held.isoformat()}).content.decode()
    assert "as Marsad held it on" in html
    bad = client.get("/programs/readiness/", {"known_on": "قريبا"}).content.decode()
    start = bad.index('role="alert"')
    refusal = bad[start : bad.index("</div>", start)]
    assert "كما عرفه مرصد في" in refusal
    assert "قريبا" in refusal


def test_an_indicator_narrowed_later_is_not_shown_in_its_old_form(demo, demo_users):
    record = _water(SYSTEM).record
    held = timezone.now()
    gate.store(record, by=SYSTEM, marking="nations", releasable_to=["FRA"])
    assert _water(demo_users["fra"], known_on=held).value == 33.5
    assert _water(demo_users["ita"], known_on=held).value == 28.0
    assert _water(demo_users["analyst"], known_on=held).value == 33.5


@pytest.mark.parametrize("extra", [0, 5])
def test_the_readiness_page_known_on_reads_a_bounded_number_of_statements(demo, demo_users, extra):
    from marsad.programs.services import record_indicator

    for n in range(extra):
        record_indicator(
            by=SYSTEM,
            pcode="PS0255",
            kind="water",
            value=10 + n,
            measured_on=f"2025-12-{10 + n}",
            source="ISF-PLANNING-CELL",
            marking="force",
        )
    client = Client()
    client.force_login(demo_users["analyst"])
    client.get("/en/programs/readiness/")
    cache.clear()
    with CaptureQueriesContext(connection) as seen:
        page = client.get("/en/programs/readiness/", {"known_on": timezone.now().isoformat()})
    assert page.status_code == 200
    assert len(seen) <= 75, len(seen)


def _public_claim(start):
    from marsad.core import selectors as core
    from marsad.core.services.claims import record_claim

    document = core.documents(SYSTEM).filter(marking="public").order_by("id").first()
    data = {"type": "attack", "evidence": [{"start": start, "end": start + 5}], "marking": "public"}
    return record_claim(by=SYSTEM, document=document, data=data)


def test_an_indicator_known_on_shows_the_evidence_held_then(demo, demo_users):
    """A claim linked after the moment is absent, one taken off later is there, and a claim
    narrowed later to France is shown neither to Italy's officer nor counted as theirs."""
    record = _water(SYSTEM).record
    removed, narrowed, added = _public_claim(0), _public_claim(5), _public_claim(10)
    gate.store(record, by=SYSTEM, claims=[removed, narrowed])
    held = timezone.now()
    gate.withdraw_claims(record, by=SYSTEM, claims=[removed])
    gate.store(record, by=SYSTEM, claims=[added])
    gate.store(narrowed, by=SYSTEM, marking="nations", releasable_to=["FRA"])
    analyst, ita, fra = demo_users["analyst"], demo_users["ita"], demo_users["fra"]

    def shown(user, when=None):
        cell = _water(user, known_on=when) if when else _water(user)
        return {c.pk for c in cell.record.evidence_for(user)}

    assert added.pk in shown(analyst)
    assert removed.pk not in shown(analyst)
    assert {removed.pk, narrowed.pk} <= shown(analyst, held)
    assert added.pk not in shown(analyst, held)
    assert narrowed.pk in shown(fra, held)
    assert narrowed.pk not in shown(ita, held)
    client = Client()
    client.force_login(ita)
    page = client.get("/en/programs/readiness/", {"known_on": held.isoformat()}).content.decode()
    assert f"#claim-{removed.pk}" in page
    assert f"#claim-{added.pk}" not in page
    assert f"#claim-{narrowed.pk}" not in page
    assert "Evidence not releasable to you." in page
