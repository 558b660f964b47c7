"""{% evidence record %}: the claims behind a record that the reader may see, each with its
source, grading and status; whether some are not releasable to the reader (never how many); and,
to analysts, why a record was released further than its evidence. A row imported
from a dataset with no claim the reader may see shows the dataset's graded source and the row's
line instead. {% imported_source record as name %}: that source, its dataset and line, or None."""

from __future__ import annotations

from typing import Any

from django import template

from marsad.core.selectors import evidence_withheld, source_by_id

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
    return {
        "claims": visible,
        "withheld": evidence_withheld(user, record),
        "sanitized": record.sanitized_reason if getattr(user, "can_write", False) else "",
        "imported": None if visible else imported_source(context, record),
        "anonymous_only": bool(visible) and all(c.attribution_kind == "anonymous" for c in visible),
        "digits": context.get("digits"),
    }


@register.filter
def anonymous_only_for(record: Any, user: Any) -> bool:
    """Whether every supporting claim of `record` that `user` may read is anonymous."""
    return bool(record.anonymous_only_for(user))
