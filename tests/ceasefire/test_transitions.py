"""What verification and determination may follow which: pure rules, no database."""

import pytest

from marsad.ceasefire.transitions import determination_refusal, verification_refusal


@pytest.mark.parametrize(
    ("current", "new"),
    [
        ("reported", "corroborated"),
        ("reported", "false"),
        ("corroborated", "verified"),
        ("disputed", "verified"),
        ("verified", "disputed"),
        ("false", "disputed"),
    ],
)
def test_allowed_verifications(current, new):
    assert verification_refusal(current, new) is None


@pytest.mark.parametrize(
    ("current", "new", "why"),
    [
        ("reported", "reported", "already"),
        ("verified", "false", "can only become: disputed"),
        ("false", "verified", "can only become: disputed"),
        ("disputed", "reported", "does not go back"),
    ],
)
def test_refused_verifications(current, new, why):
    assert why in verification_refusal(current, new)


def test_determinations():
    assert determination_refusal("alleged", "confirmed") is None
    assert determination_refusal("confirmed", "alleged") is None
    assert "can only become: alleged" in determination_refusal("confirmed", "rejected")
    assert "already" in determination_refusal("rejected", "rejected")
    assert "marked 'false'" in determination_refusal("alleged", "confirmed", incident_false=True)
    assert determination_refusal("alleged", "rejected", incident_false=True) is None
