"""Which access state may follow which, and which consignment status. A crossing that was
closed comes back as "reopened" (or "restricted" when only part of it reopens); "reopened"
needs a closure before it; a step that repeats the current state is no change at all."""

from __future__ import annotations

NEXT: dict[str | None, frozenset[str]] = {
    None: frozenset({"open", "restricted", "closed"}),
    "open": frozenset({"restricted", "closed"}),
    "restricted": frozenset({"open", "closed"}),
    "closed": frozenset({"reopened", "restricted"}),
    "reopened": frozenset({"restricted", "closed"}),
}

CONSIGNMENT_NEXT: dict[str, frozenset[str]] = {
    "requested": frozenset({"approved", "denied"}),
    "approved": frozenset({"entered", "denied"}),
    "entered": frozenset({"delivered", "intercepted"}),
    "delivered": frozenset(),
    "denied": frozenset(),
    "intercepted": frozenset(),
}


def refusal(current: str | None, new: str) -> str | None:
    """Why the state may not go from `current` to `new`, or None when it may."""
    if new == current:
        return f"it is already '{current}': add evidence to that step instead"
    if current is None and new == "reopened":
        return "nothing was closed: record 'open' (a reopening follows a closure)"
    if current == "closed" and new == "open":
        return "a closed crossing or corridor comes back as 'reopened' (or 'restricted')"
    if current == "reopened" and new == "open":
        return "it is open already since it reopened"
    if new not in NEXT[current]:
        return f"'{current}' can only become: " + ", ".join(sorted(NEXT[current]))
    return None


def consignment_refusal(current: str, new: str) -> str | None:
    """Why a consignment may not go from `current` to `new`, or None when it may."""
    if new == current:
        return f"the consignment is already '{current}'"
    allowed = CONSIGNMENT_NEXT[current]
    if new not in allowed:
        if not allowed:
            return f"the consignment was {current}; that is final"
        return f"a consignment '{current}' can only become: " + ", ".join(sorted(allowed))
    return None
