"""Forms of governance: a legal instrument with its vote, and an actor's action on a charter.
They collect; governance's services check and write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from marsad.governance.models import CharterActionKind, InstrumentKind
from marsad.web.forms import RecordForm
from marsad.web.pickers import PickerField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})
OWN = ("marking", "releasable_to", "claims")
CHARTER = "BOP-CHARTER"


class GovernanceForm(RecordForm):
    def arguments(self) -> dict[str, Any]:
        """The service's arguments: the form's `actor` is the service's `actor_key`."""
        data = {k: v for k, v in self.cleaned_data.items() if k not in OWN}
        data["actor_key"] = data.pop("actor")
        return {**data, **self.common()}


class InstrumentForm(GovernanceForm):
    actor = PickerField("agreements", label=_("The resolution, agreement or charter"))
    kind = forms.ChoiceField(label=_("Kind"), choices=InstrumentKind.choices)
    adopted = forms.DateField(label=_("Adopted on"), required=False, widget=DATE)
    votes_for = forms.CharField(label=_("Votes for"), required=False)
    votes_against = forms.CharField(label=_("Votes against"), required=False)
    abstentions = forms.CharField(label=_("Abstentions"), required=False)
    abstainers = PickerField(
        "signatories", multiple=True, required=False, label=_("Abstaining members")
    )
    endorses = PickerField(
        "actors", multiple=True, required=False, label=_("Endorses or establishes")
    )
    authorised_until = forms.DateField(label=_("Authorisations until"), required=False, widget=DATE)
    summary_ar = forms.CharField(label=_("Summary in Arabic"), required=False, widget=TEXT)
    summary_en = forms.CharField(label=_("Summary in English"), required=False, widget=TEXT)


class CharterActionForm(GovernanceForm):
    charter = PickerField("charters", label=_("Charter"), initial=CHARTER)
    actor = PickerField("signatories", label=_("Who acted"))
    action = forms.ChoiceField(label=_("Action"), choices=CharterActionKind.choices)
    on = forms.DateField(label=_("Date"), required=False, widget=DATE)
    text_ar = forms.CharField(label=_("Text in Arabic"), required=False, widget=TEXT)
    text_en = forms.CharField(label=_("Text in English"), required=False, widget=TEXT)
