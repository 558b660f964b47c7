"""The marsad command: help for every command, users with roles, checks."""

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.core.models import ApiToken, User

runner = CliRunner()
COMMANDS = ["run", "migrate", "demo", "createuser", "audit", "check"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_explains_itself(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


@pytest.mark.django_db
def test_createuser_liaison_needs_a_known_nation(states):
    missing = runner.invoke(
        app, ["createuser", "rossi", "--role", "liaison", "--password", "x-long-pass-123"]
    )
    assert missing.exit_code == 1
    assert "nation" in missing.output
    unknown = runner.invoke(
        app,
        [
            "createuser",
            "rossi",
            "--role",
            "liaison",
            "--nation",
            "XYZ",
            "--password",
            "x-long-pass-123",
        ],
    )
    assert unknown.exit_code == 1
    assert "XYZ" in unknown.output
    made = runner.invoke(
        app,
        [
            "createuser",
            "rossi",
            "--role",
            "liaison",
            "--nation",
            "ita",
            "--password",
            "x-long-pass-123",
        ],
    )
    assert made.exit_code == 0, made.output
    user = User.objects.get(username="rossi")
    assert (user.role, user.nation) == ("liaison", "ITA")
    token = made.output.strip().splitlines()[-1]
    assert token.startswith("marsad_")
    assert ApiToken.objects.filter(user=user).count() == 1
    assert token not in {t.digest for t in ApiToken.objects.all()}  # only the hash is stored


@pytest.mark.django_db
def test_createuser_refuses_bad_roles_and_weak_passwords(states):
    bad_role = runner.invoke(
        app, ["createuser", "x", "--role", "general", "--password", "x-long-pass-123"]
    )
    assert bad_role.exit_code == 1
    assert "role" in bad_role.output
    assert "general" in bad_role.output
    weak = runner.invoke(app, ["createuser", "y", "--role", "analyst", "--password", "123"])
    assert weak.exit_code == 1
    assert "password" in weak.output
    assert not User.objects.filter(username__in=["x", "y"]).exists()


@pytest.mark.django_db
def test_check_reports_each_part(states):
    result = runner.invoke(app, ["check"])
    for name in ("database", "migrations", "front-end assets", "audit chain"):
        assert name in result.output
    assert result.exit_code == 0, result.output
