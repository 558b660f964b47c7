"""Pages of the programs: the dashboard (police training and a readiness summary), each
course's page, and the readiness table with its map."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from marsad.core.bilingual import arabic_active
from marsad.core.errors import InvalidInput
from marsad.core.history import versions
from marsad.core.moments import Moments
from marsad.extraction.numerals import to_arabic_digits
from marsad.programs import scoring, selectors
from marsad.programs.models import Course
from marsad.programs.vocabulary import SHORT_LABELS
from marsad.web.context import DIGITS_COOKIE
from marsad.web.problems import explain


def _readiness(request: HttpRequest) -> tuple[selectors.ReadinessTable, str]:
    error = ""
    try:
        moments = Moments.parse(request.GET)
    except InvalidInput as refused:
        moments, error = Moments(), explain(refused)
    return selectors.readiness_table(request.user, moments.as_of, moments.known_on), error


def _in_readers_digits(request: HttpRequest, text: str) -> str:
    """Text with its digits in the reader's style (as the `num` tag shows numbers)."""
    default = "arab" if arabic_active() else "latn"
    if request.COOKIES.get(DIGITS_COOKIE, default) == "arab":
        return to_arabic_digits(text)
    return text


def _map_context(request: HttpRequest, table: selectors.ReadinessTable) -> dict[str, Any]:
    return {
        "readiness": table,
        "moments": Moments(as_of=table.as_of, known_on=table.known_on),
        "shapes": selectors.governorate_shapes(request.user),
        "scores": table.scores(),
        "labels": [(kind, SHORT_LABELS[kind]) for kind in selectors.KINDS],
        "percent_kinds": scoring.PERCENT_KINDS,
        "formula": _in_readers_digits(request, selectors.formula()),
        "penalty": scoring.PENALTY_PER_INCIDENT,
        "window": scoring.WINDOW_DAYS,
        "total_kinds": len(scoring.PERCENT_KINDS),
    }


def index(request: HttpRequest) -> HttpResponse:
    table, _error = _readiness(request)
    return render(
        request,
        "programs/index.html",
        {"courses": selectors.program_overview(request.user), **_map_context(request, table)},
    )


def course(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        record = selectors.course(request.user, pk)
    except Course.DoesNotExist:
        raise Http404(_("No course with this number is visible to you.")) from None
    return render(
        request,
        "programs/course.html",
        {
            "progress": selectors.course_progress(request.user, record),
            "course": record,
            "versions": versions(record, request.user),
        },
    )


def readiness(request: HttpRequest) -> HttpResponse:
    table, error = _readiness(request)
    return render(
        request, "programs/readiness.html", {"error": error, **_map_context(request, table)}
    )
