"""The services' refusals, said in the reader's language beside the field they name."""

from django.utils import translation

from marsad.core.errors import InvalidInput
from marsad.extraction.contract import Problem
from marsad.web.forms import RecordForm
from marsad.web.problems import refusal_text


def test_refusals_are_said_in_arabic_with_their_values():
    with translation.override("ar"):
        assert refusal_text("is required") == "هذا الحقل مطلوب."
        assert refusal_text("must lie between -90 and 90") == "اكتب عددًا بين -90 و90."
        assert "PS0270" not in refusal_text("no actor has this identifier")
        assert refusal_text("something new").startswith("مرفوض: ")
    with translation.override("en"):
        assert refusal_text("the date of the score is required") == "The date is required."


def test_a_refusal_is_marked_on_the_field_it_names_or_on_the_form():
    form = RecordForm({"marking": "public"}, reader=None)
    assert form.is_valid()
    form.refused(
        InvalidInput(
            [
                Problem("claims[2]", "9", "no claim has this number"),
                Problem("elsewhere", "x", "is required"),
            ]
        )
    )
    assert list(form.errors) == ["claims", "__all__"]
