import pytest

from marsad.extraction.grading import credibility


@pytest.mark.parametrize(
    ("sources", "anonymous", "status", "digit"),
    [
        (0, False, "reported", 6),
        (1, True, "reported", 4),
        (1, False, "reported", 3),
        (2, True, "reported", 2),
        (2, False, "reported", 2),
        (5, False, "reported", 1),
        (5, False, "unconfirmed", 4),
        (1, False, "denied", 5),
    ],
)
def test_credibility_follows_corroboration(sources, anonymous, status, digit):
    assert (
        credibility(independent_sources=sources, anonymous_only=anonymous, status=status) == digit
    )


def test_more_sources_never_lower_credibility():
    digits = [credibility(independent_sources=n, anonymous_only=False) for n in range(1, 6)]
    assert digits == sorted(digits, reverse=True)
