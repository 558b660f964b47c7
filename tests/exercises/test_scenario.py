"""Scenario files: the default one reads, and every kind of bad input is refused naming its
line and field (no database involved)."""

from __future__ import annotations

import pytest

from marsad.exercises.scenario import DEFAULT, ScenarioError, check_references, minutes, parse

TEXT = DEFAULT.read_text(encoding="utf-8")


def _refusal(text: str) -> ScenarioError:
    with pytest.raises(ScenarioError) as caught:
        parse(text)
    return caught.value


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_default_scenario_reads():
    scenario = parse(TEXT)
    assert scenario.ceiling == "force"
    kinds = {item["kind"] for item in scenario.injects}
    assert kinds == {"document", "incident", "crossing_status", "pledge", "statement"}
    languages = {item["language"] for item in scenario.injects if item["kind"] == "document"}
    assert languages == {"ar", "en"}
    assert sum(len(item.get("truth", [])) for item in scenario.injects) == 8


@pytest.mark.parametrize(
    ("text", "expected"),
    [("D+0 08:00", 480), ("D+1 00:30", 1470), ("D+0 24:00", None), ("08:00", None)],
)
def test_exercise_times(text, expected):
    assert minutes(text) == expected


def test_an_unknown_field_is_named_with_its_line():
    text = TEXT.replace('kind = "incident"\n', 'kind = "incident"\nweather = "clear"\n')
    error = _refusal(text)
    assert [(p.line, p.field) for p in error.problems] == [(_line_of(text, "weather ="), "weather")]
    assert "unknown field" in str(error)


def test_an_unknown_field_of_an_expected_claim_is_named():
    text = TEXT.replace('id = "strike-moh-toll"\n', 'id = "strike-moh-toll"\nconfidence = 3\n')
    error = _refusal(text)
    assert [(p.line, p.field) for p in error.problems] == [
        (_line_of(text, "confidence ="), "confidence")
    ]


def test_a_time_out_of_order_is_refused():
    text = TEXT.replace('at = "D+0 09:00"', 'at = "D+0 07:00"')
    error = _refusal(text)
    assert [(p.line, p.field) for p in error.problems] == [
        (_line_of(text, 'at = "D+0 07:00"'), "at")
    ]
    assert "before the inject above it" in str(error)


def test_a_time_that_is_not_one_is_refused():
    error = _refusal(TEXT.replace('at = "D+0 09:00"', 'at = "9 am"'))
    assert error.problems[0].field == "at"
    assert "not a time like D+0 08:00" in str(error)


def test_a_marking_wider_than_the_scenario_allows_is_refused():
    text = TEXT.replace(
        'id = "strike-army-en"\nat = "D+0 09:00"\nkind = "document"\nsource = "MARSAD-DIGEST-EN"'
        '\nlanguage = "en"\nmarking = "force"',
        'id = "strike-army-en"\nat = "D+0 09:00"\nkind = "document"\nsource = "MARSAD-DIGEST-EN"'
        '\nlanguage = "en"\nmarking = "public"',
    )
    error = _refusal(text)
    assert [(p.line, p.field) for p in error.problems] == [
        (_line_of(text, 'marking = "public"'), "marking")
    ]
    assert "wider than the scenario allows" in str(error)


def test_unknown_sources_and_actors_are_named():
    scenario = parse(
        TEXT.replace('source = "MARSAD-DIGEST-EN"', 'source = "NOBODY-NEWS"', 1).replace(
            'speaker = "ITA-PMO"', 'speaker = "ATLANTIS-PMO"'
        )
    )
    with pytest.raises(ScenarioError) as caught:
        check_references(
            scenario,
            is_source=lambda key: key != "NOBODY-NEWS",
            is_actor=lambda key: key != "ATLANTIS-PMO",
            is_crossing=lambda key: True,
        )
    fields = [(p.field, p.line) for p in caught.value.problems]
    assert fields == [
        ("source", _line_of(scenario.text, "NOBODY-NEWS")),
        ("speaker", _line_of(scenario.text, "ATLANTIS-PMO")),
    ]


def test_a_file_that_is_not_toml_names_its_line():
    error = _refusal('format = "marsad.exercise/1"\ntitle_ar = \n')
    assert error.problems[0].line == 2


def test_an_identifier_too_long_for_its_table_is_refused():
    long_id = "x" * 61
    text = TEXT.replace('id = "strike-incident"', f'id = "{long_id}"')
    error = _refusal(text)
    assert [(p.line, p.field) for p in error.problems] == [(_line_of(text, long_id), "id")]
