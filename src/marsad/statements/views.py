"""Who said what: statements and refusals, filterable by actor, stance and topic."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from marsad.core.errors import InvalidInput
from marsad.core.vocabulary import VALUE_LABELS
from marsad.statements import selectors
from marsad.statements.models import REFUSALS, STANCES, Topic
from marsad.web.problems import explain


def index(request: HttpRequest) -> HttpResponse:
    error = ""
    try:
        filters = selectors.StatementFilters.parse(request.GET)
    except InvalidInput as exc:
        filters, error = selectors.StatementFilters(), explain(exc)
    found = selectors.statements(request.user, filters)
    return render(
        request,
        "statements/index.html",
        {
            "page": Paginator(found, 50).get_page(request.GET.get("page")),
            "filters": filters,
            "error": error,
            "stances": [(s, VALUE_LABELS[s]) for s in STANCES],
            "refusals": [(r, VALUE_LABELS[r]) for r in REFUSALS],
            "topics": Topic.choices,
        },
    )
