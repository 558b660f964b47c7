"""Seventeen ways to tamper with the audit log in the database, each found by `marsad audit
verify` with a checkpoint held outside it (exit code 2, the first failing entry or checkpoint
named); and an attacker with the database but neither key cannot forge a chain or a checkpoint.
"""

from __future__ import annotations

import json
import secrets
from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.db import connection
from django.db.models import F
from typer.testing import CliRunner

from marsad.cli import app
from marsad.core import audit
from marsad.core.audit_proof import signed_line
from marsad.core.models import AuditEntry, AuditHead
from tests.core.conftest import hash_of as _hash
from tests.core.conftest import rehash_from as _rehash_from

pytestmark = pytest.mark.django_db
runner = CliRunner()


def _sql(statement: str, params: tuple | list = ()) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def _output(result) -> str:
    return " ".join(result.output.split())


CASES = []


def case(*expected: str):
    def register(tamper):
        CASES.append(pytest.param(tamper, expected, id=tamper.__name__))
        return tamper

    return register


@case("entry #3 was altered")
def after_altered():
    _sql("UPDATE core_auditentry SET after = %s WHERE seq = 3", ['{"name_en":"forged"}'])


@case("entry #5 was altered")
def before_altered():
    AuditEntry.objects.filter(seq=5).update(before='{"name_en":"someone else"}')


@case("entry #2 was altered")
def user_altered():
    _sql('UPDATE core_auditentry SET "user" = %s WHERE seq = 2', ["analyst-x"])


@case("entry #4 was altered")
def action_altered():
    AuditEntry.objects.filter(seq=4).update(action="delete")


@case("entry #1 was altered")
def model_altered():
    _sql("UPDATE core_auditentry SET model = %s WHERE seq = 1", ["core.Source"])


@case("entry #4 was altered")
def object_id_altered():
    AuditEntry.objects.filter(seq=4).update(object_id="999")


@case("entry #2 was altered")
def time_altered():
    AuditEntry.objects.filter(seq=2).update(at=F("at") - timedelta(hours=3))


@case("entry #3 was altered")
def hash_altered():
    _sql("UPDATE core_auditentry SET hash = %s WHERE seq = 3", ["f" * 64])


@case("entry #3 does not follow entry #2")
def prev_hash_altered():
    AuditEntry.objects.filter(seq=3).update(prev_hash=_hash(1))


@case("entry #3 is missing")
def middle_entry_deleted():
    _sql("DELETE FROM core_auditentry WHERE seq = 3")


@case("entry #1 is missing")
def first_entry_deleted():
    AuditEntry.objects.filter(seq=1).delete()


@case("entry #2 does not follow entry #1")
def two_entries_swapped():
    _sql("UPDATE core_auditentry SET seq = 1000 WHERE seq = 2")
    _sql("UPDATE core_auditentry SET seq = 2 WHERE seq = 3")
    _sql("UPDATE core_auditentry SET seq = 3 WHERE seq = 1000")


@case("entry #3 has an unkeyed SHA-256 hash")
def forged_entry_inserted():
    """Make room after entry #2 and slip in an entry hashed as well as one can without the key."""
    AuditEntry.objects.filter(seq__gte=3).update(seq=F("seq") + 1000)
    AuditEntry.objects.filter(seq__gte=1000).update(seq=F("seq") - 999)
    forged = AuditEntry(
        seq=3,
        at=AuditEntry.objects.get(seq=2).at,
        user="system:test",
        action="create",
        model="core.Actor",
        object_id="999",
        before="null",
        after='{"key":"FORGED"}',
        prev_hash=_hash(2),
    )
    forged.hash = audit.unkeyed_hash(forged.prev_hash, audit.fields_of(forged))
    forged.save()
    AuditHead.objects.filter(pk=1).update(seq=6)


@case("the log ends at entry #4 but the head records #5", "removed from the end")
def tail_cut_head_left():
    _sql("DELETE FROM core_auditentry WHERE seq = 5")


@case("checkpoint on line 1 (entry #5", "is not in the log", "ends at entry #3")
def tail_cut_head_moved():
    AuditEntry.objects.filter(seq__gt=3).delete()
    AuditHead.objects.filter(pk=1).update(seq=3, hash=_hash(3))


@case("entry #2 has an unkeyed SHA-256 hash")
def rewritten_and_rehashed_with_sha256():
    AuditEntry.objects.filter(seq=2).update(user="analyst-x")
    _rehash_from(2, audit.unkeyed_hash)


@case("checkpoint on line 1 (entry #5", "is not in the log", "ends at entry #0")
def everything_deleted():
    _sql("DELETE FROM core_auditentry")
    _sql("DELETE FROM core_audithead")


def test_there_are_seventeen_cases():
    assert len(CASES) == 17


@pytest.mark.parametrize(("tamper", "expected"), CASES)
def test_tampering_is_found_and_named(proof, tamper, expected):
    assert runner.invoke(app, proof.verify_args()).exit_code == 0
    tamper()
    result = runner.invoke(app, proof.verify_args())
    assert result.exit_code == 2, result.output
    for words in expected:
        assert words in _output(result)


def test_without_a_checkpoint_a_cut_with_the_head_moved_goes_unseen(proof):
    """Why checkpoints are kept outside: the database alone cannot tell what it no longer holds."""
    tail_cut_head_moved()
    assert audit.verify().ok
    everything_deleted()
    assert audit.verify().ok


def test_an_attacker_without_the_keys_cannot_forge_a_chain_or_a_checkpoint(proof):
    ours = json.loads(proof.checkpoints.read_text())
    their_key = secrets.token_urlsafe(50).encode()
    AuditEntry.objects.filter(seq=2).update(user="analyst-x")
    _rehash_from(2, lambda prev, fields: audit.entry_hash(prev, fields, their_key))
    result = runner.invoke(app, proof.verify_args())
    assert result.exit_code == 2
    assert "entry #2 was altered" in _output(result)

    # A checkpoint of the forged head, signed with a key of their own...
    theirs = signed_line(
        audit.ChainReport(True, 5, head_hash=_hash(5)), Ed25519PrivateKey.generate()
    )
    proof.checkpoints.write_text(theirs + "\n")
    result = runner.invoke(app, proof.verify_args())
    assert result.exit_code == 2
    assert "was signed by key" in _output(result)
    assert "not by the public key given" in _output(result)
    # ...or claiming to be signed by ours.
    proof.checkpoints.write_text(json.dumps({**json.loads(theirs), "key_id": ours["key_id"]}))
    result = runner.invoke(app, proof.verify_args())
    assert result.exit_code == 2
    assert "the signature does not match" in _output(result)


def test_an_edited_checkpoint_line_fails_its_signature(proof):
    checkpoint = json.loads(proof.checkpoints.read_text())
    checkpoint.update(seq=3, hash=_hash(3))
    proof.checkpoints.write_text(json.dumps(checkpoint) + "\n")
    result = runner.invoke(app, proof.verify_args())
    assert result.exit_code == 2
    assert "checkpoint on line 1 (entry #3" in _output(result)
    assert "the signature does not match: the line was edited" in _output(result)
