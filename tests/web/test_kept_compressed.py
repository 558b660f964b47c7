"""An anonymous reader's page is kept compressed only (web.pagecache): a reader who asks for GZip
gets it as kept, one who does not gets the same page decompressed. And the project's file cache
(web.filecache) reads back what it wrote."""

import gzip

import pytest
from django.core.cache import cache
from django.test import Client

from marsad.web.filecache import CULL_EVERY, FileCache

pytestmark = pytest.mark.django_db


def test_an_anonymous_page_kept_compressed_is_the_same_page_with_or_without_gzip(demo_users):
    cache.clear()
    client = Client()
    first = client.get("/en/")
    assert first["X-Page-Cache"] == "stored"
    packed = client.get("/en/", HTTP_ACCEPT_ENCODING="gzip")
    plain = client.get("/en/")
    assert packed["X-Page-Cache"] == plain["X-Page-Cache"] == "hit"
    assert packed["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in plain
    assert gzip.decompress(packed.content) == plain.content == first.content


def test_the_file_cache_reads_back_what_it_wrote_and_culls(tmp_path):
    kept = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 10, "CULL_FREQUENCY": 2}})
    page = ("text/html", b"", gzip.compress(b"<p>page</p>" * 1000))
    kept.set("page", page, 60)
    assert kept.get("page") == page
    for n in range(CULL_EVERY + 5):
        kept.set(f"k{n}", n, 60)
    # Culled on one write in CULL_EVERY: never far above MAX_ENTRIES.
    assert len(list(tmp_path.glob("*.djcache"))) <= 10 + CULL_EVERY
