"""Who reviewed a claim or changed a record is named to analysts and administrators only;
other readers (liaison officers, the public) read that person's role."""

import pytest
from django.test import Client

from marsad.core import history
from marsad.core.services.actors import create_actor
from marsad.core.services.claims import record_claim
from marsad.core.services.users import issue_token

pytestmark = pytest.mark.django_db

TEXT = "أعلنت وزارة الصحة في غزة مقتل ١٢ شخصاً في غارات على خان يونس، وفق مصادر مطلعة."


@pytest.fixture
def reviewed(make_document, analyst):
    """A public claim accepted by the analyst."""
    return record_claim(
        by=analyst,
        document=make_document(TEXT),
        data={
            "type": "casualties",
            "attributes": {"population": "palestinians", "period": "day"},
            "attribution": {"source_kind": "official"},
            "figures": {"killed": {"best": 12, "text": "١٢"}},
            "evidence": [{"start": 0, "end": 40}],
            "review_state": "accepted",
        },
    )


def api(path, user=None, system=None):
    headers = {}
    if user is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {issue_token(by=system, user=user)}"
    return Client().get(path, **headers)


def test_the_claims_api_names_the_reviewer_to_analysts_only(
    system, reviewed, analyst, admin_user, liaison_ita
):
    one = f"/api/v1/claims/{reviewed.pk}"
    for reader in (None, liaison_ita):
        response = api(one, reader, system)
        assert response.json()["reviewed_by"] == "analyst"
        listing = api("/api/v1/claims", reader, system)
        assert [c["reviewed_by"] for c in listing.json()["items"]] == ["analyst"]
        assert analyst.username not in response.content.decode() + listing.content.decode()
    for reader in (analyst, admin_user):
        assert api(one, reader, system).json()["reviewed_by"] == analyst.username


def test_the_liaisons_session_reads_the_role_too(reviewed, analyst, liaison_ita):
    client = Client()
    client.force_login(liaison_ita)
    body = client.get(f"/api/v1/claims/{reviewed.pk}").json()
    assert body["reviewed_by"] == "analyst"


@pytest.fixture
def actor(analyst):
    return create_actor(
        by=analyst,
        key="BOP",
        kind="body",
        name_ar="مجلس السلام",
        name_en="Board of Peace",
        marking="public",
    )


def test_a_records_versions_name_the_writer_to_analysts_only(actor, analyst, liaison_ita):
    assert [v.user for v in history.versions(actor, analyst)] == [analyst.username]
    assert [v.user for v in history.versions(actor, liaison_ita)] == ["Analyst"]


def test_the_record_page_shows_the_role_to_a_liaison_officer(actor, analyst, liaison_ita):
    client = Client()
    client.force_login(liaison_ita)
    page = client.get("/en/actors/BOP/").content.decode()
    assert "History of this record" in page
    assert "<bdi>Analyst</bdi>" in page
    assert analyst.username not in page
    client.force_login(analyst)
    assert f"<bdi>{analyst.username}</bdi>" in client.get("/en/actors/BOP/").content.decode()
