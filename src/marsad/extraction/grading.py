"""The credibility digit of a claim (NATO Admiralty code, 1-6) from how it is corroborated.

Independent sources are different sources in documents that are not copies of one another
(near-duplicates count once). The rule, shown to analysts on the review page:

  three or more independent sources agree   1  confirmed by other sources
  two independent sources agree             2  probably true
  one named source                          3  possibly true
  one source, anonymous only                4  doubtful
  no source at all                          6  truth cannot be judged
  the text itself reports it unconfirmed    at best 4
  the text reports it denied                at best 5
"""

from __future__ import annotations

RULE = (
    (3, 1, "three or more independent sources agree"),
    (2, 2, "two independent sources agree"),
    (1, 3, "one named source"),
)


def credibility(*, independent_sources: int, anonymous_only: bool, status: str = "reported") -> int:
    """The Admiralty credibility digit for a claim so corroborated."""
    if independent_sources <= 0:
        digit = 6
    elif independent_sources == 1 and anonymous_only:
        digit = 4
    else:
        digit = next(d for n, d, _ in RULE if independent_sources >= n)
    if status == "unconfirmed":
        digit = max(digit, 4)
    elif status == "denied":
        digit = max(digit, 5)
    return digit
