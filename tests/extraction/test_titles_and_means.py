"""Persons named after long Arabic titles (a body's acronym, "لحقوق الإنسان" between the title
and the name), a surname shared with another person counted only beside its full name, and the
means named by the arms or the verb of an attack (rules of persons.py, attack_means.py)."""

from __future__ import annotations

from typing import Any

from marsad.extraction.extract import extract


def _persons(text: str) -> list[str]:
    return [e["id"] for e in extract(text, language="ar")["entities"] if e["kind"] == "person"]


def _attacks(text: str) -> list[dict[str, Any]]:
    return [c for c in extract(text, language="ar")["claims"] if c["type"] == "attack"]


def test_a_name_after_a_title_with_a_complement_in_lam() -> None:
    text = "وأعرب المفوض السامي لحقوق الإنسان فولكر تورك عن «قلق بالغ» إزاء الأرقام."
    assert _persons(text) == ["PERSON:فولكر تورك"]


def test_a_name_after_a_body_s_acronym_in_brackets() -> None:
    text = (
        "فيما دان رئيس بعثة الأمم المتحدة المتكاملة لدعم الانتقال في السودان (يونيتامس) فولكر "
        "بيرتس العنف، داعياً السلطات إلى حماية المدنيين."
    )
    assert _persons(text) == ["PERSON:فولكر بيرتس"]
    (condemn, call) = [c for c in extract(text, language="ar")["claims"]]
    assert condemn["actor"] == call["actor"] == ["PERSON:فولكر بيرتس"]


def test_a_woman_envoy_is_titled() -> None:
    text = "ورحّبت المندوبة الأمريكية لدى الأمم المتحدة سامانثا باور بالخطوة."
    assert _persons(text) == ["PERSON:سامانثا باور"]


def test_a_surname_alone_is_no_one_else_s() -> None:
    assert "PERETZ" not in _persons("وقال المبعوث بيرتس إن البعثة باقية.")
    assert "PERETZ" in _persons("قال وزير الدفاع عمير بيرتس إن الجيش مستعد. وأضاف بيرتس أن")


def test_the_arms_an_attack_was_made_with_name_its_means() -> None:
    (attack,) = _attacks("هاجم مسلحون بالأسلحة الرشاشة كنيسة في العاصمة بانغي أمس.")
    assert attack["attributes"]["means"] == "gunfire"


def test_land_bulldozed_is_a_demolition() -> None:
    (attack,) = _attacks("وجرفت جرافات الاحتلال بساتين زيتون في أطراف بلدة مركبا.")
    assert attack["attributes"]["means"] == "demolition"


def test_soldiers_captured_and_persons_led_away_are_abducted() -> None:
    for text in (
        "وقال مسلحو الجماعة إنهم أسروا سبعة جنود.",
        "وقال شهود إن المهاجمين اقتادوا نحو ٣٠ شخصاً إلى جهة مجهولة.",
    ):
        (attack,) = _attacks(text)
        assert attack["attributes"]["means"] == "abduction", text
    assert _attacks("وقالت الأسر إنها اقتادت أطفالها إلى المدرسة.") == []


def test_airlines_and_a_weekly_march_are_no_air_or_drone_strike() -> None:
    assert _attacks("فيما أبقت شركات طيران أمريكية كبرى رحلاتها معلّقة.") == []
    assert _attacks("وتطالب المسيرة، التي انطلقت قبل ست سنوات، بإعادة فتح الطريق.") == []
    (attack,) = _attacks("استهدفت مسيرة إسرائيلية سيارة في الجنوب.")
    assert attack["attributes"]["means"] == "drone"


def _contributions(text: str, language: str) -> list[dict[str, Any]]:
    out = extract(text, language=language)["claims"]
    return [c for c in out if c["type"] == "contribution"]


def test_a_contribution_offered_is_proposed() -> None:
    cases = [
        ("ar", "أعلنت كينيا استعدادها لقيادة قوة في هايتي وإرسال ألف شرطي لتدريب الشرطة الهايتية."),
        ("ar", "أبدت تايلاند استعدادها لإرسال كتيبة مشاة إلى الإقليم."),
        ("ar", "وأبلغت الحكومة الإثيوبية البعثة أنها مستعدة لتوفير خمس مروحيات نقل."),
        ("en", "Indonesia offered to send 20,000 troops to Gaza."),
        ("en", "Italy's offer to train Palestinian police stands."),
    ]
    for language, text in cases:
        found = _contributions(text, language)
        assert found, text
        assert {c["modality"] for c in found} == {"proposed"}, text
    (sent,) = _contributions("أرسلت مصر 300 جندي إلى البعثة.", "ar")
    assert sent["modality"] == "asserted"
