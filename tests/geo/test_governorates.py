import pytest

from marsad.geo.governorates import geometry_for, governorate_geometries, point


def test_five_governorates_by_pcode():
    assert sorted(governorate_geometries()) == ["PS0255", "PS0260", "PS0265", "PS0270", "PS0275"]
    assert geometry_for("PS0270")["type"] == "Polygon"


def test_the_strip_is_the_union_of_its_governorates():
    strip = geometry_for("PS02")
    assert strip["type"] == "MultiPolygon"
    assert len(strip["coordinates"]) == 5
    assert geometry_for("PS01") is None


def test_points_put_longitude_first_and_refuse_nonsense():
    assert point(31.22083, 34.27056) == {"type": "Point", "coordinates": [34.27056, 31.22083]}
    with pytest.raises(ValueError, match="latitude"):
        point(131.2, 34.2)
