"""The demo and the marker records, loaded once per module of the matrix."""

from typing import Any

import pytest

from .markers import Markers, make_markers


@pytest.fixture(scope="module")
def markers(demo_world: Any, django_db_blocker: Any) -> Markers:
    with django_db_blocker.unblock():
        return make_markers()
