"""{% picker %}: a picker in a hand-written form (intake review, list filters), the same widget
the record forms use. Records already at hand (a claim's actors) are labelled as they are, with
no query; keys alone are labelled through the kind's finder, with the page's reader."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from marsad.web.pickers import PICKERS, Option, bilingual, values_of

register = template.Library()


def _option(record: Any) -> Option:
    key = str(getattr(record, "key", "") or getattr(record, "pk", ""))
    return bilingual(
        key,
        getattr(record, "name_ar", ""),
        getattr(record, "name_en", ""),
        getattr(record, "pcode", "") or key,
    )


@register.simple_tag(takes_context=True)
def picker(
    context: Any,
    kind: str,
    name: str,
    value: Any = None,
    *,
    multiple: bool = False,
    id: str = "",  # noqa: A002 - the HTML attribute's name
    suffix: Any = "",
    label: str = "",
    css: str = "form-control form-control-sm",
) -> SafeString:
    if hasattr(value, "all"):  # a related manager: the records at hand (prefetched)
        value = list(value.all())
    records = value if isinstance(value, list | tuple) else [value] if value else []
    if records and not isinstance(records[0], str):
        chosen = [_option(r) for r in records]
    else:
        keys = values_of(value)
        reader = context.get("user") or getattr(context.get("request"), "user", None)
        known = PICKERS[kind].label(reader, keys) if keys else {}
        chosen = [known.get(k) or known.get(k.upper()) or Option(k, k) for k in keys]
    attrs = {"id": f"{id or 'pick-' + name}{suffix}", "class": css}
    if label:
        attrs["aria-label"] = label
    widget = {
        "name": name,
        "value": ",".join(o.value for o in chosen),
        "attrs": attrs,
        "kind": kind,
        "multiple": multiple,
        "url": reverse("pick", kwargs={"kind": kind}),
        "chosen": chosen,
    }
    return mark_safe(render_to_string("web/picker.html", {"widget": widget}))  # noqa: S308
