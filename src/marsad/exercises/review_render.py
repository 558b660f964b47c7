"""The after-action review as a file: HTML from the same template part as the page, PDF
printed by Chromium as the daily report is (reports/render.py), with the exercise's marking
line on every page."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation

from marsad.exercises import mode
from marsad.exercises.review import Review


def render(result: Review, *, lang: str, fmt: str) -> bytes:
    from marsad.reports.render import _style_element, digits_for, render_pdf

    with translation.override(lang):
        marking = mode.label(lang) or mode.WORD.get(lang, "EXERCISE")
        html = render_to_string(
            "exercises/review_file.html",
            {
                "review": result,
                "lang": lang,
                "rtl": lang == "ar",
                "digits": digits_for(lang),
                "marking": marking,
                "style_element": _style_element(),
            },
        )
    if fmt == "html":
        return html.encode("utf-8")
    return render_pdf(html, marking=marking, lang=lang)
