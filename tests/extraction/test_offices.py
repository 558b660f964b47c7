"""Titles resolve to the office-holder of the document's date, and only then."""

from datetime import date

import pytest

from marsad.extraction.extract import extract
from marsad.extraction.offices import holder, terms


def ids(text: str, published: date | None) -> set[str]:
    return {e["id"] for e in extract(text, published=published)["entities"]}


@pytest.mark.parametrize(
    ("text", "published", "person"),
    [
        ("the US President George Bush said on Monday", date(2006, 7, 20), "GEORGE-W-BUSH"),
        ("قال الرئيس الأمريكي إن", date(2006, 7, 20), "GEORGE-W-BUSH"),
        ("قال الرئيس الأمريكي إن", date(2025, 11, 20), "TRUMP"),
        ("قال الرئيس الأمريكي إن", date(2022, 3, 1), "BIDEN"),
        ("the UN Secretary-General Kofi Annan urged", date(2006, 8, 1), "ANNAN"),
        ("UN chief said", date(2026, 1, 5), "GUTERRES"),
        ("وقال رئيس الوزراء الإسرائيلي إيهود أولمرت", date(2006, 7, 20), "OLMERT"),
        ("وقال رئيس الوزراء الإسرائيلي", date(2006, 7, 20), "OLMERT"),
        ("أعلن رئيس الحكومة اللبنانية فؤاد السنيورة", date(2006, 7, 20), "SINIORA"),
        ("the Iraqi Prime Minister said", date(2007, 1, 1), "MALIKI"),
        ("التقى الحريري", date(2003, 5, 1), "HARIRI-R"),
        ("التقى الحريري", date(2010, 5, 1), "HARIRI-S"),
        ("Bush said", date(2006, 5, 1), "GEORGE-W-BUSH"),
        ("قال الأمين العام لحزب الله", date(2006, 7, 20), "NASRALLAH"),
    ],
)
def test_a_title_is_the_holder_on_the_day(text, published, person):
    assert person in ids(text, published)


def test_without_a_date_a_title_stays_the_office():
    found = ids("قال الرئيس الأمريكي إن", None)
    assert "USA-PRESIDENT" in found
    assert "TRUMP" not in found


def test_before_the_table_a_title_stays_the_office():
    assert "USA-PRESIDENT" in ids("the US President said", date(1970, 1, 1))


def test_a_bare_word_surname_needs_the_full_name():
    assert "BASHAR-ASSAD" not in ids("زئير الأسد في حديقة الحيوان", date(2006, 7, 20))
    assert "BASHAR-ASSAD" in ids("قال بشار الأسد ثم أضاف الأسد", date(2006, 7, 20))


def test_terms_are_ordered_and_do_not_overlap_within_an_office():
    by_office: dict[str, list] = {}
    for term in terms():
        assert term.end is None or term.start < term.end, term
        by_office.setdefault(term.office, []).append(term)
    for office, items in by_office.items():
        items.sort(key=lambda t: t.start)
        for first, second in zip(items, items[1:], strict=False):
            assert first.end is not None, (office, first)
            assert first.end <= second.start, (office, first, second)
    assert holder("UN-SECRETARY-GENERAL", date(2006, 1, 1)) == "ANNAN"


@pytest.mark.parametrize(
    ("text", "inside", "outside", "person"),
    [
        # Egypt's prime ministers
        ("قال رئيس الوزراء المصري إن", date(2019, 5, 1), date(2017, 5, 1), "MADBOULY"),
        ("the Egyptian Prime Minister said", date(2012, 1, 10), date(2012, 9, 1), "GANZOURI"),
        ("قال رئيس الحكومة المصرية إن", date(2005, 3, 1), date(2012, 3, 1), "NAZIF"),
        # the Gulf states' foreign and defence ministers
        ("قال وزير الخارجية السعودي إن", date(2016, 3, 1), date(2020, 3, 1), "JUBEIR"),
        (
            "the Saudi Foreign Minister said",
            date(2021, 3, 1),
            date(2010, 3, 1),
            "FAISAL-BIN-FARHAN",
        ),
        ("قال وزير الدفاع السعودي إن", date(2016, 3, 1), date(2023, 3, 1), "MBS"),
        (
            "Saudi Arabia's defence minister said",
            date(2023, 3, 1),
            date(2016, 3, 1),
            "KHALID-BIN-SALMAN",
        ),
        (
            "قال وزير الخارجية الإماراتي إن",
            date(2014, 3, 1),
            date(2004, 3, 1),
            "ABDULLAH-BIN-ZAYED",
        ),
        ("قال وزير الخارجية القطري إن", date(2010, 3, 1), date(2018, 3, 1), "HBJ"),
        ("the Qatari foreign minister said", date(2020, 3, 1), date(2014, 3, 1), "MBAR-QAT"),
        ("قال وزير الدفاع القطري إن", date(2018, 3, 1), date(2025, 3, 1), "ATTIYAH-K"),
        ("قال وزير الخارجية الكويتي إن", date(2015, 3, 1), date(2021, 3, 1), "SABAH-KHALID"),
        ("قال وزير الخارجية البحريني إن", date(2010, 3, 1), date(2021, 3, 1), "KHALID-BHR"),
        ("the Omani foreign minister said", date(2022, 3, 1), date(2015, 3, 1), "BUSAIDI-B"),
    ],
)
def test_a_gulf_or_egyptian_title_is_the_holder_only_within_the_term(text, inside, outside, person):
    assert person in ids(text, inside)
    assert person not in ids(text, outside)


def test_a_title_without_a_known_term_stays_the_office():
    # Kuwait's foreign minister after 2022-08 is not in the table
    found = ids("قال وزير الخارجية الكويتي إن", date(2025, 3, 1))
    assert "KWT-FOREIGN-MINISTER" in found


@pytest.mark.parametrize(
    "text",
    [
        "دعا الممثل الخاص للأمين العام للأمم المتحدة في العراق مارتن كوبلر إلى ضبط النفس",
        "قال المتحدث باسم الأمين العام للأمم المتحدة إن المنظمة قلقة",
        "the special envoy of the UN Secretary-General said",
        "the UN Secretary-General's spokesman said",
    ],
)
def test_the_office_another_acts_for_is_not_its_holder_speaking(text):
    assert "GUTERRES" not in ids(text, date(2024, 5, 1))
    assert "GUTERRES" in ids("قال الأمين العام للأمم المتحدة إن", date(2024, 5, 1))


def test_a_title_another_person_s_name_follows_is_that_person_s() -> None:
    text = "ودان المبعوث الأمريكي الخاص إلى اليمن تيم ليندركينغ الهجوم."
    out = extract(text, language="ar", published=date(2021, 3, 8))
    (statement,) = [c for c in out["claims"] if c["type"] == "statement"]
    assert statement["actor"] == ["PERSON:تيم ليندركينغ"]
    assert "USA-MIDEAST-ENVOY" not in {e["id"] for e in out["entities"]}
    # the title of the day's holder followed by the holder's own name stays his
    text = "أعلن المبعوث الأمريكي الخاص ستيف ويتكوف انطلاق المرحلة الثانية."
    out = extract(text, language="ar", published=date(2026, 1, 14))
    (envoy,) = [e for e in out["entities"] if e["id"] == "WITKOFF"]
    assert len(envoy["mentions"]) == 2
    # the US envoy of another year is the office, not today's envoy
    out = extract("وصل المبعوث الأمريكي إلى بيروت.", language="ar", published=date(2006, 8, 1))
    assert "WITKOFF" not in {e["id"] for e in out["entities"]}
