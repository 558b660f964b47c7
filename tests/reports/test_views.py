"""Pages and API of reports: who may read which audience's report, the list of issued reports
(queries do not grow with the rows), downloads of the exact bytes, refusals naming the field."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marsad.core.audience import Audience
from marsad.core.services.base import SystemUser
from marsad.reports.services import issue

SYSTEM = SystemUser("system:sitrep")
DAILY = "/en/reports/daily/?date=2026-01-27&lang=en&audience="


PUBLIC = Audience("public")


def _issue(n, audience=PUBLIC):
    return [
        issue(
            by=SYSTEM,
            day=date(2026, 1, 1 + i),
            audience=audience,
            language="en",
            fmt="html",
            content=f"<p>report {i}</p>".encode(),
        )
        for i in range(n)
    ]


@pytest.mark.parametrize(
    ("audience", "status"),
    [
        ("ITA", 200),
        ("ITA,FRA", 200),
        ("force", 200),
        ("public", 200),
        ("FRA", 403),
        ("internal", 403),
    ],
)
def test_a_liaison_officer_of_italy_reads_only_audiences_within_its_reach(
    client, demo_users, audience, status
):
    client.force_login(demo_users["ita"])
    response = client.get(DAILY + audience)
    assert response.status_code == status
    if status == 200:
        assert b"Releasable to" in response.content or b"Public" in response.content


def test_anonymous_and_public_readers_read_the_public_report_only(client, demo_users):
    assert client.get(DAILY + "public").status_code == 200
    assert client.get(DAILY + "ITA").status_code == 403
    client.force_login(demo_users["reader"])
    assert client.get(DAILY + "force").status_code == 403


def test_bad_input_names_the_field(client, demo_users):
    client.force_login(demo_users["analyst"])
    response = client.get(DAILY + "public,ITA")
    assert response.status_code == 400
    assert b"audience" in response.content
    assert client.get("/en/reports/daily/?date=2026-13-01&audience=public").status_code == 400
    api = client.get("/api/v1/reports/daily?audience=QQQ&lang=en")
    assert api.status_code == 422
    assert api.json()["errors"][0]["field"] == "audience"


def test_issuing_is_for_analysts_with_a_post(client, demo_users, monkeypatch):
    monkeypatch.setattr(
        "marsad.reports.render.render_pdf", lambda html, **kwargs: html.encode("utf-8")
    )
    form = {"date": "2026-01-27", "audience": "ITA,FRA", "lang": "en", "format": "html"}
    client.force_login(demo_users["ita"])
    assert client.post("/en/reports/issue/", form).status_code == 403
    client.force_login(demo_users["analyst"])
    assert client.get("/en/reports/issue/").status_code == 405
    assert client.post("/en/reports/issue/", form).status_code == 302
    listed = client.get("/api/v1/reports/issued").json()["items"]
    assert [(r["audience"], r["issued_by"]) for r in listed] == [("FRA,ITA", "analyst")]
    download = client.get(listed[0]["download"])
    assert b"Releasable to: FRA, ITA" in download.content
    client.force_login(demo_users["fra"])
    assert client.get(listed[0]["download"]).status_code == 200
    client.force_login(demo_users["reader"])
    assert client.get(listed[0]["download"]).status_code == 404


def test_the_download_is_the_exact_bytes(client, db):
    (issued,) = _issue(1)
    response = client.get(f"/en/reports/{issued.pk}/download")
    assert response.content == b"<p>report 0</p>"
    assert "attachment" in response["Content-Disposition"]


def _count(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", ["/en/reports/", "/api/v1/reports/issued"])
def test_the_list_of_issued_reports_costs_the_same_queries_at_two_sizes(client, db, path):
    _issue(2)
    small = _count(client, path)
    _issue(20)
    assert _count(client, path) == small


def test_the_api_issues_for_analysts_only(client, demo_users):
    body = {"date": "2026-01-27", "audience": "ITA,FRA", "lang": "ar", "format": "html"}
    from marsad.core.services.users import issue_token

    def post(user):
        token = issue_token(by=SYSTEM, user=demo_users[user])
        return client.post(
            "/api/v1/reports/issued",
            body,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )

    assert post("ita").status_code == 403
    client.force_login(demo_users["analyst"])
    made = post("analyst")
    assert made.status_code == 201
    issued = made.json()
    assert (issued["marking"], issued["releasable_to"]) == ("nations", ["FRA", "ITA"])
    assert client.get(f"/api/v1/reports/issued/{issued['id']}").json()["sha256"] == issued["sha256"]
    client.force_login(demo_users["ita"])
    content = client.get(issued["download"]).content
    assert "قابل للاطلاع: FRA, ITA".encode() in content
    client.force_login(demo_users["reader"])
    assert client.get(f"/api/v1/reports/issued/{issued['id']}").status_code == 404
