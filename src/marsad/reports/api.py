"""API of reports: the daily report (HTML or PDF) and the issued reports."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from marsad.core.api import Page
from marsad.core.errors import NotAllowed
from marsad.core.schemas import Error
from marsad.reports import selectors, services
from marsad.reports.requests import ReportRequest

router = Router(tags=["reports"])


class DailyQuery(Schema):
    date: str = ""
    audience: str = "public"
    lang: str = "ar"
    format: str = "html"


class IssuedOut(Schema):
    id: int
    day: date
    audience: str
    language: str
    format: str
    sha256: str
    size: int
    issued_by: str
    issued_at: datetime
    marking: str
    releasable_to: list[str]
    download: str

    @staticmethod
    def resolve_releasable_to(obj: Any) -> list[str]:
        return obj.nations

    @staticmethod
    def resolve_issued_by(obj: Any, context: Any) -> str:
        return obj.issuer_for(context["request"].auth)

    @staticmethod
    def resolve_download(obj: Any) -> str:
        return obj.get_absolute_url()


class IssueIn(Schema):
    date: str = ""
    audience: str
    lang: str = "ar"
    format: str = "pdf"


def _asked(request: HttpRequest, day: str, audience: str, lang: str, fmt: str) -> ReportRequest:
    return ReportRequest.parse(
        day=day,
        audience=audience,
        language=lang,
        fmt=fmt,
        reader=request.auth,  # type: ignore[attr-defined]
    )


@router.get(
    "/daily",
    response={200: None, 403: Error, 422: Error},
    summary="The daily situation report of a day for an audience, as HTML or PDF",
)
def daily(request: HttpRequest, query: Query[DailyQuery]) -> Any:
    from marsad.reports.render import render
    from marsad.reports.sitrep import build

    asked = _asked(request, query.date, query.audience, query.lang, query.format)
    with translation.override(asked.language):
        report = build(asked.day, asked.audience)
    content = render(report, lang=asked.language, fmt=asked.fmt)
    kind = "application/pdf" if asked.fmt == "pdf" else "text/html; charset=utf-8"
    response = HttpResponse(content, content_type=kind)
    name = f"marsad-sitrep-{asked.day}-{asked.audience.code.replace(',', '-')}-{asked.language}"
    # A file to keep, not a page to show here (the site's policy would refuse its styles).
    response["Content-Disposition"] = f'attachment; filename="{name}.{asked.fmt}"'
    return response


@router.get("/issued", response=list[IssuedOut], summary="Issued reports the reader may read")
@paginate(Page)
def list_issued(request: HttpRequest) -> Any:
    return selectors.issued(request.auth)  # type: ignore[attr-defined]


@router.get("/issued/{report_id}", response=IssuedOut, summary="One issued report")
def get_issued(request: HttpRequest, report_id: int) -> Any:
    return selectors.issued(request.auth).get(pk=report_id)  # type: ignore[attr-defined]


@router.post(
    "/issued",
    response={201: IssuedOut, 403: Error, 422: Error},
    summary="Issue the daily report (analysts and administrators)",
)
def issue(request: HttpRequest, payload: IssueIn) -> Any:
    by = request.auth  # type: ignore[attr-defined]
    if not getattr(by, "can_write", False):
        raise NotAllowed("only analysts and administrators issue reports")
    asked = _asked(request, payload.date, payload.audience, payload.lang, payload.format)
    issued = services.issue_daily(
        by=by, day=asked.day, audience=asked.audience, language=asked.language, fmt=asked.fmt
    )
    return Status(201, issued)
