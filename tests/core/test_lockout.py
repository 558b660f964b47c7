"""Password guessing: after five wrong passwords a user name is locked out from that address, on
the login page and the admin's, even with the right password, until the cool-off passes or
`marsad unlock` ends it; the lockout and the unlock are entries of the audit chain."""

import json
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import F
from django.test import Client
from typer.testing import CliRunner

from marsad.cli import app
from marsad.core import audit
from marsad.core.models import AuditEntry
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/en/login/"
ADMIN_LOGIN = "/en/admin/login/"
WRONG = "not-the-passphrase"


def attempt(client, username, password, path=LOGIN, **extra):
    return client.post(path, {"username": username, "password": password}, **extra)


def logged_in(client):
    return "_auth_user_id" in client.session


def fail_until_locked(client, username, path=LOGIN):
    for _ in range(4):
        assert attempt(client, username, WRONG, path).status_code == 200
    return attempt(client, username, WRONG, path)


def test_the_limits_are_five_failures_and_fifteen_minutes():
    assert (settings.LOGIN_FAILURES, settings.LOCKOUT_MINUTES) == (5, 15)
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME == timedelta(minutes=15)


def test_five_wrong_passwords_lock_out_even_the_right_one(analyst):
    client = Client()
    locked = fail_until_locked(client, analyst.username)
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Too many failed logins" in page
    assert "Try again in 15 minutes" in page
    refused = attempt(client, analyst.username, PASSWORD)
    assert refused.status_code == 429
    assert not logged_in(client)


def test_the_lockout_is_audited_once_without_any_password(analyst):
    client = Client()
    fail_until_locked(client, analyst.username)
    for _ in range(3):  # further tries during the lockout add no entry
        attempt(client, analyst.username, PASSWORD)
    entry = AuditEntry.objects.get(action="lockout")
    assert (entry.user, entry.model, entry.object_id) == ("", "event", analyst.username)
    detail = json.loads(entry.after)
    assert detail == {
        "username": analyst.username,
        "ip_address": "127.0.0.1",
        "path": LOGIN,
        "failures": 5,
        "minutes": 15,
    }
    assert PASSWORD not in entry.after
    assert WRONG not in entry.after
    counters = AccessAttempt.objects.get()  # axes masks the password in its own table
    assert WRONG not in counters.post_data
    assert PASSWORD not in counters.post_data
    assert audit.verify().ok


def test_the_lockout_holds_one_user_name_from_one_address(analyst, admin_user):
    fail_until_locked(Client(), analyst.username)
    other_address = Client(REMOTE_ADDR="10.1.2.3")
    assert attempt(other_address, analyst.username, PASSWORD).status_code == 302
    other_user = Client()
    assert attempt(other_user, admin_user.username, PASSWORD).status_code == 302


def test_the_admin_login_is_covered_too(admin_user):
    client = Client()
    locked = fail_until_locked(client, admin_user.username, ADMIN_LOGIN)
    assert locked.status_code == 429
    assert attempt(client, admin_user.username, PASSWORD, ADMIN_LOGIN).status_code == 429
    assert not logged_in(client)
    # Failures on either page count against the same user name and address.
    assert attempt(client, admin_user.username, PASSWORD).status_code == 429
    assert AuditEntry.objects.get(action="lockout").object_id == admin_user.username


def test_the_lockout_page_is_arabic_at_the_arabic_address(analyst):
    client = Client()
    for _ in range(5):
        locked = attempt(client, analyst.username, WRONG, "/login/")
    page = locked.content.decode()
    assert locked.status_code == 429
    assert 'lang="ar"' in page
    assert 'dir="rtl"' in page
    assert "محاولات دخول فاشلة كثيرة" in page
    assert "١٥ دقيقة" in page


def test_the_right_password_works_again_after_the_cool_off(analyst):
    client = Client()
    fail_until_locked(client, analyst.username)

    def age(minutes):
        AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))

    age(14)
    assert attempt(client, analyst.username, PASSWORD).status_code == 429  # restarts the wait
    age(16)
    assert attempt(client, analyst.username, PASSWORD).status_code == 302
    assert logged_in(client)


def test_a_success_clears_the_count(analyst):
    client = Client()
    for _ in range(4):
        attempt(client, analyst.username, WRONG)
    assert attempt(client, analyst.username, PASSWORD).status_code == 302
    client = Client()
    for _ in range(4):
        assert attempt(client, analyst.username, WRONG).status_code == 200
    assert not AuditEntry.objects.filter(action="lockout").exists()


def test_marsad_unlock_ends_the_lockout_and_is_audited(analyst):
    client = Client()
    fail_until_locked(client, analyst.username)
    result = CliRunner().invoke(app, ["unlock", analyst.username])
    assert result.exit_code == 0, result.output
    assert f"unlocked {analyst.username}" in result.output
    assert attempt(client, analyst.username, PASSWORD).status_code == 302
    entry = AuditEntry.objects.get(action="unlock")
    assert (entry.user, entry.object_id) == ("system:cli", analyst.username)
    assert json.loads(entry.after) == {"username": analyst.username, "cleared": 1}

    again = CliRunner().invoke(app, ["unlock", analyst.username])
    assert again.exit_code == 0
    assert "nothing to unlock" in again.output
    assert AuditEntry.objects.filter(action="unlock").count() == 1
    assert audit.verify().ok


def test_force_login_and_sessions_are_not_counted(analyst):
    client = Client()
    client.force_login(analyst)
    assert client.get("/en/").status_code == 200
    assert not AccessAttempt.objects.exists()
