"""Refusals from services in the reader's language. A service names the field, the value and
what is wrong in English (the same words serve the API and the command line); a page shows the
field's label and the message from the catalogues, and keeps the value as given, isolated so
that English or digits inside an Arabic sentence do not move its punctuation."""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import get_language, gettext, gettext_noop

from marsad.core.vocabulary import ATTRIBUTE_LABELS, VALUE_LABELS

# U+2068 FIRST STRONG ISOLATE ... U+2069 POP DIRECTIONAL ISOLATE: <bdi> for plain text.
ISOLATE = "\u2068{}\u2069"

# Fields that services and filters name, as a reader would call them.
FIELD_LABELS = {
    "releasable_to": gettext_noop("releasable to"),
    "marking": gettext_noop("releasability"),
    "start": gettext_noop("start"),
    "end": gettext_noop("end"),
    "day": gettext_noop("day"),
    "as_of": gettext_noop("as it stood on"),
    "category": gettext_noop("category"),
    "status": gettext_noop("status"),
    "source": gettext_noop("source"),
    "stance": gettext_noop("stance"),
    "refusal": gettext_noop("refusal"),
    "topic": gettext_noop("topic"),
    "score": gettext_noop("score"),
    "crossing": gettext_noop("crossing"),
    "corridor": gettext_noop("corridor"),
    "governorate": gettext_noop("governorate"),
    "file": gettext_noop("file"),
    "name": gettext_noop("name"),
    "text": gettext_noop("text"),
    "title": gettext_noop("title"),
    "url": gettext_noop("address"),
    "language": gettext_noop("language"),
    "audience": gettext_noop("audience"),
    "format": gettext_noop("format"),
    "distance": gettext_noop("distance"),
}

# The messages services give most, so that the catalogues hold them.
MESSAGES = (
    gettext_noop("the marking 'nations' needs at least one nation"),
    gettext_noop("nations can be named only with the marking 'nations'"),
    gettext_noop("must be ISO 3166 alpha-3 codes"),
    gettext_noop("must be a date written YYYY-MM-DD"),
    gettext_noop("is required"),
    gettext_noop("must not be negative"),
    gettext_noop("is before the start"),
    gettext_noop("must be unrwa, cogat, demo or manual"),
)
ONE_OF = re.compile(r"^must be one of (?P<choices>.+?)(?P<empty> \(or empty\))?$")


def field_label(field: str) -> str:
    """A field's label in the reader's language ("attributes.vote" is the attribute vote)."""
    name = field.rsplit(".", 1)[-1]
    if name in ATTRIBUTE_LABELS:
        return str(ATTRIBUTE_LABELS[name])
    if name in FIELD_LABELS:
        return gettext(FIELD_LABELS[name])
    return ISOLATE.format(field)


def message(text: str) -> str:
    """A service's message in the reader's language, where the catalogues know it."""
    found = ONE_OF.match(text)
    if found:
        choices = [c.strip() for c in found["choices"].split(",")]
        listed = gettext(", ").join(ISOLATE.format(_value_label(c)) for c in choices)
        if found["empty"]:
            return gettext("must be one of %(choices)s, or empty") % {"choices": listed}
        return gettext("must be one of %(choices)s") % {"choices": listed}
    return gettext(text)


def _value_label(value: str) -> str:
    label = VALUE_LABELS.get(value)
    return str(label) if label is not None else value


def _shown(value: Any) -> str:
    if value is None or value == "" or value == []:
        return gettext("nothing")
    if isinstance(value, list | tuple):
        return gettext(", ").join(str(v) for v in value)
    return str(value)


def explain(error: BaseException) -> str:
    """What a page says of a refusal: each problem as "field: message (value)"."""
    problems = getattr(error, "problems", None)
    if not problems:
        return gettext(str(error))
    separator = "؛ " if (get_language() or "ar").startswith("ar") else "; "
    return separator.join(
        gettext("%(field)s: %(message)s (given: %(value)s)")
        % {
            "field": field_label(p.field),
            "message": message(p.message),
            "value": ISOLATE.format(_shown(p.value)),
        }
        for p in problems
    )
