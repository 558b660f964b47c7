"""Recording a statement through the page, with pickers for the speaker and what it is about."""

import pytest

from marsad.statements.models import Statement
from tests.forms import client_of


def test_a_statement_is_recorded_and_a_refused_one_keeps_its_quote(demo, demo_users):
    client = client_of(demo_users["analyst"])
    assert 'id="record-statement"' in client.get("/statements/").content.decode()
    response = client.post(
        "/statements/new/",
        {
            "speaker": "ITA",
            "topic": "coalition",
            "stance": "support",
            "about": "ISF",
            "on": "2026-02-02",
            "quote": "نحن مستعدون",
            "quote_language": "ar",
            "marking": "public",
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    statement = Statement.objects.latest("id")
    assert statement.speaker.key == "ITA"
    assert [a.key for a in statement.about.all()] == ["ISF"]
    refused = client.post(
        "/statements/new/",
        {"speaker": "", "topic": "coalition", "quote": "قول محفوظ", "marking": "public"},
    )
    assert refused.status_code == 400
    assert "قول محفوظ" in refused.content.decode()
    assert 'data-error-for="speaker"' in refused.content.decode()


@pytest.mark.parametrize("extra", [0, 20])
def test_the_statement_form_reads_in_the_same_queries_at_any_size(
    demo, demo_users, extra, django_assert_max_num_queries
):
    from marsad.statements.services import record_statement
    from tests.conftest import SYSTEM

    for n in range(extra):
        record_statement(
            by=SYSTEM,
            speaker="FRA",
            topic="other",
            stance="support",
            quote=f"q{n}",
            quote_language="en",
            marking="public",
        )
    client = client_of(demo_users["analyst"])
    with django_assert_max_num_queries(12):
        assert client.get("/statements/new/?speaker=ITA").status_code == 200
