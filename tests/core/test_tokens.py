"""API tokens expire and can be revoked (the row stays); an expired, revoked or unknown token
gets one answer; issue, revocation and use are audited without the token or its digest."""

import json
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from marsad.core import audit
from marsad.core.errors import InvalidInput, NotAllowed
from marsad.core.models import ApiToken, AuditEntry
from marsad.core.models.users import TokenState
from marsad.core.services.users import issue_token, token_revoke, token_used

pytestmark = pytest.mark.django_db


def me(token):
    return Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")


def unknown():
    return me("marsad_" + "x" * 43)


def test_a_token_lives_ninety_days_by_default(system, analyst):
    issue_token(by=system, user=analyst)
    token = ApiToken.objects.get(user=analyst)
    assert settings.TOKEN_DAYS == 90
    assert token.expires - token.created == timedelta(days=90)
    assert token.state() == TokenState.ACTIVE


def test_an_expired_token_is_refused_like_an_unknown_one(system, analyst):
    secret = issue_token(by=system, user=analyst)
    assert me(secret).json()["username"] == analyst.username
    ApiToken.objects.filter(user=analyst).update(expires=timezone.now() - timedelta(seconds=1))
    refused = me(secret)
    assert refused.status_code == 401
    assert refused.json() == unknown().json() == {"detail": "the API token is not valid"}


def test_a_revoked_token_is_refused_and_kept(system, admin_user, analyst):
    secret = issue_token(by=system, user=analyst)
    token = ApiToken.objects.get(user=analyst)
    token_revoke(by=admin_user, token_id=token.pk)
    refused = me(secret)
    assert refused.status_code == 401
    assert refused.json() == unknown().json()
    token.refresh_from_db()
    assert token.revoked is not None
    assert token.state() == TokenState.REVOKED
    entry = AuditEntry.objects.get(action="revoke")
    assert (entry.user, entry.model, entry.object_id) == (
        admin_user.username,
        "core.ApiToken",
        str(token.pk),
    )
    assert json.loads(entry.before)["revoked"] is None
    assert json.loads(entry.after)["revoked"] is not None


def test_issue_and_revocation_are_audited_without_secret_or_digest(system, analyst):
    secret = issue_token(by=system, user=analyst, label="script")
    token = ApiToken.objects.get(user=analyst)
    token_revoke(by=system, token_id=token.pk)
    created = AuditEntry.objects.get(action="create", model="core.ApiToken")
    after = json.loads(created.after)
    assert after["label"] == "script"
    assert after["user_id"] == analyst.pk
    assert after["expires"]
    assert "digest" not in after
    for entry in AuditEntry.objects.filter(model="core.ApiToken"):
        for text in (entry.before, entry.after):
            assert secret not in text
            assert token.digest not in text
    assert audit.verify().ok


def test_use_is_recorded_and_audited_at_most_once_an_hour(system, analyst):
    secret = issue_token(by=system, user=analyst)
    for _ in range(3):
        assert me(secret).status_code == 200
    token = ApiToken.objects.get(user=analyst)
    assert token.last_used is not None

    def uses():
        return list(AuditEntry.objects.filter(action="use", model="core.ApiToken"))

    assert [e.user for e in uses()] == [analyst.username]
    ApiToken.objects.filter(pk=token.pk).update(last_used=token.last_used - timedelta(hours=2))
    assert me(secret).status_code == 200
    assert len(uses()) == 2


def test_a_token_revoked_while_a_request_checks_it_is_refused(system, analyst):
    issue_token(by=system, user=analyst)
    seen = ApiToken.objects.get(user=analyst)  # as the request read it: still active
    token_revoke(by=system, token_id=seen.pk)
    assert token_used(token=seen, at=timezone.now()) is False
    seen.refresh_from_db()
    assert seen.revoked is not None
    assert seen.last_used is None


def test_a_token_of_an_inactive_user_is_refused(system, analyst):
    secret = issue_token(by=system, user=analyst)
    analyst.is_active = False
    analyst.save()
    assert me(secret).status_code == 401


@pytest.mark.parametrize("days", [0, -3, 366])
def test_a_lifetime_out_of_range_is_refused(system, analyst, days):
    with pytest.raises(InvalidInput) as caught:
        issue_token(by=system, user=analyst, days=days)
    assert caught.value.problems[0].field == "days"
    assert not ApiToken.objects.exists()


def test_revoking_twice_or_an_unknown_token_is_refused(system, analyst):
    issue_token(by=system, user=analyst)
    token = ApiToken.objects.get(user=analyst)
    token_revoke(by=system, token_id=token.pk)
    for token_id, message in ((token.pk, "already"), (token.pk + 100, "no API token")):
        with pytest.raises(InvalidInput) as caught:
            token_revoke(by=system, token_id=token_id)
        assert caught.value.problems[0].field == "id"
        assert message in str(caught.value)
    assert AuditEntry.objects.filter(action="revoke").count() == 1


def test_only_administrators_revoke(system, analyst):
    issue_token(by=system, user=analyst)
    with pytest.raises(NotAllowed):
        token_revoke(by=analyst, token_id=ApiToken.objects.get().pk)
