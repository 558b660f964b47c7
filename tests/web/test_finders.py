"""Front-end files: every file a page loads is listed, installed, and local (no CDN)."""

import re
from pathlib import Path

from marsad.web.finders import VENDOR_FILES, VendorFinder, vendor_source

SRC = Path(__file__).resolve().parents[2] / "src" / "marsad"


def test_every_vendor_file_is_installed():
    assert [s for s in VENDOR_FILES if not vendor_source(s).is_file()] == []
    assert VendorFinder().check() == []


def test_templates_load_only_listed_vendor_files():
    used = set()
    for path in SRC.rglob("*.html"):
        used |= set(re.findall(r"""{%\s*static\s+['"](vendor/[^'"]+)['"]""", path.read_text()))
    assert used
    assert used <= set(VENDOR_FILES), used - set(VENDOR_FILES)


def test_no_page_or_script_reaches_a_cdn():
    pattern = re.compile(r"""(src|href)=["']https?://|cdn\.|unpkg|jsdelivr""")
    for path in [*SRC.rglob("*.html"), *SRC.rglob("*.js")]:
        assert not pattern.search(path.read_text()), path


def test_the_finder_finds_and_lists():
    finder = VendorFinder()
    assert finder.find("vendor/leaflet/leaflet.js").endswith("leaflet/dist/leaflet.js")
    assert finder.find("vendor/leaflet/unknown.js") is None
    listed = {f"{storage.prefix}/{name}" for name, storage in finder.list([])}
    assert listed == set(VENDOR_FILES)
