"""{% evidence record %}: the claims behind a record that the reader may see, each with its
source, grading and status; and how many more are not releasable to the reader."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("web/evidence.html", takes_context=True)
def evidence(context: template.Context, record: Any) -> dict[str, Any]:
    user = context["request"].user
    visible = list(record.evidence_for(user))
    hidden = record.claims.count() - len(visible)
    return {
        "claims": visible,
        "hidden": hidden,
        "anonymous_only": bool(visible) and all(c.attribution_kind == "anonymous" for c in visible),
        "digits": context.get("digits"),
    }
