from marsad.extraction.language import detect_language


def test_arabic_report_quoting_latin_names_is_arabic():
    assert detect_language("قالت وكالة Bloomberg إن الولايات المتحدة دعت إيطاليا إلى ISF") == "ar"


def test_english_and_other():
    assert detect_language("Italy declined to comment on the invitation.") == "en"
    assert detect_language("12345 -- !!") == "other"
    assert detect_language("Η Ιταλία δεν σχολίασε") == "other"
