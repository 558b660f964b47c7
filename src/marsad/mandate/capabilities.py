"""How Marsad's pledge kinds read as force-generation capabilities. Troops are ground forces;
the others put specialists on the ground, or give from afar (funding, political support)."""

from __future__ import annotations

CAPABILITY_OF_KIND = {
    "troops": "infantry",
    "police_trainers": "police_trainers",
    "engineering": "engineers",
    "medical": "medical",
    "logistics": "logistics",
    "funding": "funding_usd",
    "political": "political",
    "other": "other",
}
KIND_OF_CAPABILITY = {capability: kind for kind, capability in CAPABILITY_OF_KIND.items()}
