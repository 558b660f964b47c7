"""Static files from npm: only the files Marsad serves, not whole packages.

The packages in node_modules hold hundreds of files (sources, maps, other builds); collecting
and compressing them all made each start take half a minute. VENDOR_FILES lists what the pages
load (and what those files refer to: source maps, Leaflet's images).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import Error
from django.core.files.storage import FileSystemStorage

# Per library: the served folder under STATIC_URL, its folder in node_modules, the files.
LIBRARIES = [
    (
        "vendor/bootstrap",
        "bootstrap/dist",
        [
            "css/bootstrap.rtl.min.css",
            "css/bootstrap.rtl.min.css.map",
            "css/bootstrap.min.css",
            "css/bootstrap.min.css.map",
            "js/bootstrap.bundle.min.js",
            "js/bootstrap.bundle.min.js.map",
        ],
    ),
    ("vendor/htmx", "htmx.org/dist", ["htmx.min.js"]),
    (
        "vendor/leaflet",
        "leaflet/dist",
        [
            "leaflet.js",
            "leaflet.js.map",
            "leaflet.css",
            "images/layers.png",
            "images/layers-2x.png",
            "images/marker-icon.png",
            "images/marker-icon-2x.png",
            "images/marker-shadow.png",
        ],
    ),
    (
        "vendor/leaflet.markercluster",
        "leaflet.markercluster/dist",
        [
            "leaflet.markercluster.js",
            "leaflet.markercluster.js.map",
            "MarkerCluster.css",
            "MarkerCluster.Default.css",
        ],
    ),
    ("vendor/chart.js", "chart.js/dist", ["chart.umd.min.js", "chart.umd.min.js.map"]),
    ("vendor/topojson-client", "topojson-client/dist", ["topojson-client.min.js"]),
    # Date inputs in the interface's language (Arabic month and day names).
    ("vendor/flatpickr", "flatpickr/dist", ["flatpickr.min.js", "flatpickr.min.css", "l10n/ar.js"]),
    # The daily report's Arabic font (SIL Open Font License).
    (
        "vendor/noto-naskh-arabic",
        "@fontsource/noto-naskh-arabic/files",
        ["noto-naskh-arabic-arabic-400-normal.woff2", "noto-naskh-arabic-arabic-700-normal.woff2"],
    ),
    # Natural Earth country outlines, public domain.
    ("vendor/world-atlas", "world-atlas", ["countries-110m.json"]),
]
# Served path -> path inside node_modules.
VENDOR_FILES = {
    f"{served}/{name}": f"{source}/{name}" for served, source, names in LIBRARIES for name in names
}


def vendor_source(served: str) -> Path:
    return Path(settings.NODE_MODULES) / VENDOR_FILES[served]


class VendorFinder(BaseFinder):
    """Finds the files of VENDOR_FILES in node_modules, each under its served path."""

    def check(self, **kwargs: Any) -> list[Error]:
        missing = [s for s in VENDOR_FILES if not vendor_source(s).is_file()]
        if not missing:
            return []
        return [
            Error(
                f"front-end file missing: {vendor_source(missing[0])}",
                hint="run `make setup` (npm ci)",
                id="marsad.E001",
            )
        ]

    def find(self, path: str, find_all: bool = False, **kwargs: Any) -> Any:
        if path in VENDOR_FILES and vendor_source(path).is_file():
            found = str(vendor_source(path))
            return [found] if (find_all or kwargs.get("all")) else found
        return [] if (find_all or kwargs.get("all")) else None

    def list(self, ignore_patterns: Any) -> Iterator[tuple[str, FileSystemStorage]]:
        for served in VENDOR_FILES:
            source = vendor_source(served)
            if source.is_file():
                storage = FileSystemStorage(location=str(source.parent))
                storage.prefix = str(PurePosixPath(served).parent)  # type: ignore[attr-defined]
                yield source.name, storage
