"""`{% list_tools "incidents" %}`: a list's export links carrying its current filters, and for a
signed-in reader the form that saves them as a named search (one partial for every list)."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from marsad.core import listing

register = template.Library()

FORMAT_LABELS = {"csv": "CSV", "hxl.csv": "HXL", "json": "JSON", "geojson": "GeoJSON"}


@register.inclusion_tag("web/list_tools.html", takes_context=True)
def list_tools(context: template.Context, key: str) -> dict[str, Any]:
    request = context["request"]
    spec = listing.by_key(key)
    if spec is None:
        raise template.TemplateSyntaxError(f"no list is named {key!r}")
    query = listing.query_string(request.GET)
    suffix = f"?{query}" if query else ""
    return {
        "spec": spec,
        "query": query,
        "exports": [
            (FORMAT_LABELS[fmt], fmt, reverse("export", args=[spec.key, fmt]) + suffix)
            for fmt in spec.formats
        ],
        "user": context.get("user"),
        "csrf_token": context.get("csrf_token"),
        "next": request.get_full_path(),
    }
