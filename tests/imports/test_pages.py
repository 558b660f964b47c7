"""The imports page: writers upload a file and follow it; everyone else is refused; the list
costs the same queries at two sizes."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from marsad.core.services.users import issue_token
from marsad.imports.models import ImportRun, RunStatus
from tests.access import aid_fixture

pytestmark = pytest.mark.django_db
SYSTEM_TOKEN_LABEL = "test"


@pytest.fixture(autouse=True)
def var_dir(tmp_path, settings):
    settings.VAR_DIR = tmp_path / "var"
    return settings.VAR_DIR


def _upload(client, path, **fields):
    with path.open("rb") as handle:
        return client.post(
            "/en/imports/",
            {"kind": "unrwa", "marking": "public", "file": handle, **fields},
        )


def test_an_analyst_uploads_and_follows_an_import(
    analyst, tmp_path, django_capture_on_commit_callbacks
):
    client = Client()
    client.force_login(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        answer = _upload(client, aid_fixture.unrwa_sample(tmp_path / "trucks.csv"))
    run = ImportRun.objects.get()
    assert answer.status_code == 302
    assert answer["Location"] == f"/en/imports/{run.pk}/"
    page = client.get(answer["Location"]).content.decode()
    assert "trucks.csv" in page
    assert run.sha256 in page
    assert "Download the report of every row" in page
    assert 'hx-trigger="every 1s"' not in page  # done: no more asking
    report = client.get(f"/en/imports/{run.pk}/report.csv")
    assert report.status_code == 200
    assert b"Kerem Shaloom" in b"".join(report.streaming_content)
    arabic = client.get(f"/imports/{run.pk}/").content.decode()
    assert "تنزيل" in arabic


def test_a_running_import_asks_for_its_progress(analyst, tmp_path):
    client = Client()
    client.force_login(analyst)
    _upload(client, aid_fixture.unrwa_sample(tmp_path / "trucks.csv"))  # queued: not run
    run = ImportRun.objects.get()
    assert run.status == RunStatus.QUEUED
    fragment = client.get(f"/en/imports/{run.pk}/progress").content.decode()
    assert 'hx-trigger="every 1s"' in fragment
    assert 'role="progressbar"' in fragment


def test_bad_input_is_shown_naming_the_field(analyst, tmp_path):
    client = Client()
    client.force_login(analyst)
    answer = _upload(client, aid_fixture.unrwa_sample(tmp_path / "t.csv"), marking="nations")
    assert answer.status_code == 200
    assert "releasable_to" in answer.content.decode()
    assert not ImportRun.objects.exists()
    missing = client.post("/en/imports/", {"kind": "unrwa", "marking": "public"})
    assert "choose a file" in missing.content.decode()


def test_readers_who_do_not_record_are_refused(liaison_ita, analyst, tmp_path):
    owner = Client()
    owner.force_login(analyst)
    _upload(owner, aid_fixture.unrwa_sample(tmp_path / "t.csv"))
    run = ImportRun.objects.get()
    for client in (Client(), _logged_in(liaison_ita)):
        assert client.get("/en/imports/").status_code == 403
        assert client.get(f"/en/imports/{run.pk}/").status_code == 403
        assert client.get(f"/en/imports/{run.pk}/report.csv").status_code == 404
        assert _upload(client, aid_fixture.unrwa_sample(tmp_path / "u.csv")).status_code == 403
    assert ImportRun.objects.count() == 1


def _logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_api_starts_and_shows_an_import(analyst, liaison_ita, tmp_path, system):
    token = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(by=system, user=analyst)}"}
    path = aid_fixture.cogat_sample(tmp_path / "c.csv")
    with path.open("rb") as handle:
        answer = Client().post(
            "/api/v1/imports", {"kind": "cogat", "marking": "public", "file": handle}, **token
        )
    assert answer.status_code == 202, answer.content
    body = answer.json()
    assert body["status"] == "queued"
    assert body["file_name"] == "c.csv"
    assert Client().get(f"/api/v1/imports/{body['id']}", **token).json()["id"] == body["id"]
    with path.open("rb") as handle:
        bad = Client().post(
            "/api/v1/imports", {"kind": "tiff", "marking": "public", "file": handle}, **token
        )
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "kind"
    other = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(by=system, user=liaison_ita)}"}
    assert Client().get("/api/v1/imports", **other).status_code == 403


def test_the_list_costs_the_same_queries_at_two_sizes(analyst, tmp_path):
    client = Client()
    client.force_login(analyst)
    client.get("/en/imports/")  # the reader's summary is read from the database once, then kept
    counts = []
    for added in (2, 18):
        for n in range(added):
            _upload(client, aid_fixture.unrwa_sample(tmp_path / f"t{n}.csv"))
        with CaptureQueriesContext(connection) as page:
            assert client.get("/en/imports/").status_code == 200
        counts.append(len(page))
    assert counts[0] == counts[1], counts


def test_a_finished_import_says_how_many_records_wait_for_search(
    analyst, tmp_path, django_capture_on_commit_callbacks
):
    """Its search entries are written by a job after the import: until it has run, the page
    says how many records wait and keeps asking; then it says nothing more."""
    from marsad.core.models import SearchBacklog
    from marsad.core.tasks import index_backlog

    client = Client()
    client.force_login(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, aid_fixture.unrwa_sample(tmp_path / "trucks.csv"))
    run = ImportRun.objects.get()
    assert run.status == RunStatus.DONE
    SearchBacklog.objects.create(kind="incident", pks=[10**9, 10**9 + 1, 10**9 + 2])
    page = client.get(f"/en/imports/{run.pk}/progress").content.decode()
    assert "Imported records waiting for their search entries: 3 records." in page
    assert 'hx-trigger="every 1s"' in page
    arabic = client.get(f"/imports/{run.pk}/progress").content.decode()
    assert "سجلات مستوردة تنتظر إدخالها في فهرس البحث: ٣ سجلات" in arabic
    index_backlog.call_local()
    page = client.get(f"/en/imports/{run.pk}/progress").content.decode()
    assert "waiting for their search entries" not in page
    assert 'hx-trigger="every 1s"' not in page
