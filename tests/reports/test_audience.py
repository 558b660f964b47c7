"""Audiences: how they are written, what is refused (naming the field), the marking line, and
which reader may ask for which audience."""

import pytest
from django.utils import translation

from marsad.core.audience import Audience
from marsad.core.errors import InvalidInput
from marsad.reports.audience import marking_line, marking_of, may_request, parse_audience


@pytest.mark.django_db
def test_nations_are_parsed_sorted_and_upper_case():
    found = parse_audience(" ita, fra ")
    assert found == Audience("nations", ("FRA", "ITA"))
    assert found.code == "FRA,ITA"


@pytest.mark.django_db
@pytest.mark.parametrize("word", ["public", "internal", "PUBLIC"])
def test_words_stand_alone(word):
    assert parse_audience(word).kind == word.lower()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        "",
        "  ",
        "XYZ",
        "ITA,QQQ",
        "public,ITA",
        "ITA,force",
        "internal,FRA",
        "public,internal",
        "IT",
    ],
)
def test_bad_audiences_are_refused_naming_the_field(text):
    with pytest.raises(InvalidInput) as refused:
        parse_audience(text)
    assert refused.value.problems[0].field == "audience"


@pytest.mark.django_db
def test_force_is_the_members_and_pledging_states(demo):
    force = parse_audience("force")
    assert force.kind == "force"
    # The demo's pledging states (Indonesia, Pakistan...) are contributing nations; a state
    # that only refused (the United Arab Emirates) is not.
    assert {"IDN", "PAK"} <= set(force.audience_nations)
    assert "ARE" not in force.audience_nations


def test_marking_lines_in_both_languages():
    nations = Audience("nations", ("FRA", "ITA"))
    with translation.override("en"):
        assert marking_line(nations) == "Releasable to: FRA, ITA"
    with translation.override("ar"):
        line = marking_line(nations)
        assert "FRA, ITA" in line
        assert any("\u0600" <= ch <= "\u06ff" for ch in line)
        assert marking_line(Audience("public")) != marking_line(Audience("internal"))


def test_an_issued_report_is_marked_as_its_audience():
    assert marking_of(Audience("nations", ("FRA", "ITA"))) == ("nations", ("FRA", "ITA"))
    assert marking_of(Audience("force", ("ITA",))) == ("force", ())
    assert marking_of(Audience("public")) == ("public", ())
    assert marking_of(Audience("internal")) == ("internal", ())


class Reader:
    def __init__(self, role, nation="", authenticated=True):
        self.role, self.nation, self.is_authenticated = role, nation, authenticated
        self.is_superuser = False


def test_a_liaison_officer_asks_only_for_audiences_that_read_no_more_than_it():
    ita = Reader("liaison", "ITA")
    assert may_request(ita, Audience("nations", ("ITA",)))
    assert may_request(ita, Audience("nations", ("FRA", "ITA")))
    assert may_request(ita, Audience("force", ("FRA", "ITA")))
    assert may_request(ita, Audience("public"))
    assert not may_request(ita, Audience("nations", ("FRA",)))
    assert not may_request(ita, Audience("internal"))
    assert not may_request(ita, Audience("force", ("FRA", "USA")))


def test_others_are_denied_by_default():
    anonymous = Reader("", authenticated=False)
    assert may_request(anonymous, Audience("public"))
    assert not may_request(anonymous, Audience("nations", ("ITA",)))
    for role in ("public", "humanitarian"):
        assert may_request(Reader(role), Audience("public"))
        assert not may_request(Reader(role), Audience("force", ("ITA",)))
        assert not may_request(Reader(role), Audience("internal"))
    assert may_request(Reader("analyst"), Audience("internal"))
    assert may_request(Reader("admin"), Audience("nations", ("FRA",)))
