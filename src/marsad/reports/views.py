"""Pages of reports: the issued reports, the daily report for reading (and as PDF), issuing it,
and downloading an issued report's exact bytes."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marsad.core.errors import InvalidInput, NotAllowed
from marsad.reports import selectors, services
from marsad.reports.models import IssuedReport
from marsad.reports.render import digits_for
from marsad.reports.render import render as render_file
from marsad.reports.requests import ReportRequest
from marsad.reports.sitrep import build
from marsad.web.context import DIGITS_COOKIE
from marsad.web.problems import explain


def index(request: HttpRequest) -> HttpResponse:
    found = selectors.issued(request.user)
    return render(
        request,
        "reports/index.html",
        {"page": Paginator(found, 50).get_page(request.GET.get("page"))},
    )


def _file(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def daily(request: HttpRequest) -> HttpResponse:
    """The report of a day for an audience, in the page (or as a file with format=pdf|html)."""
    from django.utils import translation

    params = request.GET
    try:
        asked = ReportRequest.parse(
            day=params.get("date"),
            audience=params.get("audience") or "public",
            language=params.get("lang") or translation.get_language(),
            fmt=params.get("format") or "html",
            reader=request.user,
        )
    except NotAllowed:
        raise PermissionDenied(_("You may not read reports cut for this audience.")) from None
    except InvalidInput as error:
        return render(request, "reports/daily.html", {"error": explain(error)}, status=400)
    with translation.override(asked.language):
        report = build(asked.day, asked.audience)
    if "format" in params:
        content = render_file(report, lang=asked.language, fmt=asked.fmt)
        kind = "application/pdf" if asked.fmt == "pdf" else "text/html; charset=utf-8"
        name = f"marsad-sitrep-{asked.day}-{asked.audience.code.replace(',', '-')}"
        return _file(content, kind, f"{name}-{asked.language}.{asked.fmt}")
    query = {"date": asked.day.isoformat(), "audience": asked.audience.code, "lang": asked.language}
    # The report is written in its own language, whatever the page's; digits as the reader
    # chose them on the site, else the report language's own.
    digits = request.COOKIES.get(DIGITS_COOKIE) or digits_for(asked.language)
    with translation.override(asked.language):
        body = render_to_string(
            "reports/_report.html",
            {
                "report": report,
                "lang": asked.language,
                "rtl": asked.language == "ar",
                "digits": digits,
            },
        )
    return render(
        request,
        "reports/daily.html",
        {
            "body": mark_safe(body),  # noqa: S308 - rendered by Django's escaping templates
            "asked": asked,
            "pdf_query": urlencode({**query, "format": "pdf"}),
            "html_query": urlencode({**query, "format": "html"}),
        },
    )


@require_POST
def issue(request: HttpRequest) -> HttpResponse:
    """Issue the report (analysts and administrators): the exact file is kept as a record."""
    if not getattr(request.user, "can_write", False):
        raise PermissionDenied(_("Only analysts and administrators issue reports."))
    try:
        asked = ReportRequest.parse(
            day=request.POST.get("date"),
            audience=request.POST.get("audience"),
            language=request.POST.get("lang"),
            fmt=request.POST.get("format") or "pdf",
            reader=request.user,
        )
        issued = services.issue_daily(
            by=request.user,
            day=asked.day,
            audience=asked.audience,
            language=asked.language,
            fmt=asked.fmt,
        )
    except InvalidInput as error:
        messages.error(request, explain(error))
        return redirect("reports:index")
    messages.success(
        request, _("The report is issued and kept (SHA-256 %(sha)s).") % {"sha": issued.sha256}
    )
    return redirect("reports:index")


def download(request: HttpRequest, pk: int) -> HttpResponse:
    """The exact bytes of an issued report."""
    try:
        found = selectors.issued_report(request.user, pk)
    except IssuedReport.DoesNotExist:
        raise Http404 from None
    return _file(bytes(found.content), found.content_type, found.filename)
