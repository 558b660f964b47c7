"""`marsad ingest` killed with SIGKILL in the middle of a batch, then run again: every document
is stored once, every claim once, the audit chain verifies, and the rerun says what it skipped.
The command runs as a real process on its own SQLite file; the test kills it from outside."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from .test_ingest import PUBLISHED, TEXTS, write_folder

pytestmark = pytest.mark.skipif(
    "postgres" in os.environ.get("DATABASE_URL", ""),
    reason="kills a process writing to its own SQLite file",
)

SETUP = """
import django
django.setup()
from django.db import transaction
from marsad.core.services.actors import create_source
from marsad.core.services.base import SystemUser
with transaction.atomic():
    create_source(by=SystemUser("system:test"), key="WIRE", name_ar="وكالة", name_en="Wire",
                  kind="media", reliability="C", marking="public")
"""
# The real command, its batches paced: once a batch's documents are written (inside its
# transaction) it says so in the marker file and waits, so that the kill lands mid-batch.
PACED = """
import sys, time
from pathlib import Path
from marsad.commandline import setup_django
setup_django()
from marsad.intake import services_batch
marker = Path(sys.argv[1])
store_claims = services_batch.store_claims
def paced(*args, **kwargs):
    with marker.open("a", encoding="utf-8") as out:
        out.write("writing\\n")
    time.sleep(0.5)
    return store_claims(*args, **kwargs)
services_batch.store_claims = paced
from marsad.cli import main
sys.argv = ["marsad", *sys.argv[2:]]
main()
"""
CHECK = """
import json, django
django.setup()
from django.db.models import Count
from marsad.core.audit import verify
from marsad.core.models import AuditEntry, Claim, Document
sha = dict(Document.objects.values_list("pk", "sha256"))
claims = sorted(
    [sha[c.document_id], c.type, json.dumps(c.evidence, sort_keys=True), c.credibility,
     sorted(a.key for a in c.actors.all())]
    for c in Claim.objects.prefetch_related("actors")
)
print(json.dumps({
    "documents": len(sha),
    "texts": len(set(sha.values())),
    "claims": claims,
    "claim_rows": Claim.objects.count(),
    "history": Document.history.model.objects.values("id").annotate(n=Count("history_id"))
        .filter(n__gt=1).count(),
    "batches": AuditEntry.objects.filter(model="core.Document").count(),
    "chain": verify().ok,
}))
"""
BATCH = 3
TIMEOUT = 900  # seconds: a loaded machine migrates slowly


def _env(tmp: Path, name: str) -> dict[str, str]:
    var = tmp / name
    var.mkdir()
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "marsad.settings",
        "MARSAD_VAR_DIR": str(var),
        "DATABASE_URL": f"sqlite:///{var / 'marsad.sqlite3'}",
    }


def _ingest(folder: Path) -> list[str]:
    return ["ingest", str(folder), "--source", "WIRE", "--published", PUBLISHED,
            "--marking", "public", "--batch", str(BATCH)]  # fmt: skip


def _marsad(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", "from marsad.cli import main; main()", *args],
        env={**env, "COLUMNS": "200"},
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _state(env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", CHECK], env=env, capture_output=True, text=True, timeout=TIMEOUT
    )
    assert done.returncode == 0, done.stderr
    state: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return state


def _count(database: Path, table: str) -> int:
    with sqlite3.connect(database) as connection:
        return int(connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def _migrated(database: Path) -> None:
    """A copy of the test database, migrated and empty (migrating a file again is minutes on a
    loaded machine). The test runs outside a transaction: SQLite's backup waits for as long as
    its source holds one open."""
    from django.db import connection

    connection.ensure_connection()
    with sqlite3.connect(database) as target:
        connection.connection.backup(target)


@pytest.mark.django_db(transaction=True)
def test_an_ingest_killed_mid_batch_stores_each_document_once_when_run_again(tmp_path):
    # Distinct texts (the same text twice is reported as a copy, not as a resumed skip).
    texts = list(dict.fromkeys(TEXTS))
    texts += [f"{text} ({n})" for n in range(2) for text in texts]
    folder = write_folder(tmp_path / "texts", texts)
    killed, whole = _env(tmp_path, "killed"), _env(tmp_path, "whole")
    database = Path(killed["DATABASE_URL"].removeprefix("sqlite:///"))
    _migrated(database)
    subprocess.run([sys.executable, "-c", SETUP], env=killed, check=True, timeout=TIMEOUT)
    shutil.copy(database, whole["DATABASE_URL"].removeprefix("sqlite:///"))
    # The source's audit entry is signed with the key of its var dir: the copy needs it too.
    shutil.copy(database.parent / "audit_key", Path(whole["MARSAD_VAR_DIR"]) / "audit_key")

    marker = tmp_path / "batches"
    process = subprocess.Popen(
        [sys.executable, "-c", PACED, str(marker), *_ingest(folder)],
        env=killed,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + TIMEOUT
    # The second batch is being written: the first is stored, the second not yet committed.
    while not (marker.exists() and marker.read_text(encoding="utf-8").count("writing") >= 2):
        assert process.poll() is None, "the ingest ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=60) == -signal.SIGKILL
    assert _count(database, "core_document") == BATCH  # the first batch whole, no more

    report = _marsad(killed, *_ingest(folder))
    assert f"{len(texts) - BATCH} stored, {BATCH} skipped, 0 failed" in report
    assert report.count("stored already") == BATCH

    _marsad(whole, *_ingest(folder))
    after, expected = _state(killed), _state(whole)
    assert after["documents"] == after["texts"] == len(texts)
    assert after["claim_rows"] == len(after["claims"]) == len(expected["claims"])
    assert after["claims"] == expected["claims"]  # each claim once, graded as in one run
    assert after["history"] == 0
    assert after["batches"] == expected["batches"]
    assert after["chain"]
    assert expected["chain"]
