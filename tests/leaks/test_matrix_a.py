"""The leak matrix for some of the readers (the rest are in the other module): see matrix.py."""

import pytest

from .markers import unused
from .matrix import Reading, make_readers, page_urls, totals, unseen

READERS = ["admin", "analyst", "liaison-ita", "anonymous"]


@pytest.fixture(scope="module")
def readers(markers, django_db_blocker):
    with django_db_blocker.unblock():
        return make_readers()


@pytest.mark.parametrize("name", READERS)
def test_no_marker_reaches_a_reader_it_is_not_released_to(name, readers, markers, db):
    assert unused(markers) == []
    reading = Reading(readers[name], markers)
    reading.api()
    reading.pages(page_urls(markers))
    assert reading.errors == []
    assert reading.leaks == []
    missing = unseen(reading)
    assert missing == [], ", ".join(missing)
    assert reading.requests > 200
    assert totals(reading) == []
