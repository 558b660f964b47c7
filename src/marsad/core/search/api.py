"""GET /api/v1/search: the search page's answer as JSON, for the reader the API sees."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from marsad.core.schemas import Error
from marsad.core.search.selectors import MAX_PAGE, SearchFilters, search
from marsad.core.search.text import MAX_QUERY

router = Router(tags=["search"])


class SearchParams(Schema):
    q: str = Field(
        "",
        description=(
            f"The words; operators and quotes are ignored; the first {MAX_QUERY} characters count."
        ),
    )
    kind: str = Field("", description="document, claim, actor, statement, incident or consignment")
    claim_type: str = ""
    actor: str = Field("", description="An actor's identifier (ITA)")
    source: str = Field("", description="A source's identifier")
    grade: str = Field("", description="Admiralty grade: a letter, or a letter and a digit (B2)")
    start: date | None = None
    end: date | None = None
    governorate: str = Field("", description="OCHA P-code of a governorate (PS0270)")
    marking: str = ""
    sort: Literal["relevance", "newest"] = Field(
        "relevance",
        description="relevance: the best match first, the newest first among equals; newest: "
        "the record's date, newest first",
    )
    page: int = Field(1, ge=1, le=MAX_PAGE)


class HitOut(Schema):
    kind: str
    id: str = Field(description="The record's number, or its identifier for actors")
    title: str
    url: str
    snippet: str = Field(description="HTML: the text escaped, the matching words in <mark>")
    date: date | None
    marking: str


class FacetValueOut(Schema):
    value: str
    label: str
    count: int


class SearchOut(Schema):
    query: str
    total: int = Field(description="Every hit you may read, counted")
    sort: str
    ranked: int = Field(
        description="How many hits are ordered by relevance: at most the newest 2,000; the older "
        "follow, newest first"
    )
    page: int
    pages: int
    hits: list[HitOut]
    facets: dict[str, list[FacetValueOut]]


@router.get(
    "/search",
    response={200: SearchOut, 422: Error},
    summary="Search documents, claims, actors, statements, incidents and consignments",
)
def search_records(request: HttpRequest, params: Query[SearchParams]) -> Any:
    """Arabic is folded (diacritics, tatweel, alef and hamza forms, ى/ي, ة/ه, clitics) and English
        stemmed; only what you may read is searched. Facets count the values among all the hits,
    exactly."""
    values = params.dict()
    results = search(
        request.auth,  # type: ignore[attr-defined]
        values.pop("q"),
        SearchFilters.parse(values),
        page=values["page"],
        sort=values["sort"],
    )
    return {
        "query": results.query,
        "total": results.total,
        "sort": results.sort,
        "ranked": results.ranked,
        "page": results.page,
        "pages": results.pages,
        "hits": [
            {
                "kind": hit.kind,
                "id": hit.record_id,
                "title": hit.title,
                "url": request.build_absolute_uri(hit.url),
                "snippet": str(hit.snippet),
                "date": hit.day,
                "marking": hit.marking,
            }
            for hit in results.hits
        ],
        "facets": {
            name: [{"value": v.value, "label": v.label, "count": v.count} for v in values]
            for name, values in results.facets.items()
        },
    }
