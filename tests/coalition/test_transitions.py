"""Invitation and pledge timelines: which step may follow which (no database)."""

import pytest

from marsad.coalition.transitions import pledge_refusal, refusal


@pytest.mark.parametrize(
    ("current", "new"),
    [
        (None, "delivered"),
        ("proposed", "delivered"),
        ("delivered", "under_consideration"),
        ("under_consideration", "accepted"),
        ("under_consideration", "declined"),
        ("accepted", "withdrawn"),
        ("proposed", "withdrawn"),
    ],
)
def test_allowed_steps(current, new):
    assert refusal(current, new) is None


def test_declined_then_accepted_needs_a_new_invitation():
    assert "needs a new invitation" in refusal("declined", "accepted")
    assert "needs a new invitation" in refusal("withdrawn", "under_consideration")


def test_no_step_backwards_or_repeated():
    assert "can only become" in refusal("accepted", "under_consideration")
    assert "already" in refusal("delivered", "delivered")


def test_pledge_steps():
    assert pledge_refusal("offered", "confirmed") is None
    assert pledge_refusal("confirmed", "withdrawn") is None
    assert "record a new pledge" in pledge_refusal("withdrawn", "offered")
    assert "can only become" in pledge_refusal("delivered", "offered")
