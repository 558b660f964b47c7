"""The Gaza governorates shipped with Marsad (OCHA COD-AB, CC BY-IGO)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data" / "gaza_admin2_governorates.geojson"
GAZA_STRIP_PCODE = "PS02"


@cache
def governorate_geometries() -> dict[str, dict[str, Any]]:
    """GeoJSON geometry of each governorate, by OCHA P-code (PS0255 ... PS0275)."""
    collection = json.loads(DATA.read_text(encoding="utf-8"))
    return {f["properties"]["adm2_pcode"]: f["geometry"] for f in collection["features"]}


def strip_geometry() -> dict[str, Any]:
    """The Gaza Strip as the multipolygon of its five governorates."""
    polygons: list[Any] = []
    for geometry in governorate_geometries().values():
        if geometry["type"] == "Polygon":
            polygons.append(geometry["coordinates"])
        else:
            polygons.extend(geometry["coordinates"])
    return {"type": "MultiPolygon", "coordinates": polygons}


def geometry_for(pcode: str) -> dict[str, Any] | None:
    if pcode == GAZA_STRIP_PCODE:
        return strip_geometry()
    return governorate_geometries().get(pcode)


def point(latitude: float, longitude: float) -> dict[str, Any]:
    """A GeoJSON point; GeoJSON puts longitude first."""
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ValueError(f"({latitude}, {longitude}) is not a latitude and longitude")
    return {"type": "Point", "coordinates": [longitude, latitude]}
