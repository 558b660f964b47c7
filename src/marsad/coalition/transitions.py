"""Which invitation status may follow which. A declined or withdrawn invitation is closed:
a change of mind needs a new invitation."""

from __future__ import annotations

NEXT: dict[str, frozenset[str]] = {
    "proposed": frozenset(
        {"delivered", "under_consideration", "accepted", "declined", "withdrawn"}
    ),
    "delivered": frozenset({"under_consideration", "accepted", "declined", "withdrawn"}),
    "under_consideration": frozenset({"accepted", "declined", "withdrawn"}),
    "accepted": frozenset({"withdrawn"}),
    "declined": frozenset(),
    "withdrawn": frozenset(),
}

PLEDGE_NEXT: dict[str, frozenset[str]] = {
    "offered": frozenset({"confirmed", "delivered", "withdrawn"}),
    "confirmed": frozenset({"delivered", "withdrawn"}),
    "delivered": frozenset({"withdrawn"}),
    "withdrawn": frozenset(),
}


def refusal(current: str | None, new: str) -> str | None:
    """Why an invitation may not go from `current` to `new`, or None when it may."""
    if current is None:
        return None
    if new == current:
        return f"the invitation is already '{current}': add evidence to that step instead"
    if new not in NEXT[current]:
        if not NEXT[current]:
            return f"the invitation was {current}; a change needs a new invitation"
        allowed = ", ".join(sorted(NEXT[current]))
        return f"an invitation '{current}' can only become: {allowed}"
    return None


def pledge_refusal(current: str, new: str) -> str | None:
    """Why a pledge may not go from `current` to `new`, or None when it may."""
    if new == current:
        return f"the pledge is already '{current}'"
    if new not in PLEDGE_NEXT[current]:
        if not PLEDGE_NEXT[current]:
            return f"the pledge was {current}; record a new pledge instead"
        return f"a pledge '{current}' can only become: " + ", ".join(sorted(PLEDGE_NEXT[current]))
    return None
