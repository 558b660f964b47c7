"""Configuration from the environment: database URLs and the secret key."""

import os
import stat

from marsad.dbconfig import database_from_url
from marsad.secret import load_or_create_secret_key


def test_sqlite_waits_for_writers_instead_of_failing(tmp_path):
    config = database_from_url(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(tmp_path / "m.sqlite3")
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert config["OPTIONS"]["timeout"] >= 10
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


def test_postgres_url():
    config = database_from_url("postgres://postgres@127.0.0.1:5432/test")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["HOST"], config["PORT"]) == ("test", "127.0.0.1", 5432)
    assert "transaction_mode" not in config.get("OPTIONS", {})


def test_secret_key_is_made_once_and_kept_private(tmp_path):
    path = tmp_path / "secret_key"
    first = load_or_create_secret_key(path)
    assert len(first) >= 50
    assert load_or_create_secret_key(path) == first
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]
