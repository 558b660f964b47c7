"""Arabic-Indic digits take the Arabic separators, ٫ for decimals and ٬ for thousands, in every
place a number is written on the server (the `num` tag, counted phrases, data warnings); Latin
digits keep "." and ","; a sentence's own punctuation is left alone."""

from __future__ import annotations

import pytest
from django.template import Context, Template

from marsad.web.counting import digits_in_style, in_style


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        ("1.9", "١٫٩"),
        ("12.5", "١٢٫٥"),
        ("31.52", "٣١٫٥٢"),
        ("34.45", "٣٤٫٤٥"),
        ("6,208", "٦٬٢٠٨"),
        ("1,234.5", "١٬٢٣٤٫٥"),
        ("+1.9 points", "+١٫٩ points"),
        ("2025-11-20", "٢٠٢٥-١١-٢٠"),
        # Punctuation that is not between two digits stays as written.
        ("3 trucks, 4 days.", "٣ trucks, ٤ days."),
    ],
)
def test_arabic_digits_take_the_arabic_separators(latin, arabic):
    assert in_style(latin, "arab") == arabic
    assert in_style(latin, "latn") == latin
    assert in_style(latin, None) == latin


def test_a_grouped_number_in_either_style():
    assert digits_in_style(1234567, "arab") == "١٬٢٣٤٬٥٦٧"
    assert digits_in_style(1234567, "latn") == "1,234,567"
    assert digits_in_style(12.5, "arab") == "١٢٫٥"


def num(value, digits, filters=""):
    template = Template("{% load marsad %}{% num value" + filters + " %}")
    return template.render(Context({"value": value, "digits": digits}))


def test_the_num_tag_writes_decimals_in_the_page_style():
    assert num(1.9, "arab") == "١٫٩"
    assert num(12.5, "arab", '|floatformat:"1u"') == "١٢٫٥"
    assert num(31.52, "arab") == "٣١٫٥٢"
    assert num(6208, "arab") == "٦٬٢٠٨"
    assert num(1.9, "latn") == "1.9"
    assert num(12.5, "latn", '|floatformat:"1u"') == "12.5"
    assert num(6208, "latn") == "6,208"
