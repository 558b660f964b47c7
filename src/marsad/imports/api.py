"""API of imports: start an import with a file (multipart), follow it, read its result."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import Http404, HttpRequest
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from marsad.core.errors import NotAllowed
from marsad.core.schemas import Error
from marsad.imports import selectors, services
from marsad.imports.models import ImportRun

router = Router(tags=["imports"])


class ImportRunOut(Schema):
    id: int
    kind: str
    file_name: str
    sha256: str
    size: int
    marking: str
    releasable_to: list[str]
    source: str
    status: str
    rows_done: int
    lines: int
    percent: int
    result: dict[str, Any]
    error: str
    started_by: str
    created: datetime
    finished: datetime | None

    @staticmethod
    def resolve_releasable_to(run: ImportRun) -> list[str]:
        return run.nations

    @staticmethod
    def resolve_started_by(run: ImportRun) -> str:
        return run.started_by.username


def _writer(request: HttpRequest) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    if not getattr(user, "can_write", False):
        raise NotAllowed("only analysts and administrators import files")
    return user


@router.post(
    "/imports",
    response={202: ImportRunOut, 403: Error, 422: Error},
    summary="Start an import of a file (ACLED, casualty series, UNRWA, COGAT); the worker runs it",
)
def start_import(
    request: HttpRequest,
    file: File[UploadedFile],
    kind: Form[str],
    marking: Form[str],
    releasable_to: Form[str] = "",
    source: Form[str] = "",
) -> Any:
    run = services.start(
        by=_writer(request),
        kind=kind,
        name=file.name or "",
        chunks=file.chunks(),
        size=file.size or 0,
        marking=marking,
        releasable_to=releasable_to.split(","),
        source=source,
    )
    return Status(202, selectors.run(request.auth, run.pk))  # type: ignore[attr-defined]


@router.get(
    "/imports",
    response={200: list[ImportRunOut], 403: Error},
    summary="The latest imports started from the pages or the API (writers only)",
)
def list_imports(request: HttpRequest) -> Any:
    return list(selectors.runs(_writer(request))[:100])


@router.get(
    "/imports/{run_id}",
    response={200: ImportRunOut, 403: Error, 404: Error},
    summary="One import: its progress, and when done what it did",
)
def get_import(request: HttpRequest, run_id: int) -> Any:
    try:
        return selectors.run(_writer(request), run_id)
    except ImportRun.DoesNotExist:
        raise Http404("no import with this number") from None
