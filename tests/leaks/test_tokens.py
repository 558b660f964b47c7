"""The matrix finds marker tokens wherever a page shows them, and not inside a page's random
strings (a form's CSRF token, a nonce), which once made it report a leak that was none."""

from .matrix import TOKEN


def test_tokens_are_found_beside_any_text_but_ascii_letters_and_digits():
    body = (
        '<p>«LKMACTORPUBLICX»</p> "LKMSOURCEFORCEX", LKMDOCUMENTEXPORTX '
        "وثيقةLKMCLAIMITAXعن (LKMREPORTINTERNALX)"
    )
    assert TOKEN.findall(body) == [
        "LKMACTORPUBLICX",
        "LKMSOURCEFORCEX",
        "LKMDOCUMENTEXPORTX",
        "LKMCLAIMITAX",
        "LKMREPORTINTERNALX",
    ]


def test_a_random_string_holding_the_letters_is_no_token():
    csrf = 'name="csrfmiddlewaretoken" value="q8LKMZ4X9aR1wLKMA7Xb" data-nonce="LKM2Xy"'
    assert TOKEN.findall(csrf) == []
