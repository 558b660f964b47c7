"""Search for one reader: the entries the reader may read (`visible_to` runs in the index query,
on the marking and nations each entry carries), answering the query, narrowed by the filters,
every hit counted per facet value, one page of them by relevance or newest first, each with a
highlighted snippet."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from marsad.core.errors import InvalidInput
from marsad.core.models import Actor, Claim, SearchEntry, Source
from marsad.core.releasability import Marking
from marsad.core.search import backends, registry
from marsad.core.search.backends import RELEVANCE, SORTS
from marsad.core.search.columns import TEXT_FACETS, Narrowing
from marsad.core.search.text import MAX_QUERY, query_terms, snippet

PER_PAGE = 20
# Pages a reader may turn to (a narrower search is the way further).
MAX_PAGE = 50
# Facet values shown per facet, the most frequent first.
FACET_VALUES = 12
# The filters that keep the entries holding one value.
EQUAL = ("kind", "claim_type", "grade", "governorate", "marking")
# A filter naming an actor or source the reader may not read (or none): no entry holds it.
UNKNOWN = -2


def _day(params: Any, name: str) -> date | None:
    value = params.get(name) or ""
    if isinstance(value, date):
        return value
    value = str(value).strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput.one(name, value, "must be a date, YYYY-MM-DD") from None


@dataclass(frozen=True)
class SearchFilters:
    """The filters of a search, as the page and the API take them."""

    kind: str = ""
    claim_type: str = ""
    actor: str = ""
    source: str = ""
    grade: str = ""
    start: date | None = None
    end: date | None = None
    governorate: str = ""
    marking: str = ""

    @classmethod
    def parse(cls, params: Any) -> SearchFilters:
        # `sort` and `page` are not filters: the caller reads them.
        def text(name: str, limit: int = 80) -> str:
            return str(params.get(name) or "").strip()[:limit]

        kind = text("kind")
        keys = [k.key for k in registry.kinds()]
        if kind and kind not in keys:
            raise InvalidInput.one("kind", kind, "must be one of " + ", ".join(keys))
        marking = text("marking")
        if marking and marking not in Marking.values:
            raise InvalidInput.one(
                "marking", marking, "must be one of " + ", ".join(Marking.values)
            )
        start, end = _day(params, "start"), _day(params, "end")
        if start and end and end < start:
            raise InvalidInput.one("end", end.isoformat(), "is before the start")
        return cls(
            kind=kind,
            claim_type=text("claim_type"),
            actor=text("actor").upper(),
            source=text("source").upper(),
            grade=text("grade", 2).upper(),
            start=start,
            end=end,
            governorate=text("governorate").upper(),
            marking=marking,
        )

    def params(self, **changes: Any) -> dict[str, str]:
        """The filters as query parameters (empty ones left out), with `changes` made."""
        changed = replace(self, **changes)
        out = {}
        for f in fields(changed):
            value = getattr(changed, f.name)
            if value:
                out[f.name] = value.isoformat() if isinstance(value, date) else str(value)
        return out

    def narrowing(self, reader: Any) -> Narrowing:
        """The filters as the index's columns take them."""
        equal = {name: getattr(self, name) for name in EQUAL if getattr(self, name)}
        narrowing = Narrowing(equal=equal)
        narrowing.start = self.start.toordinal() if self.start else None
        narrowing.end = self.end.toordinal() if self.end else None
        if self.actor:
            # A hidden actor answers as an unknown one: nothing is found.
            actor = Actor.objects.visible_to(reader).filter(key=self.actor).first()
            narrowing.actor = actor.pk if actor else UNKNOWN
        if self.source:
            source = Source.objects.visible_to(reader).filter(key=self.source).first()
            narrowing.source = source.pk if source else UNKNOWN
        return narrowing


@dataclass
class Hit:
    kind: str
    kind_label: str
    record_id: str
    title: str
    url: str
    snippet: SafeString
    day: date | None
    marking: str


@dataclass
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class Results:
    query: str
    filters: SearchFilters
    total: int = 0
    # How many of the hits were ordered by relevance (the newest `backends.RANKED` at most).
    ranked: int = 0
    page: int = 1
    per_page: int = PER_PAGE
    sort: str = RELEVANCE
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return min(MAX_PAGE, -(-self.total // self.per_page))


def _counts(rows: list[tuple[Any, ...]]) -> tuple[int, dict[str, Counter[str]]]:
    names = (*TEXT_FACETS, "source", "year", "actor")
    counts: dict[str, Counter[str]] = {name: Counter() for name in names}
    for facet, value, n in rows:
        if value not in (None, ""):
            counts[facet][str(value)] = n
    return sum(counts["kind"].values()), counts


def _labelled(reader: Any, counts: dict[str, Counter[str]]) -> Any:
    """Facet values with their labels, in the reader's language; names of actors and sources
    read through `visible_to` like everything else."""
    arabic = (get_language() or "ar").startswith("ar")

    def top(counter: Counter[str]) -> list[tuple[str, int]]:
        return counter.most_common(FACET_VALUES)

    kinds = {k.key: str(k.label) for k in registry.kinds()}
    types = dict(Claim._meta.get_field("type").choices or [])
    markings = dict(Marking.choices)
    source_ids = [int(v) for v, _n in top(counts["source"])]
    actors = counts["actor"]
    actor_ids = [int(v) for v, _n in top(actors)]
    pcodes = [v for v, _n in top(counts["governorate"])]
    sources = {s.pk: s for s in Source.objects.visible_to(reader).filter(pk__in=source_ids)}
    people = Actor.objects.visible_to(reader)
    named = {a.pk: a for a in people.filter(pk__in=actor_ids)}
    places = {a.pcode: a for a in people.filter(pcode__in=pcodes)}

    def name(record: Any) -> str:
        return str(record.name_ar if arabic else record.name_en)

    facets = {
        "kind": [FacetValue(v, kinds.get(v, v), n) for v, n in top(counts["kind"])],
        "claim_type": [
            FacetValue(v, str(types.get(v, v)), n) for v, n in top(counts["claim_type"])
        ],
        "source": [
            FacetValue(sources[int(v)].key, name(sources[int(v)]), n)
            for v, n in top(counts["source"])
            if int(v) in sources
        ],
        "actor": [
            FacetValue(named[int(v)].key, name(named[int(v)]), n)
            for v, n in top(actors)
            if int(v) in named
        ],
        "grade": [FacetValue(v, v, n) for v, n in sorted(counts["grade"].items())],
        "year": [FacetValue(v, v, n) for v, n in sorted(counts["year"].items(), reverse=True)],
        "governorate": [
            FacetValue(v, name(places[v]) if v in places else v, n)
            for v, n in top(counts["governorate"])
        ],
        "marking": [FacetValue(v, str(markings.get(v, v)), n) for v, n in top(counts["marking"])],
    }
    return {key: values for key, values in facets.items() if values}


def search(
    reader: Any,
    query: str,
    filters: SearchFilters | None = None,
    *,
    page: int = 1,
    sort: str = RELEVANCE,
) -> Results:
    """The reader's search: every hit counted, one page shown, the most relevant first (the
    newest first among equals) or the newest first. A query with no words (only marks, only
    operators) finds nothing."""
    filters = filters or SearchFilters()
    query = (query or "")[:MAX_QUERY]
    sort = sort if sort in SORTS else RELEVANCE
    results = Results(query=query, filters=filters, page=max(1, min(page, MAX_PAGE)), sort=sort)
    groups = query_terms(query)
    if not groups:
        return results
    start = (results.page - 1) * PER_PAGE
    narrowing = filters.narrowing(reader)
    rows, ids, results.ranked = backends.search(
        reader, narrowing, groups, sort, start, PER_PAGE, FACET_VALUES
    )
    results.total, counts = _counts(rows)
    if not results.total:
        return results
    results.facets = _labelled(reader, counts)
    found = SearchEntry.objects.in_bulk(ids)
    arabic = (get_language() or "ar").startswith("ar")
    kinds = {k.key: k for k in registry.kinds()}
    for entry in (found[i] for i in ids if i in found):
        kind = kinds[entry.kind]
        title = (entry.title_ar if arabic else entry.title_en) or entry.title_ar or entry.title_en
        results.hits.append(
            Hit(
                kind=entry.kind,
                kind_label=str(kind.label),
                record_id=entry.record_id,
                title=title,
                url=kind.url(entry.record_id, entry.link),
                snippet=mark_safe(snippet(entry.body or title, groups)),  # noqa: S308 - escaped
                day=entry.day,
                marking=entry.marking,
            )
        )
    return results
