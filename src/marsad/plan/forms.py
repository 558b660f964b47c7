"""Forms of the plan: a provision's implementation score, a party's precondition, and a point
another depends on."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from marsad.web.forms import RecordForm
from marsad.web.pickers import PickerField, PickerWidget

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})
# Peace Accords Matrix: 0 not begun ... 3 fully implemented.
SCORES = [
    ("0", _("0 · not begun")),
    ("1", _("1 · minimal")),
    ("2", _("2 · intermediate")),
    ("3", _("3 · full")),
]


class ScoreForm(RecordForm):
    score = forms.ChoiceField(label=_("Score (Peace Accords Matrix)"), choices=SCORES)
    on = forms.DateField(label=_("From"), widget=DATE)
    note_ar = forms.CharField(label=_("Note in Arabic"), required=False, widget=TEXT)
    note_en = forms.CharField(label=_("Note in English"), required=False, widget=TEXT)

    def arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "score": data["score"],
            "on": data["on"],
            "note_ar": data["note_ar"],
            "note_en": data["note_en"],
            **self.common(),
        }


class PreconditionForm(RecordForm):
    party = PickerField("actors", label=_("Party that sets the condition"))
    after = PickerField("provisions", label=_("Only after the point"))
    statement = PickerField("statements", label=_("Statement that carries it"))
    text_ar = forms.CharField(label=_("The condition in Arabic"), required=False, widget=TEXT)
    text_en = forms.CharField(label=_("The condition in English"), required=False, widget=TEXT)

    def arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "party": data["party"],
            "statement": data["statement"],
            "text_ar": data["text_ar"],
            "text_en": data["text_en"],
            **self.common(),
        }


class DependencyForm(RecordForm):
    """The point this one depends on. A dependency is part of the point (the plan's text):
    it takes the point's marking and asks no evidence of its own."""

    on = PickerField(
        "provisions",
        label=_("Depends on the point"),
        widget=PickerWidget("provisions", placeholder=_("Type its number or words of its text")),
    )

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        del self.fields["marking"], self.fields["releasable_to"], self.fields["claims"]
