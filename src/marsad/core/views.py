"""Pages of the provenance core: overview, actors, documents, claims, sources."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from marsad.core import selectors
from marsad.core.errors import InvalidInput
from marsad.core.history import versions
from marsad.core.models import Actor, ActorKind, Claim, Document, ReviewState, Source
from marsad.core.models.documents import Language
from marsad.core.services.conflicts import resolve_conflict
from marsad.core.vocabulary import CLAIM_TYPE_LABELS, STATUS_LABELS
from marsad.web.highlight import segments
from marsad.web.problems import explain

PAGE_SIZE = 50


def _page(request: HttpRequest, items: Any) -> Any:
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))


def _places_geojson(places: Any) -> dict[str, Any]:
    features = [
        {
            "type": "Feature",
            "geometry": place.geometry,
            "properties": {
                "name": place.name,
                "pcode": place.pcode,
                "url": reverse("actor", args=[place.key]),
            },
        }
        for place in places
        if place.geometry
    ]
    return {"type": "FeatureCollection", "features": features}


def home_context(request: HttpRequest) -> dict[str, Any]:
    """What the home page shows of the core (the areas' situation is added by the web shell:
    the core knows no area)."""
    overview = selectors.overview(request.user)
    # Leaf places only: the Gaza Strip's outline is drawn by its five governorates.
    places = selectors.actors(request.user, kind=ActorKind.PLACE).filter(
        children__isnull=True, geometry__isnull=False
    )
    chart = {
        "label": _("Claims"),
        "labels": [str(CLAIM_TYPE_LABELS.get(t, t)) for t, _n in overview.claims_by_type],
        "values": [n for _t, n in overview.claims_by_type],
    }
    return {
        "overview": overview,
        "kind_labels": dict(ActorKind.choices),
        "type_labels": CLAIM_TYPE_LABELS,
        "places_geojson": _places_geojson(places),
        "chart": chart,
    }


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", home_context(request))


def actor_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    query = request.GET.get("q", "").strip()
    if kind and kind not in ActorKind.values:
        kind = ""
    actors = selectors.actors(request.user, kind=kind, query=query)
    return render(
        request,
        "core/actor_list.html",
        {
            "page": _page(request, actors),
            "kind": kind,
            "query": query,
            "kinds": ActorKind.choices,
        },
    )


def _claim_role(claim: Claim, actor: Actor) -> list[str]:
    roles = []
    if any(a.pk == actor.pk for a in claim.actors.all()):
        roles.append(_("actor"))
    if any(a.pk == actor.pk for a in claim.recipients.all()):
        roles.append(_("recipient"))
    if claim.target_id == actor.pk:
        roles.append(_("target"))
    if claim.where_id == actor.pk:
        roles.append(_("place"))
    return roles


def actor_detail(request: HttpRequest, key: str) -> HttpResponse:
    try:
        actor = selectors.actor(request.user, key)
    except Actor.DoesNotExist:
        raise Http404(_("No actor with this identifier is visible to you.")) from None
    claims = list(selectors.claims(request.user, actor_key=actor.key))
    return render(
        request,
        "core/actor_detail.html",
        {
            "actor": actor,
            "children": selectors.actors(request.user).filter(parent=actor),
            "claims": [(claim, _claim_role(claim, actor)) for claim in claims],
            "geojson": _places_geojson([actor]) if actor.geometry else None,
            "versions": versions(actor, request.user),
            "panels": actor_panels(request, actor),
        },
    )


def actor_panels(request: HttpRequest, actor: Actor) -> list[str]:
    """Sections other areas add to an actor's page: an app's config names a function
    (`actor_panel`) that returns rendered HTML for the actor, or an empty string. The core
    knows no area; the areas know the core."""
    panels = []
    for config in apps.get_app_configs():
        path = getattr(config, "actor_panel", None)
        if path:
            html = import_string(path)(request, actor)
            if html:
                panels.append(html)
    return panels


def _filters(request: HttpRequest, parse: Any) -> tuple[Any, str]:
    """A list's filters from the query string, or none and the refusal to show on the page."""
    try:
        return parse(request.GET), ""
    except InvalidInput as error:
        return parse({}), explain(error)


def document_list(request: HttpRequest) -> HttpResponse:
    filters, error = _filters(request, selectors.DocumentFilters.parse)
    documents = filters.apply(request.user).defer("text")
    return render(
        request,
        "core/document_list.html",
        {
            "page": _page(request, documents),
            "filters": filters,
            "language": filters.language,
            "error": error,
            "languages": Language.choices,
            "sources": selectors.sources(request.user),
        },
    )


def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        document = selectors.document(request.user, pk)
    except Document.DoesNotExist:
        raise Http404(_("No document with this number is visible to you.")) from None
    claims = list(selectors.claims(request.user, document_id=document.pk))
    spans = [(s["start"], s["end"], c.pk) for c in claims for s in c.evidence]
    return render(
        request,
        "core/document_detail.html",
        {
            "document": document,
            "claims": claims,
            "segments": segments(document.text, spans),
        },
    )


def claim_list(request: HttpRequest) -> HttpResponse:
    filters, error = _filters(request, selectors.ClaimFilters.parse)
    return render(
        request,
        "core/claim_list.html",
        {
            "page": _page(request, filters.apply(request.user)),
            "filters": filters,
            "error": error,
            "types": CLAIM_TYPE_LABELS.items(),
            "statuses": STATUS_LABELS.items(),
            "review_states": ReviewState.choices,
        },
    )


def source_list(request: HttpRequest) -> HttpResponse:
    return render(request, "core/source_list.html", {"sources": selectors.sources(request.user)})


def source_detail(request: HttpRequest, key: str) -> HttpResponse:
    try:
        source = selectors.source(request.user, key)
    except Source.DoesNotExist:
        raise Http404(_("No source with this identifier is visible to you.")) from None
    return render(
        request,
        "core/source_detail.html",
        {
            "source": source,
            "documents": selectors.documents(request.user, source_key=source.key)[:100],
            "claims": selectors.claims(request.user).filter(attribution_source=source)[:100],
        },
    )


@login_required
def conflict_list(request: HttpRequest) -> HttpResponse:
    """Writes that disagree with a record their writer could not see, for an analyst who may
    read both to reconcile."""
    if not getattr(request.user, "can_write", False):
        raise PermissionDenied(_("Only analysts reconcile conflicts."))
    if request.method == "POST":
        try:
            resolve_conflict(
                by=request.user,
                conflict=request.POST.get("conflict", ""),
                resolution=request.POST.get("resolution", ""),
            )
        except InvalidInput as error:
            messages.error(request, explain(error))
        else:
            messages.success(request, _("The conflict is marked reconciled."))
        return redirect("conflicts")
    show_all = request.GET.get("all") == "1"
    page = _page(request, selectors.conflicts(request.user, open_only=not show_all))
    urls = _record_urls(
        request.user,
        [(c.model, c.record_id) for c in page] + [(c.other_model, c.other_id) for c in page],
    )
    for conflict in page:
        conflict.record_kind = _kind(conflict.model)
        conflict.other_kind = _kind(conflict.other_model)
        conflict.record_url = urls.get((conflict.model, conflict.record_id), "")
        conflict.other_url = urls.get((conflict.other_model, conflict.other_id), "")
    return render(request, "core/conflict_list.html", {"page": page, "show_all": show_all})


def _kind(label: str) -> str:
    """A record type's name in the reader's language, from its model label."""
    try:
        return str(apps.get_model(label)._meta.verbose_name)
    except LookupError:
        return label


def _record_urls(user: Any, named: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The pages (`get_absolute_url`) of the records conflicts name, those `user` may read: one
    query per kind of record, however many conflicts the page shows."""
    wanted: dict[str, set[int]] = {}
    for label, number in named:
        if number.isdigit():
            wanted.setdefault(label, set()).add(int(number))
    urls = {}
    for label, numbers in wanted.items():
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        if not hasattr(model, "get_absolute_url"):
            continue
        keys = [f.name for f in model._meta.concrete_fields if f.many_to_one]
        for record in selectors.records(user, model).select_related(*keys).filter(pk__in=numbers):
            urls[(label, str(record.pk))] = record.get_absolute_url()
    return urls
