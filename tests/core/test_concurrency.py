"""Concurrent writers on one SQLite file wait for each other (BEGIN IMMEDIATE, busy timeout)
instead of failing with "database is locked", and the audit chain stays linear."""

import os
import subprocess
import sys

import pytest

WRITER = """
import sys, django
django.setup()
from marsad.core.services.base import SystemUser
from marsad.core.services.documents import submit_document
who = sys.argv[1]
for i in range(int(sys.argv[2])):
    submit_document(by=SystemUser(who), title=f"{who} {i}", text=f"تقرير {who} رقم {i}",
                    source="WIRE", marking="public")
"""
SETUP = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from marsad.core.services.actors import create_source
from marsad.core.services.base import SystemUser
create_source(by=SystemUser("setup"), key="WIRE", name_ar="وكالة", name_en="Wire", kind="media",
              marking="public")
"""
VERIFY = """
import django
django.setup()
from marsad.core.audit import verify
from marsad.core.models import Document
report = verify()
print(Document.objects.count(), report.ok, report.checked)
"""


@pytest.mark.skipif(
    "postgres" in os.environ.get("DATABASE_URL", ""), reason="SQLite locking behaviour only"
)
def test_two_processes_writing_at_once_both_succeed(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "marsad.settings",
        "MARSAD_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'concurrent.sqlite3'}",
    }

    def python(code, *args):
        return [sys.executable, "-c", code, *args]

    subprocess.run(python(SETUP), env=env, check=True, timeout=120)
    writers = [
        subprocess.Popen(python(WRITER, name, "40"), env=env, stderr=subprocess.PIPE)
        for name in ("alpha", "beta", "gamma")
    ]
    for writer in writers:
        _, stderr = writer.communicate(timeout=120)
        assert writer.returncode == 0, stderr.decode()
    result = subprocess.run(
        python(VERIFY), env=env, check=True, capture_output=True, text=True, timeout=120
    )
    assert result.stdout.split() == ["120", "True", "121"]
