"""The parts of the ACLED codebook a reader checks: event types with their sub-event types,
and the actor types behind the `inter1`/`inter2` columns."""

from __future__ import annotations

#: Event type -> its sub-event types (ACLED codebook, 2019 revision onwards).
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

#: ACLED's numeric actor-type codes (older exports) -> the names newer exports write.
INTER_CODES: dict[int, str] = {
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}

_INTER_BY_NAME = {name.casefold(): name for name in INTER_CODES.values()}
# Older names that newer exports spell differently.
_INTER_BY_NAME.update({"rebel groups": "Rebel group", "political militias": "Political militia"})
_INTER_BY_NAME.update({"identity militias": "Identity militia", "state forces": "State forces"})


def inter_name(value: str) -> str | None:
    """The actor-type name for a code (`8`) or a name in any case; `""` for no actor; None if
    the value is neither."""
    text = value.strip()
    if text in ("", "0"):
        return ""
    if text.isdigit():
        return INTER_CODES.get(int(text))
    return _INTER_BY_NAME.get(text.casefold())


def is_known_sub_event(event_type: str, sub_event_type: str) -> bool:
    """Whether the sub-event type belongs to the event type."""
    return sub_event_type in EVENT_TYPES.get(event_type, ())
