"""The leak matrix (matrix.py) for half of the readers; the other module takes the rest, so that
the suite's two workers share it."""

import pytest

from .matrix import check_reader, make_readers

pytestmark = pytest.mark.long(seconds=75)


@pytest.fixture(scope="module")
def readers(markers, django_db_blocker):
    with django_db_blocker.unblock():
        return make_readers()


@pytest.mark.parametrize("name", ["admin", "analyst", "liaison-ita", "anonymous"])
def test_no_marker_reaches_a_reader_it_is_not_released_to(name, readers, markers, db):
    check_reader(readers[name], markers)
