"""Country codes: world outline files (Natural Earth via world-atlas) name countries by their
ISO 3166-1 numeric code; Marsad names states by alpha-3."""

from __future__ import annotations

import pycountry


def iso_numeric(iso3: str) -> str | None:
    """The numeric code ('380' for ITA), or None for a code ISO does not know."""
    country = pycountry.countries.get(alpha_3=iso3.upper())
    return str(country.numeric) if country else None
