"""Fixtures of the audit tests: keys in a fresh folder, a short chain, a checkpoint of it, and
what an attacker does after changing an entry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.core import audit
from marsad.core.models import Actor, AuditEntry, AuditHead
from marsad.core.models.audit import GENESIS_HASH
from marsad.core.services.actors import create_actor, update_actor


def hash_of(seq: int) -> str:
    return AuditEntry.objects.get(seq=seq).hash


def rehash_from(seq: int, hasher: Callable[[str, dict[str, Any]], str]) -> None:
    """What an attacker does after changing entry `seq`: recompute every later link and hash,
    and move the head to the new last hash."""
    prev_hash = hash_of(seq - 1) if seq > 1 else GENESIS_HASH
    for entry in AuditEntry.objects.filter(seq__gte=seq).order_by("seq"):
        digest = hasher(prev_hash, audit.fields_of(entry))
        AuditEntry.objects.filter(pk=entry.pk).update(prev_hash=prev_hash, hash=digest)
        prev_hash = digest
    AuditHead.objects.filter(pk=1).update(hash=prev_hash)


@dataclass(frozen=True)
class Proof:
    """What is kept outside the database: the checkpoint file and the public key."""

    checkpoints: Path
    public_key: Path

    def verify_args(self) -> list[str]:
        return [
            "audit",
            "verify",
            "--checkpoints",
            str(self.checkpoints),
            "--public-key",
            str(self.public_key),
        ]


@pytest.fixture
def audit_keys(settings: Any, tmp_path: Path) -> Path:
    """The audit log's keys in a folder of their own, created on first use as in production.
    Request it before any fixture that writes: the chain key is made while the log is empty."""
    settings.AUDIT_KEY = ""
    settings.AUDIT_KEY_FILE = tmp_path / "audit_key"
    settings.AUDIT_SIGNING_KEY_FILE = tmp_path / "audit_signing_key"
    return tmp_path


@pytest.fixture
def audit_chain(audit_keys: Path, system: Any, states: None) -> list[AuditEntry]:
    """Five entries: three states created, then an armed group created and renamed."""
    create_actor(
        by=system,
        key="HAMAS",
        kind="armed_group",
        name_ar="حماس",
        name_en="Hamas",
        marking="public",
    )
    update_actor(by=system, actor=Actor.objects.get(key="HAMAS"), name_en="Hamas movement")
    entries = list(AuditEntry.objects.order_by("seq"))
    assert len(entries) == 5
    return entries


@pytest.fixture
def proof(audit_chain: list[AuditEntry], audit_keys: Path) -> Proof:
    """A signed checkpoint of the chain's head and the public key, in files off the database."""
    runner = CliRunner()
    checkpoints, public_key = audit_keys / "checkpoints.jsonl", audit_keys / "public.pem"
    taken = runner.invoke(app, ["audit", "checkpoint", "--out", str(checkpoints)])
    assert taken.exit_code == 0, taken.output
    printed = runner.invoke(app, ["audit", "public-key"])
    assert printed.exit_code == 0, printed.output
    public_key.write_text(printed.stdout)
    return Proof(checkpoints, public_key)
