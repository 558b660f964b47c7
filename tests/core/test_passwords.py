"""Password policy: Django's four validators apply to every user created, through the service
(and so `marsad createuser`) and the admin; a refusal names the field, never the password."""

import pytest
from django.test import Client

from marsad.core.errors import InvalidInput
from marsad.core.models import User
from marsad.core.services.users import create_user
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("password", "why"),
    [
        ("short", "too short"),
        ("password123", "too common"),
        ("12345678901", "entirely numeric"),
        ("commander-rossi", "too similar"),
    ],
)
def test_weak_passwords_are_refused_naming_the_field(system, states, password, why):
    with pytest.raises(InvalidInput) as caught:
        create_user(by=system, username="commander-rossi", role="analyst", password=password)
    (problem,) = caught.value.problems
    assert (problem.field, problem.value) == ("password", "(hidden)")
    assert why in problem.message
    # The value given is never echoed (an echo is quoted: "got 'short'").
    assert f"'{password}'" not in str(caught.value)
    assert caught.value.as_dict()["errors"][0]["value"] == "(hidden)"
    assert not User.objects.filter(username="commander-rossi").exists()


def test_the_test_passphrase_passes(system, states):
    user = create_user(by=system, username="amal", role="analyst", password=PASSWORD)
    assert user.check_password(PASSWORD)


def test_the_admin_applies_the_same_validators(admin_user):
    client = Client()
    client.force_login(admin_user)
    response = client.post(
        "/en/admin/core/user/add/",
        {
            "username": "weakling",
            "password1": "password123",
            "password2": "password123",
            "usable_password": "true",
        },
    )
    assert response.status_code == 200
    assert "too common" in response.content.decode()
    assert not User.objects.filter(username="weakling").exists()
