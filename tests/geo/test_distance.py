import numpy as np
import pytest
from shapely.geometry import LineString, Point

from marsad.geo.distance import PointIndex, distance_m, distances_m, near, project, unproject

KEREM_SHALOM = (31.22083, 34.27056)
RAFAH = (31.24858, 34.25923)
EREZ = (31.5582, 34.54472)
# WGS84 geodesic distances (Vincenty's inverse formula), computed once outside the project.
GEODESIC = {(KEREM_SHALOM, RAFAH): 3260.59, (KEREM_SHALOM, EREZ): 45598.31}


@pytest.mark.parametrize(("pair", "metres"), GEODESIC.items())
def test_distances_between_crossings_match_the_geodesic(pair, metres):
    assert distance_m(*pair) == pytest.approx(metres, rel=0.01)
    # The projection is in fact far better than 1 %: under 10 parts per million here.
    assert distance_m(*pair) == pytest.approx(metres, rel=1e-5)


def test_the_projection_is_centred_on_gaza_and_inverts():
    x, y = project([31.4], [34.4])
    assert abs(x[0]) < 1e-6
    assert abs(y[0]) < 1e-6
    lats, lons = unproject(*project([31.22, 31.6, 32.0], [34.2, 34.57, 35.2]))
    assert np.allclose(lats, [31.22, 31.6, 32.0], atol=1e-9)
    assert np.allclose(lons, [34.2, 34.57, 35.2], atol=1e-9)


def test_near_finds_the_points_within_a_distance_of_a_corridor():
    # A corridor running north from Kerem Shalom (GeoJSON order: longitude, latitude).
    corridor = LineString([(34.27056, 31.22083), (34.27056, 31.30)])
    one_km_east = 1000 / (111_320 * np.cos(np.radians(31.25)))
    points = [
        (31.25, 34.27056),  # on the corridor
        (31.25, 34.27056 + 0.9 * one_km_east),  # 900 m east
        (31.25, 34.27056 + 1.1 * one_km_east),  # 1.1 km east
        (31.31, 34.27056),  # 1.1 km beyond its end
        RAFAH,
    ]
    assert near(corridor, points, 1000).tolist() == [0, 1]
    assert near(corridor, points, 1200).tolist() == [0, 1, 2, 3, 4]
    index = PointIndex([p[0] for p in points], [p[1] for p in points])
    assert len(index) == 5
    found = index.near({"type": "Point", "coordinates": [RAFAH[1], RAFAH[0]]}, 50)
    assert found.tolist() == [4]
    assert index.distances(Point(KEREM_SHALOM[1], KEREM_SHALOM[0]), found)[0] == pytest.approx(
        GEODESIC[(KEREM_SHALOM, RAFAH)], rel=1e-5
    )
    with pytest.raises(ValueError, match="negative"):
        index.near(corridor, -1)


def test_distances_to_a_geometry():
    metres = distances_m(Point(RAFAH[1], RAFAH[0]), [KEREM_SHALOM[0]], [KEREM_SHALOM[1]])
    assert metres[0] == pytest.approx(GEODESIC[(KEREM_SHALOM, RAFAH)], rel=1e-5)


def test_a_million_points_are_indexed_and_queried():
    rng = np.random.default_rng(7)
    lats = rng.uniform(31.22, 31.6, 1_000_000)
    lons = rng.uniform(34.2, 34.57, 1_000_000)
    index = PointIndex(lats, lons)
    corridor = LineString([(34.27056, 31.22083), (34.45, 31.5)])
    found = index.near(corridor, 500)
    assert 0 < len(found) < 1_000_000
    # Every point found is within 500 m, and the nearest of those left out is beyond it.
    assert index.distances(corridor, found).max() <= 500
    sample = np.setdiff1d(np.arange(0, 1_000_000, 97), found)
    assert index.distances(corridor, sample).min() > 500
