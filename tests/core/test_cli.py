"""`marsad token create|list|revoke` and `createuser`'s token: printed once with its expiry,
listed without the secret, revoked for good."""

import re
from datetime import timedelta

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.core.models import ApiToken, AuditEntry

pytestmark = pytest.mark.django_db
runner = CliRunner()


def run(*args):
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize("command", ["token", "token create", "token list", "unlock"])
def test_the_commands_explain_themselves(command):
    result = runner.invoke(app, [*command.split(), "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_create_list_and_revoke(analyst, liaison_ita):
    code, out = run("token", "create", analyst.username, "--label", "nightly", "--days", "7")
    assert code == 0, out
    secret = out.strip().splitlines()[-1]
    assert secret.startswith("marsad_")
    token = ApiToken.objects.get(user=analyst)
    assert token.label == "nightly"
    assert token.expires - token.created == timedelta(days=7)
    assert f"#{token.pk}" in out
    assert f"valid until {token.expires:%Y-%m-%d %H:%M} UTC" in out
    run("token", "create", liaison_ita.username)

    code, out = run("token", "list")
    assert code == 0, out
    for text in (str(token.pk), analyst.username, liaison_ita.username, "nightly", "active"):
        assert text in out
    assert secret not in out
    assert token.digest not in out
    code, out = run("token", "list", liaison_ita.username)
    assert analyst.username not in out

    code, out = run("token", "revoke", str(token.pk))
    assert code == 0, out
    assert f"revoked API token #{token.pk} of {analyst.username}" in out
    assert re.search(rf"\b{token.pk}\b.*revoked", run("token", "list", analyst.username)[1])
    assert AuditEntry.objects.get(action="revoke").user == "system:cli"

    code, out = run("token", "revoke", str(token.pk))
    assert code == 1
    assert "revoked already" in out


def test_create_refuses_an_unknown_user_and_a_bad_lifetime(analyst):
    code, out = run("token", "create", "nobody")
    assert code == 1
    assert "nobody" in out
    code, out = run("token", "create", analyst.username, "--days", "400")
    assert code == 1
    assert "days" in out
    assert not ApiToken.objects.exists()


def test_createuser_prints_the_tokens_expiry(states):
    code, out = run("createuser", "amal", "--role", "analyst", "--password", "x-long-pass-123")
    assert code == 0, out
    token = ApiToken.objects.get(user__username="amal")
    assert f"valid until {token.expires:%Y-%m-%d %H:%M} UTC" in out
