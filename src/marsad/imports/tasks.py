"""The imports' job: one run at a time per job, as the user who started it."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

from marsad.imports import services


@db_task()
def run_import(run_id: int) -> None:
    services.execute(run_id)
