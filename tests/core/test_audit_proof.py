"""The audit log's keys, its signed checkpoints, the commands' exit codes, and the one-time
conversion of a log written before the chain had a key."""

from __future__ import annotations

import json
import stat

import pytest
from django.core.exceptions import ImproperlyConfigured
from typer.testing import CliRunner

from marsad.cli import app
from marsad.core import audit
from marsad.core.audit_keys import key_id, load_public_key
from marsad.core.models import Actor, AuditEntry, AuditHead
from marsad.core.services.actors import update_actor
from tests.core.conftest import rehash_from

pytestmark = pytest.mark.django_db
runner = CliRunner()


def _output(result) -> str:
    return " ".join(result.output.split())


def _rename(system, name: str) -> None:
    update_actor(by=system, actor=Actor.objects.get(key="HAMAS"), name_en=name)


def _owner_only(path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) == 0o600


def test_keys_are_made_on_first_use_for_the_owner_only(audit_keys, system, states):
    assert _owner_only(audit_keys / "audit_key")
    assert not (audit_keys / "audit_signing_key").exists()
    printed = runner.invoke(app, ["audit", "public-key"])
    assert printed.exit_code == 0
    assert _owner_only(audit_keys / "audit_signing_key")
    public = load_public_key(printed.stdout.encode())
    assert f"key id: {key_id(public)}" in printed.output


def test_verify_makes_no_key(audit_keys):
    assert audit.verify().ok
    assert not any(audit_keys.iterdir())


def test_checkpoint_is_one_signed_json_line_of_the_head(proof, audit_chain):
    lines = proof.checkpoints.read_text().splitlines()
    assert len(lines) == 1
    checkpoint = json.loads(lines[0])
    assert set(checkpoint) == {"v", "seq", "hash", "at", "key_id", "sig"}
    assert (checkpoint["seq"], checkpoint["hash"]) == (5, audit_chain[-1].hash)
    assert checkpoint["key_id"] == key_id(load_public_key(proof.public_key.read_bytes()))


def test_writes_after_a_checkpoint_extend_it(proof, system):
    _rename(system, "Hamas (2)")
    result = runner.invoke(app, proof.verify_args())
    assert result.exit_code == 0, result.output
    assert "audit chain intact: 6 entries; extends all 1 checkpoints" in _output(result)
    taken = runner.invoke(app, ["audit", "checkpoint", "--out", str(proof.checkpoints)])
    assert taken.exit_code == 0
    assert json.loads(taken.stdout)["seq"] == 6
    _rename(system, "Hamas (3)")
    result = runner.invoke(app, proof.verify_args())
    assert result.exit_code == 0, result.output
    assert "extends all 2 checkpoints" in _output(result)


def test_verify_without_a_public_key_uses_this_machines_key(proof):
    result = runner.invoke(app, ["audit", "verify", "--checkpoints", str(proof.checkpoints)])
    assert result.exit_code == 0, result.output
    assert "this machine's own signing key" in _output(result)


def test_checkpoint_files_that_prove_nothing_fail(proof, tmp_path):
    missing = runner.invoke(app, ["audit", "verify", "--checkpoints", str(tmp_path / "none")])
    assert missing.exit_code == 2
    assert "does not exist" in _output(missing)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    result = runner.invoke(app, ["audit", "verify", "--checkpoints", str(empty)])
    assert result.exit_code == 2
    assert "holds no checkpoint" in _output(result)
    proof.checkpoints.write_text(proof.checkpoints.read_text() + "{not json\n")
    result = runner.invoke(app, proof.verify_args())
    assert result.exit_code == 2
    assert "line 2 is not a checkpoint" in _output(result)


def test_a_public_key_is_needed_and_must_be_one(audit_chain, tmp_path):
    checkpoints = str(tmp_path / "checkpoints.jsonl")
    no_key = runner.invoke(app, ["audit", "verify", "--checkpoints", checkpoints])
    assert no_key.exit_code == 1
    assert "no public key" in _output(no_key)
    (tmp_path / "bad.pem").write_text("not a key")
    args = ["audit", "verify", "--checkpoints", checkpoints, "--public-key"]
    bad = runner.invoke(app, [*args, str(tmp_path / "bad.pem")])
    assert bad.exit_code == 1
    assert "is not an Ed25519 public key" in _output(bad)


def test_a_broken_chain_is_never_signed(proof):
    before = proof.checkpoints.read_text()
    AuditEntry.objects.filter(seq=2).update(user="analyst-x")
    result = runner.invoke(app, ["audit", "checkpoint", "--out", str(proof.checkpoints)])
    assert result.exit_code == 2
    assert "no checkpoint taken" in _output(result)
    assert "entry #2 was altered" in _output(result)
    assert proof.checkpoints.read_text() == before


def test_a_missing_head_row_or_head_hash_is_found(audit_chain):
    AuditHead.objects.filter(pk=1).update(hash=audit_chain[2].hash)
    assert "the head does not match entry #5" in audit.verify().problem
    AuditHead.objects.all().delete()
    report = audit.verify()
    assert not report.ok
    assert "the head row is gone" in report.problem


def test_a_lost_chain_key_stops_writes_and_is_reported(audit_chain, settings, system, tmp_path):
    settings.AUDIT_KEY_FILE = tmp_path / "elsewhere" / "audit_key"
    report = audit.verify()
    assert not report.ok
    assert "is missing but the audit log holds 5 entries" in report.problem
    with pytest.raises(ImproperlyConfigured, match="restore the key file"):
        _rename(system, "Hamas (lost key)")
    assert AuditEntry.objects.count() == 5


def test_the_chain_key_can_come_from_the_environment(audit_keys, settings, system, states):
    settings.AUDIT_KEY = "k" * 40
    assert not audit.verify().ok  # the states were written with the key file
    AuditEntry.objects.all().delete()
    AuditHead.objects.all().delete()
    from marsad.core.services.actors import create_actor

    create_actor(by=system, key="X", kind="state", iso3="GBR", name_ar="س", name_en="X")
    assert audit.verify().ok
    settings.AUDIT_KEY = "too short"
    with pytest.raises(ImproperlyConfigured, match="32"):
        audit.verify()


def _make_unkeyed() -> None:
    """The log as versions before the audit key wrote it: plain SHA-256 from the first entry."""
    rehash_from(1, audit.unkeyed_hash)


def test_an_unkeyed_log_fails_until_it_is_converted_once(audit_chain, system):
    _make_unkeyed()
    report = audit.verify()
    assert (report.ok, report.seq) == (False, 1)
    assert "unkeyed SHA-256 hash" in report.problem
    assert "marsad audit rekey" in report.problem
    unkeyed_head = AuditHead.objects.get(pk=1).hash
    declined = runner.invoke(app, ["audit", "rekey"], input="n\n")
    assert declined.exit_code == 1
    assert AuditEntry.objects.get(seq=5).hash == unkeyed_head
    converted = runner.invoke(app, ["audit", "rekey", "--yes"])
    assert converted.exit_code == 0, converted.output
    assert "re-hashed 5 entries" in _output(converted)
    assert audit.verify().ok
    entry = AuditEntry.objects.get(seq=6)
    assert (entry.action, entry.user) == ("rekey", "system:audit-rekey")
    assert json.loads(entry.after) == {
        "rehashed": 5,
        "unkeyed_entries": 5,
        "unkeyed_head": unkeyed_head,
    }
    again = runner.invoke(app, ["audit", "rekey", "--yes"])
    assert again.exit_code == 0
    assert "nothing to convert" in _output(again)


def test_keyed_entries_written_before_the_conversion_are_kept(audit_chain, system):
    _make_unkeyed()
    _rename(system, "written after the upgrade")
    assert runner.invoke(app, ["audit", "rekey", "--yes"]).exit_code == 0
    report = audit.verify()
    assert (report.ok, report.checked) == (True, 7)
    assert json.loads(AuditEntry.objects.get(seq=7).after)["unkeyed_entries"] == 5


def test_an_unkeyed_log_that_fails_the_old_rule_is_not_converted(audit_chain):
    _make_unkeyed()
    AuditEntry.objects.filter(seq=3).update(object_id="999")
    hashes = list(AuditEntry.objects.order_by("seq").values_list("hash", flat=True))
    result = runner.invoke(app, ["audit", "rekey", "--yes"])
    assert result.exit_code == 2
    assert "nothing converted: entry #3 was altered" in _output(result)
    assert list(AuditEntry.objects.order_by("seq").values_list("hash", flat=True)) == hashes
