"""Fixtures of the access tests without the demo: the reference crossings (with Kerem Shalom's
place recorded first) and a corridor along a known route."""

import pytest

from marsad.access import services
from marsad.core.services.actors import create_actor

ROUTE = {
    "type": "LineString",
    "coordinates": [[34.2706, 31.2208], [34.2540, 31.2870], [34.3080, 31.3440]],
}


@pytest.fixture
def crossings(system, states):
    create_actor(
        by=system,
        key="CROSSING-KEREM-SHALOM",
        kind="place",
        name_ar="معبر كرم أبو سالم",
        name_en="Kerem Shalom crossing",
        aliases_en=["Karem Abu Salem"],
        marking="public",
    )
    return services.ensure_crossings(by=system)


@pytest.fixture
def corridor(system, crossings):
    return services.create_corridor(
        by=system,
        key="ks-test",
        crossing="CROSSING-KEREM-SHALOM",
        name_ar="ممر تجريبي",
        name_en="Test corridor",
        route=ROUTE,
    )
