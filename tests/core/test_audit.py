"""The audit chain: written by every service write, and tampering is found and named."""

import json

import pytest
from django.db import connection
from typer.testing import CliRunner

from marsad.cli import app
from marsad.core import audit
from marsad.core.errors import InvalidInput
from marsad.core.models import Actor, AuditEntry
from marsad.core.services.actors import create_actor, update_actor

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(system, states):
    """Three actors created plus one update: at least six entries."""
    create_actor(
        by=system,
        key="HAMAS",
        kind="armed_group",
        name_ar="حماس",
        name_en="Hamas",
        marking="public",
    )
    actor = Actor.objects.get(key="HAMAS")
    update_actor(by=system, actor=actor, name_en="Hamas movement")
    return list(AuditEntry.objects.order_by("seq"))


def test_each_write_appends_an_entry_with_before_and_after(chain):
    last = chain[-1]
    assert (last.action, last.model, last.user) == ("update", "core.Actor", "system:test")
    assert json.loads(last.before)["name_en"] == "Hamas"
    assert json.loads(last.after)["name_en"] == "Hamas movement"
    assert [e.seq for e in chain] == list(range(1, len(chain) + 1))
    assert all(e.prev_hash == p.hash for p, e in zip(chain, chain[1:], strict=False))
    assert audit.verify().ok


def test_a_failed_write_leaves_no_entry_and_no_record(system, states):
    entries = AuditEntry.objects.count()
    with pytest.raises(InvalidInput):
        create_actor(by=system, key="X-1", kind="state", iso3="nope", name_ar="س", name_en="X")
    assert AuditEntry.objects.count() == entries
    assert not Actor.objects.filter(key="X-1").exists()


def _sql(statement, params=()):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def test_altered_entry_is_named(chain):
    target = chain[2]
    _sql(
        "UPDATE core_auditentry SET after = %s WHERE seq = %s", ['{"name_en":"forged"}', target.seq]
    )
    report = audit.verify()
    assert not report.ok
    assert report.seq == target.seq
    assert "altered" in report.problem


def test_removed_entry_is_named(chain):
    _sql("DELETE FROM core_auditentry WHERE seq = %s", [3])
    report = audit.verify()
    assert not report.ok
    assert report.seq == 3
    assert "removed" in report.problem


def test_reordered_entries_are_found(chain):
    # Swap two entries' places in the sequence: the links no longer follow.
    _sql("UPDATE core_auditentry SET seq = 1000 WHERE seq = 2")
    _sql("UPDATE core_auditentry SET seq = 2 WHERE seq = 3")
    _sql("UPDATE core_auditentry SET seq = 3 WHERE seq = 1000")
    report = audit.verify()
    assert not report.ok
    assert report.seq == 2


def test_removed_tail_is_found(chain):
    _sql("DELETE FROM core_auditentry WHERE seq = %s", [chain[-1].seq])
    report = audit.verify()
    assert not report.ok
    assert "end" in report.problem


def test_rehashed_forgery_breaks_the_next_link(chain):
    """Even whoever holds the audit key, rewrites an entry and recomputes its hash still breaks
    the following entry (without the key, the entry itself fails: test_audit_tamper.py)."""
    target = chain[1]
    fields = audit._entry_fields(
        target.seq,
        target.at,
        "intruder",
        target.action,
        target.model,
        target.object_id,
        target.before,
        target.after,
    )
    _sql(
        'UPDATE core_auditentry SET "user" = %s, hash = %s WHERE seq = %s',
        ["intruder", audit.entry_hash(target.prev_hash, fields), target.seq],
    )
    report = audit.verify()
    assert not report.ok
    assert report.seq == target.seq + 1


def test_cli_reports_the_break_and_fails(chain):
    runner = CliRunner()
    assert runner.invoke(app, ["audit", "verify"]).exit_code == 0
    _sql("UPDATE core_auditentry SET action = 'create' WHERE seq = %s", [chain[-1].seq])
    result = runner.invoke(app, ["audit", "verify"])
    assert result.exit_code == 2
    assert f"entry #{chain[-1].seq} was altered" in result.output


def test_passwords_never_reach_the_log(make_user):
    make_user("analyst")
    entry = AuditEntry.objects.filter(model="core.User").last()
    assert "password" not in json.loads(entry.after)
    assert "pbkdf2" not in entry.after
