"""The register of lists: every list the issue names is declared once, with a page that
resolves, columns ending with the marking, and filters that refuse bad values naming the
field. The documents' filters (words, language, source) on the page."""

import pytest
from django.test import Client
from django.urls import reverse

from marsad.core import listing
from marsad.core.errors import InvalidInput

LISTS = {
    "documents": "documents",
    "claims": "claims",
    "statements": "statements:index",
    "incidents": "ceasefire:incidents",
    "figures": "ceasefire:figures",
    "consignments": "access:consignments",
    "pledges": "coalition:pledges",
    "plan-points": "plan:tracker",
}


def test_every_list_is_declared_once_with_a_page():
    assert {spec.key: spec.url_name for spec in listing.specs()} == LISTS
    for spec in listing.specs():
        assert reverse(spec.url_name)
        assert spec.columns[-1] == listing.MARKING
        assert len({c.name for c in spec.columns}) == len(spec.columns), spec.key
        assert listing.by_url_name(spec.url_name) is spec
        assert spec.formats[:1] == ["csv"]


def test_a_second_list_with_the_same_name_or_page_is_refused():
    spec = listing.by_key("claims")
    from dataclasses import replace

    with pytest.raises(ValueError, match="two lists"):
        listing.register(replace(spec, url_name="elsewhere"))
    with pytest.raises(ValueError, match="two lists"):
        listing.register(replace(spec, key="claims-again"))


@pytest.mark.parametrize(
    ("key", "params", "field"),
    [
        ("documents", {"language": "xx"}, "language"),
        ("claims", {"status": "rumoured"}, "status"),
        ("statements", {"topic": "weather"}, "topic"),
        ("incidents", {"event_type": "Picnic"}, "event_type"),
        ("figures", {"start": "soon"}, "start"),
        ("consignments", {"category": "gold"}, "category"),
        ("pledges", {"negative": "maybe"}, "negative"),
        ("plan-points", {"category": "weather"}, "category"),
    ],
)
def test_bad_filters_are_refused_naming_the_field(key, params, field):
    with pytest.raises(InvalidInput) as refused:
        listing.by_key(key).parse(params)
    assert refused.value.problems[0].field == field


def test_the_filters_of_a_query_string_leave_paging_and_empties_out():
    assert listing.query_string({"page": "2", "q": " truce ", "source": ""}) == "q=truce"
    assert listing.query_string({"b": "2", "a": "1"}) == "a=1&b=2"


def test_documents_filter_by_words_language_and_source(make_document):
    english = make_document("The truce holds in Rafah today.", language="en")
    arabic = make_document("الهدنة صامدة في رفح اليوم.", language="ar")
    client = Client()

    def shown(**params):
        return {d.pk for d in client.get("/en/documents/", params).context["page"]}

    assert shown() == {english.pk, arabic.pk}
    assert shown(q="truce") == {english.pk}
    assert shown(q="الهدنة") == {arabic.pk}
    assert shown(language="ar") == {arabic.pk}
    assert shown(source="wire") == {english.pk, arabic.pk}
    assert shown(source="NONE") == set()
    html = client.get("/en/documents/", {"language": "xx"}).content.decode()
    assert "language: must be one of" in html
    api = client.get("/api/v1/documents", {"q": "truce"}).json()["items"]
    assert [d["id"] for d in api] == [english.pk]
