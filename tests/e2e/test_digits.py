"""In a browser, with Arabic-Indic digits chosen: the numbers scripts write (charts' axes and
tooltips, maps' counts) take the Arabic decimal and thousands separators, as the server's do;
with Latin digits they keep "." and ","."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("arab", ["١٫٩", "١٢٫٥", "٣١٫٥٢", "٦٬٢٠٨", "٢٠٢٥-١١-٢٠", "١٢٫٥"]),
        ("latn", ["1.9", "12.5", "31.52", "6,208", "2025-11-20", "12.5"]),
    ],
)
def test_scripts_write_decimals_in_the_page_style(tab, style, expected):
    tab.page.context.add_cookies([{"name": "marsad_digits", "value": style, "url": tab.base + "/"}])
    tab.open("/")
    assert tab.page.get_attribute("body", "data-digits") == style
    written = tab.page.evaluate(
        "() => [marsadNumber(1.9), marsadNumber(12.5), marsadNumber(31.52), marsadNumber(6208),"
        " marsadDigits('2025-11-20'), marsadDigits('12.5')]"
    )
    assert written == expected
    assert tab.errors == []
