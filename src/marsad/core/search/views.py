"""The search page: the box in the navigation sends its words here."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from marsad.core.errors import InvalidInput
from marsad.core.search.backends import NEWEST, RELEVANCE
from marsad.core.search.selectors import Results, SearchFilters, search

FACET_TITLES = {
    "kind": _("Kind"),
    "claim_type": _("Claim type"),
    "actor": _("Actor"),
    "source": _("Source"),
    "grade": _("Grade"),
    "year": _("Year"),
    "governorate": _("Governorate"),
    "marking": _("Releasability"),
}


def _link(query: str, params: dict[str, str], sort: str = RELEVANCE) -> str:
    return "?" + urlencode({"q": query, **params, **({"sort": sort} if sort != RELEVANCE else {})})


def _facets(results: Results) -> list[dict[str, Any]]:
    """Each facet's values with the link that adds the value (or takes it off if chosen)."""
    filters = results.filters
    out = []
    for name, values in results.facets.items():
        rows = []
        for value in values:
            if name == "year":
                year = int(value.value)
                chosen = filters.start == date(year, 1, 1) and filters.end == date(year, 12, 31)
                change: dict[str, Any] = (
                    {"start": None, "end": None}
                    if chosen
                    else {"start": date(year, 1, 1), "end": date(year, 12, 31)}
                )
            else:
                chosen = getattr(filters, name) == value.value
                change = {name: "" if chosen else value.value}
            rows.append(
                {
                    "value": value,
                    "chosen": chosen,
                    "url": _link(results.query, filters.params(**change), results.sort),
                }
            )
        out.append({"name": name, "title": FACET_TITLES[name], "values": rows})
    return out


def search_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    error = ""
    try:
        filters = SearchFilters.parse(request.GET)
    except InvalidInput as problem:
        filters, error = SearchFilters(), str(problem)
    try:
        page = int(request.GET.get("page", "1"))
    except ValueError:
        page = 1
    sort = request.GET.get("sort", RELEVANCE)
    results = search(request.user, query, filters, page=page, sort=sort)
    pages = [
        (number, _link(results.query, {**filters.params(), "page": str(number)}, results.sort))
        for number in range(1, results.pages + 1)
    ]
    sorts = [
        (key, label, _link(results.query, filters.params(), key))
        for key, label in ((RELEVANCE, _("Most relevant")), (NEWEST, _("Newest")))
    ]
    return render(
        request,
        "core/search.html",
        {
            "results": results,
            "facets": _facets(results),
            "error": error,
            "pages": pages if len(pages) > 1 else [],
            "clear_url": _link(results.query, {}, results.sort),
            "sorts": sorts,
        },
    )
