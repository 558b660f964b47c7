"""The home page's situation on an empty database: every card says there is nothing to show,
in no more queries than with the demo (test_situation.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from marsad.web.situation import situation

from .test_situation import MAX_QUERIES

pytestmark = pytest.mark.django_db


def test_an_empty_database_says_nothing_is_known_yet():
    with CaptureQueriesContext(connection) as captured:
        found = situation(AnonymousUser())
    assert len(captured) <= MAX_QUERIES
    assert found.killed == []
    assert found.trucks is None
    assert found.requirements == 0
    html = Client().get("/en/").content.decode()
    assert "No casualty series visible to you." in html
    assert "No truck counts visible to you." in html
