"""Which verification an incident may move to, and which determination a violation may. Pure:
no Django, so the rules are tested and read on their own.

An incident starts "reported" and never goes back to it: once looked at, it is corroborated,
verified, disputed or false. A verified or false incident is reopened through "disputed" (new
evidence challenges it) rather than flipped to the opposite at once. A violation starts
"alleged"; confirmed and rejected are reopened as "alleged" before the opposite finding.
Raising confidence (corroborated, verified, confirmed) needs a supporting claim: claims first.
"""

from __future__ import annotations

VERIFICATION_NEXT: dict[str, frozenset[str]] = {
    "reported": frozenset({"corroborated", "verified", "disputed", "false"}),
    "corroborated": frozenset({"verified", "disputed", "false"}),
    "disputed": frozenset({"corroborated", "verified", "false"}),
    "verified": frozenset({"disputed"}),
    "false": frozenset({"disputed"}),
}
DETERMINATION_NEXT: dict[str, frozenset[str]] = {
    "alleged": frozenset({"confirmed", "rejected"}),
    "confirmed": frozenset({"alleged"}),
    "rejected": frozenset({"alleged"}),
}
# States that assert more than a report does: they rest on at least one claim.
NEEDS_CLAIM = frozenset({"corroborated", "verified", "confirmed"})


def _refusal(table: dict[str, frozenset[str]], what: str, current: str, new: str) -> str | None:
    if new == current:
        return f"the {what} is already '{current}'"
    allowed = table.get(current, frozenset())
    if new not in allowed:
        return f"a {what} '{current}' can only become: " + ", ".join(sorted(allowed))
    return None


def verification_refusal(current: str, new: str) -> str | None:
    """Why an incident's verification may not go from `current` to `new`, or None."""
    if new == "reported" and current != "reported":
        return "an incident does not go back to 'reported': mark it 'disputed' instead"
    return _refusal(VERIFICATION_NEXT, "verification", current, new)


def determination_refusal(current: str, new: str, *, incident_false: bool = False) -> str | None:
    """Why a violation's determination may not go from `current` to `new`, or None. A violation
    is not confirmed on an incident found false."""
    if new == "confirmed" and incident_false:
        return "the incident is marked 'false': a violation cannot be confirmed on it"
    return _refusal(DETERMINATION_NEXT, "determination", current, new)
