"""What the tests of the record forms share: a signed-in client, and the refusal a form shows
beside a field, which must be in Arabic."""

import re

from django.test import Client

ARABIC = re.compile(r"[\u0600-\u06ff]")


def client_of(user):
    client = Client()
    client.force_login(user)
    return client


def error_of(html, field):
    found = re.search(rf'data-error-for="{field}">([^<]*)<', html)
    assert found, f"no error on {field}"
    assert ARABIC.search(found[1]), found[1]
    return found[1]
