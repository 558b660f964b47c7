"""Forms of the access area: a crossing's or corridor's status step, a consignment, an access
incident, a task's protection of a corridor, and the crossings and corridors themselves."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from marsad.access.vocabulary import (
    AccessCategory,
    AccessState,
    CargoCategory,
    ConsignmentStatus,
    CrossingKind,
    Unit,
)
from marsad.ceasefire.vocabulary import Verification
from marsad.core.releasability import Marking
from marsad.web.forms import RecordForm
from marsad.web.pickers import PickerField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})
OWN = ("marking", "releasable_to", "claims")


class AccessForm(RecordForm):
    """Access records are public unless said otherwise (humanitarian coordinators record public
    records only)."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["marking"].initial = Marking.PUBLIC

    def own(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k not in OWN}


class StatusForm(AccessForm):
    crossing = PickerField("crossings", label=_("Crossing"), required=False)
    corridor = PickerField("corridors", label=_("or corridor"), required=False)
    state = forms.ChoiceField(label=_("Status"), choices=AccessState.choices)
    on = forms.DateField(label=_("From"), widget=DATE)
    expected = forms.BooleanField(label=_("Announced, not yet in effect"), required=False)
    authority = PickerField("actors", label=_("Decided by"), required=False)
    reason_ar = forms.CharField(label=_("Reason in Arabic"), required=False, widget=TEXT)
    reason_en = forms.CharField(label=_("Reason in English"), required=False, widget=TEXT)

    def arguments(self) -> dict[str, Any]:
        data = self.own()
        for name in ("crossing", "corridor", "authority"):
            data[name] = data[name] or None
        if data["crossing"] is None and data["corridor"] is None:
            data["crossing"] = ""  # refused by the service, on the crossing field
        return {**data, **self.common()}


class ConsignmentForm(AccessForm):
    day = forms.DateField(label=_("Day"), widget=DATE)
    crossing = PickerField("crossings", label=_("Crossing"))
    corridor = PickerField("corridors", label=_("Corridor"), required=False)
    category = forms.ChoiceField(label=_("Category"), choices=CargoCategory.choices)
    status = forms.ChoiceField(
        label=_("Status"), choices=ConsignmentStatus.choices, initial=ConsignmentStatus.ENTERED
    )
    trucks = forms.CharField(label=_("Trucks"), required=False)
    quantity = forms.CharField(label=_("Quantity"), required=False)
    unit = forms.ChoiceField(label=_("Unit"), choices=[("", "—"), *Unit.choices], required=False)
    tons = forms.CharField(label=_("Tons"), required=False)
    donor = forms.CharField(label=_("Donor"), required=False, max_length=200)
    destination = forms.CharField(label=_("Destination"), required=False, max_length=200)
    reported_by = forms.CharField(label=_("Reported by"), required=False, max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=TEXT)
    note = forms.CharField(label=_("Note"), required=False, widget=TEXT)

    def arguments(self) -> dict[str, Any]:
        data = self.own()
        data["corridor"] = data["corridor"] or None
        return {**data, **self.common()}


class CrossingForm(AccessForm):
    key = forms.CharField(label=_("Identifier"), max_length=64)
    kind = forms.ChoiceField(label=_("Kind"), choices=CrossingKind.choices)
    name_ar = forms.CharField(label=_("Arabic name"), max_length=200)
    name_en = forms.CharField(label=_("English name"), max_length=200)
    place = PickerField("places", label=_("Place"), required=False)
    latitude = forms.CharField(label=_("Latitude"), required=False)
    longitude = forms.CharField(label=_("Longitude"), required=False)
    description_ar = forms.CharField(label=_("Description in Arabic"), required=False, widget=TEXT)
    description_en = forms.CharField(label=_("Description in English"), required=False, widget=TEXT)

    def arguments(self) -> dict[str, Any]:
        data = self.own()
        data["place"] = data["place"] or None
        return {**data, **self.common()}


class CorridorForm(AccessForm):
    key = forms.CharField(label=_("Identifier"), max_length=64)
    crossing = PickerField("crossings", label=_("Crossing it starts from"))
    name_ar = forms.CharField(label=_("Arabic name"), max_length=200)
    name_en = forms.CharField(label=_("English name"), max_length=200)
    route = forms.CharField(
        label=_("Route (GeoJSON LineString)"),
        # The example is code, shown in the empty field rather than as a sentence.
        widget=forms.Textarea(
            attrs={
                "rows": 4,
                "dir": "ltr",
                "lang": "en",
                "placeholder": (
                    '{"type": "LineString", "coordinates": [[34.27, 31.23], [34.3, 31.3]]}'
                ),
            }
        ),
    )
    destinations_ar = forms.CharField(label=_("Destinations in Arabic"), required=False)
    destinations_en = forms.CharField(label=_("Destinations in English"), required=False)

    def clean_route(self) -> Any:
        try:
            route = json.loads(self.cleaned_data["route"])
        except ValueError:
            raise forms.ValidationError(_("The route is not valid GeoJSON.")) from None
        if not isinstance(route, dict):
            raise forms.ValidationError(_("The route is not valid GeoJSON."))
        return route

    def arguments(self) -> dict[str, Any]:
        return {**self.own(), **self.common()}


class AccessIncidentForm(AccessForm):
    day = forms.DateField(label=_("Day"), widget=DATE)
    category = forms.ChoiceField(label=_("Category"), choices=AccessCategory.choices)
    crossing = PickerField("crossings", label=_("Crossing"), required=False)
    corridor = PickerField("corridors", label=_("Corridor"), required=False)
    actor = PickerField("actors", label=_("Impeding party"), required=False)
    trucks_affected = forms.CharField(label=_("Trucks affected"), required=False)
    latitude = forms.CharField(label=_("Latitude"), required=False)
    longitude = forms.CharField(label=_("Longitude"), required=False)
    verification = forms.ChoiceField(
        label=_("Verification"), choices=Verification.choices, initial=Verification.REPORTED
    )
    reported_by = forms.CharField(label=_("Reported by"), required=False, max_length=200)
    description_ar = forms.CharField(label=_("Description in Arabic"), required=False, widget=TEXT)
    description_en = forms.CharField(label=_("Description in English"), required=False, widget=TEXT)

    def arguments(self) -> dict[str, Any]:
        data = self.own()
        for name in ("crossing", "corridor"):
            data[name] = data[name] or None
        data["actor_key"] = data.pop("actor") or None
        return {**data, **self.common()}


class ProtectionForm(AccessForm):
    """`task` is a task's number, chosen with the picker; the view finds the task."""

    task = PickerField("tasks", label=_("Task of the force"))
    since = forms.DateField(label=_("Since"), required=False, widget=DATE)
    note_ar = forms.CharField(label=_("Note in Arabic"), required=False, widget=TEXT)
    note_en = forms.CharField(label=_("Note in English"), required=False, widget=TEXT)

    def arguments(self) -> dict[str, Any]:
        return {**self.own(), **self.common()}
