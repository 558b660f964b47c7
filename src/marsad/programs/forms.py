"""Forms of the programs: a course's cohort, and its counts and dates as they change."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from marsad.web.forms import RecordForm

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
