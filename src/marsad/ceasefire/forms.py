"""Forms of the ceasefire area: an incident in ACLED's shape, a violation of the agreement that
an incident is said to be, and a casualty figure as one source gives it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from marsad.ceasefire.vocabulary import (
    EVENT_TYPE_LABELS,
    SUB_EVENT_LABELS,
    Determination,
    GeoPrecision,
    TimePrecision,
    Verification,
)
from marsad.datasets.acled_codebook import EVENT_TYPES
from marsad.web.forms import RecordForm
from marsad.web.pickers import PickerField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})


def _sub_events() -> list[tuple[Any, Any]]:
    return [("", "—")] + [
        (EVENT_TYPE_LABELS.get(kind, kind), [(s, SUB_EVENT_LABELS.get(s, s)) for s in subs])
        for kind, subs in EVENT_TYPES.items()
    ]


class IncidentForm(RecordForm):
    event_date = forms.DateField(label=_("Date of the event"), widget=DATE)
    time_precision = forms.TypedChoiceField(
        label=_("The date is known to the"),
        choices=TimePrecision.choices,
        coerce=int,
        initial=TimePrecision.DAY,
    )
    event_type = forms.ChoiceField(
        label=_("Event type"),
        choices=[("", "—"), *((k, EVENT_TYPE_LABELS.get(k, k)) for k in EVENT_TYPES)],
    )
    sub_event_type = forms.ChoiceField(label=_("Sub-event type"), choices=_sub_events)
    actor1_ref = PickerField("actors", label=_("Actor 1"), required=False)
    actor1 = forms.CharField(label=_("Actor 1 as reported"), required=False, max_length=300)
    actor2_ref = PickerField("actors", label=_("Actor 2"), required=False)
    actor2 = forms.CharField(label=_("Actor 2 as reported"), required=False, max_length=300)
    place = PickerField("places", label=_("Place (governorate or locality)"), required=False)
    location = forms.CharField(label=_("Location as reported"), required=False, max_length=200)
    latitude = forms.CharField(label=_("Latitude"), required=False)
    longitude = forms.CharField(label=_("Longitude"), required=False)
    geo_precision = forms.TypedChoiceField(
        label=_("The place is known as"),
        choices=GeoPrecision.choices,
        coerce=int,
        initial=GeoPrecision.PLACE,
    )
    fatalities = forms.CharField(label=_("Fatalities"), required=False)
    verification = forms.ChoiceField(
        label=_("Verification"), choices=Verification.choices, initial=Verification.REPORTED
    )
    reported_by = forms.CharField(label=_("Reported by"), required=False, max_length=300)
    description_ar = forms.CharField(label=_("Description in Arabic"), required=False, widget=TEXT)
    description_en = forms.CharField(label=_("Description in English"), required=False, widget=TEXT)

    def arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            **{k: v for k, v in data.items() if k not in ("marking", "releasable_to", "claims")},
            "actor1_ref": data["actor1_ref"] or None,
            "actor2_ref": data["actor2_ref"] or None,
            "place": data["place"] or None,
            **self.common(),
        }


class ViolationForm(RecordForm):
    accused = PickerField("actors", label=_("Accused"))
    accuser = PickerField("actors", label=_("Accuser"), required=False)
    determination = forms.ChoiceField(
        label=_("Determination"), choices=Determination.choices, initial=Determination.ALLEGED
    )
    note_ar = forms.CharField(label=_("Note in Arabic"), required=False, widget=TEXT)
    note_en = forms.CharField(label=_("Note in English"), required=False, widget=TEXT)

    def arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "accused": data["accused"],
            "accuser": data["accuser"] or None,
            "determination": data["determination"],
            "note_ar": data["note_ar"],
            "note_en": data["note_en"],
            **self.common(),
        }


class FigureForm(RecordForm):
    """Killed and injured as one source gives them, for an incident (from its page) or for a
    period and an area. A range ("0 to 3") is typed as its low and high bounds."""

    source = PickerField("sources", label=_("Source"))
    reported_on = forms.DateField(label=_("Reported on"), widget=DATE, required=False)
    period_start = forms.DateField(label=_("Period from"), widget=DATE, required=False)
    period_end = forms.DateField(label=_("Period to"), widget=DATE, required=False)
    area = PickerField("places", label=_("Area (governorate)"), required=False)
    killed = forms.CharField(label=_("Killed"), required=False)
    killed_low = forms.CharField(label=_("Killed, at least"), required=False)
    killed_high = forms.CharField(label=_("Killed, at most"), required=False)
    injured = forms.CharField(label=_("Injured"), required=False)
    injured_low = forms.CharField(label=_("Injured, at least"), required=False)
    injured_high = forms.CharField(label=_("Injured, at most"), required=False)
    children = forms.CharField(label=_("Among them children"), required=False)
    women = forms.CharField(label=_("Among them women"), required=False)
    civilians = forms.CharField(label=_("Among them civilians"), required=False)
    wording = forms.CharField(label=_("The source's words"), required=False, widget=TEXT)

    def __init__(self, *args: Any, incident: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if incident is not None:  # the incident's own day and place
            for name in ("period_start", "period_end", "area"):
                del self.fields[name]

    def arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            **{k: v for k, v in data.items() if k not in ("marking", "releasable_to", "claims")},
            **self.common(),
        }
