"""Core's jobs: the audit chain's hourly signed checkpoint, and the search entries of imports
(`index_backlog`, started when an import batch commits and swept every minute).

A checkpoint proves the chain's head at a moment; taken every hour by the worker, a rewrite of
the log can hide at most the last hour's entries. The line goes to AUDIT_CHECKPOINTS_FILE
(copy it where the database's administrators cannot write). A broken chain is never signed: the
failure is logged as an error for the administrators to see.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from django.conf import settings
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from marsad.core.audit_keys import signing_key
from marsad.core.audit_proof import CheckpointError, take_checkpoint
from marsad.core.models import AuditHead
from marsad.core.search import backlog

log = logging.getLogger(__name__)


@db_task()
def checkpoint_audit() -> int | None:
    """Sign the chain's head when it grew since the last checkpoint; the entry number signed."""
    head = AuditHead.objects.first()
    path = Path(settings.AUDIT_CHECKPOINTS_FILE)
    if head is None or head.seq == _last_signed(path):
        return None
    try:
        report, _line = take_checkpoint(path, signing_key())
    except CheckpointError as exc:
        log.error("audit checkpoint not taken: %s", exc)
        return None
    if not report.ok:
        log.error("audit checkpoint not taken: the chain is broken at #%s", report.seq)
        return None
    return report.checked


@db_periodic_task(crontab(minute="5"))
def hourly_audit_checkpoint() -> None:
    checkpoint_audit.call_local()


def _last_signed(path: Path) -> int | None:
    """The entry number of the last checkpoint in `path` (read without checking: the checkpoint
    about to be taken checks the whole file)."""
    if not path.exists():
        return None
    last = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            try:
                last = json.loads(line).get("seq")
            except ValueError:
                return None
    return last


# A failure leaves the batch queued: retried here, and by the sweep should the retries run out.
@db_task(retries=3, retry_delay=30)
def index_backlog() -> int:
    """Write the search entries of the imported records queued for them."""
    return backlog.run()


@db_periodic_task(crontab(minute="*"))
def index_backlog_sweep() -> None:
    # What a worker stopped before the job ran (or a job enqueued and lost) still gets indexed.
    if backlog.SearchBacklog.objects.exists():
        backlog.run()
