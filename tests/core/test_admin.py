"""The Django admin writes through the same save and audit as the services."""

import json

import pytest
from django.test import Client

from marsad.core import audit
from marsad.core.models import Actor, AuditEntry

pytestmark = pytest.mark.django_db


def test_admin_edits_are_audited_and_versioned(admin_user):
    client = Client()
    client.force_login(admin_user)
    response = client.post(
        "/en/admin/core/actor/add/",
        {
            "key": "EU",
            "kind": "organization",
            "name_ar": "الاتحاد الأوروبي",
            "name_en": "European Union",
            "aliases_ar": "[]",
            "aliases_en": "[]",
            "marking": "public",
            "releasable_to": "",
            "description_ar": "",
            "description_en": "",
            "iso3": "",
            "pcode": "",
            "geometry": "null",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.order_by("seq").last()
    assert (entry.action, entry.model, entry.user) == ("create", "core.Actor", admin_user.username)
    assert json.loads(entry.after)["name_ar"] == "الاتحاد الأوروبي"
    actor = Actor.objects.get(key="EU")
    assert actor.history.first().history_user == admin_user
    assert audit.verify().ok


def test_admin_refuses_a_nations_marking_without_nations(admin_user):
    client = Client()
    client.force_login(admin_user)
    response = client.post(
        "/en/admin/core/actor/add/",
        {
            "key": "EU",
            "kind": "organization",
            "name_ar": "الاتحاد الأوروبي",
            "name_en": "European Union",
            "aliases_ar": "[]",
            "aliases_en": "[]",
            "marking": "nations",
            "releasable_to": "",
            "geometry": "null",
        },
    )
    assert response.status_code == 200
    assert "at least one nation" in response.content.decode()
    assert not Actor.objects.filter(key="EU").exists()


def test_the_audit_log_cannot_be_edited_in_the_admin(admin_user, states):
    client = Client()
    client.force_login(admin_user)
    entry = AuditEntry.objects.first()
    assert client.get("/en/admin/core/auditentry/").status_code == 200
    assert client.get("/en/admin/core/auditentry/add/").status_code == 403
    assert (
        client.post(f"/en/admin/core/auditentry/{entry.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
