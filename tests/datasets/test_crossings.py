import pytest

from marsad.datasets.crossings import ALIASES, CrossingNames, normalize_name

NAMES = CrossingNames()


@pytest.mark.parametrize(
    ("name", "crossing_id"),
    [
        ("Kerem Shalom", "CROSSING-KEREM-SHALOM"),
        ("  kerem  shalom crossing ", "CROSSING-KEREM-SHALOM"),
        ("كرم أبو سالم", "CROSSING-KEREM-SHALOM"),
        ("معبر كرم ابو سالم", "CROSSING-KEREM-SHALOM"),
        ("Rafah Crossing", "CROSSING-RAFAH"),
        ("Erez", "CROSSING-EREZ"),
        ("Western Erez", "CROSSING-ZIKIM"),
        ("Zikim", "CROSSING-ZIKIM"),
        ("Kissufim", "CROSSING-KISSUFIM"),
        ("Gate 96", "CROSSING-GATE-96"),
        ("JLOTS", "MARITIME-JLOTS"),
        ("Maritime Route (JLOTS)", "MARITIME-JLOTS"),
        ("Aerial Route", "AIR-DROPS"),
        ("Land Crossings", "LAND-CROSSINGS"),
        ("CROSSING-RAFAH", "CROSSING-RAFAH"),
    ],
)
def test_aliases_resolve_to_canonical_ids(name, crossing_id):
    assert NAMES.resolve(name) == crossing_id


def test_unknown_names_get_a_close_suggestion_or_none():
    assert NAMES.resolve("Kerem Shalon") is None
    suggestion = NAMES.suggest("Kerem Shalon")
    assert suggestion is not None
    assert suggestion.crossing_id == "CROSSING-KEREM-SHALOM"
    assert NAMES.unknown_message("Kissoufim") == (
        "is not a known crossing; did you mean 'Kissufim' (CROSSING-KISSUFIM)?"
    )
    assert NAMES.suggest("Nitzana") is None
    assert NAMES.unknown_message("Nitzana") == "is not a known crossing"


def test_an_alias_for_two_crossings_is_refused():
    with pytest.raises(ValueError, match="names both"):
        CrossingNames({"A": ("Gate",), "B": ("gate",)})


def test_callers_can_extend_the_table():
    names = CrossingNames(ALIASES | {"CROSSING-KARNI": ("Karni", "Al Muntar")})
    assert names.resolve("al-muntar") == "CROSSING-KARNI"


def test_normalization_keeps_names_made_only_of_generic_words():
    assert normalize_name("Border Crossing") == "border crossing"
    assert normalize_name("Zikim crossing point") == "zikim"
