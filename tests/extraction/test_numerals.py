import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.extraction.numerals import parse_int, to_arabic_digits, to_latin_digits


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("١٢", 12),
        ("۳۴", 34),
        ("١٬٢٠٠", 1200),
        ("12,000", 12000),
        ("  ٧ ", 7),
        ("-٥", -5),
        ("1 234 567", 1234567),
        (42, 42),
        (3.0, 3),
        ("9223372036854775807", 2**63 - 1),
        ("-٩٢٢٣٣٧٢٠٣٦٨٥٤٧٧٥٨٠٨", -(2**63)),
    ],
)
def test_reads_integers_in_any_digit_script(text, number):
    assert parse_int(text) == number


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "whole number"),
        ("عشرات", "whole number"),
        ("١٫٥", "whole number"),
        ("1,23", "misplaced"),
        (True, "true/false"),
        (2.5, "whole number"),
        (None, "whole number"),
        ("9223372036854775808", "beyond the whole numbers a database stores"),
        ("-9223372036854775809", "beyond the whole numbers a database stores"),
        (2**64, "beyond the whole numbers a database stores"),
        (1e20, "beyond the whole numbers a database stores"),
    ],
)
def test_refuses_what_is_not_a_whole_number(text, message):
    with pytest.raises(ValueError, match=message):
        parse_int(text)


@given(st.integers(min_value=0, max_value=10**12))
def test_arabic_digits_round_trip(number):
    arabic = to_arabic_digits(str(number))
    assert arabic.isdigit()
    assert not arabic.isascii()
    assert parse_int(arabic) == number
    assert to_latin_digits(arabic) == str(number)
