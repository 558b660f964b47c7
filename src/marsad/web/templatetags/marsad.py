"""Template helpers: digits in the reader's style and labels of vocabulary values."""

from __future__ import annotations

from typing import Any

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.html import format_html
from django.utils.translation import get_language

from marsad.core.vocabulary import ATTRIBUTE_LABELS, MEASURE_LABELS, VALUE_LABELS
from marsad.web.counting import counted as counted_phrase
from marsad.web.counting import in_style
from marsad.web.datawarnings import warning_sentence

register = template.Library()


@register.simple_tag(takes_context=True)
def num(context: template.Context, value: Any, grouped: bool = True) -> str:
    """A number (or any text with digits) in the reader's digit style."""
    if value is None or value == "":
        return "–"
    text = intcomma(value, use_l10n=False) if grouped and isinstance(value, int) else str(value)
    return in_style(text, context.get("digits"))


@register.simple_tag(takes_context=True)
def counted(context: template.Context, value: Any, noun: str, case: str = "nominative") -> str:
    """`value` of `noun` with the noun agreeing with the number ("200 من مدربي الشرطة"), the
    number in the reader's digit style; see web/counting.py."""
    return counted_phrase(value, noun, case, context.get("digits"))


@register.simple_tag(takes_context=True)
def data_warning(context: template.Context, message: str) -> str:
    """A data warning of the casualty series in the reader's language; one whose wording is not
    known stays in English, marked as such."""
    said = warning_sentence(message, context.get("digits"))
    return said if said is not None else format_html('<span lang="en">{}</span>', message)


@register.filter
def vocab(value: Any) -> Any:
    """The translated label of a vocabulary value (falls back to the value itself)."""
    return VALUE_LABELS.get(value, value)


@register.filter
def attribute_label(name: str) -> Any:
    return ATTRIBUTE_LABELS.get(name, name)


@register.filter
def measure_label(name: str) -> Any:
    return MEASURE_LABELS.get(name, name)


@register.simple_tag
def comma() -> str:
    """The list separator of the reader's language: the Arabic comma or the Latin one."""
    return "، " if (get_language() or "ar").startswith("ar") else ", "
