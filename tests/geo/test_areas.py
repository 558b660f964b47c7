from collections import Counter

import numpy as np
import pytest

from marsad.datasets.acled import read_acled
from marsad.geo.areas import governorate_names, locate, locate_many
from tests.datasets.shared import shared_file

# One point well inside each governorate, and the places they hold.
INSIDE = {
    "PS0255": (31.53, 34.50),  # Jabalia
    "PS0260": (31.50, 34.45),  # Gaza City
    "PS0265": (31.42, 34.35),  # Deir al-Balah
    "PS0270": (31.35, 34.30),  # Khan Younis
    "PS0275": (31.28, 34.25),  # Rafah
}


@pytest.mark.parametrize(("pcode", "point"), INSIDE.items())
def test_a_point_in_each_governorate(pcode, point):
    assert locate(*point) == pcode


def test_points_at_sea_or_outside_the_strip_are_in_no_governorate():
    assert locate(31.50, 34.30) is None  # the Mediterranean off Gaza City
    assert locate(31.22083, 34.27056) is None  # Kerem Shalom, on the Israeli side
    assert locate(31.77, 35.21) is None  # Jerusalem


def test_locate_many_keeps_input_order_and_gives_none_for_missing_coordinates():
    lats = [p[0] for p in INSIDE.values()] + [31.50, float("nan")]
    lons = [p[1] for p in INSIDE.values()] + [34.30, 34.45]
    assert locate_many(lats, lons) == [*INSIDE, None, None]
    assert locate_many(np.array([]), np.array([])) == []
    with pytest.raises(ValueError, match="same length"):
        locate_many([31.5], [34.4, 34.5])


def test_governorates_have_their_ocha_names():
    assert governorate_names()["PS0265"] == "Deir Al-Balah"


def test_real_acled_events_fall_in_gaza_city_or_at_sea():
    events = read_acled(shared_file("acled/gaza_war_events.csv")).records
    found = locate_many([e.latitude for e in events], [e.longitude for e in events])
    assert len(found) == 5338
    assert Counter(found) == {"PS0260": 5310, None: 28}
    assert all(event.offshore for event, pcode in zip(events, found, strict=True) if pcode is None)
