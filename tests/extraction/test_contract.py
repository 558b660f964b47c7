"""The contract checker: every enumeration, attribute, figure and span rule names its field."""

import json
from pathlib import Path

import pytest

from marsad.extraction import contract
from marsad.extraction.contract import check_claim, normalize_figures

SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "contracts" / "extraction-v1.schema.json"


def claim(**changes):
    base = {
        "type": "invitation",
        "status": "reported",
        "modality": "asserted",
        "attributes": {"role": "founding_member"},
        "attribution": {"source": "BLOOMBERG", "source_kind": "anonymous"},
        "figures": {},
        "when": {},
        "where": {},
        "evidence": [{"start": 0, "end": 10}],
    }
    return {**base, **changes}


def fields(problems):
    return {p.field for p in problems}


def test_a_good_claim_has_no_problem():
    assert check_claim(claim(), text_length=100) == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"type": "rumour"}, "type"),
        ({"status": "likely"}, "status"),
        ({"modality": "maybe"}, "modality"),
        ({"attributes": {"role": "king"}}, "attributes.role"),
        ({"attribution": {"source_kind": "gossip"}}, "attribution.source_kind"),
        ({"evidence": []}, "evidence"),
        ({"evidence": [{"start": 5, "end": 500}]}, "evidence[0]"),
        ({"evidence": [{"start": 8, "end": 3}]}, "evidence[0]"),
        ({"when": {"date": "2025-13-01", "precision": "day"}}, "when.date"),
        ({"when": {"date": "2025-11-01", "precision": "week"}}, "when.precision"),
        ({"figures": {"killed": {"best": -3}}}, "figures.killed.best"),
        ({"figures": {"goats": {"best": 3}}}, "figures.goats"),
        ({"figures": {"killed": {"low": 50, "best": 10}}}, "figures.killed"),
        ({"evidence": [{"start": 0, "end": 1}] * 201}, "evidence"),
        ({"figures": {"killed": {"best": "99999999999999999999"}}}, "figures.killed.best"),
        ({"type": "plan_announcement", "attributes": {"points": 2**63}}, "attributes.points"),
    ],
)
def test_each_breach_names_its_field(change, field):
    problems = check_claim(claim(**change), text_length=100)
    assert field in fields(problems)
    assert all(p.message for p in problems)


def test_integer_attributes_accept_any_digits():
    ok = claim(type="ceasefire_phase", attributes={"phase": "٢", "event": "entered"})
    assert check_claim(ok, text_length=100) == []
    bad = claim(type="ceasefire_phase", attributes={"phase": "second", "event": "entered"})
    assert fields(check_claim(bad, text_length=100)) == {"attributes.phase"}


def test_figures_are_read_as_integers_in_any_script():
    figures, problems = normalize_figures({"killed": {"low": "١٠٠", "best": "١٠٠", "text": "مئات"}})
    assert problems == []
    assert figures == {"killed": {"low": 100, "best": 100, "high": None, "text": "مئات"}}


@pytest.mark.skipif(not SCHEMA.exists(), reason="../shared/contracts is not beside the checkout")
def test_vocabularies_match_the_published_schema():
    schema = json.loads(SCHEMA.read_text())
    entity = schema["properties"]["entities"]["items"]["properties"]
    item = schema["properties"]["claims"]["items"]["properties"]
    assert tuple(entity["kind"]["enum"]) == contract.ENTITY_KINDS
    assert tuple(item["type"]["enum"]) == contract.CLAIM_TYPES
    assert tuple(item["status"]["enum"]) == contract.STATUSES
    assert tuple(item["modality"]["enum"]) == contract.MODALITIES
    assert tuple(item["attribution"]["properties"]["source_kind"]["enum"]) == contract.SOURCE_KINDS
    assert set(contract.ATTRIBUTES) == set(contract.CLAIM_TYPES)


def test_a_claim_quotes_at_most_max_spans_passages():
    most = [{"start": 0, "end": 1}] * contract.MAX_SPANS
    assert check_claim(claim(evidence=most), text_length=100) == []
    [problem] = check_claim(claim(evidence=[*most, {"start": 1, "end": 2}]), text_length=100)
    assert (problem.field, problem.value) == ("evidence", contract.MAX_SPANS + 1)
    assert "more than 200 spans" in problem.message
