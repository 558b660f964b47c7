"""Headers: the Content-Security-Policy, HSTS when served over HTTPS, and answers to signed-in
readers kept out of every cache."""

import importlib.util
import re
from pathlib import Path

import pytest
from django.test import Client, override_settings

from marsad import settings as marsad_settings
from marsad.core.services.base import SystemUser
from marsad.core.services.users import issue_token

SRC = Path(marsad_settings.__file__).parent
POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def directives(response):
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


@pytest.mark.parametrize("path", ["/", "/en/ceasefire/", "/api/v1/actors", "/en/login/"])
def test_pages_and_the_api_carry_the_policy(db, path):
    assert directives(Client().get(path)) == POLICY


def test_the_admin_alone_may_inline_styles_never_scripts(admin_user):
    client = Client()
    client.force_login(admin_user)
    found = directives(client.get("/admin/"))
    assert found["style-src"] == "'self' 'unsafe-inline'"
    assert found["script-src"] == "'self'"
    assert {k: v for k, v in found.items() if k != "style-src"} == {
        k: v for k, v in POLICY.items() if k != "style-src"
    }


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)
HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)
STYLE = re.compile(r"\sstyle\s*=|<style[\s>]", re.I)


@pytest.mark.parametrize("path", sorted(SRC.glob("*/templates/**/*.html")), ids=str)
def test_no_template_holds_an_inline_script_style_or_handler(path):
    """The policy would block them: behaviour lives in static files, looks in CSS classes."""
    text = path.read_text(encoding="utf-8")
    assert not INLINE_SCRIPT.search(text)
    assert not HANDLER.search(text)
    assert not STYLE.search(text)


def load_settings(monkeypatch, tmp_path, **environment):
    """A fresh copy of marsad.settings read with these environment variables."""
    monkeypatch.setenv("MARSAD_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("MARSAD_SECRET_KEY", "x" * 50)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location("https_settings", marsad_settings.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_https_turns_on_hsts_secure_cookies_and_the_redirect(monkeypatch, tmp_path):
    https = load_settings(monkeypatch, tmp_path, MARSAD_HTTPS="1")
    assert https.SECURE_HSTS_SECONDS == 365 * 24 * 3600
    assert https.SECURE_HSTS_INCLUDE_SUBDOMAINS is False
    assert https.SECURE_SSL_REDIRECT is True
    assert https.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")
    assert https.SESSION_COOKIE_SECURE
    assert https.CSRF_COOKIE_SECURE
    wider = load_settings(monkeypatch, tmp_path, MARSAD_HTTPS="1", MARSAD_HSTS_SUBDOMAINS="1")
    assert wider.SECURE_HSTS_INCLUDE_SUBDOMAINS is True
    monkeypatch.delenv("MARSAD_HTTPS")
    plain = load_settings(monkeypatch, tmp_path)
    assert not hasattr(plain, "SECURE_HSTS_SECONDS")
    assert not hasattr(plain, "SECURE_SSL_REDIRECT")


def test_over_https_the_answer_carries_hsts_and_plain_http_is_redirected(db, monkeypatch, tmp_path):
    https = load_settings(monkeypatch, tmp_path, MARSAD_HTTPS="1")
    names = [
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_SSL_REDIRECT",
        "SECURE_REDIRECT_EXEMPT",
    ]
    with override_settings(**{name: getattr(https, name) for name in names}):
        secure = Client().get("/en/", secure=True)
        assert secure.status_code == 200
        assert secure["Strict-Transport-Security"] == "max-age=31536000"
        plain = Client().get("/en/")
        assert plain.status_code == 301
        assert plain["Location"] == "https://testserver/en/"
        assert "Strict-Transport-Security" not in plain
        # The API is not redirected: a client sending its token in clear must notice.
        assert Client().get("/api/v1/actors").status_code == 200


def test_answers_to_a_bearer_token_or_a_session_are_never_stored(analyst):
    token = issue_token(by=SystemUser("t"), user=analyst)
    bearer = Client().get("/api/v1/actors", HTTP_AUTHORIZATION=f"Bearer {token}")
    session = Client()
    session.force_login(analyst)
    for response in (bearer, session.get("/api/v1/actors"), session.get("/en/")):
        assert response.status_code == 200
        assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}
    for response in (bearer, session.get("/api/v1/actors")):
        assert {"Authorization", "Cookie"} <= set(response["Vary"].split(", "))
    # A refusal answered before the view runs is kept private too.
    refused = Client().get("/api/v1/actors?q=\x00", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert refused.status_code == 422
    assert "no-store" in refused["Cache-Control"]


def test_anonymous_answers_stay_cacheable_and_vary_by_credentials(db):
    api = Client().get("/api/v1/actors")
    assert "no-store" not in api.get("Cache-Control", "")
    assert {"Authorization", "Cookie"} <= set(api["Vary"].split(", "))
    assert "private" not in Client().get("/en/").get("Cache-Control", "")
    static = Client().get("/static/marsad/marsad.css")
    static.close()
    assert "no-store" not in static.get("Cache-Control", "")
