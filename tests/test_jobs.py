"""The job system: jobs queued in the SQLite queue are run by `marsad worker`, and `marsad run`
starts a worker beside the web server and stops it with the server."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.test import override_settings

from marsad.core.services.base import SystemUser
from marsad.core.services.users import create_user
from marsad.core.tasks import checkpoint_audit

pytestmark = pytest.mark.long(seconds=104)

MARSAD = [sys.executable, "-m", "marsad.cli"]


def _env(var: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(MARSAD_VAR_DIR=str(var), DJANGO_SETTINGS_MODULE="marsad.settings")
    return env


def _wait(condition, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.django_db
def test_checkpoint_job_signs_only_a_grown_chain(tmp_path, transactional_db):
    path = tmp_path / "checkpoints.jsonl"
    with override_settings(AUDIT_CHECKPOINTS_FILE=path, AUDIT_SIGNING_KEY_FILE=tmp_path / "k"):
        with_user = create_user(
            by=SystemUser("system:test"), username="amal", role="analyst", password="x9!Lq-2vRt"
        )
        first = checkpoint_audit.call_local()
        assert first is not None
        assert first > 0
        assert checkpoint_audit.call_local() is None  # nothing new to sign
        create_user(
            by=SystemUser("system:test"), username="huda", role="analyst", password="x9!Lq-2vRt"
        )
        assert checkpoint_audit.call_local() > first
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert [line["seq"] for line in lines] == sorted({line["seq"] for line in lines})
    assert with_user.pk


def test_worker_runs_jobs_queued_in_the_sqlite_queue(tmp_path):
    env = _env(tmp_path)
    subprocess.run([*MARSAD, "migrate"], env=env, check=True, capture_output=True)
    subprocess.run(
        [
            *MARSAD,
            "createuser",
            "amal",
            "--role",
            "analyst",
            "--password",
            "x9!Lq-2vRt",
            "--no-token",
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    enqueue = (
        "import django; django.setup(); "
        "from marsad.core.tasks import checkpoint_audit; checkpoint_audit()"
    )
    subprocess.run([sys.executable, "-c", enqueue], env=env, check=True, capture_output=True)
    checkpoints = tmp_path / "audit-checkpoints.jsonl"
    assert (tmp_path / "jobs.sqlite3").exists()
    assert not checkpoints.exists()  # queued, not run: no worker yet
    log = (tmp_path / "worker.log").open("wb")
    worker = subprocess.Popen([*MARSAD, "worker"], env=env, stdout=log, stderr=log)
    try:
        assert _wait(checkpoints.exists), "the worker did not run the queued job"
    finally:
        worker.send_signal(signal.SIGINT)
        worker.wait(timeout=30)
        log.close()
    assert json.loads(checkpoints.read_text().splitlines()[-1])["seq"] > 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _is_worker(pid: int) -> bool:
    try:
        return b"worker" in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False


def test_run_starts_a_worker_and_stops_it(tmp_path):
    env = _env(tmp_path)
    # A database that is not empty, so that `run` does not spend its time loading the demo.
    subprocess.run([*MARSAD, "demo"], env=env, check=True, capture_output=True)
    log = (tmp_path / "server.log").open("wb")
    server = subprocess.Popen(
        [*MARSAD, "run", "--port", str(_free_port()), "--workers", "1"],
        env=env,
        stdout=log,
        stderr=log,
    )
    try:
        assert _wait(lambda: any(_is_worker(p) for p in _children(server.pid))), (
            "no job worker beside the server"
        )
        worker = next(p for p in _children(server.pid) if _is_worker(p))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        log.close()
    assert not Path(f"/proc/{worker}").exists() or not _is_worker(worker)
