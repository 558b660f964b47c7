"""Template helpers of the report: values and drawings in the reader's digit style."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import template
from django.template.defaultfilters import date as format_date
from django.utils.safestring import SafeString

from marsad.extraction.numerals import to_arabic_digits
from marsad.web.templatetags.marsad import num

register = template.Library()


def digits_of(context: template.Context) -> Any:
    return lambda value: num(context, value)


@register.simple_tag(takes_context=True)
def cell(context: template.Context, value: Any) -> str:
    """A table cell or figure: numbers and dates in the reader's digits, '–' for nothing."""
    if isinstance(value, date):
        return num(context, format_date(value, "j F Y"), False)
    if isinstance(value, float):
        text = num(context, f"{value:,.1f}".replace(",", "\u066c"), False)
        return text.replace(".", "\u066b") if context.get("digits") == "arab" else text
    if isinstance(value, int) and not isinstance(value, bool):
        return num(context, value)
    return "–" if value in (None, "") else str(value)


@register.filter(needs_autoescape=False)
def digits(value: Any, style: str) -> str:
    """Text with its digits in the reader's style (a label, a line of the report)."""
    text = str(value)
    return to_arabic_digits(text) if style == "arab" else text


@register.simple_tag(takes_context=True)
def drawing(context: template.Context, chart: Any) -> SafeString:
    """A chart or the map as inline SVG, its numbers in the reader's digits."""
    return chart.svg(digits_of(context))


@register.simple_tag(takes_context=True)
def issuer(context: template.Context, issued: Any) -> str:
    """Who issued a report, as the page's reader may read it."""
    return issued.issuer_for(context["request"].user)
