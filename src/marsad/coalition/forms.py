"""Forms of the coalition: an invitation and the dated steps of its timeline, a membership, a
pledge, its status from a day and its readiness, a caveat, and whether a legal condition is
met."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from marsad.coalition.vocabulary import (
    CaveatKind,
    InvitationState,
    PledgeKind,
    PledgeStatus,
    Readiness,
    Role,
    Unit,
)
from marsad.core.vocabulary import VALUE_LABELS
from marsad.extraction.contract import MANDATE_TASKS
from marsad.web.forms import RecordForm
from marsad.web.pickers import PickerField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})
OWN = ("marking", "releasable_to", "claims")


def _met_field() -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=_("Is the condition met?"),
        choices=[("", _("not known")), ("yes", _("met")), ("no", _("not met"))],
        coerce=lambda v: {"yes": True, "no": False}.get(v),
        empty_value=None,
        required=False,
    )


class PledgeForm(RecordForm):
    nation = PickerField("actors", label=_("Nation or organisation"))
    body = PickerField("actors", label=_("Force or body it is offered to"), initial="ISF")
    kind = forms.ChoiceField(label=_("Kind"), choices=PledgeKind.choices)
    negative = forms.BooleanField(
        label=_("A refusal: the nation will not give this"), required=False
    )
    quantity = forms.CharField(label=_("Quantity"), required=False)
    unit = forms.ChoiceField(label=_("Unit"), choices=[("", "—"), *Unit.choices], required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=PledgeStatus.choices, initial=PledgeStatus.OFFERED
    )
    announced = forms.DateField(label=_("Announced"), required=False, widget=DATE)
    readiness = forms.ChoiceField(label=_("Readiness"), choices=Readiness.choices, required=False)
    deployable_from = forms.DateField(label=_("Can deploy from"), required=False, widget=DATE)
    conditions = forms.CharField(
        label=_("Conditions"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def arguments(self) -> dict[str, Any]:
        data = {k: v for k, v in self.cleaned_data.items() if k not in OWN}
        return {**data, **self.common()}


class PledgeStatusForm(RecordForm):
    """A new status from a day. The pledge keeps its marking: only the claims are asked."""

    status = forms.ChoiceField(label=_("New status"), choices=PledgeStatus.choices)
    on = forms.DateField(label=_("From"), widget=DATE)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        del self.fields["marking"], self.fields["releasable_to"]


class ReadinessForm(RecordForm):
    readiness = forms.ChoiceField(label=_("Readiness"), choices=Readiness.choices, required=False)
    deployable_from = forms.DateField(label=_("Can deploy from"), required=False, widget=DATE)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        del self.fields["marking"], self.fields["releasable_to"]


class ConditionMetForm(RecordForm):
    met = _met_field()

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        del self.fields["marking"], self.fields["releasable_to"]


class InvitationForm(RecordForm):
    inviter = PickerField("actors", label=_("Who invites"))
    invitee = PickerField("actors", label=_("Who is invited"))
    body = PickerField("actors", label=_("Force or body it is invited to"), initial="ISF")
    role = forms.ChoiceField(label=_("Role offered"), choices=Role.choices)
    state = forms.ChoiceField(
        label=_("Status"), choices=InvitationState.choices, initial=InvitationState.PROPOSED
    )
    on = forms.DateField(label=_("From"), widget=DATE)
    channels = PickerField(
        "actors", multiple=True, required=False, label=_("Delivered through (channels)")
    )
    note = forms.CharField(label=_("Note"), required=False, widget=TEXT)

    def arguments(self) -> dict[str, Any]:
        data = {k: v for k, v in self.cleaned_data.items() if k not in OWN}
        return {**data, **self.common()}


class InvitationStatusForm(RecordForm):
    """A dated step of an invitation's timeline: the step before it ends on its day."""

    state = forms.ChoiceField(label=_("New status"), choices=InvitationState.choices)
    on = forms.DateField(label=_("From"), widget=DATE)
    note = forms.CharField(label=_("Note"), required=False, widget=TEXT)

    def arguments(self) -> dict[str, Any]:
        data = {k: v for k, v in self.cleaned_data.items() if k not in OWN}
        return {**data, **self.common()}


class MembershipForm(RecordForm):
    member = PickerField("actors", label=_("Member"))
    body = PickerField("actors", label=_("Force or body"), initial="ISF")
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    since = forms.DateField(label=_("Since"), required=False, widget=DATE)
    until = forms.DateField(label=_("Until"), required=False, widget=DATE)

    def arguments(self) -> dict[str, Any]:
        data = {k: v for k, v in self.cleaned_data.items() if k not in OWN}
        return {**data, **self.common()}


class CaveatForm(RecordForm):
    nation = PickerField("actors", label=_("Nation or organisation"))
    kind = forms.ChoiceField(label=_("Kind"), choices=CaveatKind.choices)
    text_ar = forms.CharField(label=_("The caveat in Arabic"), required=False, widget=TEXT)
    text_en = forms.CharField(
        label=_("The caveat in English"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "lang": "en", "dir": "ltr"}),
    )
    areas = PickerField("places", multiple=True, required=False, label=_("Areas it limits to"))
    tasks = forms.MultipleChoiceField(
        label=_("Tasks it excludes or limits"),
        choices=[(task, VALUE_LABELS.get(task, task)) for task in MANDATE_TASKS],
        required=False,
        # Each box inside its label, not Bootstrap's floated .form-check-input (which needs
        # a .form-check wrapper the widget does not draw).
        widget=forms.CheckboxSelectMultiple(attrs={"class": "me-2"}),
    )
    until = forms.DateField(label=_("Until"), required=False, widget=DATE)
    met = _met_field()

    def arguments(self) -> dict[str, Any]:
        data = {k: v for k, v in self.cleaned_data.items() if k not in OWN}
        return {**data, **self.common()}
