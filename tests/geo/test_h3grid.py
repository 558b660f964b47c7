import h3
import pytest

from marsad.geo.h3grid import cell_polygon, cluster, resolution_for_zoom


def test_points_are_counted_and_weighted_by_cell_largest_first():
    lats = [31.5000, 31.5001, 31.2800, float("nan")]
    lons = [34.4500, 34.4501, 34.2500, 34.45]
    clusters = cluster(lats, lons, resolution=7, weights=[2, 3, 10, 1])
    assert [(c.count, c.weight) for c in clusters] == [(2, 5.0), (1, 10.0)]
    assert clusters[0].cell == h3.latlng_to_cell(31.5, 34.45, 7)
    assert clusters[0].lat == pytest.approx(31.5, abs=0.02)


def test_resolution_follows_the_zoom_within_h3_limits():
    assert resolution_for_zoom(0) == 0
    assert resolution_for_zoom(11) == 6
    assert resolution_for_zoom(15) == 9
    assert resolution_for_zoom(30) == 15
    with pytest.raises(ValueError, match="resolution"):
        cluster([31.5], [34.45], resolution=16)


def test_cells_become_closed_geojson_polygons():
    polygon = cell_polygon(h3.latlng_to_cell(31.5, 34.45, 7))
    ring = polygon["coordinates"][0]
    assert ring[0] == ring[-1]
    assert len(ring) == 7
    assert 34 < ring[0][0] < 35
