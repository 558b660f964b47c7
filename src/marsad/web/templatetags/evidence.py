"""{% evidence record %}: the claims behind a record that the reader may see, each with its
source, grading and status; and how many more are not releasable to the reader. A row imported
from a dataset with no claim the reader may see shows the dataset's graded source and the row's
line instead. {% imported_source record as name %}: that source, its dataset and line, or None."""

from __future__ import annotations

from typing import Any

from django import template

from marsad.core.selectors import source_by_id

register = template.Library()


@register.simple_tag(takes_context=True)
def imported_source(context: template.Context, record: Any) -> dict[str, Any] | None:
    """The graded source of a row imported from a dataset, when the reader may see it."""
    dataset = getattr(record, "imported_from", "")
    source_id = getattr(record, "source_id", None)
    if not dataset or source_id is None:
        return None
    request = context["request"]
    source = source_by_id(request.user, source_id, request=request)
    if source is None:
        return None
    return {"source": source, "dataset": dataset.upper(), "row": record.source_row}


@register.inclusion_tag("web/evidence.html", takes_context=True)
def evidence(context: template.Context, record: Any) -> dict[str, Any]:
    user = context["request"].user
    visible = list(record.evidence_for(user))
    hidden = record.claims.count() - len(visible)
    return {
        "claims": visible,
        "hidden": hidden,
        "imported": None if visible else imported_source(context, record),
        "anonymous_only": bool(visible) and all(c.attribution_kind == "anonymous" for c in visible),
        "digits": context.get("digits"),
    }
