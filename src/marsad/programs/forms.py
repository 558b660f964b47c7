"""Forms of the programs: a police course, its cohorts and their counts and dates as they change,
and a readiness indicator's value."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from marsad.programs.selectors import governorate_labels
from marsad.programs.vocabulary import IndicatorKind
from marsad.web.forms import RecordForm
from marsad.web.pickers import PickerField, PickerWidget

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})
# English typed into an Arabic page keeps its own direction and language.
ENGLISH_TEXT = {"rows": 3, "lang": "en", "dir": "ltr"}
OWN = ("marking", "releasable_to", "claims")


class CohortUpdateForm(RecordForm):
    starts = forms.DateField(label=_("Starts"), required=False, widget=DATE)
    ends = forms.DateField(label=_("Ends"), required=False, widget=DATE)
    enrolled = forms.CharField(label=_("Enrolled"), required=False)
    vetted = forms.CharField(label=_("Vetted"), required=False)
    graduated = forms.CharField(label=_("Graduated"), required=False)
    dropped_out = forms.CharField(label=_("Dropped out"), required=False)
    note_ar = forms.CharField(label=_("Note in Arabic"), required=False, widget=TEXT)
    note_en = forms.CharField(
        label=_("Note in English"), required=False, widget=forms.Textarea(attrs=ENGLISH_TEXT)
    )

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if type(self) is CohortUpdateForm:  # a change keeps the cohort's marking
            del self.fields["marking"], self.fields["releasable_to"]

    def arguments(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k not in OWN}


class CohortForm(CohortUpdateForm):
    name_ar = forms.CharField(label=_("Arabic name"), max_length=200)
    name_en = forms.CharField(label=_("English name"), max_length=200)
    field_order = ["name_ar", "name_en"]

    def arguments(self) -> dict[str, Any]:
        return {**super().arguments(), **self.common()}


class CourseForm(RecordForm):
    name_ar = forms.CharField(label=_("Arabic name"), max_length=200, required=False)
    name_en = forms.CharField(
        label=_("English name"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"lang": "en", "dir": "ltr"}),
    )
    location = PickerField("places", required=False, label=_("Where it is given"))
    location_ar = forms.CharField(label=_("Place in Arabic (a camp, a school)"), required=False)
    location_en = forms.CharField(
        label=_("Place in English"),
        required=False,
        widget=forms.TextInput(attrs={"lang": "en", "dir": "ltr"}),
    )
    starts = forms.DateField(label=_("Starts"), required=False, widget=DATE)
    ends = forms.DateField(label=_("Ends"), required=False, widget=DATE)
    trainer_nations = PickerField(
        "states", multiple=True, required=False, label=_("Trainer nations")
    )
    pledge = PickerField(
        "trainer_pledges",
        required=False,
        label=_("Pledge of trainers"),
        widget=PickerWidget(
            "trainer_pledges", placeholder=_("Type the nation's name or the pledge's number")
        ),
    )
    target_trainees = forms.CharField(label=_("Target trainees"), required=False)
    note_ar = forms.CharField(label=_("Note in Arabic"), required=False, widget=TEXT)
    note_en = forms.CharField(
        label=_("Note in English"), required=False, widget=forms.Textarea(attrs=ENGLISH_TEXT)
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("name_ar") or "").strip() and not (data.get("name_en") or "").strip():
            self.add_error("name_ar", _("Give the course's name in Arabic or in English."))
        return data

    def arguments(self) -> dict[str, Any]:
        data = {k: v for k, v in self.cleaned_data.items() if k not in OWN}
        return {**data, "pledge": data["pledge"] or None, **self.common()}


class IndicatorForm(RecordForm):
    pcode = forms.ChoiceField(label=_("Governorate"))
    kind = forms.ChoiceField(label=_("Indicator"), choices=IndicatorKind.choices)
    value = forms.CharField(
        label=_("Value"), help_text=_("A percentage (0 to 100), or a number of incidents.")
    )
    measured_on = forms.DateField(label=_("Measured on"), widget=DATE)
    source = PickerField("sources", label=_("Source"))
    note_ar = forms.CharField(label=_("Note in Arabic"), required=False, widget=TEXT)
    note_en = forms.CharField(
        label=_("Note in English"), required=False, widget=forms.Textarea(attrs=ENGLISH_TEXT)
    )

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        # The governorates by their names in the reader's language, north to south.
        names = governorate_labels(self.reader)
        self.fields["pcode"].choices = [("", "—"), *sorted(names.items())]

    def arguments(self) -> dict[str, Any]:
        data = {k: v for k, v in self.cleaned_data.items() if k not in OWN}
        return {**data, **self.common()}
